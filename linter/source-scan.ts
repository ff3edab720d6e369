// Cheap tests on a parse's source text, so that a rule can skip its pass over every word when the
// characters it looks for appear nowhere but in comments (most configurations).
import type { Loc, ParseResult } from '../grammar/index';

/** Whether some file of the parse has a match of `pattern` (a global regular expression) outside its comments. */
export function inCode(parse: ParseResult, pattern: RegExp): boolean {
  return parse.files.some((f, i) => fileHas(f.text, i, parse.comments, pattern));
}

function fileHas(text: string, file: number, comments: readonly Loc[], pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  let m = pattern.exec(text);
  if (m === null) return false;
  const mine = comments.filter((c) => c.file === file).sort((a, b) => a.start - b.start);
  let c = 0;
  for (; m !== null; m = pattern.exec(text)) {
    const k = m.index;
    while (c < mine.length && mine[c]!.end <= k) c++;
    if (c === mine.length || mine[c]!.start > k) return true;
  }
  return false;
}
