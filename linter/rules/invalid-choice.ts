import { BOOLEANS, checkUnsigned } from '../values';
import { forEachParam } from '../params';
import { defineRule } from '../types';
import { replace } from '../problem-rule';

/** Enumerated values and booleans outside the accepted set. */
export default defineRule({
  id: 'invalid-choice',
  meta: { severity: 'error', fixable: true, category: 'keyword' },
  description: 'Value that is not one of the words keepalived accepts for this keyword.',
  messages: {
    choice: '"{value}" is not valid for "{keyword}"; expected one of: {values}.',
    choiceCase: '"{value}" is not valid for "{keyword}": values are case-sensitive; use "{suggestion}".',
    boolean: '"{value}" is not a boolean for "{keyword}"; use one of: {values} (lower case).',
  },
  check(ctx) {
    forEachParam(ctx.parse.body, ctx.targetVersion, (s, arg, param) => {
      const v = arg.text;
      if (param.type === 'bool') {
        if (BOOLEANS.includes(v)) return;
        const lower = BOOLEANS.includes(v.toLowerCase()) ? v.toLowerCase() : undefined;
        ctx.report({ loc: arg, messageId: 'boolean', data: { keyword: s.keyword.text, value: v, values: BOOLEANS.join(', ') }, fix: lower ? replace(arg, lower) : undefined });
        return;
      }
      if ((param.type !== 'enum' && param.type !== 'enum_or_uint') || !param.values) return;
      // include_check words may carry a +/- prefix.
      const word = s.keyword.text === 'include_check' ? v.replace(/^[+-]/, '') : v;
      const ci = param.case_insensitive || param.type === 'enum_or_uint';
      if (param.values.some((x) => (ci ? x.toLowerCase() === word.toLowerCase() : x === word))) return;
      if (param.type === 'enum_or_uint' && !checkUnsigned(word, 0, 4294967295)) return;
      const sameCase = param.values.find((x) => x.toLowerCase() === word.toLowerCase());
      const data = { keyword: s.keyword.text, value: v, values: param.values.join(', '), suggestion: sameCase };
      ctx.report({ loc: arg, messageId: sameCase ? 'choiceCase' : 'choice', data, fix: sameCase ? replace(arg, sameCase) : undefined });
    });
  },
});
