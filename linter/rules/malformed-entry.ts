import type { Statement, Word } from '../../grammar/index';
import { defineRule, type RuleContext, walk } from '../types';
import { checkUnsigned, ipFamily, splitPrefix } from '../values';

/** Options a virtual_ipaddress entry may carry, and whether they take a value. */
const VIP_OPTIONS: Record<string, boolean> = {
  brd: true,
  broadcast: true,
  dev: true,
  scope: true,
  label: true,
  peer: true,
  preferred_lft: true,
  track_group: true,
  home: false,
  '-nodad': false,
  nodad: false,
  noprefixroute: false,
  autojoin: false,
  no_track: false,
  protocol: true,
};
const SCOPES = ['global', 'nowhere', 'host', 'link', 'site', 'universe'];
const VIP_BLOCKS = new Set(['virtual_ipaddress', 'virtual_ipaddress_excluded', 'static_ipaddress']);

/** Data lines of value blocks that keepalived rejects or only partly reads. */
export default defineRule({
  id: 'malformed-entry',
  meta: { severity: 'error', fixable: false, category: 'keyword' },
  description: 'Entry of a virtual_ipaddress, unicast_peer or notification_email block that keepalived rejects.',
  messages: {
    badAddress: '"{value}" is not a valid IP address; keepalived skips this {block} entry.',
    badPrefix: 'Prefix length "{value}" is outside 0..{max}.',
    unknownOption: 'Unknown option "{value}" for an address in {block}; keepalived ignores it.',
    oneLine: 'Unknown option "{value}" for an address in {block}: each address must be on its own line (keepalived reads one entry per line).',
    missingValue: '"{option}" needs a value.',
    badScope: 'Invalid scope "{value}"; use global, host, link, site, nowhere or a number 0..255.',
    labelTooLong: 'Label "{value}" is longer than 15 characters; keepalived removes the address.',
    ipv6Option: '"{option}" cannot be used with the IPv6 address {address}; keepalived ignores it.',
    peerOption: 'Unknown unicast_peer option "{value}"; expected min_ttl or max_ttl.',
    ttl: '"{option}" must be 0..255.',
    email: '"{value}" is not an e-mail address.',
  },
  check(ctx) {
    walk(ctx.parse.body, (s) => {
      if (!s.entries) return;
      const name = s.keyword.text;
      if (VIP_BLOCKS.has(name)) for (const e of s.entries) checkVip(ctx, s, e);
      else if (name === 'unicast_peer') for (const e of s.entries) checkPeer(ctx, e);
      else if (name === 'notification_email') {
        for (const w of s.entries.flat()) {
          if (!w.opaque && !/^[^@\s]+@[^@\s]+$/.test(w.text)) ctx.report({ loc: w, messageId: 'email', data: { value: w.text } });
        }
      }
    });
  },
});

function checkAddress(ctx: RuleContext, w: Word, block: string): 0 | 4 | 6 {
  if (w.opaque) return 4;
  const { addr, prefix } = splitPrefix(w.text);
  const fam = ipFamily(addr);
  if (!fam) {
    ctx.report({ loc: w, messageId: 'badAddress', data: { value: w.text, block } });
    return 0;
  }
  if (prefix !== undefined && checkUnsigned(prefix, 0, fam === 6 ? 128 : 32)) {
    ctx.report({ loc: w, messageId: 'badPrefix', data: { value: prefix, max: fam === 6 ? 128 : 32 } });
  }
  return fam;
}

function checkVip(ctx: RuleContext, s: Statement, e: Word[]): void {
  const block = s.keyword.text;
  const [first, ...rest] = e;
  if (!first || first.text === '{') return;
  const fam = checkAddress(ctx, first, block);
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w.opaque) continue;
    const takesValue = VIP_OPTIONS[w.text];
    if (takesValue === undefined) {
      const looksLikeAddress = ipFamily(splitPrefix(w.text).addr) !== 0;
      ctx.report({ loc: w, messageId: looksLikeAddress ? 'oneLine' : 'unknownOption', data: { value: w.text, block } });
      continue;
    }
    if (!takesValue) continue;
    const v = rest[i + 1];
    if (!v) {
      ctx.report({ loc: w, messageId: 'missingValue', data: { option: w.text } });
      break;
    }
    i++;
    if (v.opaque) continue;
    if (w.text === 'scope' && !SCOPES.includes(v.text) && checkUnsigned(v.text, 0, 255)) {
      ctx.report({ loc: v, messageId: 'badScope', data: { value: v.text } });
    }
    if (w.text === 'label' && v.text.length > 15) ctx.report({ loc: v, messageId: 'labelTooLong', data: { value: v.text } });
    if (fam === 6 && (w.text === 'scope' || w.text === 'label' || w.text === 'brd' || w.text === 'broadcast')) {
      ctx.report({ loc: w, messageId: 'ipv6Option', data: { option: w.text, address: first.text } });
    }
  }
}

function checkPeer(ctx: RuleContext, e: Word[]): void {
  const [first, ...rest] = e;
  if (!first || first.text === '{') return;
  if (!first.opaque && !ipFamily(first.text)) ctx.report({ loc: first, messageId: 'badAddress', data: { value: first.text, block: 'unicast_peer' } });
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w.text !== 'min_ttl' && w.text !== 'max_ttl') {
      ctx.report({ loc: w, messageId: 'peerOption', data: { value: w.text } });
      continue;
    }
    const v = rest[++i];
    if (!v) ctx.report({ loc: w, messageId: 'missingValue', data: { option: w.text } });
    else if (checkUnsigned(v.text, 0, 255)) ctx.report({ loc: v, messageId: 'ttl', data: { option: w.text } });
  }
}
