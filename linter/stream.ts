// Lints one large configuration while it is read (the CLI's one-shot run of a single file).
//
// Keeping the whole tree of a large configuration costs more than reading it: its statements are
// made young and all survive, so the collector copies each of them, and the rules then wait on
// memory for every statement they read (bench/RESULTS.md, "What keeping the tree costs"). Here the
// block-local rules (`meta.scope: 'block'`, see chunks.ts) run on each run of top-level blocks as
// soon as the reader has finished it and stands at rest, while its statements are fresh; then the
// inside of each `virtual_server` in that run is let go of, except what the whole-file rules read
// there (KEPT, with the statements that hold it), and the statement index keeps the same. The
// whole-file rules run on what is left once the file is read.
//
// This holds only for a parse that rests between its blocks (restsBetweenBlocks: one file, no
// `$NAME`, includes, `@id` or `~SEQ` lines, no derailed reading), where each run of blocks reads the
// same alone, and while every block-local rule's findings stay within its run's lines. Otherwise
// the parse is linted the usual way, or, when part of it was let go of already, streamLint returns
// undefined and the caller reads and lints the file again. A test lints every fixture and corpus
// configuration both ways, in runs of a few statements, and compares (so does the fuzzer).
import {
  parseFile,
  recordStatementIndex,
  restsBetweenBlocks,
  sliceIndex,
  statementIndex,
  NEWEST_VERSION,
  type ParseOptions,
  type ParseResult,
  type Reading,
  type Statement,
  type StatementIndexer,
} from '../grammar/index';
import { CHUNK_STATEMENTS, checkView, linesOf, releaseView } from './chunks';
import type { LintOptions } from './config';
import { blockRules, lintParse, lintWithBlockFindings } from './lint';
import type { Diagnostic, Rule } from './types';

/**
 * The keywords inside a `virtual_server` that whole-file rules read: the scripts a service, a real
 * server and MISC_CHECK run and MISC_CHECK's `user` (script-security, duplicate-setting, the track
 * rules), `smtp_alert` (smtp-alert-no-mail), FILE_CHECK's `track_file` and BFD_CHECK's `name`
 * (track-undefined, track-unused). A service of a `virtual_server_group` is kept whole
 * (lvs-virtual-server-group reads all of it), as is one keepalived skips. A test checks that a
 * whole-file rule finds the same on such a tree as on the whole one, for every configuration.
 */
const KEPT = new Set([
  'quorum_up',
  'quorum_down',
  'notify_up',
  'notify_down',
  'misc_path',
  'user',
  'smtp_alert',
  'track_file',
  'name',
]);

/**
 * Reads and lints one file as above. When it cannot be done so it lints the parse the usual way,
 * or returns undefined when it had already let go of part of the tree (then read and lint the file
 * the usual way).
 */
