// An address line (virtual_ipaddress, virtual_ipaddress_excluded, static_ipaddress) as keepalived's
// alloc_ipaddress reads it (vrrp_ipaddress.c, 2.2.7): malformed-entry reports what it refuses, and
// vrrp-interface looks at the addresses it keeps.
import type { Word } from '../grammar/index';
import { checkUnsigned, ipFamily, isIPv4, splitPrefix } from './values';

/** Where a problem goes: malformed-entry's message ids and data. */
export type VipReport = (problem: { loc: Word; messageId: string; data: Record<string, string | number> }) => void;

/** An address keepalived keeps, with the options the checks after reading need. */
export interface VipEntry {
  address: Word;
  family: 4 | 6;
  dev: Word | undefined;
  /** The address's own `use_vmac` option. */
  useVmac: Word | undefined;
  /** Some word's value varies from run to run (`${_RANDOM}`): what keepalived keeps is not known. */
  varies: boolean;
}

/**
 * Options of an address line and whether they take a value (alloc_ipaddress, vrrp_ipaddress.c; the
 * same from 2.2.7 to 2.4.x). track_group is for static_ipaddress only, use_vmac for the others.
 */
const VIP_OPTIONS: Record<string, boolean> = {
  dev: true,
  scope: true,
  broadcast: true,
  brd: true,
  label: true,
  peer: true,
  preferred_lft: true,
  track_group: true,
  home: false,
  '-nodad': false,
  mngtmpaddr: false,
  noprefixroute: false,
  autojoin: false,
  no_track: false,
  use_vmac: false,
};
/** Scope names (rt_scopes) and their numbers; any number 0..255 is a scope too. */
const SCOPES: Record<string, number> = { global: 0, nowhere: 255, host: 254, link: 253, site: 200 };

/** The address of an entry: its family, or 0 when keepalived cannot read it (it skips the entry). */
function readAddress(report: VipReport, w: Word, block: string): 0 | 4 | 6 {
  if (w.opaque) return 4;
  const { addr } = splitPrefix(w.text);
  const fam = ipFamily(addr);
  if (!fam) {
    report({ loc: w, messageId: 'badAddress', data: { value: w.text, block } });
    return 0;
  }
  checkPrefix(report, w);
  return fam;
}

/**
 * An address line of a virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress block as
 * alloc_ipaddress reads it: its options, in order, then the checks after them. Reports the
 * problems keepalived names (`report`: malformed-entry's messages) and returns what it keeps.
 */
export function readVipEntry(block: string, e: Word[], report: VipReport = () => {}): VipEntry | undefined {
  const isStatic = block === 'static_ipaddress';
  const [first, ...rest] = e;
  if (!first || first.text === '{') return undefined;
  const fam = readAddress(report, first, block);
  const prefix = first.opaque ? undefined : splitPrefix(first.text).prefix;
  let dev: Word | undefined;
  let scope: Word | undefined;
  let label: Word | undefined;
  let peer: Word | undefined;
  let broadcast: Word | undefined;
  let trackGroup: Word | undefined;
  let useVmac: Word | undefined;
  let varies = first.opaque === true;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w.opaque) {
      varies = true;
      continue;
    }
    const known =
      w.text in VIP_OPTIONS && !(w.text === 'track_group' && !isStatic) && !(w.text === 'use_vmac' && isStatic);
    if (!known) {
      // keepalived names each word it does not know, and reads on with the next one.
      const looksLikeAddress = ipFamily(splitPrefix(w.text).addr) !== 0;
      report({ loc: w, messageId: looksLikeAddress ? 'oneLine' : 'unknownOption', data: { value: w.text, block } });
      continue;
    }
    if (w.text === 'use_vmac') useVmac = w;
    if (!VIP_OPTIONS[w.text]) continue;
    const v = rest[++i];
    if (!v) {
      report({ loc: w, messageId: 'missingVipValue', data: { option: w.text } });
      return undefined;
    }
    if (v.opaque) {
      varies = true;
      continue;
    }
    switch (w.text) {
      case 'dev':
        if (dev) {
          report({ loc: w, messageId: 'devTwice', data: {} });
          return undefined;
        }
        dev = v;
        break;
      case 'scope':
        if (!(v.text in SCOPES) && checkUnsigned(v.text, 0, 255))
          report({ loc: v, messageId: 'badScope', data: { value: v.text } });
        else scope = v;
        break;
      case 'broadcast':
      case 'brd':
        if (fam === 6) {
          report({ loc: w, messageId: 'ipv6Broadcast', data: { address: first.text } });
          return undefined;
        }
        if (v.text !== '+' && v.text !== '-' && !isIPv4(v.text)) {
          report({ loc: v, messageId: 'badBroadcast', data: { value: v.text } });
          return undefined;
        }
        broadcast = v;
        break;
      case 'label':
        if (Buffer.byteLength(v.text) > 15) {
          report({ loc: v, messageId: 'labelTooLong', data: { value: v.text } });
          return undefined;
        }
        label = v;
        break;
      case 'peer': {
        if (peer) {
          report({ loc: v, messageId: 'peerTwice', data: { value: v.text } });
          break;
        }
        // parse_ipaddress without a prefix: "10.0.0.9/24" is no peer address.
        const pf = v.text.includes('/') ? 0 : ipFamily(v.text);
        if (!pf) report({ loc: v, messageId: 'badPeer', data: { value: v.text } });
        else if (fam && pf !== fam) report({ loc: v, messageId: 'peerFamily', data: { value: v.text } });
        else {
          if (prefix !== undefined && Number(prefix) !== (fam === 6 ? 128 : 32))
            report({ loc: first, messageId: 'peerPrefix', data: { address: first.text } });
          peer = v;
        }
        break;
      }
      case 'preferred_lft':
        if (v.text !== 'forever' && checkUnsigned(v.text, 0, 4294967295))
          report({ loc: v, messageId: 'badLifetime', data: { value: v.text } });
        break;
      case 'track_group':
        trackGroup = w;
        break;
      default:
    }
  }
  if (broadcast && peer) report({ loc: broadcast, messageId: 'brdPeer', data: {} });
  else if (broadcast && (broadcast.text === '+' || broadcast.text === '-') && fam === 4) {
    const len = prefix === undefined ? 32 : Number(prefix);
    if (len > 30) report({ loc: broadcast, messageId: 'brdPrefix', data: { value: broadcast.text, prefix: len } });
  }
  if (fam === 6) {
    if (scope && (SCOPES[scope.text] ?? Number(scope.text)) !== 0)
      report({ loc: scope, messageId: 'ipv6Scope', data: { value: scope.text, address: first.text } });
    if (label) report({ loc: label, messageId: 'ipv6Label', data: { address: first.text } });
  }
  if (trackGroup && !dev) report({ loc: trackGroup, messageId: 'trackGroupDev', data: {} });
  // An address keepalived cannot read drops the entry (its options are still checked here).
  return fam ? { address: first, family: fam, dev, useVmac, varies } : undefined;
}

/** A prefix length keepalived cannot read (it then uses the whole address). */
export function checkPrefix(report: VipReport, w: Word): void {
  const { addr, prefix } = splitPrefix(w.text);
  const fam = ipFamily(addr);
  const max = fam === 6 ? 128 : 32;
  if (fam && prefix !== undefined && checkUnsigned(prefix, 0, max))
    report({ loc: w, messageId: 'badPrefix', data: { value: prefix, max } });
}
