import { definePeerRule } from '../../types';
import { reportAt, vridLoc } from '../helpers';
import { startState } from '../model';
import type { Member, VirtualRouter } from '../routers';
import { vipSet, virtualRouters } from '../routers';
import { vipSplits, type VipSplit } from '../vip-splits';

/** Whether every member of a virtual router is on one node (it has no peer). */
const alone = (r: VirtualRouter): boolean =>
  r.members.length > 0 && r.members.every((m) => m.node === r.members[0]!.node);

/** Whether two members share no VIP (an address they share under other VRIDs is a mismatch of its own). */
function noVipInCommon(a: Member, b: Member): boolean {
  const theirs = vipSet(b.inst);
  return ![...vipSet(a.inst)].some((v) => theirs.has(v));
}

/** An address that two nodes hold under different VRIDs. */
export default definePeerRule({
  id: 'peer-vrid-mismatch',
  meta: { severity: 'error', fixable: false, category: 'peer' },
  description:
    'A VIP that nodes hold under different virtual_router_ids, so each of them becomes MASTER for it; two instances of one name, each without a peer, with neither a VRID nor a VIP in common.',
  messages: {
    mismatch:
      "({name}) VRID {vrid} holds {vips}, which {node} holds under VRID {otherVrid}: nodes on different VRIDs never hear each other's adverts, so each becomes MASTER and both bring the address up at once. Use the same virtual_router_id on every node that holds {vips}.",
    mismatchNodes:
      "({name}) VRID {vrid} holds {vips}, which {nodes} hold under VRID {otherVrid}: nodes on different VRIDs never hear each other's adverts, so each becomes MASTER and all of them bring the address up at once. Use the same virtual_router_id on every node that holds {vips}.",
    unpaired:
      "({name}) {node} has an instance of this name too, on VRID {otherVrid} (VIPs {otherVips}), but none of this one's (VRID {vrid}, VIPs {vips}): the two never hear each other, each is MASTER, and neither backs the other up. If they are meant as a pair, give them the same virtual_router_id and VIPs.",
    other: '{node} ({instance}) holds {vips} under VRID {vrid}',
    otherInstance: '{node} ({instance}) uses VRID {vrid}',
  },
  checkPeers(ctx) {
    // One finding per instance and other virtual router, naming that router's nodes.
    const groups = new Map<Member, Map<VirtualRouter, VipSplit[]>>();
    const routers = virtualRouters(ctx.nodes);
    for (const split of vipSplits(routers)) {
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
    // Two instances of one name, a MASTER and a BACKUP, each on a virtual router of its node alone,
    // with neither a VRID nor a VIP in common: a pair whose backup got another VRID and VIPs (a
    // copy not edited through). Routers with a peer, and two copies in one state, are left out:
    // their instance names say nothing. So are instances with more than one such namesake, or
    // whose namesake has others (a folder of unrelated nodes, each with the example's `VI_1`):
    // only a name that pairs two instances and no more says they are meant as a pair.
    const lone = routers.filter(alone);
    const namesakes = new Map<Member, Array<{ member: Member; router: VirtualRouter }>>();
    const routerOf = new Map<Member, VirtualRouter>();
    for (const r of lone) {
      for (const m of r.members) {
        routerOf.set(m, r);
        const found: Array<{ member: Member; router: VirtualRouter }> = [];
        for (const o of lone) {
          if (o === r || o.family !== r.family || o.members[0]!.node === m.node) continue;
          for (const p of o.members)
            if (p.inst.name === m.inst.name && startState(p.inst) !== startState(m.inst) && noVipInCommon(m, p))
              found.push({ member: p, router: o });
        }
        namesakes.set(m, found);
      }
    }
    for (const [m, found] of namesakes) {
      if (found.length !== 1) continue;
      const { member: p, router: o } = found[0]!;
      const back = namesakes.get(p);
      if (back?.length !== 1 || back[0]!.member !== m) continue;
      const list = (x: Member): string => [...vipSet(x.inst)].join(', ') || 'none';
      reportAt(
        ctx,
        m,
        {
          loc: vridLoc(m),
          messageId: 'unpaired',
          severity: 'warning',
          data: {
            name: m.inst.name,
            node: p.node.name,
            vrid: routerOf.get(m)!.vrid,
            vips: list(m),
            otherVrid: o.vrid,
            otherVips: list(p),
          },
        },
        [
          {
            member: p,
            loc: vridLoc(p),
            messageId: 'otherInstance',
            data: { node: p.node.name, instance: p.inst.name, vrid: o.vrid },
          },
        ],
      );
    }
  },
});
