import type { Statement } from '../../grammar/index';
import { defineRule, keywordBlocks, lineLoc } from '../types';

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
    for (const s of keywordBlocks(ctx.parse.body)) {
      if (!s.children || !s.spec || s.keyword.text === 'vrrp_script' || s.keyword.text === 'MISC_CHECK') continue;
      // Most blocks configure no script: the map is made for the first one.
      let seen: Map<string, Statement> | undefined;
      for (const c of s.children) {
        if (!c.spec?.params?.length || c.spec.params[0]!.type !== 'script' || !c.args.length) continue;
        const first = seen?.get(c.keyword.text);
        if (!first) {
          (seen ??= new Map()).set(c.keyword.text, c);
          continue;
        }
        ctx.report({
          loc: lineLoc(c),
          messageId: 'duplicate',
          data: { keyword: c.keyword.text, command: c.args[0]!.text },
          related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: c.keyword.text } }],
        });
      }
    }
  },
});
