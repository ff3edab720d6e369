import { nodeModel, usable } from '../peer/model';
import { defineRule } from '../types';

/** IPv4 and IPv6 addresses mixed in one virtual_ipaddress block. */
export default defineRule({
  id: 'vrrp-vip-family',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'virtual_ipaddress entry whose family differs from the instance family; keepalived ignores it.',
  messages: {
    family:
      '({name}) {vip} is IPv{vipFamily} but the instance is IPv{family}; keepalived ignores it. Put it in virtual_ipaddress_excluded or in a separate IPv{vipFamily} instance.',
  },
  check(ctx) {
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      for (const v of i.vips) {
        if (v.family && v.family !== i.family)
          ctx.report({
            loc: v.word,
            messageId: 'family',
            data: { name: i.name, vip: v.word.text, vipFamily: v.family, family: i.family },
          });
      }
    }
  },
});
