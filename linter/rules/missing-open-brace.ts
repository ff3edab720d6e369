import { extentLoc, forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A block keyword whose `{` is missing. */
export default defineRule({
  id: 'missing-open-brace',
  meta: { severity: 'error', fixable: true, category: 'syntax' },
  description: 'Block keyword not followed by "{".',
  messages: {
    atEof: '"{keyword}" at the end of the file opens no block: nothing follows it.',
    valueSilent:
      '"{keyword}" has no "{"; keepalived reads the lines up to the next "}" as its values anyway, and the "}" then missing at the end of the file goes unnoticed. Add the "{" (and the "}" it balances).',
    missing:
      '"{keyword}" opens a block but no "{" follows; keepalived reads the next lines into it and the block structure after it shifts.',
    continues:
      '"{keyword}" opens a block keepalived skips, but no "{" follows: with nothing to skip, keepalived reads the next lines as settings of the {keyword} before it ({name}), and the block structure after it shifts.',
  },
  check(ctx) {
    forProblems(ctx, ['missing-open-brace'], (p) => {
      if (p.data.atEof)
        return { loc: p.loc, messageId: 'atEof', data: { keyword: p.data.keyword }, severity: 'warning' };
      const at = Number(p.data.insertAt ?? p.loc.end);
      // A value block reads its lines without "{" (keepalived only logs it), and when the brace it
      // lacks makes up for a missing "}" at the end, keepalived says nothing at all.
      if (p.data.values && p.data.silentEof)
        return { loc: p.loc, messageId: 'valueSilent', data: { keyword: p.data.keyword }, severity: 'warning' };
      return {
        loc: extentLoc(p),
        messageId: p.data.continues === undefined ? 'missing' : 'continues',
        data: { keyword: p.data.keyword, name: p.data.continues },
        // When a later `{` exists that keepalived takes as unexpected, adding one would not help.
        // Only when the rest of the file comes back in step: then one `{` is all that is missing.
        // Nor before a quote left open on the line: the "{" would land outside the words it ends.
        fix:
          p.data.foldedOpen || p.data.unresolved || quoteAfter(ctx.parse.files[p.loc.file]?.text, at)
            ? undefined
            : { file: p.loc.file, start: at, end: at, text: ' {' },
      };
    });
  },
});

/** Whether a `"` follows an offset on its line (the rest of the line is then an open quote's). */
function quoteAfter(text: string | undefined, at: number): boolean {
  if (text === undefined) return false;
  let end = text.indexOf('\n', at);
  if (end === -1) end = text.length;
  return text.slice(at, end).includes('"');
}
