// Questions the editor features ask of a parse: which block holds an offset, which word is
// under the cursor. Only file 0 (the document itself) is searched.
import { ROOT, childPath, type ParseResult, type Statement, type Word } from '../grammar/index';
import { flatten } from '../linter/index';

/** The innermost block around an offset and its path ('root' at the top level). */
export interface BlockAt {
  stmt: Statement | undefined;
  path: string;
}

/** Whether a block's braces (in file 0) enclose an offset; unclosed blocks run to the end. */
function encloses(s: Statement, offset: number): boolean {
  if (!s.open || s.open.file !== 0 || s.open.end > offset) return false;
  if (!s.close) return true;
  return s.close.file !== 0 || offset <= s.close.start;
}

/** The innermost block of file 0 whose braces enclose the offset. */
export function blockAt(parse: ParseResult, offset: number): BlockAt {
  let found: BlockAt = { stmt: undefined, path: ROOT };
  let list: Statement[] | undefined = parse.body;
  while (list) {
    let next: Statement[] | undefined;
    // Later siblings win: an unclosed block followed by another must not hide it.
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i]!;
      if ((s.children || s.entries) && encloses(s, offset)) {
        found = { stmt: s, path: childPath(s.parentPath, s.keyword.text) };
        next = s.children;
        break;
      }
    }
    list = next;
  }
  return found;
}

/** A word under the cursor and its role. */
export interface WordAt {
  stmt: Statement;
  word: Word;
  /** 'keyword', 'arg' (args[index]) or 'entry' (entries[entry][index]). */
  role: 'keyword' | 'arg' | 'entry';
  index: number;
  entry?: number;
}

/** Whether a word's source text is the word itself (not a `$NAME` that expanded to it). */
export function isLiteral(parse: ParseResult, w: Word): boolean {
  if (!w.substituted) return true;
  const src = parse.files[w.file]?.text.slice(w.start, w.end);
  return src === w.text || (w.quoted === true && src === `"${w.text}"`);
}

const inWord = (w: Word, offset: number): boolean => w.file === 0 && w.start <= offset && offset <= w.end;

/** The word of file 0 that contains the offset (touching its end counts). */
export function wordAt(parse: ParseResult, offset: number): WordAt | undefined {
  const stack: Statement[][] = [parse.body];
  while (stack.length) {
    const list = stack.pop()!;
    for (const s of list) {
      if (s.close && s.close.file === 0 && s.keyword.file === 0 && (offset > s.close.end || offset < s.keyword.start))
        continue;
      if (inWord(s.keyword, offset) && isLiteral(parse, s.keyword))
        return { stmt: s, word: s.keyword, role: 'keyword', index: 0 };
      const a = s.args.findIndex((w) => inWord(w, offset) && isLiteral(parse, w));
      if (a !== -1) return { stmt: s, word: s.args[a]!, role: 'arg', index: a };
      if (s.entries) {
        for (let e = 0; e < s.entries.length; e++) {
          const i = s.entries[e]!.findIndex((w) => inWord(w, offset) && isLiteral(parse, w));
          if (i !== -1) return { stmt: s, word: s.entries[e]![i]!, role: 'entry', index: i, entry: e };
        }
      }
      if (s.children) stack.push(s.children);
    }
  }
  return undefined;
}

/** Every statement, depth-first in file order, including blocks keepalived skips (editors show them). */
export function statements(body: Statement[]): Statement[] {
  return flatten(body, true);
}
