// Types shared by the linter, its rules and its consumers (CLI, server).
import {
  allKeywords,
  forgetStatementIndex,
  statementIndex,
  StatementIndexer,
  type Fix,
  type KeywordSpec,
  type Loc,
  type ParseResult,
  type Statement,
  type StatementIndex,
} from '../grammar/index';

/** Severity of a finding; 'off' disables a rule. */
export type Severity = 'error' | 'warning' | 'info';
/** A severity setting in configuration. */
export type SeveritySetting = Severity | 'warn' | 'off';

/** A finding with its place, message and optional fix. */
export interface Diagnostic {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  loc: Loc;
  data: Record<string, unknown>;
  fix?: Fix;
  /** Other places involved (peer nodes, earlier definitions). */
  related?: Array<{ loc: Loc; message: string }>;
  /** 'unnecessary' (inactive or ignored text) or 'deprecated', for editors. */
  tags?: Array<'unnecessary' | 'deprecated'>;
}

/** What a rule hands to report(). */
export interface Report {
  loc: Loc;
  messageId: string;
  data?: Record<string, unknown>;
  fix?: Fix;
  related?: Array<{ loc: Loc; messageId: string; data?: Record<string, unknown> }>;
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** Overrides the rule's default severity for this report (rarely needed). */
  severity?: Severity;
}

/** The context a single-file rule works with. */
export interface RuleContext {
  parse: ParseResult;
  targetVersion: string;
  report(r: Report): void;
}

/** Static description of a rule. */
export interface RuleMeta {
  severity: Severity;
  fixable: boolean;
  /** 'syntax' (reading), 'keyword' (catalogue), 'semantic' (one node), 'peer' (several nodes). */
  category: 'syntax' | 'keyword' | 'semantic' | 'peer';
  /** Versions in which the rule applies, if limited. */
  since?: string;
  /**
   * 'block': what the rule finds in a top-level block depends on that block alone (its text and
   * statements, not other blocks), so it need not check the blocks an edit left alone again (see
   * block-cache.ts; a test checks the claim for every such rule). Default: the whole file.
   */
  scope?: 'block';
}

/** A single-file rule. */
export interface Rule {
  id: string;
  meta: RuleMeta;
  /** English description (one line); the message catalogue has translations. */
  description: string;
  /** English message templates with {placeholders}, keyed by message id. */
  messages: Record<string, string>;
  check(ctx: RuleContext): void;
}

/** One node (one root config with its includes) in a peer analysis. */
export interface PeerNode {
  name: string;
  parse: ParseResult;
}

/** The context a peer rule works with. */
export interface PeerContext {
  nodes: PeerNode[];
  report(node: PeerNode, r: Report, relatedNodes?: PeerNode[]): void;
}

/** A rule that compares several nodes. */
export interface PeerRule extends Omit<Rule, 'check'> {
  checkPeers(ctx: PeerContext): void;
}

/** Helper for rule files: keeps the literal types. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Helper for peer rule files. */
export function definePeerRule(rule: PeerRule): PeerRule {
  return rule;
}

const indexCache = new WeakMap<Statement[], StatementIndex>();

/** Drops the statement index of a tree no longer used, the builder's or one collected here. */
export function forgetTreeIndex(body: Statement[]): void {
  forgetStatementIndex(body);
  indexCache.delete(body);
}

/**
 * The statements of one tree, shared by every rule: the index the builder recorded while reading,
 * or, for a tree it did not build whole (a re-read in the editor, a rule's view of some blocks),
 * one collected here once.
 */
function treeIndex(body: Statement[]): StatementIndex {
  let index = statementIndex(body) ?? indexCache.get(body);
  if (!index) {
    const indexer = new StatementIndexer();
    const all = flatten(body);
    for (let i = 0; i < all.length; i++) {
      const s = all[i]!;
      indexer.add(s);
      if (s.children) indexer.addBlock(s, false);
      else if (s.entries) indexer.addBlock(s, true);
    }
    index = indexer.index;
    indexCache.set(body, index);
  }
  return index;
}

/**
 * Every statement depth-first, in file order; computed once per tree and shared by all rules.
 * Rules loop over it themselves (`for (const s of allStatements(body))`) rather than pass a
 * callback to a shared walker, whose one call site V8 cannot inline once every rule uses it.
 */
export function allStatements(body: Statement[]): Statement[] {
  return treeIndex(body).all;
}

const NONE: readonly Statement[] = Object.freeze([]);

