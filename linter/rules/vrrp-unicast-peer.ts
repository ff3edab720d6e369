import { sockaddrAddress, sockaddrFamily } from '../values';
import type { Word } from '../../grammar/index';
import { entryLines, lastUnsignedLine, multicastGroup, nodeModel, normAddr, usable } from '../peer/model';
import { child, childrenNamed, defineRule, lineLoc, spanning } from '../types';

const UNICAST_KEYWORDS = ['unicast_src_ip', 'unicast_peer', 'check_unicast_src', 'old_unicast_checksum'];

/** unicast_peer lists keepalived rejects, and unicast settings that have no effect. */
export default defineRule({
  id: 'vrrp-unicast-peer',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'unicast_peer entries of another family, duplicated or equal to unicast_src_ip; unicast settings without peers; mcast_dst_ip with unicast.',
  messages: {
    family: 'VRRP instance {name} is IPv{family}; unicast peer {peer} is of another family and keepalived skips it.',
    duplicate: '({name}) {peer} - duplicate unicast_peer.',
    self: "({name}) unicast peer {peer} is this node's own unicast_src_ip; list only the other nodes.",
    noPeers:
      '({name}) a unicast keyword is set without any unicast peers; keepalived falls back to multicast (deprecated). Add unicast_peer or remove {keyword}.',
    ttlNoPeers: '({name}) unicast_ttl is set without unicast peers; keepalived resets it.',
    mcastDst: '({name}) mcast_dst_ip is set together with unicast peers; keepalived ignores it.',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    for (const i of m.instances) {
      if (!usable(i)) continue;
      const data = { name: i.name, family: i.family };
      const seen = new Set<string>();
      const src = i.unicastSrc && !i.unicastSrc.opaque ? normAddr(sockaddrAddress(i.unicastSrc.text)) : undefined;
      // A peer keepalived keeps: of the instance's family (or of no known value).
      const kept = (e: Word[]): boolean => e[0]!.opaque === true || sockaddrFamily(e[0]!.text) === i.family;
      let valid = 0;
      for (const e of i.peerLines) {
        const p = e[0]!;
        if (p.opaque) {
          valid++;
          continue;
        }
        // keepalived drops a peer's mask or range unread (inet_stosockaddr).
        const fam = sockaddrFamily(p.text);
        if (!fam) continue;
        if (fam !== i.family) {
          ctx.report({ loc: p, messageId: 'family', data: { ...data, peer: p.text } });
          continue;
        }
        valid++;
        const key = normAddr(sockaddrAddress(p.text));
        if (seen.has(key))
          ctx.report({ loc: p, messageId: 'duplicate', data: { ...data, peer: p.text }, severity: 'warning' });
        seen.add(key);
        if (key === src)
          ctx.report({ loc: p, messageId: 'self', data: { ...data, peer: p.text }, severity: 'warning' });
      }
      // keepalived checks unicast_ttl as it closes the instance block: only the lines before that
      // "}" count (a later instance block without "{" may continue it, see Statement.continues).
      // Only a value keepalived read (read_unsigned 0..255; `""` is 0 to it; a line it refuses
      // leaves the one before) is there to reset.
      const own = i.ownLines === undefined ? i.stmt : { ...i.stmt, children: (i.stmt.children ?? []).slice(0, i.ownLines) };
      if (!childrenNamed(own, 'unicast_peer').flatMap(entryLines).some(kept)) {
        const ttl = lastUnsignedLine(own, 'unicast_ttl', 0, 255);
        if (ttl && !ttl.args[0]!.opaque)
          ctx.report({ loc: spanning(ttl.keyword, i.stmt.close ?? ttl.keyword), messageId: 'ttlNoPeers', data });
      }
      if (valid > 0) {
        // Only a group keepalived took from the last line is there to ignore (a line it refuses
        // resets the instance to the global group).
        const own = i.mcastDst?.args[0];
        if (i.mcastDst && (own?.opaque || (own && multicastGroup(m, i)?.word === own)))
          ctx.report({ loc: lineLoc(i.mcastDst), messageId: 'mcastDst', data });
        continue;
      }
      if (i.peerLines.some((e) => e[0]!.opaque)) continue;
      if (child(i.stmt, 'unicast_fault_no_peer')) continue;
      const kw = UNICAST_KEYWORDS.map((k) => child(i.stmt, k)).find((s) => s);
      if (kw) ctx.report({ loc: lineLoc(kw), messageId: 'noPeers', data: { ...data, keyword: kw.keyword.text } });
    }
  },
});
