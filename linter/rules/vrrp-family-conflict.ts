import { nodeModel, usable } from '../peer/model';
import { defineRule, lineLoc } from '../types';

/**
 * Settings of a vrrp_instance whose address family is not the one keepalived has settled on when
 * it reads them (see familyWalk in peer/model.ts). VIPs of the other family are vrrp-vip-family's,
 * unicast peers vrrp-unicast-peer's.
 */
export default defineRule({
  id: 'vrrp-family-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'Source, multicast group or ipvlan address of the other family than the vrrp_instance, or native_ipv6 in an IPv4 instance.',
  messages: {
    address:
      '({name}) {keyword} {value} is IPv{family}, but {from} already made the instance IPv{instanceFamily}; keepalived skips this setting.',
    native: '({name}) native_ipv6 in an IPv4 instance ({from} made it IPv4); keepalived ignores native_ipv6.',
    from: 'the instance family comes from here',
  },
  check(ctx) {
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      for (const c of i.familyConflicts) {
        const from = i.familyFrom?.text ?? '';
        const related = i.familyFrom ? [{ loc: i.familyFrom, messageId: 'from' }] : undefined;
        if (c.stmt.keyword.text === 'native_ipv6') {
          ctx.report({ loc: lineLoc(c.stmt), messageId: 'native', data: { name: i.name, from }, related });
          continue;
        }
        ctx.report({
          loc: c.word,
          messageId: 'address',
          data: {
            name: i.name,
            keyword: c.stmt.keyword.text,
            value: c.word.text,
            family: c.family,
            instanceFamily: i.family,
            from,
          },
          related,
        });
      }
    }
  },
});
