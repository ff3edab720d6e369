import type { Word } from '../../grammar/index';
import { typedArgs } from '../params';
import { defineRule, statementsNamed, type RuleContext } from '../types';
import { sockaddrAddress, sockaddrFamily } from '../values';

/**
 * keepalived reads the addresses of servers, sources, peers and multicast groups with
 * inet_stosockaddr, which cuts the word at its first "-" (else its first "/") and reads only what
 * comes before: `real_server 10.0.0.11-15 80` is the one server 10.0.0.11, `unicast_peer {
 * 10.0.0.2/24 }` the peer 10.0.0.2, without a word (lib/utils.c, 2.2.7). A virtual_server_group's
 * ranges are read by their own code, and a VIP's prefix length counts: neither is checked here.
 */

/** The parameter types read by inet_stosockaddr (see values.ts: sockaddrFamily). */
const SOCKADDR_TYPES: ReadonlySet<string> = new Set(['ipaddr', 'ipv4_multicast', 'ipv6_multicast', 'multicast_ip']);

/** The options of lvs_sync_daemon that take a value. */
const SYNC_OPTIONS: ReadonlySet<string> = new Set(['inst', 'id', 'maxlen', 'port', 'ttl', 'group']);

export default defineRule({
  id: 'ignored-address-suffix',
  meta: { severity: 'warning', fixable: true, category: 'keyword', scope: 'block' },
  description:
    'A prefix length or range after a server, source, peer or multicast address: keepalived drops it without a word and uses the one address before it.',
  messages: {
    mask: 'keepalived ignores "{suffix}" after {address}: {keyword} takes one address, without a prefix length. Remove it.',
    range:
      'keepalived ignores "{suffix}" after {address}: {keyword} takes one address, not a range, so only {address} is used.',
    serverRange:
      'keepalived ignores "{suffix}" after {address}: a real_server is one address, not a range, so only {address} is used. Write one real_server block per server.',
    peerRange:
      'keepalived ignores "{suffix}" after {address}: a unicast_peer entry is one address, not a range, so only {address} is used. List each peer on a line of its own.',
    serviceRange:
      'keepalived ignores "{suffix}" after {address}: a virtual_server is one address, not a range, so only {address} is used. For a range of addresses, use a virtual_server_group.',
  },
  check(ctx) {
    for (const s of statementsNamed(ctx.parse.body, 'virtual_server')) {
      // `virtual_server group NAME` and `virtual_server fwmark N` name no address.
      const addr = s.args[0];
      if (s.spec && addr && addr.text !== 'group' && addr.text !== 'fwmark')
        check(ctx, 'virtual_server', addr, 'serviceRange');
    }
    for (const c = typedArgs(ctx.parse.body, ctx.targetVersion, SOCKADDR_TYPES); c.next();) {
      // The statement's other words (a real server's port) are not addresses.
      if (!SOCKADDR_TYPES.has(c.param.type)) continue;
      const keyword = c.statement.keyword.text;
      check(ctx, keyword, c.arg, keyword === 'real_server' ? 'serverRange' : 'range');
    }
    for (const s of statementsNamed(ctx.parse.body, 'unicast_peer')) {
      if (!s.spec) continue;
      for (const e of s.entries ?? []) if (e[0]) check(ctx, 'unicast_peer', e[0], 'peerRange');
    }
    // `lvs_sync_daemon IFNAME ... group ADDRESS`: lvs_syncd_handler takes each option's value
    // as the word after it, so a value is never read as an option.
    for (const s of statementsNamed(ctx.parse.body, 'lvs_sync_daemon')) {
      if (!s.spec) continue;
      for (let i = 1; i + 1 < s.args.length; i++) {
        const key = s.args[i]!.text;
        if (!SYNC_OPTIONS.has(key)) continue;
        if (key === 'group') check(ctx, 'lvs_sync_daemon group', s.args[i + 1]!, 'range');
        i++;
      }
    }
  },
});

type RangeMessage = 'range' | 'serverRange' | 'peerRange' | 'serviceRange';

/** Reports what inet_stosockaddr drops of `w`, the address of `keyword`. */
function check(ctx: RuleContext, keyword: string, w: Word, rangeMessage: RangeMessage): void {
  if (w.opaque || w.substituted) return;
  const v = w.text;
  const address = sockaddrAddress(v);
  // Nothing cut off, or an address keepalived cannot read at all (invalid-address's).
  if (address.length === v.length || !sockaddrFamily(v)) return;
  const src = ctx.parse.files[w.file]!.text;
  // The word's text as it stands in the file (inside its quotes, if quoted).
  const textStart = w.quoted ? w.start + 1 : w.start;
  if (src.slice(textStart, textStart + v.length) !== v) return;
  const loc = { file: w.file, start: textStart + address.length, end: textStart + v.length };
  const data = { suffix: v.slice(address.length), address, keyword };
  if (v[address.length] === '/') {
    // A mask is dropped whatever it says: removing it leaves keepalived reading the same.
    ctx.report({ loc, messageId: 'mask', data, fix: { ...loc, text: '' }, tags: ['unnecessary'] });
  } else {
    // A range says the author meant several addresses: which ones is theirs to write.
    ctx.report({ loc, messageId: rangeMessage, data });
  }
}
