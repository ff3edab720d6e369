import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A line with an odd number of double quotes. */
export default defineRule({
  id: 'unterminated-quote',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: 'Double quote without a closing partner on the same line.',
  messages: {
    unterminated: 'Unterminated quote: this line has an odd number of \'"\'; keepalived drops the rest of the line after the open quote.',
  },
  check(ctx) {
    const seen = new Set<string>();
    forProblems(ctx, ['unterminated-quote', 'unmatched-quote'], (p) => {
      const line = ctx.parse.files[p.loc.file]!.lines.lineOf(p.loc.start);
      const key = `${p.loc.file}:${line}`;
      if (seen.has(key)) return undefined;
      seen.add(key);
      return { loc: p.loc, messageId: 'unterminated', data: {} };
    });
  },
});
