import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A block still open at the end of the file. */
export default defineRule({
  id: 'unclosed-block',
  meta: { severity: 'error', fixable: true, category: 'syntax' },
  description: 'Block whose "}" is missing at the end of the file.',
  messages: { unclosed: '"{keyword}" block is never closed: a "}" is missing before the end of the file.' },
  check(ctx) {
    forProblems(ctx, ['unclosed-block'], (p) => ({
      loc: p.loc,
      messageId: 'unclosed',
      data: { keyword: p.data.keyword },
      fix: { file: Number(p.data.eofFile), start: Number(p.data.eof), end: Number(p.data.eof), text: eofText(ctx.parse.files[Number(p.data.eofFile)]?.text ?? '') },
    }));
  },
});

function eofText(text: string): string {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  return text.length === 0 || text.endsWith('\n') ? `}${nl}` : `${nl}}${nl}`;
}
