import { definePeerRule } from '../../types';
import { nodeModel } from '../model';

/** The same global_defs router_id on two nodes. */
export default definePeerRule({
  id: 'peer-router-id-duplicate',
  meta: { severity: 'warning', fixable: false, category: 'peer' },
  description: 'The same global_defs router_id on two nodes.',
  messages: {
    duplicate: 'router_id "{id}" is also used by {others}; notification e-mails and SNMP cannot tell the nodes apart.',
    other: 'router_id of {node}',
  },
  checkPeers(ctx) {
    const byId = new Map<string, typeof ctx.nodes>();
    for (const n of ctx.nodes) {
      const id = nodeModel(n.parse).routerId;
      if (!id || id.opaque) continue;
      byId.set(id.text, [...(byId.get(id.text) ?? []), n]);
    }
    for (const [id, nodes] of byId) {
      if (nodes.length < 2) continue;
      for (const n of nodes) {
        const others = nodes.filter((o) => o !== n);
        ctx.report(
          n,
          {
            loc: nodeModel(n.parse).routerId!,
            messageId: 'duplicate',
            data: { id, others: others.map((o) => o.name).join(', ') },
            related: others.map((o) => ({
              loc: nodeModel(o.parse).routerId!,
              messageId: 'other',
              data: { node: o.name },
            })),
          },
          others,
        );
      }
    }
  },
});
