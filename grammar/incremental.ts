// Re-parsing after an edit. keepalived reads a file from top to bottom, and nothing it reads can
// change what came before; so when nothing but the block structure carried from line to line in
// the previous parse of a document (one file, no preprocessor features), the top-level blocks
// before the edited line are taken over as they are, up to the last one after which the reading
// was at rest, and reading resumes at the start of the line after it. Reading stops again at a
// block boundary after the edit where the state is what the previous parse had there, and the
// blocks after it are taken over too, moved by the change in length, when the previous parse read
// them plainly. So a keystroke that derails the reading in one block (a `{` after a misspelt
// keyword), and the one that mends it, re-read only what the derailment reached. The result
// equals a full parse of the new text (property tests check it on the corpus, over chains of
// edits); whenever that cannot be guaranteed cheaply, it simply is a full parse.
import { forEachLoc, type ParseProblem, type ParseResult, type Statement } from './ast';
import type { Loc } from './spans';
import { Builder, claimedName } from './builder';
import { parseText, resultOf, type ParseOptions } from './parse';
import { looksBinary, Reader } from './reader';
import { joinIndexes, recordStatementIndex, statementIndex } from './statement-index';
import { NEWEST_VERSION } from './version';

/** Problems that concern one line and never change how later lines are read. */
const LOCAL_PROBLEMS = new Set(['unknown-keyword', 'unterminated-quote', 'unmatched-quote']);

/** Reuse only pays when there is something to skip. */
const MIN_REUSED_CHARS = 4096;

/**
 * Whether a parse's top level is at rest between its blocks: what it read carries nothing from one
 * line to the next but the block structure (one file; no `$NAME` definitions or uses, includes,
 * `~SEQ` lines or cascades), so each top-level block reads the same wherever its text stands (only
 * a duplicate name, skipped, depends on the blocks before). The CLI's chunked lint checks each
 * chunk's findings against its lines in such a parse (linter/chunks.ts). The editor's re-read and
 * lint cache need less: unsettledBlocks.
 */
export function restsBetweenBlocks(parse: ParseResult): boolean {
  return carriesOnlyStructure(parse) && parse.problems.every(isLocal);
}

/** A problem of one line that changes nothing in how later lines read. */
const isLocal = (p: ParseProblem): boolean => LOCAL_PROBLEMS.has(p.code) && !p.data.opensBlock && p.data.extentEnd === undefined;

/**
 * Whether nothing but the block structure carries from one line of a parse to the next: one file,
 * no `$NAME` definitions or uses, includes, `@id` or `~SEQ` lines.
 */
function carriesOnlyStructure(parse: ParseResult): boolean {
  if (parse.files.length !== 1) return false;
  if (parse.definitions.length || parse.references.length || parse.includes.length || parse.inactive.length) return false;
  // A ~SEQ/~LST variable stays defined after its line (RB-22).
  return parse.replications.length === 0;
}

/**
 * The top-level statements of a parse that may not read the same from their text alone: those
 * the reading did not start and end at rest (ParseResult.unsettled; a cascade, a block without
 * its brace...). Every other one does, wherever its text stands, even when the parse does not
 * rest between all its blocks. Undefined when that holds for none: something besides the block
 * structure carries from line to line, or the parse does not say.
 */
export function unsettledBlocks(parse: ParseResult): ReadonlySet<Statement> | undefined {
  return parse.unsettled && carriesOnlyStructure(parse) ? parse.unsettled : undefined;
}

/**
 * Chunk sizes for comparing texts: comparing two slices is one native comparison, so whole chunks
 * go first and only the last few characters one by one (a character loop over a 150 KB document
 * took about half of an edit's re-read).
 */
const CHUNKS = [16384, 1024, 64];

/** Number of leading characters two texts share. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const size of CHUNKS) while (i + size <= n && a.slice(i, i + size) === b.slice(i, i + size)) i += size;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The start of the next line when only blanks follow `from` on its line; otherwise undefined. */
function nextLineAfterBlanks(text: string, from: number): number | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c !== 32 && c !== 9 && c !== 13) return undefined;
  }
  return undefined;
}

/** Number of trailing characters two texts share, not counting their first `prefix` characters. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  for (const size of CHUNKS)
    while (i + size <= n && a.slice(a.length - i - size, a.length - i) === b.slice(b.length - i - size, b.length - i)) i += size;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The unique names a run of top-level statements claims, in a comparable form. */
function claims(statements: readonly Statement[]): string {
  const names: string[] = [];
  for (const s of statements) {
    const name = claimedName(s);
    if (name !== undefined) names.push(name);
  }
  return names.sort().join('\n');
}

const moved = (l: Loc, delta: number): Loc => ({ file: l.file, start: l.start + delta, end: l.end + delta });

/** Moves a statement and everything in it `delta` characters on, in place. */
function shiftStatement(top: Statement, delta: number): void {
  forEachLoc(top, (l) => {
    l.start += delta;
    l.end += delta;
  });
}

