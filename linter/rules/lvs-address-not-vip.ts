import { nodeModel, normAddr, usable } from '../peer/model';
import { defineRule } from '../types';
import { sockaddrAddress, sockaddrFamily } from '../values';

/** A virtual_server address that no vrrp_instance of the node carries. */
export default defineRule({
  id: 'lvs-address-not-vip',
  meta: { severity: 'warning', fixable: false, category: 'semantic' },
  description: 'virtual_server address that is not a VIP of any vrrp_instance on a VRRP-managed director.',
  messages: {
    notVip:
      'Virtual server address {address} is not a VIP of any vrrp_instance here ({vips}); clients reach the director through a VIP, so this service follows no failover.',
  },
  check(ctx) {
    const instances = nodeModel(ctx.parse).instances.filter(usable);
    if (!instances.length) return;
    const vips = instances.flatMap((i) => [...i.vips, ...i.excluded]).filter((v) => v.family);
    const set = new Set(vips.map((v) => normAddr(v.addr)));
    // Name a few VIPs, not hundreds: the message is read by a person.
    const list = vips.length > 5 ? `${vips.slice(0, 5).map((v) => v.addr).join(', ')}, … ${vips.length - 5} more` : vips.map((v) => v.addr).join(', ') || 'none';
    for (const vs of ctx.parse.body) {
      if (!vs.spec || vs.keyword.text !== 'virtual_server') continue;
      const a = vs.args[0];
      if (!a || a.opaque || !sockaddrFamily(a.text) || set.has(normAddr(sockaddrAddress(a.text)))) continue;
      ctx.report({
        loc: a,
        messageId: 'notVip',
        data: { address: a.text, vips: list },
      });
    }
  },
});
