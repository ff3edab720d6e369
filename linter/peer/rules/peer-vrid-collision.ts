import { atLeast } from '../../../grammar/index';
import { definePeerRule } from '../../types';
import { reportAt, vridLoc } from '../helpers';
import { multicastGroup } from '../model';
import { groupRouters, peered, type Member } from '../routers';

/**
 * Whether two members of different virtual routers receive each other's adverts: both send to the
 * same multicast group (a group that varies counts as the same), or one sends to the other by
 * unicast. A unicast instance sends only to its peers and joins no group, so neither a multicast
 * instance nor another unicast one hears it, nor it them (peer-unicast-mismatch says so of the
 * members of one virtual router).
 */
function hears(a: Member, b: Member): boolean {
  if (peered(a, b)) return true;
  if (a.inst.peers.length > 0 || b.inst.peers.length > 0) return false;
  const ga = multicastGroup(a.model, a.inst);
  const gb = multicastGroup(b.model, b.inst);
  return !ga || !gb || ga.addr === gb.addr;
}

/** One VRID used by two clusters with disjoint VIP sets. */
export default definePeerRule({
  id: 'peer-vrid-collision',
  meta: { severity: 'warning', fixable: false, category: 'peer' },
  description: 'The same virtual_router_id used by two virtual routers with disjoint VIP sets on one network segment.',
  messages: {
    collision:
      "({name}) VRID {vrid} (IPv{family}) with VIPs {vips} is also used by {others} with VIPs {otherVips}: on one segment the two virtual routers take each other's adverts and fight over the MASTER role. If the nodes are meant to back each other up, give them the same VIPs; otherwise give each virtual router its own virtual_router_id.",
    collisionDropped:
      '({name}) VRID {vrid} (IPv{family}) with VIPs {vips} is also used by {others} with VIPs {otherVips}: keepalived before 2.3.3 drops adverts with other VIPs and logs each one, so the two virtual routers ignore each other (from 2.3.3 on they fight over the MASTER role). If the nodes are meant to back each other up, both are MASTER now: give them the same VIPs; otherwise give each virtual router its own virtual_router_id.',
    other: '{node} ({instance}) uses VRID {vrid}',
  },
  checkPeers(ctx) {
    for (const clusters of groupRouters(ctx.nodes).values()) {
      const withVips = clusters.filter((c) => c.vips.size > 0);
      if (withVips.length < 2) continue;
      for (const c of withVips) {
        const others = withVips.filter((o) => o !== c);
        for (const m of c.members) {
          const heard = (o: Member): boolean => o.node !== m.node && hears(m, o);
          const colliding = others.filter((o) => o.members.some(heard));
          const foreign = colliding.flatMap((o) => o.members).filter(heard);
          if (!foreign.length) continue;
          // Up to 2.3.2 keepalived drops an advert whose VIPs differ from its own (vrrp_check_packet).
          const dropped = [m, ...foreign].every((x) => !atLeast(x.model.parse.targetVersion, '2.3.3'));
          reportAt(
            ctx,
            m,
            {
              loc: vridLoc(m),
              messageId: dropped ? 'collisionDropped' : 'collision',
              data: {
                name: m.inst.name,
                vrid: c.vrid,
                family: c.family,
                vips: [...c.vips].join(', '),
                others: [...new Set(foreign.map((o) => o.node.name))].join(', '),
                otherVips: [...new Set(colliding.flatMap((o) => [...o.vips]))].join(', '),
              },
            },
            foreign.map((o) => ({
              member: o,
              loc: vridLoc(o),
              messageId: 'other',
              data: { node: o.node.name, instance: o.inst.name, vrid: c.vrid },
            })),
          );
        }
      }
    }
  },
});
