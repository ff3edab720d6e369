import { advertLine, carriedInterval, nodeModel, usable } from '../peer/model';
import { defineRule } from '../types';

/**
 * advert_int values keepalived changes once it knows the instance's VRRP version (vrrp.c, 2.2.7):
 * VRRPv2 adverts carry whole seconds (below 256: invalid-number), VRRPv3 ones centiseconds below 40.96 s.
 */
export default defineRule({
  id: 'vrrp-advert-int',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'advert_int that the instance’s VRRP version cannot carry: not whole seconds (VRRPv2), not in 10 ms units or 40.96 s and over (VRRPv3).',
  messages: {
    v2Integer:
      '({name}) VRRPv2 advertisement interval {value}s must be an integer; keepalived rounds it to {rounded}s.',
    v3Units:
      '({name}) VRRPv3 advertisement interval {value}s must be in units of 10ms; keepalived rounds it to {rounded}s.',
    v3Range:
      '({name}) VRRPv3 advertisement interval {value}s is out of range (less than 40.96s); keepalived uses 40.95s.',
  },
  check(ctx) {
    for (const i of nodeModel(ctx.parse).instances) {
      // The value keepalived keeps: the last line it accepts (invalid-number reports the others),
      // with more than six decimal places cut to six.
      const line = usable(i) ? advertLine(i) : undefined;
      if (!line || line === 'varies') continue;
      const { word: w, us } = line;
      const value = String(us / 1e6);
      const data = { name: i.name, value };
      const rounded = carriedInterval(us, i.version) / 1e6;
      if (i.version === 3) {
        if (us >= 4096 * 10000) ctx.report({ loc: w, messageId: 'v3Range', data });
        else if (us % 10000) ctx.report({ loc: w, messageId: 'v3Units', data: { ...data, rounded } });
      } else if (us % 1e6) ctx.report({ loc: w, messageId: 'v2Integer', data: { ...data, rounded } });
    }
  },
});