export function streamLint(
  path: string,
  parseOptions: ParseOptions,
  options: LintOptions,
  size = options.chunkStatements ?? CHUNK_STATEMENTS,
): { parse: ParseResult; diagnostics: Diagnostic[] } | undefined {
  const targetVersion = options.targetVersion ?? parseOptions.targetVersion ?? NEWEST_VERSION;
  const { local, make } = blockRules(options);
  const found = new Map<Rule, Diagnostic[]>(local.map((r) => [r, []]));
  let failed = false;
  /** Whether some of the tree was let go of (the parse is then no use to the usual way). */
  let pruned = false;
  /** The first top-level statement of the run not yet linted. */
  let first = 0;

  // Runs the block-local rules on a view of the top-level statements from `first` up to `last`
  // (all complete); false when a rule threw or found something outside the view's lines.
  const lintRun = (view: ParseResult, last: number): boolean => {
    const incomplete = checkView(view, linesOf(view), local, found, targetVersion, make, options.timing).length > 0;
    releaseView(view);
    if (incomplete) return false;
    first = last;
    return true;
  };

  const onTopLevel = (reading: Reading): void => {
    const { body, indexer } = reading;
    const tops = indexer.index.at!.tops;
    if (failed || body.length === first) return;
    // Every top-level statement indexed, one file, nothing carried from line to line: else leave it
    // all to the usual way.
    if (tops.length !== body.length || reading.files.length !== 1 || !reading.plain) {
      failed = true;
      return;
    }
    if (indexer.index.all.length - tops[first]! < size) return;
    const from = first;
    const run = body.slice(from);
    const view: ParseResult = {
      files: reading.files,
      body: run,
      problems: reading.problems as ParseResult['problems'],
      definitions: [],
      references: [],
      includes: [],
      inactive: [],
      replications: [],
      comments: reading.comments as ParseResult['comments'],
      targetVersion,
    };
    recordStatementIndex(run, sliceIndex(indexer.index, from, body.length)!);
    if (!lintRun(view, body.length)) {
      failed = true;
      return;
    }
    if (letGo(indexer, tops, from, body.length)) pruned = true;
  };

  const parse = parseFile(path, { ...parseOptions, onTopLevel });
  // The usual way, on this parse when it is whole.
  if (failed || !restsBetweenBlocks(parse))
    return pruned ? undefined : { parse, diagnostics: lintParse(parse, options) };
  if (first < parse.body.length) {
    const run = parse.body.slice(first);
    const whole = statementIndex(parse.body);
    const index = whole && sliceIndex(whole, first, parse.body.length);
    const view: ParseResult = { ...parse, body: run };
    if (index) recordStatementIndex(run, index);
    if (!index || !lintRun(view, parse.body.length))
      return pruned ? undefined : { parse, diagnostics: lintParse(parse, options) };
  }
  return { parse, diagnostics: lintWithBlockFindings(parse, options, found) };
}

/**
 * Lets go of what the whole-file rules do not read inside the `virtual_server` blocks among the
 * top-level statements first..last-1: of each, it keeps the statements of KEPT and those that hold
 * them, in the tree (its parents' lists) and in the statement index. The index holds a block's
 * statements right after it, in document order, so each service's are one run of positions.
 */
function letGo(indexer: StatementIndexer, tops: readonly number[], first: number, last: number): boolean {
  const all = indexer.index.all;
  const from = tops[first]!;
  const keep = new Uint8Array(all.length - from).fill(1);
  let pruned = false;
  for (let k = first; k < last; k++) {
    const top = all[tops[k]!]!;
    if (top.spec?.name !== 'virtual_server' || top.skipped || top.args[0]?.text === 'group' || !top.children) continue;
    const end = k + 1 < tops.length ? tops[k + 1]! : all.length;
    // The chain of blocks that hold the statement at hand (statements and positions).
    const chain: Statement[] = [top];
    const chainAt: number[] = [tops[k]!];
    const held = new Set<Statement>();
    let lost = false;
    for (let i = tops[k]! + 1; i < end; i++) {
      const s = all[i]!;
      while (chain.length > 0 && chain[chain.length - 1] !== s.parent) {
        chain.pop();
        chainAt.pop();
      }
      // Not inside the service after all (never so in a tree the builder made): keep it whole.
      if (chain.length === 0) {
        lost = true;
        break;
      }
      if (KEPT.has(s.keyword.text)) {
        held.add(s);
        for (let j = chain.length - 1; j > 0 && !held.has(chain[j]!); j--) held.add(chain[j]!);
        for (let j = chainAt.length - 1; j > 0 && keep[chainAt[j]! - from] === 0; j--) keep[chainAt[j]! - from] = 1;
      } else keep[i - from] = 0;
      if (s.children || s.entries) {
        chain.push(s);
        chainAt.push(i);
      }
    }
    if (lost) {
      keep.fill(1, tops[k]! - from, end - from);
      continue;
    }
    cut(top, held);
    pruned = true;
  }
  if (pruned) indexer.retain(from, keep);
  return pruned;
}

/** Keeps in a block only the children `held` names, and the same inside those. */
function cut(s: Statement, held: ReadonlySet<Statement>): void {
  const kids = s.children;
  if (!kids) return;
  const kept = held.size === 0 ? [] : kids.filter((c) => held.has(c));
  for (const c of kept) cut(c, held);
  s.children = kept;
}
