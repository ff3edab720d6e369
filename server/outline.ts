// Document symbols (outline) and folding ranges, both straight from the block structure.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { ParseResult, Statement } from '../grammar/index';
import { isLiteral } from './ast-query';
import { toRange } from './locations';

const KINDS: Record<string, SymbolKind> = {
  global_defs: SymbolKind.Namespace,
  vrrp_instance: SymbolKind.Class,
  vrrp_script: SymbolKind.Function,
  vrrp_sync_group: SymbolKind.Namespace,
  virtual_server: SymbolKind.Module,
  virtual_server_group: SymbolKind.Array,
  real_server: SymbolKind.Object,
  sorry_server: SymbolKind.Object,
  track_file: SymbolKind.File,
  vrrp_track_file: SymbolKind.File,
  vrrp_track_process: SymbolKind.Event,
  static_ipaddress: SymbolKind.Array,
  static_routes: SymbolKind.Array,
  static_rules: SymbolKind.Array,
  bfd_instance: SymbolKind.Event,
  garp_group: SymbolKind.Array,
  track_group: SymbolKind.Array,
};

/** Children shown under a block in the outline. */
const NESTED: Record<string, string[]> = { virtual_server: ['real_server', 'sorry_server'] };

function symbolOf(parse: ParseResult, s: Statement): DocumentSymbol | undefined {
  if (s.keyword.file !== 0 || !isLiteral(parse, s.keyword)) return undefined;
  const last = s.close && s.close.file === 0 ? s.close : (s.args.filter((a) => a.file === 0).pop() ?? s.keyword);
  const name = s.args.length ? s.args.map((a) => a.text).join(' ') : s.keyword.text;
  const sym: DocumentSymbol = {
    name,
    detail: s.args.length ? s.keyword.text : undefined,
    kind: KINDS[s.keyword.text] ?? SymbolKind.Struct,
    range: toRange(parse, { file: 0, start: s.keyword.start, end: Math.max(last.end, s.keyword.end) }),
    selectionRange: toRange(
      parse,
      s.args[0] && s.args[0].file === 0 && isLiteral(parse, s.args[0]) ? s.args[0] : s.keyword,
    ),
  };
  const nested = NESTED[s.keyword.text];
  if (nested && s.children) {
    sym.children = s.children
      .filter((c) => c.spec && nested.includes(c.keyword.text))
      .map((c) => symbolOf(parse, c))
      .filter((c): c is DocumentSymbol => c !== undefined);
  }
  return sym;
}

/** Outline: the top-level blocks (and the real servers of each virtual server). */
export function documentSymbols(parse: ParseResult): DocumentSymbol[] {
  return parse.body
    .filter((s) => s.spec && s.spec.block)
    .map((s) => symbolOf(parse, s))
    .filter((s): s is DocumentSymbol => s !== undefined);
}

/** Folding: each block from its first line to the line before its `}`, and runs of comment lines. */
export function foldingRanges(parse: ParseResult): FoldingRange[] {
  const file = parse.files[0];
  if (!file) return [];
  const lines = file.lines;
  const out: FoldingRange[] = [];
  const stack: Statement[][] = [parse.body];
  while (stack.length) {
    for (const s of stack.pop()!) {
      if (s.open?.file === 0 && s.keyword.file === 0) {
        const start = lines.lineOf(s.keyword.start);
        const end = s.close?.file === 0 ? lines.lineOf(s.close.start) : lines.lineCount - 1;
        const last = s.close && lines.lineOf(s.close.start) === end ? end - 1 : end;
        if (last > start) out.push({ startLine: start, endLine: last });
      }
      if (s.children) stack.push(s.children);
    }
  }
  // Comment runs: consecutive lines that hold only a comment.
  let runStart = -1;
  let prev = -2;
  const flush = (): void => {
    if (runStart !== -1 && prev > runStart)
      out.push({ startLine: runStart, endLine: prev, kind: FoldingRangeKind.Comment });
  };
  for (const c of parse.comments) {
    if (c.file !== 0) continue;
    const line = lines.lineOf(c.start);
    const own = file.text.slice(lines.lineStart(line), c.start).trim() === '';
    if (!own) continue;
    if (line !== prev + 1) {
      flush();
      runStart = line;
    }
    prev = line;
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}
