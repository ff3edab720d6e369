import { availableIn, findKeyword, type KeywordSpec } from '../../grammar/index';
import { replace } from '../problem-rule';
import { defineRule, statementsWhere } from '../types';

const deprecated = (spec: KeywordSpec): boolean => spec.deprecated === true;

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
    for (const s of statementsWhere(ctx.parse.body, deprecated)) {
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
