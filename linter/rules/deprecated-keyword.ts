import { availableIn, findKeyword } from '../../grammar/index';
import { replace } from '../problem-rule';
import { allStatements, defineRule } from '../types';

/** Deprecated keywords, with their replacement. */
export default defineRule({
  id: 'deprecated-keyword',
  meta: { severity: 'warning', fixable: true, category: 'keyword', scope: 'block' },
  description: 'Keyword that keepalived still reads but has deprecated.',
  messages: {
    deprecated: '"{keyword}" is deprecated; use "{replacement}".',
    deprecatedNoReplacement: '"{keyword}" is deprecated.',
  },
  check(ctx) {
    for (const s of allStatements(ctx.parse.body)) {
      if (!s.spec?.deprecated) continue;
      const replacement = s.spec.replacement;
      const target = replacement ? findKeyword(s.parentPath, replacement) : undefined;
      const fixable = target !== undefined && availableIn(target, ctx.targetVersion);
      ctx.report({
        loc: s.keyword,
        messageId: replacement ? 'deprecated' : 'deprecatedNoReplacement',
        data: { keyword: s.keyword.text, replacement },
        fix: fixable ? replace(s.keyword, replacement!) : undefined,
        tags: ['deprecated'],
      });
    }
  },
});
