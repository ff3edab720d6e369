// The statements of a tree as rules look them up. The builder records them while it reads, when
// each statement has just been made: building the same lists afterwards, by a walk over a freshly
// read tree, took 87-96 ms for the 420k statements of the 553k-line config (a read-only pass over
// them takes 14-19 ms; the cost is in collecting them).
import type { Statement } from './ast';

/**
 * The statements of a tree in document order (blocks keepalived skips unread are not entered),
 * grouped by keyword text (known or not), and the keyword and value blocks among them.
 */
export interface StatementIndex {
  all: Statement[];
  byKeyword: Map<string, Statement[]>;
  /** Statements with a `children` list. */
  blocks: Statement[];
  /** Statements with an `entries` list. */
  valueBlocks: Statement[];
  /**
   * Where each list's statements stand in `all` (parallel lists, ascending), so that the index of a
   * run of top-level statements is cut out of it (sliceIndex). Kept by StatementIndexer only.
   */
  at?: IndexPositions;
}

/** Positions in `all` of the statements of an index's lists (see StatementIndex.at). */
export interface IndexPositions {
  /** Of each top-level statement (one without a parent), in order. */
  tops: number[];
  byKeyword: Map<string, number[]>;
  blocks: number[];
  valueBlocks: number[];
}

/** Builds a StatementIndex from statements given in document order. */
export class StatementIndexer {
  readonly index: StatementIndex = { all: [], byKeyword: new Map(), blocks: [], valueBlocks: [] };
  private readonly at: IndexPositions = { tops: [], byKeyword: new Map(), blocks: [], valueBlocks: [] };

  constructor() {
    this.index.at = this.at;
  }

  /** A statement (in document order). */
  add(s: Statement): void {
    const { all, byKeyword } = this.index;
    const i = all.length;
    all.push(s);
    if (s.parent === undefined) this.at.tops.push(i);
    const same = byKeyword.get(s.keyword.text);
    if (same) {
      same.push(s);
      this.at.byKeyword.get(s.keyword.text)!.push(i);
    } else {
      byKeyword.set(s.keyword.text, [s]);
      this.at.byKeyword.set(s.keyword.text, [i]);
    }
  }

  /** A statement already added that has a block (a `children` or an `entries` list). */
  addBlock(s: Statement, values: boolean): void {
    const i = this.index.all.lastIndexOf(s);
    (values ? this.index.valueBlocks : this.index.blocks).push(s);
    (values ? this.at.valueBlocks : this.at.blocks).push(i);
  }

  /**
   * Keeps, of the statements added from position `from` of `all` on, those whose `keep` entry (at
   * their position minus `from`) is not 0, in the same order and lists (for a caller that let go of
   * part of the tree it read: see linter/stream.ts).
   */
  retain(from: number, keep: Uint8Array): void {
    const { index, at } = this;
    const tail = index.all.splice(from);
    const moved = new Int32Array(tail.length).fill(-1);
    at.tops.length = lowerBound(at.tops, from);
    for (let k = 0; k < tail.length; k++) {
      const s = tail[k]!;
      if (keep[k] === 0) continue;
      moved[k] = index.all.length;
      if (s.parent === undefined) at.tops.push(index.all.length);
      index.all.push(s);
    }
    const again = (list: Statement[], pos: number[]): void => {
      const cutAt = lowerBound(pos, from);
      const old = pos.splice(cutAt);
      const stmts = list.splice(cutAt);
      for (let k = 0; k < old.length; k++) {
        const i = moved[old[k]! - from]!;
        if (i === -1) continue;
        list.push(stmts[k]!);
        pos.push(i);
      }
    };
    for (const [keyword, list] of index.byKeyword) again(list, at.byKeyword.get(keyword)!);
    again(index.blocks, at.blocks);
    again(index.valueBlocks, at.valueBlocks);
  }
}

