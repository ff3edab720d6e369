import { keywordEverywhere, type Statement, type Word } from '../../grammar/index';
import { inCode } from '../source-scan';
import { allStatements, defineRule, type RuleContext } from '../types';

/**
 * Spaces other than space and tab, and invisible characters, mostly pasted from a web page or a
 * document: keepalived splits words at spaces and tabs only, so `priority\u00a0100` is one word, an
 * unknown keyword, and `eth0\u200b` an interface that does not exist.
 */
const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** Spaces that are not ASCII blanks: each becomes a space. */
const SPACES = new Set([
  '\u00a0',
  '\u1680',
  ...range(0x2000, 0x200a),
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
]);
/** Characters that show as nothing: each is removed. */
const INVISIBLE = new Set([...range(0x200b, 0x200d), '\u2060', '\u180e', '\ufeff']);
const IRREGULAR = [...SPACES, ...INVISIBLE];
const isIrregular = (c: string): boolean => SPACES.has(c) || INVISIBLE.has(c);

/** The text with each irregular space a space and each invisible character gone. */
const cleaned = (text: string): string =>
  text.replace(/[^\x00-\x7f]/g, (c) => (SPACES.has(c) ? ' ' : INVISIBLE.has(c) ? '' : c));

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
    if (!inCode(ctx.parse, IRREGULAR)) return;
    const all = allStatements(ctx.parse.body);
    for (let n = 0; n < all.length; n++) {
      const s = all[n]!;
      const hits: Hit[] = [];
      find(ctx, s.keyword, keepsStructure(ctx, s), hits);
      for (const w of s.args) find(ctx, w, true, hits);
      report(ctx, hits);
      if (s.entries) {
        for (const e of s.entries) {
          const line: Hit[] = [];
          for (const w of e) find(ctx, w, true, line);
          report(ctx, line);
        }
      }
    }
  },
});

/**
 * Whether fixing an unknown keyword's word keeps the block structure: the keyword it becomes
 * (`vrrp_\ufefftrack_file` is `vrrp_track_file`) must not be a block keyword where no `{` follows,
 * nor a keyword of a setting where one does, in any block (the statement may stand where the
 * reading is already off), as unknown-keyword's fixes do.
 */
function keepsStructure(ctx: RuleContext, s: Statement): boolean {
  if (s.spec) return true;
  const k = s.keyword;
  const p = ctx.parse.problems.find(
    (x) => x.code === 'unknown-keyword' && x.loc.file === k.file && x.loc.start === k.start,
  );
  const opens = p ? Boolean(p.data.opensBlock) : s.open !== undefined;
  // A "{" whose block keepalived ignored with the reading never back in step: a fix would move every later "}".
  if (p?.data.opensBlock && p.data.unresolved) return false;
  // The keyword's own text may come apart or vanish (a lone no-break space): then the next word is the keyword.
  const words = [...cleaned(k.text).split(/[ \t]+/), ...s.args.map((w) => w.text)];
  const specs = keywordEverywhere(words.find((w) => w !== '') ?? '');
  if (specs.length === 0) return true;
  return opens ? specs.every((x) => Boolean(x.block)) : specs.every((x) => !x.block);
}

/** A run of irregular characters of one kind inside a word. */
interface Hit {
  file: number;
  start: number;
  end: number;
  space: boolean;
  fixable: boolean;
  word: Word;
}

/** The runs of irregular characters in a word, in order. */
function find(ctx: RuleContext, w: Word, fixable: boolean, out: Hit[]): void {
  // Quoted text is the user's; a substituted word's characters are its definition's.
  if (w.quoted || w.substituted || w.opaque) return;
  const text = ctx.parse.files[w.file]!.text;
  // A byte order mark that starts the file is unknown-keyword's ("Save the file without a BOM").
  const from = w.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : w.start;
  for (let k = from; k < w.end; k++) {
    const c = text[k]!;
    if (!isIrregular(c)) continue;
    const space = SPACES.has(c);
    let end = k + 1;
    while (end < w.end && isIrregular(text[end]!) && SPACES.has(text[end]!) === space) end++;
    out.push({ file: w.file, start: k, end, space, fixable, word: w });
    k = end - 1;
  }
}

/**
 * One finding for each stretch of runs with nothing but blanks between them: an indentation of
 * no-break spaces and spaces (`\u00a0 \u00a0 priority`) is one finding, with one fix.
 */
function report(ctx: RuleContext, hits: Hit[]): void {
  for (let i = 0; i < hits.length;) {
    const first = hits[i]!;
    const text = ctx.parse.files[first.file]!.text;
    let j = i + 1;
    while (
      j < hits.length &&
      hits[j]!.file === first.file &&
      /^[ \t]*$/.test(text.slice(hits[j - 1]!.end, hits[j]!.start))
    )
      j++;
    const group = hits.slice(i, j);
    const last = group[group.length - 1]!;
    const at = { file: first.file, start: first.start, end: last.end };
    const codes = [...new Set(group.map((h) => codeOf(text[h.start]!)))].join(', ');
    const fixed = cleaned(text.slice(at.start, at.end));
    ctx.report({
      loc: at,
      messageId: group.some((h) => h.space) ? 'space' : 'invisible',
      data: { code: codes, word: first.word.text },
      fix: group.every((h) => h.fixable) ? { ...at, text: fixed } : undefined,
    });
    i = j;
  }
}

const codeOf = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
