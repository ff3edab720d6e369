// Formatting: canonical indentation from the block structure. Only leading whitespace changes
// and trailing blanks go; every word and comment stays byte-for-byte. Idempotent, and minimal
// edits. When keepalived's reading and the braces disagree (cascades) or a quote is
// unterminated, nothing is touched: guessing there could change the meaning.
import type { TextEdit } from 'vscode-languageserver';
import { byteLength, looksBinary, MAX_LINE_BYTES, type ParseResult, type Statement } from '../grammar/index';
import { toRange } from './locations';

/** Indentation options (LSP FormattingOptions). */
export interface IndentOptions {
  tabSize: number;
  insertSpaces: boolean;
  /** The first character of the text is a BOM, not indentation. */
  bom?: boolean;
}

/** Problems after which the structure is not trustworthy enough to re-indent. */
const BLOCKING = new Set([
  'unterminated-quote',
  'unexpected-open-brace',
  'extra-close-brace',
  'missing-open-brace',
  'unclosed-block',
  'binary-file',
]);

/** Why formatting is refused, or undefined when it can go ahead. */
export function formatBlocker(parse: ParseResult): string | undefined {
  const p = parse.problems.find(
    (x) => x.loc.file === 0 && (BLOCKING.has(x.code) || (x.code === 'unknown-keyword' && x.data.opensBlock)),
  );
  return p?.code;
}

/** Indentation depth of every line of file 0. */
export function lineDepths(parse: ParseResult): number[] {
  const file = parse.files[0]!;
  const lines = file.lines;
  const delta = new Array<number>(lines.lineCount + 1).fill(0);
  const firstNonBlank = (line: number): number => {
    const text = file.text;
    let i = lines.lineStart(line);
    while (text[i] === ' ' || text[i] === '\t') i++;
    return i;
  };
  const stack: Statement[][] = [parse.body];
  while (stack.length) {
    for (const s of stack.pop()!) {
      if (s.children) stack.push(s.children);
      if (!s.open || s.open.file !== 0) continue;
      const lo = lines.lineOf(s.open.start);
      let end: number;
      if (s.close && s.close.file === 0) {
        const lc = lines.lineOf(s.close.start);
        end = s.close.start === firstNonBlank(lc) ? lc : lc + 1;
      } else end = lines.lineCount;
      if (end > lo + 1) {
        delta[lo + 1]!++;
        delta[end]!--;
      }
    }
  }
  const depths: number[] = [];
  let d = 0;
  for (let i = 0; i < lines.lineCount; i++) depths.push((d += delta[i]!));
  return depths;
}

/** Edits that re-indent file 0; `range` limits them to some lines. */
export function formatEdits(
  parse: ParseResult,
  opts: IndentOptions,
  range?: { startLine: number; endLine: number },
): TextEdit[] {
  const file = parse.files[0];
  if (!file || formatBlocker(parse)) return [];
  const text = file.text;
  const lines = file.lines;
  const unit = opts.insertSpaces ? ' '.repeat(Math.max(1, Math.min(16, Math.floor(opts.tabSize) || 4))) : '\t';
  const skip = new Set<number>();
  for (const d of parse.definitions) {
    if (d.loc.file !== 0 || !d.multiline) continue;
    for (let l = lines.lineOf(d.loc.start); l <= lines.lineOf(d.loc.end); l++) skip.add(l);
  }
  const depths = lineDepths(parse);
  const edits: Array<{ start: number; end: number; newText: string }> = [];
  const from = range ? Math.max(0, range.startLine) : 0;
  const to = range ? Math.min(lines.lineCount - 1, range.endLine) : lines.lineCount - 1;
  for (let line = from; line <= to; line++) {
    if (skip.has(line)) continue;
    // A lone CR is a blank to keepalived but a line break to editors: leave such lines alone.
    if (text.slice(lines.lineStart(line), lines.lineEnd(line)).includes('\r')) continue;
    const start = lines.lineStart(line) + (line === 0 && opts.bom ? 1 : 0);
    const end = Math.max(start, lines.lineEnd(line));
    let lead = start;
    while (lead < end && (text[lead] === ' ' || text[lead] === '\t')) lead++;
    if (lead === end) {
      if (end > start) edits.push({ start, end, newText: '' });
      continue;
    }
    let trail = end;
    while (trail > lead && (text[trail - 1] === ' ' || text[trail - 1] === '\t')) trail--;
    const indent = unit.repeat(depths[line]!);
    // keepalived reads at most 1023 bytes a line: never move where a long line is cut.
    const before = byteLength(text, start, end, file.encoding);
    const after = before - byteLength(text, start, lead, file.encoding) + indent.length - byteLength(text, trail, end, file.encoding);
    if (before > MAX_LINE_BYTES || after > MAX_LINE_BYTES) continue;
    if (text.slice(start, lead) !== indent) edits.push({ start, end: lead, newText: indent });
    if (trail < end) edits.push({ start: trail, end, newText: '' });
  }
  // Fewer blanks raise the share of control characters: never turn a text into one the tools
  // would read as binary (and then not check at all).
  if (edits.length && !looksBinary(text)) {
    let after = '';
    let pos = 0;
    // looksBinary reads the first 8 KiB only.
    for (let i = 0; i < edits.length && after.length < 8192; i++) {
      after += text.slice(pos, edits[i]!.start) + edits[i]!.newText;
      pos = edits[i]!.end;
    }
    if (looksBinary(after + text.slice(pos, pos + 8192))) return [];
  }
  return edits.map((e) => ({ range: toRange(parse, { file: 0, start: e.start, end: e.end }), newText: e.newText }));
}
