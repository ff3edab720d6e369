// Block-local rules over a large parse, a run of top-level blocks at a time.
//
// Each rule walks the statements it checks, and on a large configuration those lie in a tree of
// some hundreds of megabytes: every rule then waits on memory for every statement it reads. A rule
// that is block-local (`meta.scope: 'block'`: its findings in a top-level block depend on that
// block alone, see block-cache.ts) finds the same in a view of the parse that holds some of the
// top-level blocks. So the block-local rules run over views of a few thousand consecutive
// statements each, one view after another, all of them on one view before the next: the view's
// statements stay in the processor's cache from one rule to the next. Each view's statement index
// is cut from the one the builder recorded (no walk). Findings are kept per rule in the order the
// rule made them; a rule that throws is run on the whole parse instead. When the parse rests
// between its blocks (restsBetweenBlocks: one file, no `$NAME`, includes, `@id` lines, `~SEQ` or
// cascades), each view spans known lines of the file, and a rule with a finding outside them is
// run on the whole parse too (a check at run time of what the tests check of every block-local
// rule on every configuration: block-cache.test.ts, chunks.test.ts). Otherwise a block's lines
// may lie in several files, and the tests alone stand for it.
import {
  recordStatementIndex,
  restsBetweenBlocks,
  sliceIndex,
  statementIndex,
  type ParseResult,
  type StatementIndex,
} from '../grammar/index';
import { lastEnd, lineEnd, lineStart, within } from './block-cache';
import { forgetTypedStatements } from './params';
import { forgetScriptUses } from './peer/script-command';
import { forgetTreeIndex, type Diagnostic, type Report, type Rule } from './types';

/** Statements per view: a few megabytes of tree. */
export const CHUNK_STATEMENTS = 4096;

/** A view of consecutive top-level blocks, and the text its blocks' lines span in file 0 (when known). */
export interface Chunk {
  view: ParseResult;
  lines: { start: number; end: number } | undefined;
}

/**
 * Where a parse is cut: chunk k holds the top-level statements `bounds[k]` up to `bounds[k + 1]`.
 * Each chunk's view is made when its turn comes (chunkAt) and dropped after it, so that no more
 * than one view's lists are alive at a time.
 */
export interface ChunkPlan {
  parse: ParseResult;
  index: StatementIndex;
  bounds: number[];
  /** Whether the parse rests between its blocks: each chunk's lines are then known. */
  rests: boolean;
}

/**
 * How the parse is cut into views of consecutive top-level blocks of about `size` statements each,
 * or undefined when it cannot be (see above) or is too small to gain from it.
 */
export function chunksOf(parse: ParseResult, size = CHUNK_STATEMENTS): ChunkPlan | undefined {
  const index = statementIndex(parse.body);
  const tops = index?.at?.tops;
  const body = parse.body;
  if (!index || !tops || index.all.length < 2 * size) return undefined;
  // The builder indexes every top-level statement it keeps, in order; anything else (two readings
  // of a broken global_defs) is left to the whole parse.
  if (tops.length !== body.length) return undefined;
  for (let k = 0; k < body.length; k++) if (index.all[tops[k]!] !== body[k]) return undefined;
  const bounds = [0];
  for (let k = 1; k < body.length; k++) if (tops[k]! - tops[bounds[bounds.length - 1]!]! >= size) bounds.push(k);
  bounds.push(body.length);
  return { parse, index, bounds, rests: restsBetweenBlocks(parse) };
}

/** The view of chunk k of a plan (its statement index recorded, cut from the parse's). */
export function chunkAt(plan: ChunkPlan, k: number): Chunk {
  const { parse, index, bounds } = plan;
  const first = bounds[k]!;
  const last = bounds[k + 1]!;
  const view: ParseResult = { ...parse, body: parse.body.slice(first, last) };
  recordStatementIndex(view.body, sliceIndex(index, first, last)!);
  return { view, lines: plan.rests ? linesOf(view) : undefined };
}

/** The text of file 0 that a view's top-level blocks span, from the start of the first one's line to the end of the last one's. */
export function linesOf(view: ParseResult): { start: number; end: number } {
  const text = view.files[0]!.text;
  const body = view.body;
  return { start: lineStart(text, body[0]!.keyword.start), end: lineEnd(text, lastEnd(body[body.length - 1]!)) };
}

/** How runChunked makes a finding of a rule's report. */
export type MakeDiagnostic = (rule: Rule, r: Report) => Diagnostic;

/**
 * Runs block-local rules over the chunks of a plan, all of them on one chunk before the next. Returns each
 * rule's findings, in the order it made them, for the rules that did not throw and whose findings
 * all lay in their chunk's lines (where known); the others are left out (the caller runs them on
 * the whole parse).
 * `timing`, when given, gets each rule's time added.
 */
export function runChunked(
  plan: ChunkPlan,
  local: readonly Rule[],
  targetVersion: string,
  make: MakeDiagnostic,
  timing?: Record<string, number>,
): Map<Rule, Diagnostic[]> {
  const found = new Map<Rule, Diagnostic[]>(local.map((r) => [r, []]));
  for (let k = 0; k + 1 < plan.bounds.length; k++) {
    const c = chunkAt(plan, k);
    for (const rule of checkView(c.view, c.lines, [...found.keys()], found, targetVersion, make, timing))
      found.delete(rule);
    releaseView(c.view);
  }
  return found;
}

/**
 * Drops what the rules cached for a view (its statement index, typed statements and script uses)
 * once it is done with. The caches are weak maps keyed by the view or its top-level list, and an
 * entry goes with its key only at a full collection: until then V8's young-generation collections
 * keep its value alive (each chunk's index and lists, and every statement they name), copy it and
 * move it to the old generation. Dropping the entries halves the young-generation collector's time
 * on the 553k-line benchmark (bench/RESULTS.md).
 */
export function releaseView(view: ParseResult): void {
  forgetTreeIndex(view.body);
  forgetTypedStatements(view.body);
  forgetScriptUses(view);
}

/**
 * Runs rules on one view, each rule's findings added to its list in `found`; returns the rules that
 * threw or found something outside `lines` (when given), whose lists are then incomplete.
 * `timing`, when given, gets each rule's time added.
 */
export function checkView(
  view: ParseResult,
  lines: { start: number; end: number } | undefined,
  local: readonly Rule[],
  found: Map<Rule, Diagnostic[]>,
  targetVersion: string,
  make: MakeDiagnostic,
  timing?: Record<string, number>,
): Rule[] {
  const failed: Rule[] = [];
  for (const rule of local) {
    const list = found.get(rule)!;
    const started = timing ? performance.now() : 0;
    const before = list.length;
    try {
      rule.check({ parse: view, targetVersion, report: (r) => list.push(make(rule, r)) });
      for (let i = before; lines && i < list.length; i++) {
        if (!within(list[i]!, lines.start, lines.end)) {
          failed.push(rule);
          break;
        }
      }
    } catch {
      failed.push(rule);
    }
    if (timing) timing[rule.id] = (timing[rule.id] ?? 0) + performance.now() - started;
  }
  return failed;
}
