import { multicastGroup, nodeModel, normAddr, usable, type Instance } from '../peer/model';
import { child, defineRule } from '../types';

/** Default multicast groups, used when mcast_dst_ip is not set. */

/**
 * Whether an instance is on a VMAC or ipvlan. keepalived -t gives such an IPv6 instance's multicast
 * group the scope of an interface it does not create (vrrp_complete_instance, vrrp.c, 2.2.7), so it
 * finds no conflict between it and an instance on the interface itself.
 */
const onVirtualIf = (i: Instance): boolean => child(i.stmt, 'use_vmac') !== undefined || child(i.stmt, 'use_ipvlan') !== undefined;

/** Two instances of one node that VRRP cannot tell apart. */
export default defineRule({
  id: 'vrrp-vrid-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'Two vrrp_instances of one node with the same VRID, family and interface (or unicast source and peers).',
  messages: {
    multicast:
      '{name} and {other} both use VRID {vrid} with IPv{family} on interface {iface}; keepalived refuses the configuration. Give each virtual router its own virtual_router_id.',
    multicastVmac:
      "{name} and {other} both use VRID {vrid} with IPv6 on interface {iface}, one of them on a VMAC or ipvlan: keepalived does not report it (it compares the multicast groups with the VMAC's scope), but both send adverts for VRID {vrid} on {iface}'s link. Give each virtual router its own virtual_router_id.",
    unicast: '({name}) duplicate VRID conflict with {other} VRID {vrid}: same unicast source and a common peer.',
    other: '"{other}" uses VRID {vrid} here',
  },
  check(ctx) {
    const seen: Instance[] = [];
    const m = nodeModel(ctx.parse);
    for (const i of m.instances) {
      if (!usable(i) || i.vrid === undefined || !i.vridStmt) continue;
      for (const o of seen) {
        if (o.vrid !== i.vrid || o.family !== i.family) continue;
        const data = { name: o.name, other: i.name, vrid: i.vrid, family: i.family, iface: i.iface?.text ?? '' };
        const related = [{ loc: o.vridStmt!.args[0]!, messageId: 'other', data: { other: o.name, vrid: i.vrid } }];
        const uni = i.peers.length > 0;
        if (uni !== o.peers.length > 0) continue;
        if (!uni) {
          if (!i.iface || !o.iface || i.iface.text !== o.iface.text) continue;
          // The group each one ends with: its own, or global_defs' or the default when it has none
          // or keepalived refused its line (one that varies from run to run is not compared).
          const gi = multicastGroup(m, i);
          const go = multicastGroup(m, o);
          if (!gi || !go || gi.addr !== go.addr) continue;
          if (i.family === 6 && onVirtualIf(i) !== onVirtualIf(o))
            ctx.report({ loc: i.vridStmt.args[0]!, messageId: 'multicastVmac', data, related, severity: 'warning' });
          else ctx.report({ loc: i.vridStmt.args[0]!, messageId: 'multicast', data, related });
        } else {
          // keepalived compares configured source addresses; without one it reports nothing.
          if (!i.unicastSrc || !o.unicastSrc || normAddr(i.unicastSrc.text) !== normAddr(o.unicastSrc.text)) continue;
          const peers = new Set(o.peers.map((p) => normAddr(p.text)));
          if (!i.peers.some((p) => peers.has(normAddr(p.text)))) continue;
          ctx.report({
            loc: i.vridStmt.args[0]!,
            messageId: 'unicast',
            data,
            related,
          });
        }
      }
      seen.push(i);
    }
  },
});
