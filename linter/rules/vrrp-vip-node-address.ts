import type { Word } from '../../grammar/index';
import { nodeModel, normAddr, usable } from '../peer/model';
import { defineRule } from '../types';
import { sockaddrAddress } from '../values';

/** A node address as the VIPs are compared: what keepalived reads of the word, normalised. */
const addressOf = (w: Word): string | undefined => (w.opaque ? undefined : normAddr(sockaddrAddress(w.text)));

/**
 * A VIP that is a node's own address. The MASTER adds each VIP to its interface and the BACKUP
 * removes it, so a VIP must be an address that no node has of its own, unless the node is the
 * address owner (priority 255, RFC 5798), which holds it in every state. keepalived accepts
 * both mistakes without a word.
 */
export default defineRule({
  id: 'vrrp-vip-node-address',
  meta: { severity: 'warning', fixable: false, category: 'semantic' },
  description:
    "VIP that is a unicast peer's address, or this node's own source address without priority 255: the nodes conflict over the address after a failover.",
  messages: {
    peerAddress:
      "({name}) VIP {vip} is the address of unicast peer {peer}, another node's own address: when this node becomes MASTER it adds that address too, and the two nodes conflict over it. A VIP must be an address that no node has of its own.",
    ownAddress:
      "({name}) VIP {vip} is this node's own source address, but its priority is {priority}, not 255: the node keeps the address in every state, and the node that becomes MASTER in its place adds it too. Use an address that no node has of its own, or make this node the address owner (priority 255).",
    peer: 'the unicast peer',
    source: "this node's address",
  },
  check(ctx) {
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      const peers = new Map<string, Word>();
      for (const p of i.peers) {
        const a = addressOf(p);
        if (a !== undefined && !peers.has(a)) peers.set(a, p);
      }
      const src = i.unicastSrc && addressOf(i.unicastSrc);
      for (const v of [...i.vips, ...i.excluded]) {
        if (!v.family || v.family !== i.family) continue;
        const key = normAddr(v.addr);
        const peer = peers.get(key);
        const data = { name: i.name, vip: v.addr };
        if (peer) {
          ctx.report({
            loc: v.word,
            messageId: 'peerAddress',
            data: { ...data, peer: peer.text },
            related: [{ loc: peer, messageId: 'peer' }],
          });
        } else if (key === src && i.priority !== 255) {
          ctx.report({
            loc: v.word,
            messageId: 'ownAddress',
            data: { ...data, priority: i.priority },
            related: [{ loc: i.unicastSrc!, messageId: 'source' }],
          });
        }
      }
    }
  },
});
