// The AST: what keepalived sees after preprocessing, with exact source locations.
import type { KeywordSpec } from './catalogue';
import type { Encoding } from './files';
import type { LineIndex, Loc } from './spans';

/** One word of a logical line. `text` is the value keepalived sees (quotes removed). */
export interface Word extends Loc {
  text: string;
  /** The word was double-quoted (absent otherwise: one field less on each of a large config's 800k words). */
  quoted?: true;
  /** Part of the word came from a built-in whose value varies (`${_RANDOM}`, `${_ENV}`...). */
  opaque?: boolean;
  /** The word came from `$NAME` substitution. */
  substituted?: boolean;
  /** Index in `text` of a `\#`/`\!` literal, which child processes read as a comment. */
  escAt?: number;
  /** The word began with a `"` that is never closed. */
  unterminated?: boolean;
}

/** A keyword line, and for block keywords its block. */
export interface Statement {
  keyword: Word;
  args: Word[];
  /** Catalogue entry; undefined when keepalived does not know the keyword here. */
  spec: KeywordSpec | undefined;
  /** Path of the block holding the statement, e.g. 'root > vrrp_instance'. */
  parentPath: string;
  parent: Statement | undefined;
  /** Sub-keywords of a keyword block. */
  children?: Statement[];
  /** Data lines of a value block, one array of words per logical line. */
  entries?: Word[][];
  open?: Loc;
  close?: Loc;
  /** Words keepalived drops because they follow an escaped comment character. */
  dropped?: Word[];
  /** The latest line's first stray `{` inside this value block (the builder counts the others of that line on it). */
  strayBrace?: ParseProblem;
  /**
   * Why keepalived skips this block without reading it (its contents are not checked): an object
   * without its one name or a duplicate, or a real or virtual server whose address, port or
   * fwmark keepalived cannot read ('invalid').
   */
  skipped?: 'no-name' | 'extra-name' | 'duplicate' | 'invalid';
  /**
   * A skipped block without its "{": keepalived has nothing to skip and reads its lines as settings
   * of this object, the one of that kind it made before (they are checked then).
   */
  continues?: Statement;
}

/** Calls `fn` with every location in a statement and its block: words, braces, data lines. */
export function forEachLoc(top: Statement, fn: (l: Loc) => void): void {
  const todo = [top];
  for (let s = todo.pop(); s; s = todo.pop()) {
    fn(s.keyword);
    for (const w of s.args) fn(w);
    if (s.open) fn(s.open);
    if (s.close) fn(s.close);
    if (s.dropped) for (const w of s.dropped) fn(w);
    if (s.entries) for (const line of s.entries) for (const w of line) fn(w);
    if (s.children) for (const c of s.children) todo.push(c);
  }
}

/** A fix: replace one range of one file with text. */
export interface Fix extends Loc {
  text: string;
}

/** A finding of the reader or builder; rules turn these into diagnostics. */
export interface ParseProblem {
  code: string;
  loc: Loc;
  data: Record<string, string | number | boolean | undefined>;
  related?: Loc[];
}

/** A file that took part in a parse. */
export interface SourceFile {
  path: string;
  text: string;
  encoding: Encoding;
  bom: boolean;
  lines: LineIndex;
}

/** A `$NAME=` definition. */
export interface Definition {
  name: string;
  nameLoc: Loc;
  loc: Loc;
  value: string;
  multiline: boolean;
}

/** A use of `$NAME` or `${NAME}`. */
export interface Reference {
  name: string;
  loc: Loc;
  definition: Definition | undefined;
  builtin: boolean;
}

/** An `include` line. */
export interface Include {
  loc: Loc;
  keyword: string;
  pattern: string;
  patternLoc: Loc;
  targets: number[];
}

/** Everything known about one parsed configuration (a root file and its includes). */
export interface ParseResult {
  files: SourceFile[];
  body: Statement[];
  problems: ParseProblem[];
  definitions: Definition[];
  references: Reference[];
  includes: Include[];
  /** Lines made inactive by `@id` prefixes. */
  inactive: Loc[];
  /**
   * `~SEQ`/`~LST` lines that were replicated (each line's own text: every copy maps to it). Their
   * variable stays defined after them.
   */
  replications: Loc[];
  /** Comments, for suppression directives and formatting. */
  comments: Loc[];
  targetVersion: string;
  /**
   * Top-level statements whose reading did not start and end with the reader at rest (inside a
   * cascade, a block without its `{`, braces out of count...). Each other top-level statement reads
   * the same from its text alone when nothing else carries from line to line (see
   * unsettledBlocks). Absent: unknown, take every statement as unsettled.
   */
  unsettled?: ReadonlySet<Statement>;
}
