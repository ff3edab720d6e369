import type { Statement, Word } from '../../grammar/index';
import { atLeast } from '../../grammar/index';
import { defineRule, type RuleContext, spanning, valueBlocks } from '../types';
import { checkServerPort, checkSigned, checkUnsigned, ipFamily, sockaddrFamily, splitPrefix } from '../values';
import { checkPrefix, readVipEntry } from '../vip-entry';
import { isKeepalivedProtocol, NEXTHOP_VALUES, ROUTE_KEEPS, ROUTE_VALUES, RULE_KEEPS, RULE_VALUES } from '../route-values';

const VIP_BLOCKS = new Set(['virtual_ipaddress', 'virtual_ipaddress_excluded', 'static_ipaddress']);

/** Data lines of value blocks that keepalived rejects or only partly reads. */
export default defineRule({
  id: 'malformed-entry',
  meta: { severity: 'error', fixable: false, category: 'keyword', scope: 'block' },
  description: 'Entry of a virtual_ipaddress, unicast_peer or notification_email block that keepalived rejects.',
  messages: {
    badAddress: '"{value}" is not a valid IP address; keepalived skips this {block} entry.',
    badPrefix: 'Prefix length "{value}" is not a number 0..{max}; keepalived uses the whole address (/{max}).',
    unknownOption: 'Unknown option "{value}" for an address in {block}; keepalived ignores it.',
    oneLine: 'Unknown option "{value}" for an address in {block}: each address must be on its own line (keepalived reads one entry per line).',
    missingValue: '"{option}" needs a value.',
    missingVipValue: '"{option}" needs a value; keepalived skips this address ("No {option} parameter specified").',
    devTwice: 'A second "dev" for this address; keepalived skips the address ("Cannot specify ipaddress device more than once").',
    badBroadcast: '"{value}" is not an IPv4 broadcast address (or "+" / "-"); keepalived skips this address.',
    brdPrefix: 'Broadcast "{value}" with prefix length {prefix}: too long to compute a broadcast address (at most /30); keepalived ignores it.',
    brdPeer: 'An address with a peer has no broadcast address; keepalived ignores the broadcast.',
    badPeer: '"{value}" is not a valid peer address; keepalived ignores it.',
    peerFamily: 'Peer {value} is not of the address\'s family; keepalived ignores it.',
    peerTwice: 'A second peer ({value}); keepalived ignores it.',
    peerPrefix: 'An address with a peer takes its prefix from the peer; keepalived ignores the prefix of {address}.',
    badLifetime: 'preferred_lft "{value}" is not "forever" or a number 0..4294967295; keepalived ignores it.',
    trackGroupDev: 'A static address with track_group needs "dev"; keepalived ignores the track_group.',
    badScope: 'Invalid scope "{value}"; use global, host, link, site, nowhere or a number 0..255.',
    labelTooLong: 'Label "{value}" is longer than 15 characters; keepalived removes the address.',
    ipv6Broadcast: 'A broadcast address cannot be given to the IPv6 address {address}; keepalived skips this address.',
    ipv6Scope: 'Scope "{value}" cannot be given to the IPv6 address {address}; keepalived ignores the scope.',
    ipv6Label: 'A label cannot be given to the IPv6 address {address}; keepalived ignores the label.',
    peerOption: 'Unknown unicast_peer option "{value}"; expected min_ttl or max_ttl.',
    ttl: '"{option}" must be 0..255.',
    email: '"{value}" is not an e-mail address.',
    emptyBlock: 'Empty {block} block.',
    emptyGroup: 'Empty group list in {block}; keepalived ignores it (a later group block of the same {block} is then taken).',
    ttlOrder: 'min_ttl {min} is greater than max_ttl {max}: every packet will be discarded.',
    routeKeyword: 'Unknown route keyword "{value}"; keepalived skips it.',
    routeValue: '"{value}" is not a valid {option} for a route ({expected}); keepalived skips this route.',
    routeValueIgnored: '"{value}" is not a valid {option} for a route ({expected}); keepalived ignores it.',
    ruleProtocol:
      'A rule keepalived tracks has protocol keepalived (18); keepalived resets "{value}" ("Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED"). Add no_track to keep it.',
    ruleValue: '"{value}" is not a valid {option} for a rule ({expected}); keepalived skips this rule.',
    ruleValueIgnored: '"{value}" is not a valid {option} for a rule ({expected}); keepalived ignores it.',
    ruleOption: 'Unknown rule option "{value}"; keepalived skips it.',
    ruleNoPreference: 'Rule has no preference (priority); keepalived picks one for you, which is probably not what you want.',
    ruleNoAction:
      'Rule has no action (table, goto, nop, blackhole, unreachable, prohibit or l3mdev); keepalived ignores it ("No action specified for rule - ignoring").',
    routeNoDest:
      'keepalived steps over the word after "{family}" ("{value}": a quirk of its reader) and finds no destination, so it drops the route ("Route must have a destination"). Put the destination first, e.g. "::/0 via …".',
    familySkip: 'keepalived steps over the word after "{family}" ("{value}": a quirk of its reader), so it reads the rest of the line without it. Put {family} after the addresses.',
    routeFamilyOption: '"{option}" is only valid for {family} routes; keepalived ignores it.',
    routeAsTo: '"as to" (address translation) applies to MPLS routes only; keepalived ignores it and the address after it.',
    nexthopAs: '"as to" (address translation) is not supported in a nexthop; keepalived drops this nexthop and those after it.',
    routeProtocol:
      'A route keepalived tracks has protocol keepalived (18); keepalived resets "{value}" ("Route cannot be tracked if protocol is not RTPROT_KEEPALIVED"). Add no_track to keep it.',
    ruleRange: '{option} "{value}" is not read as a range by keepalived (it wants START-END: write {value}-{value}); keepalived ignores it.',
    routeNoInterface: 'Route has no "dev": keepalived {version} cannot track it.',
    routeFromV4: 'Route "from" {value}: only IPv6 routes take a source prefix; keepalived skips this route.',
    routeMix: '"{value}" is of the other address family than the rest of the route; keepalived skips this route ("Cannot mix IPv4 and IPv6 addresses for route").',
    routeDeprecated: '"{value}" in routes is deprecated; use "{replacement}".',
    vsgEntry: '"{value}" is not a valid virtual_server_group entry (IP[-END] PORT, or fwmark N); keepalived skips it.',
    vsgNoEntries: 'virtual_server_group "{name}" has no valid entry left; keepalived removes the group.',
    vsgFamily: 'Unknown family "{value}" for a fwmark entry (inet or inet6); keepalived skips the entry.',
    vsgMixed:
      'virtual_server_group "{name}" has IPv4 and IPv6 addresses and a fwmark without a family; keepalived removes the group. Give the fwmark its family (fwmark N inet|inet6).',
    vsgRange: 'Address range end {end} is not greater than the start of "{value}"; keepalived skips it.',
    trackWeight: 'Weight {value} in {block} must be {min}..{max}.',
    trackSyntax: 'Unexpected "{value}" in {block}; an entry is NAME [weight W [reverse|noreverse]].',
  },
  check(ctx) {
    for (const s of valueBlocks(ctx.parse.body)) {
      if (!s.entries) continue;
      const name = s.keyword.text;
      if (s.entries.length === 0 && name === 'notification_email') {
        ctx.report({ loc: spanning(s.keyword, s.close), messageId: 'emptyBlock', data: { block: name }, severity: 'warning' });
      }
      // A sync or track group's empty list ("Warning - sync group G2 has empty group block").
      if (s.entries.length === 0 && name === 'group' && (s.parentPath === 'root > vrrp_sync_group' || s.parentPath === 'root > track_group')) {
        ctx.report({ loc: spanning(s.keyword, s.close), messageId: 'emptyGroup', data: { block: s.parentPath.slice('root > '.length) }, severity: 'warning' });
      }
      if (s.entries.length === 0 && name === 'virtual_server_group') {
        ctx.report({ loc: spanning(s.keyword, s.close), messageId: 'emptyBlock', data: { block: name } });
      }
      if (VIP_BLOCKS.has(name)) for (const e of s.entries) readVipEntry(name, e, (p) => ctx.report(p));
      else if (ROUTE_BLOCKS.has(name)) for (const e of s.entries) checkRoute(ctx, e);
      else if (RULE_BLOCKS.has(name)) for (const e of s.entries) checkRule(ctx, e);
      else if (name === 'virtual_server_group') {
        let kept = 0;
        // What the kept entries are (have_ipv4, have_ipv6, fwmark_no_family in check_data.c).
        const seen = { v4: false, v6: false, bareFwmark: false };
        for (const e of s.entries) {
          const entry = checkVsg(ctx, e);
          if (!entry) continue;
          kept++;
          if (entry === 'fwmark') seen.bareFwmark = true;
          else if (entry === 4) seen.v4 = true;
          else if (entry === 6) seen.v6 = true;
        }
        // Every entry skipped: keepalived removes the group when it closes the block.
        if (s.entries.length > 0 && kept === 0)
          ctx.report({ loc: spanning(s.keyword, s.close), messageId: 'vsgNoEntries', data: { name: s.args[0]?.text ?? '' } });
        else if (seen.v4 && seen.v6 && seen.bareFwmark)
          ctx.report({ loc: spanning(s.keyword, s.close), messageId: 'vsgMixed', data: { name: s.args[0]?.text ?? '' } });
      }
      else if (TRACK_WEIGHT[name] && s.parentPath !== 'root') checkTrack(ctx, s);
      else if (name === 'unicast_peer') for (const e of s.entries) checkPeer(ctx, e);
      else if (name === 'notification_email') {
        for (const w of s.entries.flat()) {
          // keepalived hands the words to the mailer unchecked, so this is only a warning.
          if (!w.opaque && !/^[^@\s]+@[^@\s]+$/.test(w.text)) {
            ctx.report({ loc: w, messageId: 'email', data: { value: w.text }, severity: 'warning' });
          }
        }
      }
    }
  },
});



