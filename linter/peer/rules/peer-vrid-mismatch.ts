import { definePeerRule } from '../../types';
import { reportAt, vridLoc } from '../helpers';
import type { Member, VirtualRouter } from '../routers';
import { virtualRouters } from '../routers';
import { vipSplits, type VipSplit } from '../vip-splits';

/** An address that two nodes hold under different VRIDs. */
export default definePeerRule({
  id: 'peer-vrid-mismatch',
  meta: { severity: 'error', fixable: false, category: 'peer' },
  description: 'A VIP that nodes hold under different virtual_router_ids, so each of them becomes MASTER for it.',
  messages: {
    mismatch:
      "({name}) VRID {vrid} holds {vips}, which {node} holds under VRID {otherVrid}: nodes on different VRIDs never hear each other's adverts, so each becomes MASTER and both bring the address up at once. Use the same virtual_router_id on every node that holds {vips}.",
    mismatchNodes:
      "({name}) VRID {vrid} holds {vips}, which {nodes} hold under VRID {otherVrid}: nodes on different VRIDs never hear each other's adverts, so each becomes MASTER and all of them bring the address up at once. Use the same virtual_router_id on every node that holds {vips}.",
    other: '{node} ({instance}) holds {vips} under VRID {vrid}',
  },
  checkPeers(ctx) {
    // One finding per instance and other virtual router, naming that router's nodes.
    const groups = new Map<Member, Map<VirtualRouter, VipSplit[]>>();
    for (const split of vipSplits(virtualRouters(ctx.nodes))) {
      let byRouter = groups.get(split.member);
      if (!byRouter) groups.set(split.member, (byRouter = new Map()));
      byRouter.set(split.otherRouter, [...(byRouter.get(split.otherRouter) ?? []), split]);
    }
    for (const [m, byRouter] of groups) {
      for (const [other, splits] of byRouter) {
        const vips = [...new Set(splits.flatMap((sp) => sp.vips))].join(', ');
        const nodes = [...new Set(splits.map((sp) => sp.other.node.name))];
        reportAt(
          ctx,
          m,
          {
            loc: vridLoc(m),
            messageId: nodes.length > 1 ? 'mismatchNodes' : 'mismatch',
            data: {
              name: m.inst.name,
              vrid: m.inst.vrid,
              vips,
              node: nodes[0],
              nodes: nodes.join(', '),
              otherVrid: other.vrid,
            },
          },
          splits.map((sp) => ({
            member: sp.other,
            loc: vridLoc(sp.other),
            messageId: 'other',
            data: {
              node: sp.other.node.name,
              instance: sp.other.inst.name,
              vips: sp.vips.join(', '),
              vrid: other.vrid,
            },
          })),
        );
      }
    }
  },
});
