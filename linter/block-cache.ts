// Findings of block-local rules, kept per top-level block from one lint of a document to the next.
//
// When nothing but the block structure carries from line to line (one file, no `$NAME`, includes,
// `@id` lines or `~SEQ`), each top-level block that was read from rest to rest (grammar
// unsettledBlocks: not inside a cascade, not a block without its `{`...) reads the same wherever
// its text stands, and a rule whose findings for a block depend on that block alone
// (`meta.scope: 'block'`) finds the same in the same text, moved with it. So the findings are kept
// by the block's text (its whole lines); after an edit only blocks whose text is new, and the
// unsettled ones, are linted; the others' findings are moved to where their text now is. A
// keystroke that derails the reading (a `{` after a misspelt keyword) therefore re-lints only the
// blocks it derails. Rules that look across blocks run on the whole parse as always. The result
// equals an uncached lint: a property test checks it over random edits, and another that each
// block-local rule is block-local.
import { forEachLoc, unsettledBlocks, type Fix, type Loc, type ParseResult, type Statement } from '../grammar/index';
import type { LintOptions } from './config';
import type { Diagnostic, Rule } from './types';

/** What the block-local rules found in one top-level block. */
interface Entry {
  /** Where the block's text started when the findings were made. */
  at: number;
  /** Findings per rule id, in the order the rule reported them, at `at`; rules that found nothing are left out. */
  byRule: Map<string, Diagnostic[]> | undefined;
}

/** The cache of one document; give the same object to each lint of its successive versions. */
export class BlockCache {
  private options: LintOptions | undefined;
  /**
   * By the text of a block's lines. The keys are slices of the latest text only (rebuilt on each
   * lint), so no older version of the document is kept alive by them.
   */
  private entries = new Map<string, Entry>();
  /**
   * The last lint: top-level blocks whose findings were taken over and blocks linted anew, or
   * `whole` when it ran on the whole file (the parse does not rest between blocks, or a finding lay
   * outside its block). For tests and benchmarks.
   */
  stats = { reused: 0, linted: 0, whole: false };

  /** The lint ran on the whole parse: what is known stays for the next one. */
  ranWhole(parse: ParseResult): void {
    this.stats = { reused: 0, linted: parse.body.length, whole: true };
  }

  /** Splits the parse's top level into blocks with known findings and blocks to lint. */
  plan(parse: ParseResult, options: LintOptions): BlockPlan | undefined {
    // Findings made under other options (severities, version, language) are of no use.
    if (options !== this.options) this.entries = new Map();
    this.options = options;
    const unsettled = unsettledBlocks(parse);
    if (!unsettled) {
      this.ranWhole(parse);
      return undefined;
    }
    const text = parse.files[0]!.text;
    const n = parse.body.length;
    const keys: Array<string | undefined> = new Array(n);
    const known: Array<{ entry: Entry; delta: number } | undefined> = new Array(n);
    const fresh: Statement[] = [];
    const ranges: number[] = [];
    const lines = new Array<number>(2 * n);
    for (let i = 0; i < n; i++) {
      const s = parse.body[i]!;
      lines[2 * i] = lineStart(text, s.keyword.start);
      lines[2 * i + 1] = lineEnd(text, lastEnd(s));
    }
    for (let i = 0; i < n; i++) {
      const s = parse.body[i]!;
      const start = lines[2 * i]!;
      const end = lines[2 * i + 1]!;
      // A duplicate name is skipped because of an earlier block: not a matter of its text alone;
      // nor is a block read while the reading was derailed. Blocks that share a line have no text
      // of their own (`} vrrp_script b {`, a file whose lines end in a bare CR and so is one line
      // to keepalived).
      const shared = (i > 0 && lines[2 * i - 1]! > start) || (i + 1 < n && lines[2 * i + 2]! < end);
      const key = s.skipped || shared || unsettled.has(s) ? undefined : text.slice(start, end);
      keys[i] = key;
      const entry = key === undefined ? undefined : this.entries.get(key);
      if (entry) known[i] = { entry, delta: start - entry.at };
      else {
        fresh.push(s);
        ranges.push(s.keyword.start, start, end);
      }
    }
    return { parse, view: { ...parse, body: fresh }, keys, known, fresh, ranges, found: new Array(fresh.length) };
  }

