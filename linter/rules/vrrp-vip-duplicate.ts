import { nodeModel, normAddr, usable, type Instance, type Vip } from '../peer/model';
import { defineRule } from '../types';

/** The same virtual IP address twice in one instance or in two instances of one node. */
export default defineRule({
  id: 'vrrp-vip-duplicate',
  meta: { severity: 'warning', fixable: false, category: 'semantic' },
  description: 'Virtual IP address listed twice, in one vrrp_instance or in two of them.',
  messages: {
    same: '({name}) {vip} is listed twice in this instance (keepalived 2.3.3+ ignores the second).',
    other: '({name}) {vip} is also a VIP of {other}; two virtual routers would add and remove the same address.',
    first: 'first listed here',
  },
  check(ctx) {
    const owner = new Map<string, { inst: Instance; vip: Vip }>();
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      for (const v of [...i.vips, ...i.excluded]) {
        if (!v.family) continue;
        const key = normAddr(v.addr);
        const prev = owner.get(key);
        if (!prev) {
          owner.set(key, { inst: i, vip: v });
          continue;
        }
        const related = [{ loc: prev.vip.word, messageId: 'first' }];
        if (prev.inst === i)
          ctx.report({ loc: v.word, messageId: 'same', data: { name: i.name, vip: v.word.text }, related });
        else
          ctx.report({
            loc: v.word,
            messageId: 'other',
            data: { name: i.name, vip: v.word.text, other: prev.inst.name },
            related,
          });
      }
    }
  },
});
