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
}

/** Builds a StatementIndex from statements given in document order. */
export class StatementIndexer {
  readonly index: StatementIndex = { all: [], byKeyword: new Map(), blocks: [], valueBlocks: [] };

  /** A statement (in document order). */
  add(s: Statement): void {
    const { all, byKeyword } = this.index;
    all.push(s);
    const same = byKeyword.get(s.keyword.text);
    if (same) same.push(s);
    else byKeyword.set(s.keyword.text, [s]);
  }

  /** A statement already added that has a block (a `children` or an `entries` list). */
  addBlock(s: Statement, values: boolean): void {
    (values ? this.index.valueBlocks : this.index.blocks).push(s);
  }
}

const recorded = new WeakMap<readonly Statement[], StatementIndex>();

/** The index the builder recorded for this top-level body, if it built the whole of it. */
export function statementIndex(body: readonly Statement[]): StatementIndex | undefined {
  return recorded.get(body);
}

/** Records the index of a complete body (the builder, when it finishes). */
export function recordStatementIndex(body: readonly Statement[], index: StatementIndex): void {
  recorded.set(body, index);
}
