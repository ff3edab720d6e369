// The value readers of keepalived that decide how a configuration reads, not only whether a value
// is valid: keepalived skips the block of a real_server or virtual_server whose address or port
// inet_stosockaddr cannot read, and of a virtual_server whose fwmark read_unsigned refuses
// (alloc_rs, alloc_vs, check_data.c, 2.2.7). The linter's value checks (linter/values.ts) build on
// these.

import type { Word } from './ast';

/** Outcome of checking a value: undefined when valid, else a problem kind. */
export type ValueProblem =
  | { kind: 'invalid' }
  | { kind: 'negative' }
  | { kind: 'range'; min: number | string; max: number | string }
  | { kind: 'decimals'; decimals: number };

/**
 * The value of a word of 1 to 9 decimal digits and nothing else, or -1. Nearly every number in a
 * config is one: the readers below try this loop before their regular expressions.
 */
export function plainDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** An unsigned decimal integer: optional '+' and leading blanks; no hex, no sign. */
export function checkUnsigned(text: string, min: number, max: number): ValueProblem | undefined {
  const plain = plainDigits(text);
  if (plain !== -1) return plain < min || plain > max ? { kind: 'range', min, max } : undefined;
  // strtoul of an empty word is 0 without an error, so `""` counts as 0.
  const t = text.replace(/^[ \t]+/, '') || '0';
  if (t.startsWith('-') && /^-\d+$/.test(t)) return { kind: 'negative' };
  if (!/^\+?\d+$/.test(t)) return { kind: 'invalid' };
  const v = Number(t);
  if (v < min || v > max) return { kind: 'range', min, max };
  return undefined;
}

/** An IPv4 dotted quad as inet_pton reads it (no leading zeros, four parts). */
export function isIPv4(text: string): boolean {
  // A character loop: this runs for every address of every config.
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || ++parts > 4) return false;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return false; // no leading zeros
      value = value * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/** An IPv6 literal as inet_pton reads it. */
export function isIPv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  let s = text;
  let groupsNeeded = 8;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = s.indexOf('::');
  if (dbl !== -1 && s.indexOf('::', dbl + 1) !== -1) return false;
  const hex = /^[0-9a-fA-F]{1,4}$/;
  if (dbl === -1) {
    const g = s.split(':');
    return g.length === groupsNeeded && g.every((x) => hex.test(x));
  }
  const left = s.slice(0, dbl);
  const right = s.slice(dbl + 2);
  const lg = left === '' ? [] : left.split(':');
  const rg = right === '' ? [] : right.split(':');
  if (![...lg, ...rg].every((x) => hex.test(x))) return false;
  groupsNeeded -= 1;
  return lg.length + rg.length <= groupsNeeded;
}

/**
 * Address family of an address as keepalived's inet_stosockaddr reads it (virtual_server,
 * real_server, sorry_server, mcast_src_ip, unicast_src_ip, unicast_peer entries, connect_ip,
 * bindto, bfd source_ip and neighbor_ip): IPv6 if it has a ':' anywhere, and what follows the first
 * '-' (a range), else the first '/' (a mask), is dropped unread. 0 when inet_pton rejects the rest.
 */
export function sockaddrFamily(text: string): 0 | 4 | 6 {
  const addr = sockaddrAddress(text);
  if (text.includes(':')) return isIPv6(addr) ? 6 : 0;
  return isIPv4(addr) ? 4 : 0;
}

/**
 * The port of a virtual, real or sorry server or of a group entry: keepalived takes one of zeros
 * as no port and reads any other as 1..65535, so `+0` is out of range (alloc_vs, alloc_rs,
 * alloc_ssvr, alloc_vsg_entry; inet_stosockaddr; check_data.c, 2.2.7).
 */
export function checkServerPort(text: string): ValueProblem | undefined {
  return /^0*$/.test(text) ? undefined : checkUnsigned(text, 1, 65535);
}

/** The part of an address inet_stosockaddr reads: up to the first '-', else the first '/'. */
export function sockaddrAddress(text: string): string {
  let cut = text.indexOf('-');
  if (cut === -1) cut = text.indexOf('/');
  return cut === -1 ? text : text.slice(0, cut);
}

/**
 * Whether inet_stosockaddr takes an address and its port word, as alloc_rs and alloc_ssvr give
 * them (real_server, sorry_server): a port of zeros only is not passed (nor is a missing one),
 * any other must be 1..65535 to read_unsigned. Words that vary (substitutions) pass.
 */
export function sockaddrWithPort(addr: Word, port: Word | undefined): boolean {
  if (!addr.opaque && !sockaddrFamily(addr.text)) return false;
  return port === undefined || port.opaque || checkServerPort(port.text) === undefined;
}
