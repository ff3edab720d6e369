import type { Statement, Word } from '../../grammar/index';
import { inCode } from '../source-scan';
import { allStatements, defineRule, type RuleContext } from '../types';

/**
 * keepalived quotes with straight double quotes only. `interface 'eth0'` (a shell or YAML habit) and
 * `auth_pass “secret”` (pasted from a document) keep their quote characters: an interface that does
 * not exist, a password the peer does not share. Script commands are the exception for single
 * quotes: keepalived splits them the way a shell would (alloc_strvec_quoted_escaped).
 */
const SINGLE = "'";
const TYPOGRAPHIC = '‘’‚“”„«»';
const ANY = [...SINGLE, ...TYPOGRAPHIC];
/** What double quotes would read otherwise inside them: another quote, an escape, a `$`. */
const NOT_PLAIN = new RegExp(`["\\\\$${ANY.join('')}]`);

export default defineRule({
  id: 'literal-quote',
  meta: { severity: 'warning', fixable: true, category: 'syntax', scope: 'block' },
  description:
    'A word in single or typographic quotes: keepalived quotes with straight double quotes only, so they are part of the value.',
  messages: {
    single:
      '"{word}": keepalived has no single quotes here, so they are part of the value. Use double quotes, or none.',
    typographic:
      '"{word}": typographic quotes are not quotes to keepalived, so they are part of the value. Use straight double quotes ("), or none.',
  },
  check(ctx) {
    // Most configurations have none outside comments: skip the pass over every word then.
    if (!inCode(ctx.parse, ANY)) return;
    const all = allStatements(ctx.parse.body);
    for (let n = 0; n < all.length; n++) {
      const s = all[n]!;
      const shellQuotes = readsShellQuotes(s);
      for (const w of s.args) check(ctx, w, shellQuotes);
      if (s.entries) for (const e of s.entries) for (const w of e) check(ctx, w, false);
    }
  },
});

/** A script command or a regular expression: keepalived reads single quotes there. */
function readsShellQuotes(s: Statement): boolean {
  return s.spec?.params?.some((p) => p.type === 'script' || p.type === 'quoted_escaped_string') ?? false;
}

function check(ctx: RuleContext, w: Word, shellQuotes: boolean): void {
  if (w.quoted || w.substituted || w.opaque) return;
  const t = w.text;
  const first = t[0]!;
  const last = t[t.length - 1]!;
  const kind = (c: string): 'single' | 'typographic' | undefined =>
    c === SINGLE ? (shellQuotes ? undefined : 'single') : TYPOGRAPHIC.includes(c) ? 'typographic' : undefined;
  const messageId = kind(first) ?? kind(last);
  if (!messageId) return;
  // Both ends quoted alike, and nothing inside that double quotes would read otherwise: `"eth0"`.
  const inner = t.slice(1, -1);
  const wrapped = t.length > 2 && kind(first) === messageId && kind(last) === messageId && !NOT_PLAIN.test(inner);
  const source = ctx.parse.files[w.file]!.text.slice(w.start, w.end);
  const fix = wrapped && source === t ? { file: w.file, start: w.start, end: w.end, text: `"${inner}"` } : undefined;
  ctx.report({ loc: w, messageId, data: { word: t }, fix });
}