  /** Records the findings of a lint made by plan, for the next one. */
  keep(plan: BlockPlan): void {
    const next = new Map<string, Entry>();
    let f = 0;
    for (let i = 0; i < plan.parse.body.length; i++) {
      let entry = plan.known[i]?.entry;
      if (!entry) {
        entry = { at: plan.ranges[3 * f + 1]!, byRule: plan.found[f] };
        f++;
      }
      const key = plan.keys[i];
      if (key !== undefined) next.set(key, entry);
    }
    this.entries = next;
    this.stats = { reused: plan.parse.body.length - plan.fresh.length, linted: plan.fresh.length, whole: false };
  }
}

/** One lint's split of the top level (see BlockCache.plan). */
export interface BlockPlan {
  parse: ParseResult;
  /** The parse with only the blocks to lint at its top level: what block-local rules check. */
  view: ParseResult;
  /** Per top-level index: the text the block's findings are kept by (none for skipped blocks and blocks that share a line). */
  keys: Array<string | undefined>;
  /** Per top-level index: the kept findings and how far the block's text moved, or undefined. */
  known: Array<{ entry: Entry; delta: number } | undefined>;
  fresh: Statement[];
  /**
   * For fresh block k: ranges[3k] is its keyword's offset (its findings start there or later, and
   * before the next block's), [ranges[3k+1], ranges[3k+2]] its lines (everything a finding names
   * lies there).
   */
  ranges: number[];
  /** Per fresh block: what each block-local rule found there (none: undefined). */
  found: Array<Map<string, Diagnostic[]> | undefined>;
}

/**
 * A block-local rule's findings for the whole parse: the kept ones of known blocks (moved) and
 * `found` (its findings on the view) for the others, in top-level order. Undefined when a finding
 * lies outside the block it would belong to: the rule is then not block-local after all.
 */
export function mergeBlockFindings(plan: BlockPlan, rule: Pick<Rule, 'id'>, found: Diagnostic[]): Diagnostic[] | undefined {
  // Each finding to its fresh block, in the order the rule reported it.
  const buckets: Array<Diagnostic[] | undefined> = new Array(plan.fresh.length);
  for (const d of found) {
    const k = blockOf(plan.ranges, d.loc.start);
    if (k === -1 || !within(d, plan.ranges[3 * k + 1]!, plan.ranges[3 * k + 2]!)) return undefined;
    (buckets[k] ??= []).push(d);
  }
  const out: Diagnostic[] = [];
  let f = 0;
  for (let i = 0; i < plan.known.length; i++) {
    const k = plan.known[i];
    if (k) {
      const cached = k.entry.byRule?.get(rule.id);
      if (cached) for (const d of cached) out.push(k.delta === 0 ? d : moveDiagnostic(d, k.delta));
      continue;
    }
    const mine = buckets[f];
    if (mine) {
      (plan.found[f] ??= new Map()).set(rule.id, mine);
      for (const d of mine) out.push(d);
    }
    f++;
  }
  return out;
}

/** The fresh block whose keyword is the last at or before an offset (blocks are in file order), or -1. */
function blockOf(ranges: number[], at: number): number {
  let lo = 0;
  let hi = ranges.length / 3 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[3 * mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether every place a finding names lies in [start, end] of the root file. */
export function within(d: Diagnostic, start: number, end: number): boolean {
  const inside = (l: Loc): boolean => l.file === 0 && l.start >= start && l.end <= end;
  return inside(d.loc) && (!d.fix || inside(d.fix)) && (!d.related || d.related.every((r) => inside(r.loc)));
}

const moved = <T extends Loc>(l: T, delta: number): T => ({ ...l, start: l.start + delta, end: l.end + delta });

/** A finding of a block that moved `delta` characters. */
function moveDiagnostic(d: Diagnostic, delta: number): Diagnostic {
  const out: Diagnostic = { ...d, loc: moved(d.loc, delta) };
  if (d.fix) out.fix = moved<Fix>(d.fix, delta);
  if (d.related) out.related = d.related.map((r) => ({ ...r, loc: moved(r.loc, delta) }));
  return out;
}

/** The offset just after the last word or brace of a statement (its block included). */
export function lastEnd(s: Statement): number {
  if (s.close) return s.close.end;
  let end = s.keyword.end;
  forEachLoc(s, (l) => {
    if (l.end > end) end = l.end;
  });
  return end;
}

/** The start of the line holding `at`. */
export function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** The end of the line holding `at`, with its line break. */
export function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
}
