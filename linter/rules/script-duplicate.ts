import type { Statement } from '../../grammar/index';
import { accountSurelyMissing, scriptUses } from '../peer/script-command';
import { defineRule, lineLoc, statementsNamed } from '../types';

/** The same script keyword twice in one block: keepalived keeps the first. */
export default defineRule({
  id: 'script-duplicate',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description: 'A notify or other script keyword given twice in one block; keepalived ignores the second.',
  messages: {
    duplicate:
      '{keyword} script already specified; keepalived ignores "{command}". Keep one (for state changes, a single notify script receives the new state as an argument).',
    again: '{keyword} already specified; keepalived ignores this line.',
    first: 'first {keyword}',
  },
  check(ctx) {
    // Script keywords are few: look among them (found once per parse) instead of every block's children.
    const seen = new Map<Statement, Map<string, Statement>>();
    for (const use of scriptUses(ctx.parse)) {
      const c = use.stmt;
      const s = c.parent;
      if (!s?.spec || s.keyword.text === 'vrrp_script' || s.keyword.text === 'MISC_CHECK') continue;
      if (c.keyword.text === 'notify_deleted') continue;
      let inBlock = seen.get(s);
      if (!inBlock) seen.set(s, (inBlock = new Map()));
      const first = inBlock.get(c.keyword.text);
      if (!first) {
        // A script whose user or group no host has is dropped: the keyword is still free.
        if (!accountSurelyMissing(use)) inBlock.set(c.keyword.text, c);
        continue;
      }
      ctx.report({
        loc: lineLoc(c),
        messageId: 'duplicate',
        data: { keyword: c.keyword.text, command: c.args[0]!.text },
        related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: c.keyword.text } }],
      });
    }
    // notify_deleted takes an optional script: any first line sets it, with a script or without,
    // whatever becomes of the script (vrrp_notify_deleted_handler).
    const firstDeleted = new Map<Statement, Statement>();
    for (const c of statementsNamed(ctx.parse.body, 'notify_deleted')) {
      if (!c.spec || !c.parent) continue;
      const first = firstDeleted.get(c.parent);
      if (!first) {
        firstDeleted.set(c.parent, c);
        continue;
      }
      const related = [{ loc: lineLoc(first), messageId: 'first', data: { keyword: c.keyword.text } }];
      if (c.args[0]) ctx.report({ loc: lineLoc(c), messageId: 'duplicate', data: { keyword: c.keyword.text, command: c.args[0].text }, related });
      else ctx.report({ loc: lineLoc(c), messageId: 'again', data: { keyword: c.keyword.text }, related });
    }
  },
});
