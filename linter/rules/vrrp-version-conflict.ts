import { intOf, nodeModel, usable } from '../peer/model';
import { defineRule } from '../types';

/**
 * VRRP version lines keepalived refuses or overrides (vrrp_version_handler, vrrp_parser.c, and
 * vrrp_complete_instance, vrrp.c, 2.2.7): the first version an instance is given stands, version 2
 * comes too late once an address has made the instance IPv6 (see familyWalk in peer/model.ts), and
 * strict mode makes an IPv6 instance version 3.
 */
export default defineRule({
  id: 'vrrp-version-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'A vrrp_instance version that conflicts with the version given before it, version 2 after an address made the instance IPv6, or version 2 for IPv6 in strict mode.',
  messages: {
    conflict: '({name}) version {version} conflicts with version {current} given before; keepalived ignores it.',
    ipv6: '({name}) version 2 comes after {from} made the instance IPv6, which uses version 3; keepalived ignores it.',
    strictIpv6: '({name}) version 2 in an IPv6 instance in strict mode; keepalived sets version 3.',
    first: 'the version keepalived keeps',
    from: 'the instance family comes from here',
  },
  check(ctx) {
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      // Version 2 given before the addresses stands for IPv6, except in strict mode (vrrp_complete_instance).
      const kept = i.versionStmt?.args[0];
      if (kept && i.family === 6 && intOf(kept) === 2 && i.version === 3)
        ctx.report({ loc: kept, messageId: 'strictIpv6', data: { name: i.name } });
      for (const c of i.versionConflicts) {
        if (c.current !== undefined) {
          const related = i.versionStmt?.args[0] ? [{ loc: i.versionStmt.args[0], messageId: 'first' }] : undefined;
          ctx.report({
            loc: c.word,
            messageId: 'conflict',
            data: { name: i.name, version: c.version, current: c.current },
            related,
          });
        } else {
          const related = c.familyFrom ? [{ loc: c.familyFrom, messageId: 'from' }] : undefined;
          ctx.report({
            loc: c.word,
            messageId: 'ipv6',
            data: { name: i.name, from: c.familyFrom?.text ?? '' },
            related,
          });
        }
      }
    }
  },
});
