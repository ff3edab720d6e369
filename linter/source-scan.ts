// Cheap tests on a parse's source text, so that a rule can skip its pass over every word when the
// characters it looks for appear nowhere but in comments (most configurations).
import type { Loc, ParseResult } from '../grammar/index';

/**
 * Whether some file of the parse has one of `chars` (single characters) outside its comments.
 * One `indexOf` per character: a native scan, and none at all for a character above U+00FF in a
 * text V8 keeps as Latin-1 (a regular expression with the same class took 9–11 ms on the 12.7 MB
 * benchmark file).
 */
export function inCode(parse: ParseResult, chars: readonly string[]): boolean {
  return parse.files.some((f, i) => chars.some((c) => fileHas(f.text, i, parse.comments, c)));
}

function fileHas(text: string, file: number, comments: readonly Loc[], c: string): boolean {
  let k = text.indexOf(c);
  if (k === -1) return false;
  const mine = comments.filter((x) => x.file === file).sort((a, b) => a.start - b.start);
  let n = 0;
  for (; k !== -1; k = text.indexOf(c, k + 1)) {
    while (n < mine.length && mine[n]!.end <= k) n++;
    if (n === mine.length || mine[n]!.start > k) return true;
  }
  return false;
}