function checkPeer(ctx: RuleContext, e: Word[]): void {
  const [first, ...rest] = e;
  // The last value of each (a later one replaces it); keepalived compares them after the line.
  let minTtl: { n: number; w: Word } | undefined;
  let maxTtl: { n: number; v: Word } | undefined;
  if (!first || first.text === '{') return;
  // keepalived reads the peer with inet_stosockaddr, so `10.0.0.2/24` and `10.0.0.2-9` are accepted.
  if (!first.opaque && !sockaddrFamily(first.text)) {
    ctx.report({ loc: first, messageId: 'badAddress', data: { value: first.text, block: 'unicast_peer' } });
  }
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w.text !== 'min_ttl' && w.text !== 'max_ttl') {
      ctx.report({ loc: w, messageId: 'peerOption', data: { value: w.text } });
      continue;
    }
    const v = rest[++i];
    if (!v) ctx.report({ loc: w, messageId: 'missingValue', data: { option: w.text } });
    else if (checkUnsigned(v.text, 0, 255)) ctx.report({ loc: v, messageId: 'ttl', data: { option: w.text } });
    else if (w.text === 'min_ttl') minTtl = { n: Number(v.text), w };
    else maxTtl = { n: Number(v.text), v };
  }
  if (minTtl && maxTtl && minTtl.n > maxTtl.n) {
    const [from, to] = minTtl.w.start < maxTtl.v.start ? [minTtl.w, maxTtl.v] : [rest[rest.indexOf(maxTtl.v) - 1]!, rest[rest.indexOf(minTtl.w) + 1]!];
    ctx.report({ loc: spanning(from, to), messageId: 'ttlOrder', data: { min: minTtl.n, max: maxTtl.v.text } });
  }
}

