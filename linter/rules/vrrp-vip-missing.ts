import { nodeModel, strictMode, usable } from '../peer/model';
import { child, defineRule } from '../types';

/** A vrrp_instance without any virtual IP address. */
export default defineRule({
  id: 'vrrp-vip-missing',
  meta: { severity: 'warning', fixable: false, category: 'semantic' },
  description: 'vrrp_instance without virtual_ipaddress; required with VRRPv3 or vrrp_strict.',
  messages: {
    required:
      '({name}) No VIP specified; VRRP version 3 and vrrp_strict require at least one: add a virtual_ipaddress block.',
    sensible:
      '({name}) No VIP specified; at least one is sensible (or set no_virtual_ipaddress if this instance only drives scripts).',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    for (const i of m.instances) {
      if (!usable(i) || i.vips.some((v) => v.family === i.family || v.family === 0)) continue;
      const strict = strictMode(m, i);
      if (!strict && child(i.stmt, 'no_virtual_ipaddress')) continue;
      const required = strict || i.version === 3;
      ctx.report({
        loc: i.nameLoc,
        messageId: required ? 'required' : 'sensible',
        data: { name: i.name },
        severity: required ? 'error' : undefined,
      });
    }
  },
});
