import { findKeyword, type Statement, type Word } from '../../grammar/index';
import { inCode } from '../source-scan';
import { allStatements, defineRule, type RuleContext } from '../types';

/**
 * Spaces other than space and tab, and invisible characters, mostly pasted from a web page or a
 * document: keepalived splits words at spaces and tabs only, so `priority\u00a0100` is one word, an
 * unknown keyword, and `eth0\u200b` an interface that does not exist.
 */
const SPACES = '\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const INVISIBLE = '\\u200b-\\u200d\\u2060\\u180e\\ufeff';
const ANY = new RegExp(`[${SPACES}${INVISIBLE}]`, 'g');
const SPACE = new RegExp(`^[${SPACES}]$`);
const ONE = new RegExp(`^[${SPACES}${INVISIBLE}]$`);
const ONE_GLOBAL = new RegExp(`[${SPACES}${INVISIBLE}]`, 'g');

export default defineRule({
  id: 'irregular-whitespace',
  meta: { severity: 'warning', fixable: true, category: 'syntax', scope: 'block' },
  description:
    'A no-break, typographic or zero-width space inside a word: keepalived splits words at spaces and tabs only.',
  messages: {
    space:
      'An irregular space ({code}) in "{word}": keepalived splits words at spaces and tabs only, so it reads it as part of the word. Replace it with a space.',
    invisible: 'An invisible character ({code}) in "{word}": keepalived reads it as part of the word. Remove it.',
  },
  check(ctx) {
    // Most configurations have none outside comments: skip the pass over every word then.
    if (!inCode(ctx.parse, ANY)) return;
    for (const s of allStatements(ctx.parse.body)) {
      check(ctx, s.keyword, keepsStructure(ctx, s));
      for (const w of s.args) check(ctx, w, true);
      if (s.entries) for (const e of s.entries) for (const w of e) check(ctx, w, true);
    }
  },
});

/**
 * Whether fixing an unknown keyword's word keeps the block structure: the keyword it becomes
 * (`vrrp_\ufefftrack_file` is `vrrp_track_file`) must open a block exactly when a `{` follows,
 * as unknown-keyword's fixes do.
 */
function keepsStructure(ctx: RuleContext, s: Statement): boolean {
  if (s.spec) return true;
  const k = s.keyword;
  const p = ctx.parse.problems.find(
    (x) => x.code === 'unknown-keyword' && x.loc.file === k.file && x.loc.start === k.start,
  );
  if (!p) return true;
  const fixed =
    k.text
      .replace(ONE_GLOBAL, (c) => (SPACE.test(c) ? ' ' : ''))
      .trim()
      .split(' ')[0] ?? '';
  const spec = findKeyword(s.parentPath, fixed);
  return !spec || Boolean(spec.block) === Boolean(p.data.opensBlock);
}

function check(ctx: RuleContext, w: Word, fixable: boolean): void {
  // Quoted text is the user's; a substituted word's characters are its definition's.
  if (w.quoted || w.substituted || w.opaque) return;
  const text = ctx.parse.files[w.file]!.text;
  // A byte order mark that starts the file is unknown-keyword's ("Save the file without a BOM").
  const from = w.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : w.start;
  for (let k = from; k < w.end; k++) {
    const c = text[k]!;
    if (!ONE.test(c)) continue;
    // A run of the same kind is one finding, with one fix.
    const space = SPACE.test(c);
    let end = k + 1;
    while (end < w.end && ONE.test(text[end]!) && SPACE.test(text[end]!) === space) end++;
    const at = { file: w.file, start: k, end };
    const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.report({
      loc: at,
      messageId: space ? 'space' : 'invisible',
      data: { code, word: w.text },
      fix: fixable ? { ...at, text: space ? ' ' : '' } : undefined,
    });
    k = end - 1;
  }
}
