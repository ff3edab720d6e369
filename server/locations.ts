// The one place where offsets become LSP positions (and back), and paths become URIs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Location, Position, Range } from 'vscode-languageserver';
import { LineIndex, type Loc, type ParseResult } from '../grammar/index';

/** Absolute path that stands for a document URI (non-file URIs get a stable pseudo path). */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      /* fall through */
    }
  }
  // untitled:Untitled-1 and friends: a path in the working directory, so relative includes resolve.
  return `${process.cwd()}/${uri.replace(/^[a-z]+:/i, '').replace(/[^\w.-]+/g, '_') || 'untitled'}`;
}

/** URI of an absolute path; the document's own URI for file 0 of its parse. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

// LSP counts a lone `\r` as a line break; keepalived does not, so the grammar's own LineIndex of
// a file cannot convert positions here: each file gets an LSP line table of its own (cached).
const lspCache = new WeakMap<object, LineIndex>();

/** The LSP line table of a file (cached per parsed file). */
function lspLines(parse: ParseResult, file: number): LineIndex | undefined {
  const f = parse.files[file];
  if (!f) return undefined;
  let l = lspCache.get(f);
  // Without a CR, LSP clients and keepalived break lines at the same places: share the index.
  if (!l) lspCache.set(f, (l = f.text.includes('\r') ? new LineIndex(f.text, true) : f.lines));
  return l;
}

/** LSP range of a loc in a parse. */
export function toRange(parse: ParseResult, loc: { file: number; start: number; end: number }): Range {
  const lines = lspLines(parse, loc.file);
  if (!lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: lines.positionAt(loc.start), end: lines.positionAt(Math.max(loc.start, loc.end)) };
}

/** Offset of an LSP position in a file of a parse (clamped; garbage in gives 0). */
export function toOffset(parse: ParseResult, pos: Position | undefined, file = 0): number {
  const lines = lspLines(parse, file);
  if (!lines || !pos || typeof pos.line !== 'number' || typeof pos.character !== 'number') return 0;
  return lines.offsetAt(pos);
}

/** Line (0-based) of an offset. */
export function lineOf(parse: ParseResult, offset: number, file = 0): number {
  return parse.files[file]?.lines.lineOf(offset) ?? 0;
}

/** LSP Location of a loc; `docUri` names file `self` of the parse (the document itself, usually file 0). */
export function toLocation(parse: ParseResult, loc: Loc, docUri: string, self = 0): Location {
  return { uri: fileUri(parse, loc.file, docUri, self), range: toRange(parse, loc) };
}

/** URI of file i of a parse; `docUri` is the URI of file `self`. */
export function fileUri(parse: ParseResult, file: number, docUri: string, self = 0): string {
  if (file === self) return docUri;
  const f = parse.files[file];
  return f ? pathToUri(f.path) : docUri;
}