/** Every statement with this keyword (known or not, at any depth), in file order. */
export function statementsNamed(body: Statement[], keyword: string): readonly Statement[] {
  return treeIndex(body).byKeyword.get(keyword) ?? NONE;
}

const namesWhere = new WeakMap<(spec: KeywordSpec) => boolean, ReadonlySet<string>>();

/**
 * Every statement whose keyword has, in some block, a catalogue entry that `wanted` accepts, in
 * file order; the caller still checks each statement's own entry. Only these keywords' statements
 * are visited, not the whole tree. Give the same function each time: the names are found once.
 */
export function statementsWhere(body: Statement[], wanted: (spec: KeywordSpec) => boolean): readonly Statement[] {
  let names = namesWhere.get(wanted);
  if (!names) namesWhere.set(wanted, (names = new Set(allKeywords().filter(wanted).map((k) => k.name))));
  const index = treeIndex(body);
  const groups: Statement[][] = [];
  for (const [name, group] of index.byKeyword) if (names.has(name)) groups.push(group);
  if (groups.length <= 1) return groups[0] ?? NONE;
  // Several keywords: back into file order. Within one file that is the order of their places,
  // unless two share a place (copies of a `~SEQ` line, the lines of a multi-line `$NAME`); else
  // (includes too) they are picked out of the whole list.
  const found = groups.flat();
  const file = found[0]!.keyword.file;
  if (found.every((s) => s.keyword.file === file)) {
    found.sort((a, b) => a.keyword.start - b.keyword.start);
    let tie = false;
    for (let i = 1; i < found.length && !tie; i++) tie = found[i]!.keyword.start === found[i - 1]!.keyword.start;
    if (!tie) return found;
  }
  const wantedSet = new Set(found);
  return index.all.filter((s) => wantedSet.has(s));
}

/** Every keyword block (a statement with sub-statements), in file order. */
export function keywordBlocks(body: Statement[]): readonly Statement[] {
  return treeIndex(body).blocks;
}

/** Every value block (a statement with data lines), in file order. */
export function valueBlocks(body: Statement[]): readonly Statement[] {
  return treeIndex(body).valueBlocks;
}

/** Every statement depth-first, in file order, without recursion; `intoSkipped` also enters blocks keepalived skips. */
export function flatten(body: Statement[], intoSkipped = false): Statement[] {
  const out: Statement[] = [];
  // Two parallel stacks (lists and positions): no object per block on a walk of every statement.
  const lists: Statement[][] = [body];
  const next: number[] = [0];
  while (lists.length) {
    const top = lists.length - 1;
    const list = lists[top]!;
    const i = next[top]!;
    if (i >= list.length) {
      lists.pop();
      next.pop();
      continue;
    }
    next[top] = i + 1;
    const s = list[i]!;
    out.push(s);
    // keepalived never reads the contents of a block it skips, so neither do the rules (unless
    // the block lacks its "{" and its lines go to the object before it).
    if (s.children && s.children.length && (intoSkipped || !s.skipped || s.continues)) {
      lists.push(s.children);
      next.push(0);
    }
  }
  return out;
}

/** Statements directly inside a block with the given keyword. */
export function childrenNamed(s: Statement, name: string): Statement[] {
  const out: Statement[] = [];
  const kids = s.children;
  if (kids) for (let i = 0; i < kids.length; i++) if (kids[i]!.keyword.text === name && kids[i]!.spec) out.push(kids[i]!);
  return out;
}

/** The first child with this keyword. */
export function child(s: Statement, name: string): Statement | undefined {
  const kids = s.children;
  if (kids) for (let i = 0; i < kids.length; i++) if (kids[i]!.keyword.text === name && kids[i]!.spec) return kids[i];
  return undefined;
}

/** A location spanning from the start of one loc to the end of another in the same file. */
export function spanning(a: Loc, b: Loc | undefined): Loc {
  if (!b || b.file !== a.file || b.end < a.start) return { file: a.file, start: a.start, end: a.end };
  return { file: a.file, start: a.start, end: Math.max(a.end, b.end) };
}

/**
 * 'warning' for a keyword whose problems keepalived logs without `keepalived -t` showing them (the
 * url regex keywords): it accepts the configuration and drops the line. Otherwise the rule's own.
 */
export function logOnly(s: Statement): 'warning' | undefined {
  return s.spec?.logOnly ? 'warning' : undefined;
}

/** Location of a whole statement line (keyword to last argument). */
export function lineLoc(s: Statement): Loc {
  const last = s.args.length ? s.args[s.args.length - 1]! : s.keyword;
  return spanning(s.keyword, last);
}