const ROUTE_BLOCKS = new Set(['virtual_routes', 'static_routes']);
const RULE_BLOCKS = new Set(['virtual_rules', 'static_rules']);
/** Route keywords and whether they take a value (alloc_route). */
const ROUTE_KW: Record<string, boolean> = Object.fromEntries([
  ...'src as via gw from tos table protocol scope metric priority preference dev oif expires mtu hoplimit advmss rtt rttvar reordering window cwnd ssthresh realms rto_min initcwnd initrwnd features congctl pref ttl-propagate track_group vrf to'
    .split(' ')
    .map((k) => [k, true]),
  ...'quickack fastopen_no_cookie or'.split(' ').map((k) => [k, true]),
  ...'inet6 inet onlink add prepend append no_track'.split(' ').map((k) => [k, false]),
]);
const ROUTE_TYPES = new Set(['unicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'local', 'broadcast', 'multicast', 'nat', 'anycast']);
const RULE_KW: Record<string, boolean> = Object.fromEntries([
  ...'from to table lookup preference order priority tos dsfield fwmark realms suppress_prefixlength sup_pl suppress_ifgroup sup_group dev iif oif tunnel-id uidrange protocol ipproto sport dport track_group type goto'
    .split(' ')
    .map((k) => [k, true]),
  ...'inet6 inet l3mdev no_track nop not blackhole unreachable prohibit'.split(' ').map((k) => [k, false]),
]);

/** The words that give a rule its action (alloc_rule, vrrp_iprule.c, 2.2.7): without one keepalived drops it. */
const RULE_ACTIONS: ReadonlySet<string> = new Set(['table', 'lookup', 'l3mdev', 'goto', 'nop', 'blackhole', 'unreachable', 'prohibit', 'type']);

/**
 * The prefix of an address read by parse_ipaddress with a prefix allowed (a VIP, a route's
 * destination and from, a rule's from and to): keepalived uses the whole address when it cannot
 * read the prefix ("Invalid address prefix len 16. for address 10.2.0.0/16. - using 32",
 * vrrp_ipaddress.c, 2.2.7).
 */

/** Route keywords that take `lock` before their value (`mtu lock 1400`). */
const LOCKABLE = new Set(['mtu', 'advmss', 'rtt', 'rttvar', 'reordering', 'cwnd', 'ssthresh', 'rto_min', 'congctl']);

/**
 * A route as alloc_route (vrrp_iproute.c, 2.2.7) reads it: keywords in any order, and any other
 * word the destination (`[to] [TYPE] PREFIX`; a later one replaces it), until `nexthop`.
 */
function checkRoute(ctx: RuleContext, e: Word[]): void {
  let dest: Word | undefined;
  let hasDev = false;
  let noTrack = false;
  let protocol: Word | undefined;
  let skipped: { family: Word; word: Word } | undefined;
  // keepalived takes the route's family from its first address and rejects a route that mixes them.
  let family: 0 | 4 | 6 = 0;
  const sameFamily = (w: Word, f: 0 | 4 | 6): boolean => {
    if (f && family && f !== family) {
      ctx.report({ loc: w, messageId: 'routeMix', data: { value: w.text } });
      return false;
    }
    family ||= f;
    return true;
  };
  for (let i = 0; i < e.length; i++) {
    const w = e[i]!;
    if (w.opaque) continue;
    // Only the route's own dev is tracked; the devs of its nexthops are not (new->oif).
    if (w.text === 'nexthop') {
      checkNexthops(ctx, e, i);
      break;
    }
    if (w.text === 'encap') break;
    // `as [to] ADDRESS`: read and ignored (alloc_route, with RTA_NEWDST).
    if (w.text === 'as') {
      ctx.report({ loc: w, messageId: 'routeAsTo', data: {} });
      if (e[i + 1]?.text === 'to') i++;
      i++;
      continue;
    }
    if (w.text === 'inet' || w.text === 'inet6') {
      if (!sameFamily(w, w.text === 'inet' ? 4 : 6)) return;
      // keepalived's reader steps over the word after inet/inet6 (it counts the word twice).
      if (e[i + 1]) skipped = { family: w, word: e[++i]! };
      continue;
    }
    // Options of one family, checked against the family known when keepalived reads them.
    const known = family as 0 | 4 | 6;
    if (((w.text === 'pref' || w.text === 'expires') && known === 4) || (w.text === 'realms' && known === 6))
      ctx.report({ loc: w, messageId: 'routeFamilyOption', data: { option: w.text, family: known === 4 ? 'IPv6' : 'IPv4' } });
    if (w.text === 'protocol' && e[i + 1] && !e[i + 1]!.opaque && !isKeepalivedProtocol(e[i + 1]!.text)) protocol = e[i + 1];
    const takes = ROUTE_KW[w.text];
    if (takes === undefined || w.text === 'to') {
      let at = i;
      if (e[at]?.text === 'to') at++;
      if (e[at] && ROUTE_TYPES.has(e[at]!.text)) at++;
      const d = e[at];
      if (!d) break;
      i = at;
      if (d.opaque) continue;
      if (d.text === 'default6') {
        if (!sameFamily(d, 6)) return;
      } else if (!['default', 'any', 'all'].includes(d.text)) {
        const f = ipFamily(splitPrefix(d.text).addr);
        if (!f) {
          ctx.report({ loc: d, messageId: 'routeKeyword', data: { value: d.text } });
          return;
        }
        checkPrefix((p) => ctx.report(p), d);
        if (!sameFamily(d, f)) return;
      }
      dest = d;
      continue;
    }
    if (w.text === 'gw' || w.text === 'or') {
      ctx.report({ loc: w, messageId: 'routeDeprecated', data: { value: w.text, replacement: w.text === 'gw' ? 'via' : 'nexthop' }, severity: 'warning' });
    }
    if (w.text === 'via' || w.text === 'gw' || w.text === 'src' || w.text === 'from' || w.text === 'or') {
      // via takes "inet" or "inet6" before its address; via, src and or take an address without prefix.
      let at = i + 1;
      if ((w.text === 'via' || w.text === 'gw') && (e[at]?.text === 'inet' || e[at]?.text === 'inet6')) {
        if (!sameFamily(e[at]!, e[at]!.text === 'inet' ? 4 : 6)) return;
        at++;
      }
      const v = e[at];
      if (v && !v.opaque) {
        const f = w.text === 'from' ? ipFamily(splitPrefix(v.text).addr) : ipFamily(v.text);
        if (!f) return ctx.report({ loc: v, messageId: 'badAddress', data: { value: v.text, block: 'route' } });
        if (w.text === 'from' && f === 4) return ctx.report({ loc: v, messageId: 'routeFromV4', data: { value: v.text } });
        if (w.text === 'from') checkPrefix((p) => ctx.report(p), v);
        if (!sameFamily(v, f)) return;
      }
      i = at;
      continue;
    }
    if (w.text === 'dev' || w.text === 'oif') hasDev = true;
    if (w.text === 'no_track') noTrack = true;
    if (LOCKABLE.has(w.text) && e[i + 1]?.text === 'lock') i++;
    const keepsRoute = ROUTE_KEEPS.has(w.text);
    if (takes && valueRefused(ctx, w, e[i + 1], ROUTE_VALUES, keepsRoute ? 'routeValueIgnored' : 'routeValue') && !keepsRoute) return;
    if (takes) i++;
  }
  if (!dest && skipped) {
    const data = { family: skipped.family.text, value: skipped.word.text };
    return ctx.report({ loc: skipped.word, messageId: 'routeNoDest', data });
  }
  if (skipped) ctx.report({ loc: skipped.word, messageId: 'familySkip', data: { family: skipped.family.text, value: skipped.word.text }, severity: 'warning' });
  // A tracked route (no no_track) is keepalived's own: its protocol is reset to 18.
  if (protocol && !noTrack) ctx.report({ loc: protocol, messageId: 'routeProtocol', data: { value: protocol.text } });
  if (!hasDev && !noTrack && !atLeast(ctx.targetVersion, '2.3.2') && e[0]) {
    ctx.report({ loc: dest ?? e[0], messageId: 'routeNoInterface', data: { version: ctx.targetVersion }, severity: 'warning' });
  }
}

/** Reports an option's value keepalived cannot read (route-values.ts); true if so. */
function valueRefused(
  ctx: RuleContext,
  option: Word,
  v: Word | undefined,
  readers: Readonly<Record<string, (text: string) => string | undefined>>,
  messageId = 'routeValue',
): boolean {
  const read = Object.hasOwn(readers, option.text) ? readers[option.text] : undefined;
  const expected = read && v && !v.opaque ? read(v.text) : undefined;
  if (expected) ctx.report({ loc: v!, messageId, data: { option: option.text, value: v!.text, expected } });
  return expected !== undefined;
}

/** Nexthop words that take a value (parse_nexthops, 2.2.7), so that a value named `as` is not the option. */
const NEXTHOP_VALUE = new Set(['via', 'dev', 'weight', 'realms', 'encap']);

/** The nexthops of a route from `from` (a `nexthop` word): `as [to]` ends them (parse_nexthops). */
function checkNexthops(ctx: RuleContext, e: Word[], from: number): void {
  for (let i = from; i < e.length; i++) {
    const w = e[i]!;
    if (w.opaque) continue;
    if (NEXTHOP_VALUE.has(w.text)) {
      if (valueRefused(ctx, w, e[i + 1], NEXTHOP_VALUES)) return;
      i++;
      continue;
    }
    if (w.text === 'as') {
      ctx.report({ loc: w, messageId: 'nexthopAs', data: {} });
      return;
    }
  }
}

function checkRule(ctx: RuleContext, e: Word[]): void {
  let hasPref = false;
  // keepalived drops the rule at its first unknown option; the action check comes after the loop.
  let unknown = false;
  let action = false;
  let varies = false;
  let noTrack = false;
  let protocol: Word | undefined;
  for (let i = 0; i < e.length; i++) {
    const w = e[i]!;
    if (w.opaque) {
      varies = true;
      continue;
    }
    if (w.text === 'no_track') noTrack = true;
    const takes = RULE_KW[w.text];
    if (takes === undefined) {
      ctx.report({ loc: w, messageId: 'ruleOption', data: { value: w.text } });
      unknown = true;
      continue;
    }
    if (RULE_ACTIONS.has(w.text)) action = true;
    if ((w.text === 'inet' || w.text === 'inet6') && e[i + 1]) {
      const next = e[++i]!;
      ctx.report({ loc: next, messageId: 'familySkip', data: { family: w.text, value: next.text }, severity: 'warning' });
      continue;
    }
    if (w.text === 'preference' || w.text === 'order' || w.text === 'priority') hasPref = true;
    // keepalived drops the rule at a value it cannot read, before its other checks.
    const keeps = RULE_KEEPS.has(w.text);
    const refused = takes && valueRefused(ctx, w, e[i + 1], RULE_VALUES, keeps ? 'ruleValueIgnored' : 'ruleValue');
    if (refused && !keeps) return;
    const v = e[i + 1];
    if (w.text === 'protocol' && !refused && v && !v.opaque && !isKeepalivedProtocol(v.text)) protocol = v;
    // sscanf("%hu-%hu") must read two numbers: a single port is refused (a quirk of 2.2.7 to 2.4.x).
    const port = e[i + 1];
    if ((w.text === 'sport' || w.text === 'dport') && port && !port.opaque && !/^\d+-\d+/.test(port.text))
      ctx.report({ loc: port, messageId: 'ruleRange', data: { option: w.text, value: port.text } });
    if ((w.text === 'from' || w.text === 'to') && e[i + 1] && !e[i + 1]!.opaque) {
      const v = e[i + 1]!;
      if (v.text !== 'all' && !ipFamily(splitPrefix(v.text).addr)) ctx.report({ loc: v, messageId: 'badAddress', data: { value: v.text, block: 'rule' } });
      else checkPrefix((p) => ctx.report(p), v);
    }
    if (takes) i++;
  }
  if (!hasPref && e.length) ctx.report({ loc: spanning(e[0]!, e[e.length - 1]), messageId: 'ruleNoPreference', data: {} });
  if (!action && !unknown && !varies && e.length)
    ctx.report({ loc: spanning(e[0]!, e[e.length - 1]), messageId: 'ruleNoAction', data: {} });
  // A rule it keeps and tracks gets keepalived's own protocol (alloc_rule, after the action check).
  if (protocol && !noTrack && !unknown && (action || varies))
    ctx.report({ loc: protocol, messageId: 'ruleProtocol', data: { value: protocol.text } });
}

/**
 * Checks a virtual_server_group entry (alloc_vsg_entry): undefined when keepalived skips it, else
 * its family (an address range's, or a fwmark's `inet`/`inet6`), 'fwmark' for a fwmark without one,
 * 0 when a value varies.
 */
function checkVsg(ctx: RuleContext, e: Word[]): 0 | 4 | 6 | 'fwmark' | undefined {
  const [first, second, third] = e;
  if (!first || first.text === '{') return undefined;
  if (first.opaque) return 0;
  if (first.text === 'fwmark') {
    if (!second || checkUnsigned(second.text, 0, 4294967295)) {
      ctx.report({ loc: spanning(first, second), messageId: 'vsgEntry', data: { value: e.map((w) => w.text).join(' ') } });
      return undefined;
    }
    if (!third) return 'fwmark';
    if (third.opaque) return 0;
    if (third.text === 'inet') return 4;
    if (third.text === 'inet6') return 6;
    ctx.report({ loc: third, messageId: 'vsgFamily', data: { value: third.text } });
    return undefined;
  }
  const m = /^(.*?)(?:-(\d+))?$/.exec(first.text)!;
  const fam = ipFamily(m[1]!);
  if (!fam || (second && !second.opaque && checkServerPort(second.text))) {
    ctx.report({ loc: spanning(first, second), messageId: 'vsgEntry', data: { value: e.map((w) => w.text).join(' ') } });
    return undefined;
  }
  if (m[2] !== undefined && fam === 4) {
    const start = Number(m[1]!.split('.')[3]);
    if (Number(m[2]) <= start || Number(m[2]) > 255) {
      ctx.report({ loc: first, messageId: 'vsgRange', data: { value: first.text, end: m[2] } });
      return undefined;
    }
  }
  return fam;
}

/** Weight range of each tracking list in a vrrp_instance / vrrp_sync_group. */
const TRACK_WEIGHT: Record<string, [number, number]> = {
  track_script: [-253, 253],
  track_interface: [-253, 253],
  track_bfd: [-253, 253],
  track_file: [-254, 254],
  track_process: [-254, 254],
};

/** Checks the options of a tracking list's entries (a name listed twice: track-duplicate). */
function checkTrack(ctx: RuleContext, s: Statement): void {
  const block = s.keyword.text;
  const [min, max] = TRACK_WEIGHT[block]!;
  for (const e of s.entries!) {
    const [name, ...rest] = e;
    if (!name || name.opaque || name.text === '{') continue;
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i]!;
      if (w.opaque) continue;
      if (w.text === 'weight') {
        const v = rest[i + 1];
        if (!v) ctx.report({ loc: w, messageId: 'missingValue', data: { option: 'weight' } });
        else if (!v.opaque && checkSigned(v.text, min, max)) ctx.report({ loc: v, messageId: 'trackWeight', data: { value: v.text, block, min, max } });
        i++;
      } else if (w.text !== 'reverse' && w.text !== 'noreverse') {
        ctx.report({ loc: w, messageId: 'trackSyntax', data: { value: w.text, block } });
      }
    }
  }
}
