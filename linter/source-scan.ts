// Cheap tests on a parse's source text, so that a rule can skip its pass over every word when the
// characters it looks for appear nowhere but in comments (most configurations).
import type { Loc, ParseResult, SourceFile } from '../grammar/index';

/**
 * Answers per file and character set: a rule that runs on views of one parse, a few top-level
 * blocks each (see chunks.ts), asks the same of the same files once per view. A re-read makes new
 * files, so an answer never outlives its text.
 */
const answers = new WeakMap<SourceFile, Map<string, boolean>>();

/**
 * Whether some file of the parse has one of `chars` (single characters) outside its comments.
 * One `indexOf` per character: a native scan, and none at all for a character above U+00FF in a
 * text V8 keeps as Latin-1 (a regular expression with the same class took 9–11 ms on the 12.7 MB
 * benchmark file).
 */
export function inCode(parse: ParseResult, chars: readonly string[]): boolean {
  const key = chars.join('');
  return parse.files.some((f, i) => {
    let known = answers.get(f);
    if (!known) answers.set(f, (known = new Map()));
    const answer = known.get(key);
    if (answer !== undefined) return answer;
    // The file's comments in order, sorted once and only when one of the characters is there.
    let mine: Loc[] | undefined;
    const comments = (): Loc[] =>
      (mine ??= parse.comments.filter((x) => x.file === i).sort((a, b) => a.start - b.start));
    const found = chars.some((c) => outside(f.text, c, comments));
    known.set(key, found);
    return found;
  });
}

function outside(text: string, c: string, comments: () => Loc[]): boolean {
  let k = text.indexOf(c);
  if (k === -1) return false;
  const mine = comments();
  let n = 0;
  for (; k !== -1; k = text.indexOf(c, k + 1)) {
    while (n < mine.length && mine[n]!.end <= k) n++;
    if (n === mine.length || mine[n]!.start > k) return true;
  }
  return false;
}
