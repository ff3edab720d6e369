import { atLeast, type Loc } from '../../grammar/index';
import { nodeModel, usable } from '../peer/model';
import { childrenNamed, defineRule } from '../types';
import { checkTrueFalse } from '../values';

/**
 * owner_ignore_adverts (2.3.3+) values keepalived resets when it completes an instance
 * (vrrp_complete_instance, vrrp.c): only an address owner (priority 255) may ignore adverts, and an
 * owner told not to is made to.
 */
export default defineRule({
  id: 'vrrp-owner-adverts',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'owner_ignore_adverts keepalived resets: turned on below priority 255, or turned off at priority 255.',
  messages: {
    notOwner:
      '({name}) owner_ignore_adverts applies to an address owner only (priority 255, here {priority}); keepalived ignores it.',
    owner:
      '({name}) an address owner (priority 255) must ignore adverts ("strict_mode with priority 255 requires owner_ignore_adverts"); keepalived turns owner_ignore_adverts back on.',
  },
  check(ctx) {
    if (!atLeast(ctx.targetVersion, '2.3.3')) return;
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      // The last valid line counts (check_true_false; no word is true).
      let set: { on: boolean; at: Loc } | undefined;
      for (const s of childrenNamed(i.stmt, 'owner_ignore_adverts')) {
        const w = s.args[0];
        if (w?.opaque) {
          set = undefined;
          break;
        }
        const on = checkTrueFalse(w?.text);
        if (on !== undefined) set = { on, at: w ?? s.keyword };
      }
      if (!set) continue;
      const data = { name: i.name, priority: i.priority };
      if (set.on && i.priority !== 255) ctx.report({ loc: set.at, messageId: 'notOwner', data });
      else if (!set.on && i.priority === 255) ctx.report({ loc: set.at, messageId: 'owner', data });
    }
  },
});
