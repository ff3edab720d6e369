import type { Statement } from '../../grammar/index';
import { accountSurelyMissing, scriptUses } from '../peer/script-command';
import { defineRule, lineLoc } from '../types';

/** The same script keyword twice in one block: keepalived keeps the first. */
export default defineRule({
  id: 'script-duplicate',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description: 'A notify or other script keyword given twice in one block; keepalived ignores the second.',
  messages: {
    duplicate:
      '{keyword} script already specified; keepalived ignores "{command}". Keep one (for state changes, a single notify script receives the new state as an argument).',
    first: 'first {keyword}',
  },
  check(ctx) {
    // Script keywords are few: look among them (found once per parse) instead of every block's children.
    const seen = new Map<Statement, Map<string, Statement>>();
    for (const use of scriptUses(ctx.parse)) {
      const c = use.stmt;
      const s = c.parent;
      if (!s?.spec || s.keyword.text === 'vrrp_script' || s.keyword.text === 'MISC_CHECK') continue;
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
  },
});