/** A problem of the unchanged tail of a document, at its new place. */
function shiftProblem(p: ParseProblem, delta: number, lineDelta: number): ParseProblem {
  const data = typeof p.data.phys === 'number' ? { ...p.data, phys: p.data.phys + lineDelta } : p.data;
  const out: ParseProblem = { code: p.code, loc: moved(p.loc, delta), data };
  if (p.related) out.related = p.related.map((l) => moved(l, delta));
  return out;
}

/** Whether a parse reads plainly from top-level statement `first` (at offset `at`) to its end. */
function plainFrom(parse: ParseResult, first: number, at: number, unsettled: ReadonlySet<Statement>): boolean {
  for (let i = first; i < parse.body.length; i++) if (unsettled.has(parse.body[i]!)) return false;
  return parse.problems.every((p) => p.loc.start < at || isLocal(p));
}

/**
 * Parses `text`, the new content of the document whose previous parse is `prev`, reusing what
 * the edit cannot have changed. Same result as parseText(path, text, opts).
 *
 * Reading resumes after the last settled top-level block (see ParseResult.unsettled) that closes
 * before the edited line, and stops again at the first such block boundary after the edit where
 * the reader and builder are back in the state the previous parse had there (nothing pending, the
 * same names claimed): the blocks after it are then taken over, moved by the edit's change in
 * length, if the previous parse read them plainly. They are moved in place, so `prev` is used up:
 * its statements after the edit belong to the result.
 */
export function reparseText(prev: ParseResult, path: string, text: string, opts: ParseOptions): ParseResult {
  const targetVersion = opts.targetVersion ?? NEWEST_VERSION;
  const full = (): ParseResult => parseText(path, text, opts);
  const old = prev.files[0];
  const unsettled = unsettledBlocks(prev);
  if (!old || old.path !== path || prev.targetVersion !== targetVersion || !unsettled || looksBinary(text)) return full();
  const edited = commonPrefix(old.text, text);
  const editEnd = old.text.length - commonSuffix(old.text, text, edited);
  // Where the reading was at rest: after a settled top-level block that closes alone at the end of
  // its line (prev may have derailed elsewhere: a cascade the edit is about to mend, say).
  const restsAfter = (s: Statement): number | undefined =>
    !s.close || s.close.file !== 0 || s.skipped || unsettled.has(s) ? undefined : nextLineAfterBlanks(old.text, s.close.end);
  // The last such place before the edited line.
  let keep = 0;
  let resume = 0;
  for (let i = prev.body.length - 1; i >= 0; i--) {
    const next = restsAfter(prev.body[i]!);
    if (next === undefined || next > edited) continue;
    keep = i + 1;
    resume = next;
    break;
  }
  // The first one after the edit (its line break unchanged): what follows it may be taken over,
  // when prev read all of that plainly (its problems there are moved, which suits local ones only).
  let from = -1;
  let stop = old.text.length;
  for (let i = keep; i < prev.body.length; i++) {
    const next = restsAfter(prev.body[i]!);
    if (next === undefined || next <= editEnd) continue;
    if (plainFrom(prev, i + 1, next, unsettled)) {
      from = i + 1;
      stop = next;
    }
    break;
  }
  if (resume + (old.text.length - stop) < MIN_REUSED_CHARS) return full();
  const reused: Statement[] = prev.body.slice(0, keep);
  const problems: ParseProblem[] = prev.problems.filter((p) => p.loc.start < resume);
  const builder = new Builder(problems, targetVersion);
  builder.seed(reused, prev.unsettled);
  const reader = new Reader({ ...opts, targetVersion }, builder, problems);
  const root = reader.addFile(path, text);
  const file = reader.files[root]!;
  reader.comments.push(...prev.comments.filter((c) => c.start < resume));
  reader.begin(root, resume, file.lines.lineOf(resume));
  const delta = text.length - old.text.length;
  let tail: Statement[] = [];
  if (
    from !== -1 &&
    reader.readUntil(stop + delta) === stop + delta &&
    builder.atRest() &&
    reader.carriesNothing() &&
    claims(builder.body.slice(keep)) === claims(prev.body.slice(keep, from))
  ) {
    tail = prev.body.slice(from);
    for (const s of tail) shiftStatement(s, delta);
    builder.seed(tail, prev.unsettled);
    const lineDelta = reader.lineCount - old.lines.lineOf(stop);
    for (const p of prev.problems) if (p.loc.start >= stop) problems.push(shiftProblem(p, delta, lineDelta));
    for (const c of prev.comments) if (c.start >= stop) reader.comments.push(moved(c, delta));
  } else reader.readUntil(Infinity);
  builder.finish({ file: root, start: text.length, end: text.length });
  const result = resultOf(reader, builder, problems, targetVersion);
  // The statement index: the earlier parse's for the blocks taken over, joined with the one the
  // builder kept for the rest (the rules would otherwise walk the whole tree after each edit).
  const before = statementIndex(prev.body);
  const read = builder.ownIndex();
  const fresh = result.body.length - keep - tail.length;
  if (before && read && read.at?.tops.length === fresh) {
    const index = joinIndexes([
      { index: before, first: 0, last: keep },
      { index: read, first: 0, last: fresh },
      { index: before, first: prev.body.length - tail.length, last: prev.body.length },
    ]);
    if (index) recordStatementIndex(result.body, index);
  }
  return result;
}
