import { definePeerRule } from '../../types';
import { reportAt, settingLoc } from '../helpers';
import { linkLocal, virtualRouters, type Member, type VirtualRouter } from '../routers';

const vridLoc = (m: Member) => settingLoc(m, m.inst.vridStmt);

/** A VIP that one node holds under one VRID and another node under a different VRID. */
export default definePeerRule({
  id: 'peer-vrid-mismatch',
  meta: { severity: 'error', fixable: false, category: 'peer' },
  description: 'A VIP that nodes hold under different virtual_router_ids, so each of them becomes MASTER for it.',
  messages: {
    mismatch:
      "({name}) VRID {vrid} holds {vips}, also held by {others} under VRID {otherVrids}: nodes with different VRIDs never hear each other's adverts, so each becomes MASTER and the address is up on all of them at once. Use one virtual_router_id for these VIPs on every node.",
    other: '{node} ({instance}) holds them under VRID {vrid}',
  },
  checkPeers(ctx) {
    const routers = virtualRouters(ctx.nodes);
    // The virtual routers that hold each address.
    const holders = new Map<string, VirtualRouter[]>();
    for (const r of routers) {
      for (const v of r.vips) {
        if (linkLocal(v)) continue;
        const key = `${r.family}/${v}`;
        const list = holders.get(key);
        if (list) list.push(r);
        else holders.set(key, [r]);
      }
    }
    for (const r of routers) {
      const nodes = new Set(r.members.map((m) => m.node));
      for (const m of r.members) {
        // Members of other virtual routers, on nodes outside this one, that hold one of its VIPs.
        // A router this member's node takes part in too is skipped: one node holding a VIP in two
        // instances is vrrp-vip-duplicate's finding, and the cause of whatever follows from it.
        const foreign = new Map<Member, string[]>();
        for (const v of r.vips) {
          for (const o of holders.get(`${r.family}/${v}`) ?? []) {
            if (o === r || o.members.some((x) => x.node === m.node)) continue;
            for (const x of o.members) {
              if (nodes.has(x.node)) continue;
              const shared = foreign.get(x);
              if (shared) shared.push(v);
              else foreign.set(x, [v]);
            }
          }
        }
        if (!foreign.size) continue;
        const others = [...foreign.keys()];
        reportAt(
          ctx,
          m,
          {
            loc: vridLoc(m),
            messageId: 'mismatch',
            data: {
              name: m.inst.name,
              vrid: r.vrid,
              vips: [...new Set([...foreign.values()].flat())].join(', '),
              others: [...new Set(others.map((o) => o.node.name))].join(', '),
              otherVrids: [...new Set(others.map((o) => o.inst.vrid))].join(', '),
            },
          },
          others.map((o) => ({
            member: o,
            loc: vridLoc(o),
            messageId: 'other',
            data: { node: o.node.name, instance: o.inst.name, vrid: o.inst.vrid },
          })),
        );
      }
    }
  },
});
