// Test helpers for the grammar: an in-memory FileAccess, a parse shortcut and a compact view of
// the AST, so tests read like the config they describe.
import type {
  FileAccess,
  Loc,
  FileStat,
  ParseOptions,
  ParseProblem,
  ParseResult,
  Statement,
  Word,
} from '../../grammar/index';
import { parseText } from '../../grammar/index';

/** Path of the root file in tests. */
export const ROOT_PATH = '/etc/keepalived/keepalived.conf';

/** A file in the in-memory tree: text, raw bytes, or a special kind. */
export type MemEntry = string | Uint8Array | { kind: 'executable'; text: string } | { kind: 'unreadable' };

/** An in-memory FileAccess over absolute paths; folders exist implicitly. */
export function memoryFs(files: Record<string, MemEntry>): FileAccess {
  const isDir = (p: string): boolean => {
    const pre = p.endsWith('/') ? p : `${p}/`;
    return Object.keys(files).some((k) => k.startsWith(pre));
  };
  const bytes = (e: MemEntry): Uint8Array =>
    typeof e === 'string'
      ? new TextEncoder().encode(e)
      : e instanceof Uint8Array
        ? e
        : new TextEncoder().encode('text' in e ? e.text : '');
  return {
    stat(p: string): FileStat {
      const e = files[p];
      if (e !== undefined) {
        if (typeof e === 'object' && !(e instanceof Uint8Array) && e.kind === 'unreadable')
          return { kind: 'unreadable', size: 0, executable: false };
        return {
          kind: 'file',
          size: bytes(e).length,
          executable: typeof e === 'object' && !(e instanceof Uint8Array) && e.kind === 'executable',
        };
      }
      if (isDir(p)) return { kind: 'directory', size: 0, executable: true };
      return { kind: 'missing', size: 0, executable: false };
    },
    readFile(p: string) {
      const e = files[p];
      if (e === undefined) return { error: 'ENOENT' };
      if (typeof e === 'object' && !(e instanceof Uint8Array) && e.kind === 'unreadable') return { error: 'EACCES' };
      return bytes(e);
    },
    readDir(p: string) {
      if (!isDir(p)) return undefined;
      const pre = p.endsWith('/') ? p : `${p}/`;
      const names = new Set<string>();
      for (const k of Object.keys(files)) if (k.startsWith(pre)) names.add(k.slice(pre.length).split('/')[0]!);
      return [...names];
    },
  };
}

/** Parses text as the root file, with optional other files around it. */
export function parse(
  text: string,
  opts: Partial<ParseOptions> & { files?: Record<string, MemEntry> } = {},
): ParseResult {
  const { files, ...rest } = opts;
  return parseText(ROOT_PATH, text, { fs: memoryFs({ ...files, [ROOT_PATH]: text }), ...rest });
}

/** A compact, JSON-friendly view of statements. */
export interface Node {
  kw: string;
  args?: string[];
  children?: Node[];
  entries?: string[][];
  unknown?: true;
}

/** The AST without locations: keyword, args, children, entries, and unknown keywords marked. */
export function shape(body: Statement[]): Node[] {
  const out: Node[] = [];
  // Explicit stack: fixtures may nest deeply.
  const stack: Array<{ src: Statement[]; dst: Node[]; i: number }> = [{ src: body, dst: out, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.src.length) {
      stack.pop();
      continue;
    }
    const s = top.src[top.i++]!;
    const n: Node = { kw: s.keyword.text };
    if (s.args.length) n.args = s.args.map((a) => a.text);
    if (!s.spec) n.unknown = true;
    if (s.entries) n.entries = s.entries.map((e) => e.map((w) => w.text));
    top.dst.push(n);
    if (s.children) {
      n.children = [];
      stack.push({ src: s.children, dst: n.children, i: 0 });
    }
  }
  return out;
}

/** Problems as `code@file:start-end` strings with the source text they cover. */
export function problems(
  p: ParseResult,
): Array<{ code: string; file: number; text: string; start: number; end: number }> {
  return p.problems.map((x: ParseProblem) => ({
    code: x.code,
    file: x.loc.file,
    start: x.loc.start,
    end: x.loc.end,
    text: p.files[x.loc.file]!.text.slice(x.loc.start, x.loc.end),
  }));
}

/** Problem codes only. */
export const codes = (p: ParseResult): string[] => p.problems.map((x) => x.code);

/** The source text a located thing covers. */
export function textOf(p: ParseResult, loc: { file: number; start: number; end: number }): string {
  return p.files[loc.file]!.text.slice(loc.start, loc.end);
}

/** Words as their texts. */
export const texts = (ws: Word[]): string[] => ws.map((w) => w.text);

/** Finds the first statement (depth-first) with this keyword. */
export function find(body: Statement[], keyword: string): Statement | undefined {
  const stack = [...body].reverse();
  while (stack.length) {
    const s = stack.pop()!;
    if (s.keyword.text === keyword) return s;
    if (s.children) for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i]!);
  }
  return undefined;
}

const loc = (l: Loc | undefined): string => (l ? `${l.file}:${l.start}-${l.end}` : '');
const word = (w: Word): unknown[] => [w.text, loc(w), w.quoted ?? false, w.opaque ?? false, w.substituted ?? false, w.escAt ?? -1, w.unterminated ?? false];
/** A statement and its block as plain data (to compare two readings exactly). */
export function stmt(s: Statement): unknown {
  return {
    k: word(s.keyword),
    a: s.args.map(word),
    spec: s.spec?.name ?? null,
    path: s.parentPath,
    parent: s.parent ? loc(s.parent.keyword) : null,
    open: loc(s.open),
    close: loc(s.close),
    skipped: s.skipped ?? null,
    dropped: s.dropped?.map(word) ?? null,
    stray: s.strayBrace ? [s.strayBrace.code, loc(s.strayBrace.loc)] : null,
    children: s.children?.map(stmt) ?? null,
    entries: s.entries?.map((e) => e.map(word)) ?? null,
  };
}
/** Everything a parse says, as plain data (to compare two parses exactly). */
export function view(p: ParseResult): unknown {
  return {
    files: p.files.map((f) => [f.path, f.text, f.encoding, f.bom, f.lines.lineCount]),
    body: p.body.map(stmt),
    // The reader reports a line's own problems before the builder's of the lines before it in the
    // same batch, so their order depends on batch boundaries: compared as a sorted list (the
    // diagnostics built from them are compared in order below).
    problems: p.problems.map((x) => JSON.stringify([x.code, loc(x.loc), x.data, (x.related ?? []).map(loc)])).sort(),
    definitions: p.definitions.map((d) => [d.name, loc(d.nameLoc), loc(d.loc), d.value, d.multiline]),
    references: p.references.map((r) => [r.name, loc(r.loc), r.builtin, r.definition?.name ?? null]),
    includes: p.includes.map((i) => [i.keyword, i.pattern, loc(i.loc), i.targets]),
    inactive: p.inactive.map(loc),
    replications: p.replications.map(loc),
    comments: p.comments.map(loc),
    targetVersion: p.targetVersion,
    unsettled: p.body.flatMap((s, i) => (p.unsettled?.has(s) ? [i] : [])),
  };
}