/** The first position in an ascending list at or after `from`. */
function lowerBound(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The statements of `list` (positions `at`) that stand in `all` from `from` up to `to`. */
function cut(list: Statement[], at: readonly number[], from: number, to: number): Statement[] {
  return list.slice(lowerBound(at, from), lowerBound(at, to));
}

/**
 * The index of the top-level statements `first` up to (not including) `last` of the body an index
 * was recorded for: the statements that stand in `all` from the first one's position to the next
 * one's. Undefined when the index has no positions.
 */
export function sliceIndex(index: StatementIndex, first: number, last: number): StatementIndex | undefined {
  const at = index.at;
  if (!at || first < 0 || last > at.tops.length || first >= last) return undefined;
  const from = at.tops[first]!;
  const to = last < at.tops.length ? at.tops[last]! : index.all.length;
  const byKeyword = new Map<string, Statement[]>();
  for (const [keyword, list] of index.byKeyword) {
    const some = cut(list, at.byKeyword.get(keyword)!, from, to);
    if (some.length) byKeyword.set(keyword, some);
  }
  return {
    all: index.all.slice(from, to),
    byKeyword,
    blocks: cut(index.blocks, at.blocks, from, to),
    valueBlocks: cut(index.valueBlocks, at.valueBlocks, from, to),
  };
}

/** A run of top-level statements of a recorded body: its index and the run's range [first, last). */
export interface IndexRun {
  index: StatementIndex;
  first: number;
  last: number;
}

/**
 * The index, with positions, of a body made of runs of top-level statements of other bodies, in
 * order (the blocks an incremental re-read takes over, and those it read anew): each run's lists
 * are cut out of its index and joined, a few array copies instead of a walk of the whole tree.
 * Undefined when a run's index has no positions.
 */
export function joinIndexes(runs: readonly IndexRun[]): StatementIndex | undefined {
  const indexer = new StatementIndexer();
  const out = indexer.index;
  const at = out.at!;
  for (const { index, first, last } of runs) {
    if (first >= last) continue;
    if (!index.at || first < 0 || last > index.at.tops.length) return undefined;
    const from = index.at.tops[first]!;
    const to = last < index.at.tops.length ? index.at.tops[last]! : index.all.length;
    const base = out.all.length - from;
    for (let i = from; i < to; i++) out.all.push(index.all[i]!);
    for (let k = first; k < last; k++) at.tops.push(index.at.tops[k]! + base);
    const append = (src: readonly Statement[], pos: readonly number[], dst: Statement[], dstPos: number[]): void => {
      for (let i = lowerBound(pos, from), end = lowerBound(pos, to); i < end; i++) {
        dst.push(src[i]!);
        dstPos.push(pos[i]! + base);
      }
    };
    for (const [keyword, list] of index.byKeyword) {
      const pos = index.at.byKeyword.get(keyword)!;
      if (lowerBound(pos, from) === lowerBound(pos, to)) continue;
      let dst = out.byKeyword.get(keyword);
      let dstPos = at.byKeyword.get(keyword);
      if (!dst || !dstPos) {
        out.byKeyword.set(keyword, (dst = []));
        at.byKeyword.set(keyword, (dstPos = []));
      }
      append(list, pos, dst, dstPos);
    }
    append(index.blocks, index.at.blocks, out.blocks, at.blocks);
    append(index.valueBlocks, index.at.valueBlocks, out.valueBlocks, at.valueBlocks);
  }
  return out;
}

const recorded = new WeakMap<readonly Statement[], StatementIndex>();

/** The index the builder recorded for this top-level body, if it built the whole of it. */
export function statementIndex(body: readonly Statement[]): StatementIndex | undefined {
  return recorded.get(body);
}

/** Records the index of a complete body (the builder, when it finishes; a view of part of one). */
export function recordStatementIndex(body: readonly Statement[], index: StatementIndex): void {
  recorded.set(body, index);
}

/** Drops the index recorded for a body that is no longer used (see linter/chunks.ts: releaseView). */
export function forgetStatementIndex(body: readonly Statement[]): void {
  recorded.delete(body);
}
