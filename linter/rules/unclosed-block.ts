import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A block still open at the end of the file. */
export default defineRule({
  id: 'unclosed-block',
  meta: { severity: 'error', fixable: true, category: 'syntax' },
  description: 'Block whose "}" is missing at the end of the file.',
  messages: {
    unclosed: '"{keyword}" block is never closed: a "}" is missing before the end of the file.',
    unclosedSkipped:
      '"{keyword}" block is never closed: keepalived skips it by counting its braces, and {braces} "}" are missing before the end of the file.',
    unclosedNested:
      '"{keyword}" block is never closed: {braces} "}" are missing before the end of the file, for it and the blocks still open inside it.',
  },
  check(ctx) {
    forProblems(ctx, ['unclosed-block'], (p) => {
      // All the "}" lines this block needs: its own (one, or one per brace still open in a block
      // keepalived skips) after those of the blocks still open inside it.
      const braces = Number(p.data.braces ?? 1);
      const own = Number(p.data.own ?? braces);
      const messageId = braces === 1 ? 'unclosed' : own === braces ? 'unclosedSkipped' : 'unclosedNested';
      return {
        loc: p.loc,
        messageId,
        data: braces > 1 ? { keyword: p.data.keyword, braces } : { keyword: p.data.keyword },
        fix: {
          file: Number(p.data.eofFile),
          start: Number(p.data.eof),
          end: Number(p.data.eof),
          text: eofText(ctx.parse.files[Number(p.data.eofFile)]?.text ?? '', braces),
        },
      };
    });
  },
});

function eofText(text: string, braces: number): string {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = `}${nl}`.repeat(braces);
  return text.length === 0 || text.endsWith('\n') ? lines : `${nl}${lines}`;
}
