import { findKeyword } from '../../grammar/index';
import { carriedInterval, nodeModel, usable } from '../peer/model';
import { defineRule } from '../types';
import { checkDecimal } from '../values';

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
    const range = findKeyword('root > vrrp_instance', 'advert_int')?.params?.[0];
    for (const i of nodeModel(ctx.parse).instances) {
      const w = i.advertInt;
      // Values invalid-number rejects are left to it (keepalived ignores them).
      if (
        !usable(i) ||
        !w ||
        w.opaque ||
        checkDecimal(w.text, range?.min ?? 0, range?.max ?? Infinity, range?.decimals ?? 6)
      )
        continue;
      // Microseconds, as keepalived keeps the interval.
      const us = Math.round(Number(w.text) * 1e6);
      const data = { name: i.name, value: w.text };
      const rounded = carriedInterval(us, i.version) / 1e6;
      if (i.version === 3) {
        if (us >= 4096 * 10000) ctx.report({ loc: w, messageId: 'v3Range', data });
        else if (us % 10000) ctx.report({ loc: w, messageId: 'v3Units', data: { ...data, rounded } });
      } else if (us % 1e6) ctx.report({ loc: w, messageId: 'v2Integer', data: { ...data, rounded } });
    }
  },
});
