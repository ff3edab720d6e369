import { definePeerRule } from '../../types';
import { reportAt, sharedRouters } from '../helpers';
import { sockaddrAddress } from '../../values';
import { normAddr } from '../model';

/** Unicast peer lists that do not reach the other members of a virtual router. */
export default definePeerRule({
  id: 'peer-unicast-mismatch',
  meta: { severity: 'error', fixable: false, category: 'peer' },
  description:
    "unicast_peer lists that miss another node's unicast_src_ip, or nodes of one virtual router mixing unicast and multicast.",
  messages: {
    missing:
      "({name}) unicast_peer on {node} does not list {other}'s unicast_src_ip {address}: {node} never sends its adverts to {other}, which becomes MASTER too whenever {node} is MASTER.",
    mixed:
      "({name}) {node} uses {mode}, unlike {others} ({otherMode}): the nodes never see each other's adverts and all become MASTER.",
    source: 'unicast_src_ip of {node}',
    otherMode: '{node} uses {mode}',
  },
  checkPeers(ctx) {
    for (const router of sharedRouters(ctx.nodes)) {
      const uni = router.members.filter((m) => m.inst.peers.length > 0);
      if (!uni.length) continue;
      const multi = router.members.filter((m) => m.inst.peers.length === 0);
      for (const m of router.members) {
        const mine = m.inst.peers.length > 0;
        const others = (mine ? multi : uni).filter((o) => o.node !== m.node);
        if (!others.length) continue;
        const mode = mine ? 'unicast' : 'multicast';
        const otherMode = mine ? 'multicast' : 'unicast';
        reportAt(
          ctx,
          m,
          {
            loc: m.inst.peerBlock?.keyword ?? m.inst.nameLoc,
            messageId: 'mixed',
            data: {
              name: m.inst.name,
              node: m.node.name,
              mode,
              others: others.map((o) => o.node.name).join(', '),
              otherMode,
            },
          },
          others.map((o) => ({
            member: o,
            loc: o.inst.peerBlock?.keyword ?? o.inst.nameLoc,
            messageId: 'otherMode',
            data: { node: o.node.name, mode: otherMode },
          })),
        );
      }
      for (const m of uni) {
        const peers = new Set(m.inst.peers.map((p) => normAddr(sockaddrAddress(p.text))));
        for (const o of uni) {
          const src = o.inst.unicastSrc;
          if (o.node === m.node || !src || src.opaque || peers.has(normAddr(sockaddrAddress(src.text)))) continue;
          reportAt(
            ctx,
            m,
            {
              loc: m.inst.peerBlock!.keyword,
              messageId: 'missing',
              data: { name: m.inst.name, node: m.node.name, other: o.node.name, address: src.text },
            },
            [{ member: o, loc: src, messageId: 'source', data: { node: o.node.name } }],
          );
        }
      }
    }
  },
});
