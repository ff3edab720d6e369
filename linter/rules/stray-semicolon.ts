import type { Word } from '../../grammar/index';
import { inCode } from '../source-scan';
import { allStatements, defineRule, type RuleContext } from '../types';

/**
 * `priority 100;`, `interface eth0;`: keepalived has no statement terminator, so a `;` typed out of
 * habit (nginx, bind) stays part of the word: a number it cannot read, or an interface, address or
 * name that does not exist.
 */
export default defineRule({
  id: 'stray-semicolon',
  meta: { severity: 'warning', fixable: true, category: 'syntax', scope: 'block' },
  description: 'A word ending in ";": keepalived has no statement terminator and keeps the ";" as part of the value.',
  messages: {
    semicolon:
      '"{word}" ends in ";": keepalived has no statement terminator, so the ";" is part of the value. Remove it.',
  },
  check(ctx) {
    // Most configurations have no ";" outside comments: skip the pass over every word then.
    if (!inCode(ctx.parse, [';'])) return;
    const all = allStatements(ctx.parse.body);
    for (let n = 0; n < all.length; n++) {
      const s = all[n]!;
      for (const w of s.args) check(ctx, w);
      if (s.entries) for (const e of s.entries) for (const w of e) check(ctx, w);
    }
  },
});

function check(ctx: RuleContext, w: Word): void {
  const t = w.text;
  // A lone ";" is a word of its own: extra-argument or unknown-keyword reports it.
  if (t.length < 2 || t.charCodeAt(t.length - 1) !== 59 || w.quoted || w.opaque || w.substituted) return;
  const text = ctx.parse.files[w.file]!.text;
  if (text.charCodeAt(w.end - 1) !== 59) return;
  // All of a run (`100;;`), so that one fix leaves nothing to report.
  let start = w.end - 1;
  while (start - 1 > w.start && text.charCodeAt(start - 1) === 59) start--;
  const at = { file: w.file, start, end: w.end };
  ctx.report({ loc: at, messageId: 'semicolon', data: { word: t }, fix: { ...at, text: '' } });
}
