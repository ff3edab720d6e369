// The block builder: turns keepalived's logical lines into the AST the way process_stream does,
// with an explicit stack (no recursion, so any nesting depth is safe). It reproduces keepalived's
// reading exactly, including its cascades: an unknown keyword's `{` is ignored, so its `}` closes
// the enclosing block. Every problem raised while the block structure and the brace count
// disagree is folded into the problem that started the disagreement (one root cause, whose range
// spans the lines it affects).
import type { ParseProblem, Statement, Word } from './ast';
import { availableIn, blockTable, childPath, ROOT, type KeywordSpec } from './catalogue';
import type { Loc } from './spans';
import { recordStatementIndex, StatementIndexer, type StatementIndex } from './statement-index';
import { checkUnsigned, sockaddrWithPort } from './values';

interface Frame {
  node: Statement | undefined;
  path: string;
  values: boolean;
  body: Statement[];
  /** The block's keywords (looked up once per block, not once per line). */
  keywords: ReadonlyMap<string, KeywordSpec> | undefined;
  /** Read by keepalived's parent process, which honours `\#`. */
  parentProcess: boolean;
  /** Inside a block keepalived skips unread (its statements are not indexed). */
  unread: boolean;
  /**
   * The block of a statement keepalived skips (Statement.skipped), entered by its "{": keepalived
   * only counts its braces until they balance (skip_block, lib/parser.c), so nothing in it opens a
   * block, cascades or is reported. `depth` is the count, 1 after the "{".
   */
  counting: boolean;
  depth: number;
}

/** Objects that need exactly one name and must be unique; keepalived skips them otherwise. */
const SINGLE_NAME = new Set(['vrrp_instance', 'vrrp_sync_group', 'track_group']);

/**
 * Whether keepalived skips the block of a real_server or virtual_server whose address, port or
 * fwmark it cannot read ("Invalid real server ip address/port ... - skipping", "Invalid virtual
 * server IP address ... - skipping", "virtual server fwmark ... must be in [0, 4294967295] -
 * ignoring": alloc_rs, alloc_vs, check_data.c, 2.2.7). Words that vary (substitutions) are read.
 */
function unreadableServer(name: string, args: Word[]): boolean {
  const [first, second] = args;
  if (!first || (name === 'virtual_server' && first.text === 'group')) return false;
  if (name === 'virtual_server' && first.text === 'fwmark')
    return second !== undefined && !second.opaque && checkUnsigned(second.text, 0, 4294967295) !== undefined;
  return !sockaddrWithPort(first, second);
}

/** The unique name a top-level statement claims (`vrrp_instance VI_1`), if any. */
export function claimedName(s: Statement): string | undefined {
  return s.spec && !s.skipped && SINGLE_NAME.has(s.keyword.text) ? `${s.keyword.text} ${s.args[0]?.text}` : undefined;
}

/**
 * The root keywords of keepalived's parent process (init_global_keywords). The VRRP, checker and
 * BFD processes skip them, a block by counting its braces.
 */
const GLOBAL_ROOT: ReadonlySet<string> = new Set([
  'linkbeat_use_polling',
  'net_namespace',
  'net_namespace_ipvs',
  'namespace_with_ipsets',
  'use_pid_dir',
  'instance',
  'child_wait_time',
  'global_defs',
]);

/** What a builder of the child processes' reading shares with the builder it reads beside. */
interface Shared {
  body: Statement[];
  names: Set<string>;
  restless: Set<Statement>;
  indexer: StatementIndexer;
  /** Folds a problem into the other builder's running cascade (the root cause of both readings' troubles), if any. */
  fold(p: ParseProblem): ParseProblem | undefined;
}

/** Root-level keywords and global_defs are read by the parent process, which honours `\#`. */
const parentProcess = (path: string): boolean => path === ROOT || path.startsWith('root > global_defs');

/**
 * The first word with an escaped comment character (`\\#`, `\\!`), or -1. Only keepalived's parent
 * process reads the file itself; the others read a copy in which the escape is gone, so the
 * character starts a comment there.
 */
function escapeCut(words: Word[]): number {
  for (let i = 0; i < words.length; i++) if (words[i]!.escAt !== undefined) return i;
  return -1;
}

/** The words before the escaped comment character of words[cut] (see escapeCut). */
function cutAt(words: Word[], cut: number): Word[] {
  const w = words[cut]!;
  const text = w.text.slice(0, w.escAt);
  const kept = words.slice(0, cut);
  if (text.length > 0) kept.push({ ...w, text, end: w.start + text.length });
  return kept;
}

/** Gives a closed block's lists their exact size (they grew by pushes). */
function trim(node: Statement): void {
  if (node.children) node.children = node.children.slice();
  else if (node.entries) node.entries = node.entries.slice();
}

/** Builds the statement tree from pieces. */
export class Builder {
  readonly body: Statement[];
  private readonly stack: Frame[];
  private pendingBlock: Statement | undefined;
  private pendingValue: Statement | undefined;
  private braceCount = 0;
  /**
   * Blocks opened minus blocks closed by a quoted `"{"`/`"}"` line: keepalived's reader does not
   * count those as braces, so its depth and the block structure differ by this much.
   */
  private uncounted = 0;
  private cascade: ParseProblem | undefined;
  /** Value blocks without "{" inside blocks some processes skip, by their problem: the block and its parent. */
  private readonly skippedByOthers = new Map<ParseProblem, { node: Statement; parent: Statement }>();
  private lastUnknown: { stmt: Statement; problem: ParseProblem } | undefined;
  private readonly names: Set<string>;
  /**
   * Top-level statements read other than from rest and back to it (see unsettled()): the reading
   * stood elsewhere (a cascade, a block without its brace, braces out of count, a second reading)
   * where the statement began or where the next one began (or the input ended).
   */
  private readonly restless: Set<Statement>;
  /** The statement index, kept while every statement of the body comes through here. */
  private readonly indexer: StatementIndexer;
  /**
   * Called where a top-level statement begins with the reading at rest, before the statement is
   * added: every statement of `body` so far is complete (see ParseOptions.onTopLevel).
   */
  onTop: ((body: readonly Statement[], indexer: StatementIndexer) => void) | undefined;
  /**
   * The root-level global_defs being read, opened by a counted "{": the brace count before it and
   * the stack's height with it. The other processes skip it until the count is back there.
   */
  private globalDefs: { base: number; height: number } | undefined;
  /**
   * The reading of the VRRP, checker and BFD processes, where it differs from the parent's: from
   * the "}" that ends their skip of a global_defs block the parent still reads (a value block in it
   * lacks its "{"), until both readings are in step at the top level again. Meanwhile the root-level
   * blocks of the other processes come from it, those of the parent from this builder.
   */
  private others: Builder | undefined;
  /** Statements kept out of the body (the other reading has them), with their blocks unread. */
  private readonly left = new Set<Statement>();
  /**
   * Whether the body's index is recorded at the end: not by a builder reading beside another, nor
   * when the readings differed (the index would interleave them; the rules walk the tree then).
   */
  private records: boolean;

  constructor(
    private readonly problems: ParseProblem[],
    private readonly version: string,
    /** Set for the child processes' reading beside another builder, whose body it adds to. */
    private readonly shared?: Shared,
  ) {
    this.body = shared?.body ?? [];
    this.names = shared?.names ?? new Set();
    this.restless = shared?.restless ?? new Set();
    this.indexer = shared?.indexer ?? new StatementIndexer();
    this.records = !shared;
    this.stack = [
      { node: undefined, path: ROOT, values: false, body: this.body, keywords: blockTable(ROOT), parentProcess: true, unread: false, counting: false, depth: 0 },
    ];
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  /** Records a problem, folding it into the running cascade if there is one. */
  private report(p: ParseProblem): ParseProblem {
    if (this.cascade) return this.fold(p)!;
    // The other processes' reading: while the parent's reading is derailed, its troubles are that one's.
    const folded = this.shared?.fold(p);
    if (folded) return folded;
    this.problems.push(p);
    return p;
  }

  /** Folds a problem into the running cascade; undefined when there is none. */
  private fold(p: ParseProblem): ParseProblem | undefined {
    if (!this.cascade) return undefined;
    // A later `{` that keepalived takes as unexpected: adding the missing one would not help.
    if (p.code === 'unexpected-open-brace' && !p.data.afterUnknown) this.cascade.data.foldedOpen = true;
    this.extend(this.cascade, p.loc);
    return this.cascade;
  }

  private extend(p: ParseProblem, loc: Loc): void {
    if (loc.file === p.loc.file) {
      if (loc.end > p.loc.end) p.data.extentEnd = Math.max(Number(p.data.extentEnd ?? 0), loc.end);
    } else (p.related ??= []).push(loc);
  }

  private cascadeNeedsTop = false;

  private startCascade(p: ParseProblem, needsTop = false): void {
    if (this.cascade) {
      // A block without `{` inside a running cascade: the processes that skip blocks are derailed
      // until the top level again, whatever brought the cascade about (the `{` it lacks would
      // otherwise bring the count and the depth in step by chance).
      if (needsTop) this.cascadeNeedsTop = true;
      return;
    }
    this.cascade = p;
    // A block without `{` derails the processes that skip it until the top level is reached again.
    this.cascadeNeedsTop = needsTop;
  }

  /** Ends a cascade once keepalived's block depth and the brace count agree again. */
  private checkResync(loc: Loc): void {
    if (!this.cascade) return;
    const depth = this.stack.length - 1 - this.uncounted;
    const inStep = this.cascadeNeedsTop ? this.stack.length === 1 && this.braceCount === depth : depth === this.braceCount;
    if (inStep && !this.pendingBlock && !this.pendingValue) {
      this.extend(this.cascade, loc);
      this.cascade = undefined;
    }
  }

  /**
   * Starts from top-level statements an earlier parse built (see reparseText): they are taken as
   * they are, and the names they claim count for duplicates further down.
   */
  seed(statements: readonly Statement[], unsettled?: ReadonlySet<Statement>): void {
    // Statements read by an earlier builder: this one's index would miss them.
    this.seeded = true;
    for (const s of statements) {
      this.body.push(s);
      if (unsettled?.has(s)) this.restless.add(s);
      const name = claimedName(s);
      if (name !== undefined) this.names.add(name);
    }
  }

  /**
   * Whether the builder stands at the top level with nothing in progress (no block waiting for its
   * `{`, no cascade, braces in step): the state after a top-level block closes in a plain parse.
   */
  atRest(): boolean {
    return this.settled() && !this.lastUnknown;
  }

  /**
   * atRest, where a statement begins: an unknown keyword just before it no longer matters then (only
   * a `{` line right after it would).
   */
  private settled(): boolean {
    return (
      this.stack.length === 1 &&
      !this.pendingBlock &&
      !this.pendingValue &&
      !this.cascade &&
      !this.others &&
      !this.shared &&
      !this.globalDefs &&
      this.braceCount === 0 &&
      this.uncounted === 0
    );
  }

  /** The top-level block whose "}" was the last thing read, until the next thing is. */
  private closedTop: Statement | undefined;

  /**
   * Before anything after a top-level block's "}" (and at the end of input): a block after which
   * the reading is off (a cascade still running, braces out of count) is not settled, even when
   * the reading is back at rest by the next statement.
   */
  private afterClose(): void {
    const node = this.closedTop;
    if (!node) return;
    this.closedTop = undefined;
    if (!this.settled()) this.restless.add(node);
  }

  /**
   * At the start of a top-level statement (`next`) or at the end of input: when the reading is not
   * at rest there, the statements on either side were not read from rest to rest.
   */
  private boundary(next: Statement | undefined): void {
    if (this.settled()) return;
    const last = this.body[this.body.length - 1];
    if (last) this.restless.add(last);
    if (next) this.restless.add(next);
  }

  /**
   * The top-level statements not read from rest to rest. Every other one was read from the state
   * in which reading starts, and the reading is back in it right after the block's "}" and where
   * the next statement starts; so it reads the same from its text alone, wherever that text stands
   * (when nothing else carries from line to line: see unsettledBlocks).
   */
  unsettled(): ReadonlySet<Statement> {
    return this.restless;
  }

  /** Handles a logical line of words (`phys`: its physical line, counted over all files). */
  line(words: Word[], phys: number): void {
    this.afterClose();
    const others = this.others;
    this.words(words, phys);
    // The other reading first: what it finds on this line folds into a cascade this line may end.
    others?.line(words.slice(), phys);
    this.after(words[words.length - 1]!);
    if (others) this.inStep(others);
  }

  /** Whether the next line is data of a value block (it must then come through line(), whole). */
  get readsData(): boolean {
    return this.pendingValue !== undefined || this.top.values || (this.others?.readsData ?? false);
  }

  /** Ends the other processes' reading once it and this one are in step at the top level again. */
  private inStep(others: Builder): void {
    if (this.others === others && !this.cascade && others.atRest()) this.others = undefined;
  }

  /**
   * Handles a line of plain words (no quote, escape or comment) that is not data (see readsData),
   * given as its keyword and an exact-size list of its arguments: no list of the whole line to
   * make and copy.
   */
  plainStatement(keyword: Word, args: Word[], phys: number): void {
    this.afterClose();
    if (this.pendingBlock) {
      const node = this.pendingBlock;
      this.pendingBlock = undefined;
      this.missingOpen(node, false);
    }
    const others = this.others;
    this.statement(keyword, args, undefined, phys);
    others?.plainStatement(keyword, args.slice(), phys);
    this.after(args.length > 0 ? args[args.length - 1]! : keyword);
    if (others) this.inStep(others);
  }

  /** Handles a `{` or `}` (a logical line of its own) read from physical line `phys`. */
  brace(kind: 'open' | 'close', loc: Loc, phys = -1): void {
    this.afterClose();
    const others = this.others;
    if (kind === 'open') this.open(loc, true, phys);
    else this.close(loc);
    others?.brace(kind, loc, phys);
    this.after(loc);
    if (others) this.inStep(others);
  }

  /** A running cascade spans every line up to where it ends. */
  private after(last: Loc): void {
    if (this.cascade) {
      this.extend(this.cascade, last);
      this.checkResync(last);
    }
  }

  private pushFrame(node: Statement, values: boolean): void {
    const path = childPath(node.parentPath, node.keyword.text);
    if (values) node.entries = [];
    else node.children = [];
    const outer = this.top;
    const left = this.left.has(node);
    // A block opens right after its keyword line: the blocks come in document order too.
    if (!outer.unread && !left) this.indexer.addBlock(node, values);
    // A skipped block is read after all when its lines go to the object before it (see continues).
    const unread = outer.unread || left || (node.skipped !== undefined && !node.continues);
    // Entered by its "{", a skipped block is only counted; without one keepalived skips nothing
    // and reads its lines (for an object at the top level, as the one before it: continues).
    const counting = node.skipped !== undefined && !node.continues && node.open !== undefined && !values;
    this.stack.push({
      node,
      path,
      values,
      body: node.children ?? [],
      keywords: blockTable(path),
      parentProcess: parentProcess(path),
      unread,
      counting,
      depth: 1,
    });
  }

  /** The physical line of the latest stray `{` in a value block (see open). */
  private strayPhys = -1;
  private seeded = false;

  private missingOpen(node: Statement, values: boolean): void {
    const last = node.args.length && node.args[node.args.length - 1]!.file === node.keyword.file ? node.args[node.args.length - 1]! : node.keyword;
    const data: ParseProblem['data'] = { keyword: node.keyword.text, insertAt: last.end, values };
    // keepalived skips a nameless, multi-named or duplicate object's block by its braces; without
    // its "{" there is nothing to skip, and it reads the lines as settings of the object of that
    // kind it made last (vrrp_handler, skip_block, process_stream).
    if (node.skipped && !node.parent) {
      for (let i = this.body.length - 1; i >= 0; i--) {
        const s = this.body[i]!;
        if (s === node || !s.spec || s.skipped || s.keyword.text !== node.keyword.text) continue;
        if (s.args[0]) {
          data.continues = s.args[0].text;
          node.continues = s;
        }
        break;
      }
    }
    const problem = this.report({
      code: 'missing-open-brace',
      loc: { file: node.keyword.file, start: node.keyword.start, end: node.keyword.end },
      data,
    });
    // Inside a block only some processes read (vrrp_instance, virtual_server...), the others skip
    // it by counting braces: the "}" the value block takes ends their skip early.
    // (The first such block of a cascade: its "}" is the one that ends their skip.)
    if (values && !this.top.parentProcess && this.top.node && !this.skippedByOthers.has(problem))
      this.skippedByOthers.set(problem, { node, parent: this.top.node });
    this.pushFrame(node, values);
    this.startCascade(problem, true);
  }

  private words(words: Word[], phys: number): void {
    if (this.top.counting) {
      this.countedLine(words, phys);
      return;
    }
    if (this.quotedBrace(words)) return;
    if (this.pendingValue) {
      // keepalived only logs a missing '{' before a value block and takes the line as data.
      const node = this.pendingValue;
      this.pendingValue = undefined;
      this.missingOpen(node, true);
    }
    if (this.top.values) {
      // A data line of a child process's block is cut at an escaped comment character too.
      const cut = this.top.parentProcess ? -1 : escapeCut(words);
      let entry = cut === -1 ? words : cutAt(words, cut);
      // An unclosed quote drops the rest of the line, as on a keyword's line.
      const open = entry.findIndex((w) => w.unterminated);
      if (open !== -1) entry = entry.slice(0, open);
      if (entry.length > 0) this.top.node!.entries!.push(entry);
      return;
    }
    if (this.pendingBlock) {
      const node = this.pendingBlock;
      this.pendingBlock = undefined;
      this.missingOpen(node, false);
    }
    let dropped: Word[] | undefined;
    const cut = this.top.parentProcess ? -1 : escapeCut(words);
    if (cut !== -1) {
      dropped = words.slice(cut);
      words = cutAt(words, cut);
      if (words.length === 0) return;
    }
    // A packed exact-size copy: the argument lists of a large config are a good part of its memory.
    this.statement(words[0]!, words.slice(1), dropped, phys);
  }

  /** Adds a statement to the block being read. */
  private statement(keyword: Word, args: Word[], dropped: Word[] | undefined, phys: number): void {
    const frame = this.top;
    if (frame.counting) {
      // A line of a skipped block, kept for the editor (with its catalogue entry when it stands
      // right in the block) and checked by nobody: no rule reads a skipped block.
      const spec = frame.depth === 1 ? frame.keywords?.get(keyword.text) : undefined;
      const stmt: Statement = { keyword, args, spec, parentPath: frame.path, parent: frame.node };
      if (dropped) stmt.dropped = dropped;
      frame.body.push(stmt);
      this.lastUnknown = undefined;
      return;
    }
    let spec = frame.keywords?.get(keyword.text);
    if (spec && !this.available(spec)) spec = undefined;
    // The catalogue's copy of the name: one string shared by every statement with this keyword.
    if (spec) keyword.text = spec.name;
    // An unclosed quote drops the rest of the line, except for script keywords (they re-read it).
    let open = -1;
    for (let i = 0; i < args.length && open === -1; i++) if (args[i]!.unterminated) open = i;
    if (open !== -1 && !spec?.params?.some((p) => p.type === 'script')) args.length = open;
    const stmt: Statement = { keyword, args, spec, parentPath: frame.path, parent: frame.node };
    if (dropped) stmt.dropped = dropped;
    if (this.stack.length === 1 && this.onTop && this.settled()) this.onTop(this.body, this.indexer);
    if (this.stack.length === 1) this.boundary(stmt);
    // While the readings differ, each keeps the root-level statements of the processes it stands for.
    let left = false;
    if (this.stack.length === 1 && (this.shared || this.others)) {
      const global = spec !== undefined && GLOBAL_ROOT.has(spec.name);
      left = this.shared ? global : !global;
    }
    if (left) this.left.add(stmt);
    else {
      frame.body.push(stmt);
      if (!frame.unread) this.indexer.add(stmt);
    }
    this.lastUnknown = undefined;
    if (!spec) {
      const problem = this.report({
        code: 'unknown-keyword',
        loc: { file: keyword.file, start: keyword.start, end: keyword.end },
        data: { keyword: keyword.text, block: frame.path, phys },
      });
      this.lastUnknown = { stmt, problem };
      return;
    }
    if (spec.block === 'keywords') this.pendingBlock = stmt;
    else if (spec.block === 'values') this.pendingValue = stmt;
    if (frame.path === ROOT && !left && SINGLE_NAME.has(keyword.text)) {
      // keepalived skips the whole block of a nameless, multi-named or duplicate object.
      const key = `${keyword.text} ${args[0]?.text}`;
      if (args.length === 0) stmt.skipped = 'no-name';
      else if (args.length > 1) stmt.skipped = 'extra-name';
      else if (this.names.has(key)) stmt.skipped = 'duplicate';
      else this.names.add(key);
    }
    if ((spec.name === 'virtual_server' && frame.path === ROOT) || (spec.name === 'real_server' && frame.node?.spec?.name === 'virtual_server'))
      if (unreadableServer(spec.name, args)) stmt.skipped = 'invalid';
  }

  /**
   * A line of words inside a skipped block: keepalived counts every word that is a brace once its
   * quotes are removed (braces outside quotes come as lines of their own), up to the one that
   * balances the count; its reader counts none of the quoted ones (see quotedBrace).
   */
  private countedLine(words: Word[], phys: number): void {
    const frame = this.top;
    this.statement(words[0]!, words.slice(1), undefined, phys);
    for (const w of words) {
      if (!w.quoted || (w.text !== '{' && w.text !== '}')) continue;
      if (w.text === '{') frame.depth++;
      else if (--frame.depth === 0) {
        this.endSkipped({ file: w.file, start: w.start, end: w.end });
        return;
      }
    }
  }

  /** Ends a counted (skipped) block at its last brace. */
  private endSkipped(loc: Loc): void {
    const frame = this.stack.pop()!;
    frame.node!.close = loc;
    trim(frame.node!);
    this.othersResume(false);
    if (this.stack.length === 1 && !this.shared) this.closedTop = frame.node;
  }

  /**
   * keepalived compares a line's first word, quotes removed, with "{" and "}": a quoted brace
   * opens or ends a block like a real one, but its reader does not count it as a brace (BUGS.md
   * #14). Returns true when the line was taken as a brace.
   */
  private quotedBrace(words: Word[]): boolean {
    const first = words[0]!;
    if (!first.quoted || (first.text !== '{' && first.text !== '}')) return false;
    const loc: Loc = { file: first.file, start: first.start, end: first.end };
    if (first.text === '}') {
      // At the top level keepalived looks the word up as a keyword: an unknown keyword then.
      if (this.stack.length === 1 && !this.pendingBlock && !this.pendingValue) return false;
      this.report({ code: 'quoted-brace', loc, data: { brace: '}', ignored: words.length - 1 } });
      this.close(loc, false);
      return true;
    }
    if (this.pendingBlock || this.pendingValue) {
      this.report({ code: 'quoted-brace', loc, data: { brace: '{', ignored: words.length - 1 } });
      this.open(loc, false);
      return true;
    }
    // A quoted "{" in a value block is data, like any other word.
    if (this.top.values) return false;
    // Elsewhere keepalived ignores it ("Unexpected '{'"), and its reader never counted it.
    this.lastUnknown = undefined;
    this.report({ code: 'unexpected-open-brace', loc, data: { quoted: true } });
    return true;
  }

  private readonly availability = new Map<KeywordSpec, boolean>();

  /** Whether a keyword exists in the target version (cached: asked once per line). */
  private available(spec: KeywordSpec): boolean {
    let ok = this.availability.get(spec);
    if (ok === undefined) this.availability.set(spec, (ok = availableIn(spec, this.version)));
    return ok;
  }

  private open(loc: Loc, counted = true, phys = -1): void {
    if (counted) this.braceCount++;
    else this.uncounted++; // only ever for a pending block (see quotedBrace)
    if (this.pendingBlock) {
      const node = this.pendingBlock;
      this.pendingBlock = undefined;
      node.open = loc;
      this.pushFrame(node, false);
      if (counted && this.stack.length === 2 && node.spec?.name === 'global_defs' && !this.shared)
        this.globalDefs = { base: this.braceCount - 1, height: this.stack.length };
      return;
    }
    if (this.pendingValue) {
      const node = this.pendingValue;
      this.pendingValue = undefined;
      node.open = loc;
      this.pushFrame(node, true);
      return;
    }
    if (this.top.counting) {
      this.top.depth++;
      return;
    }
    if (this.top.values) {
      // keepalived takes the `{` as data but still counts it, so a `}` goes missing at the end.
      // One problem per line, however many braces: a brace storm must stay cheap.
      const node = this.top.node!;
      if (node.strayBrace && this.strayPhys === phys) {
        node.strayBrace.data.count = Number(node.strayBrace.data.count) + 1;
        return;
      }
      node.entries!.push([{ ...loc, text: '{' }]);
      this.strayPhys = phys;
      node.strayBrace = this.report({ code: 'unexpected-open-brace', loc, data: { inValueBlock: node.keyword.text, count: 1 } });
      return;
    }
    if (this.lastUnknown && !this.cascade) {
      // `foo {`: keepalived ignores the brace and reads foo's contents in this block.
      // (Inside a cascade this brace is folded like any other: see report().)
      const { problem } = this.lastUnknown;
      problem.data.opensBlock = true;
      this.extend(problem, loc);
      this.lastUnknown = undefined;
      this.startCascade(problem);
      return;
    }
    const problem = this.report({ code: 'unexpected-open-brace', loc, data: { afterUnknown: this.lastUnknown !== undefined } });
    this.startCascade(problem);
  }

  private close(loc: Loc, counted = true): void {
    let extra = false;
    if (!counted) this.uncounted--;
    else if (--this.braceCount < 0) {
      // keepalived's reader reports the extra '}' and starts counting from zero again.
      this.braceCount = 0;
      extra = true;
    }
    this.lastUnknown = undefined;
    if (this.pendingBlock || this.pendingValue) {
      const node = (this.pendingBlock ?? this.pendingValue)!;
      const values = !this.pendingBlock;
      this.pendingBlock = this.pendingValue = undefined;
      this.missingOpen(node, values);
    }
    if (this.top.counting && --this.top.depth > 0) {
      // Still inside a skipped block, below a level a quoted "{" added: the reader's count is spent.
      if (extra) this.report({ code: 'extra-close-brace', loc, data: { closesBlock: true } });
      return;
    }
    if (this.stack.length > 1) {
      // An extra '}' that still closes a block closes one a quoted "{" opened.
      if (extra && this.uncounted > 0) this.uncounted--;
      const frame = this.stack.pop()!;
      frame.node!.close = loc;
      trim(frame.node!);
      if (extra) this.report({ code: 'extra-close-brace', loc, data: { closesBlock: true } });
      this.othersResume(counted);
      if (this.stack.length === 1 && !this.shared) this.closedTop = frame.node;
      return;
    }
    // At the top level keepalived also looks `}` up as a keyword.
    this.report({ code: 'extra-close-brace', loc, data: {} });
  }

  /**
   * After a "}" inside the root-level global_defs: the VRRP, checker and BFD processes, which skip
   * global_defs by counting its braces, read on at the top level once the count is back to where
   * it stood before its "{". When this "}" does not end global_defs for the parent too (a value
   * block there without its "{" took a "}"), their reading goes its own way from the next line.
   */
  private othersResume(counted: boolean): void {
    const g = this.globalDefs;
    if (!g) return;
    if (this.stack.length < g.height) this.globalDefs = undefined;
    else if (counted && this.braceCount === g.base) {
      this.globalDefs = undefined;
      this.records = false;
      // Already parted (a later global_defs): the other reading skips this one too.
      this.others ??= new Builder(this.problems, this.version, {
        body: this.body,
        names: this.names,
        restless: this.restless,
        indexer: this.indexer,
        fold: (p) => this.fold(p),
      });
    }
  }

  /** Closes what is still open at the end of input. */
  finish(eof: Loc): void {
    if (!this.shared) {
      this.afterClose();
      this.boundary(undefined);
    }
    if (this.others) {
      this.others.finish(eof);
      this.others = undefined;
    }
    if (this.pendingBlock || this.pendingValue) {
      const node = (this.pendingBlock ?? this.pendingValue)!;
      this.pendingBlock = this.pendingValue = undefined;
      this.report({
        code: 'missing-open-brace',
        loc: { file: node.keyword.file, start: node.keyword.start, end: node.keyword.end },
        data: { keyword: node.keyword.text, atEof: true },
      });
    }
    // keepalived reports blocks left open at the end only through its count of braces; with the
    // count at zero (a value block without "{" made up for a missing "}") it closes them silently.
    const silentEof = this.braceCount === 0;
    if (this.cascade) {
      // Still derailed at the end: the structure never came back in step.
      this.extend(this.cascade, eof);
      this.cascade.data.unresolved = true;
      // Silent unless processes that skip the enclosing block by its braces read lines after the
      // value block's "}" at the top level (keepalived reports each as an unknown keyword).
      const skipped = this.skippedByOthers.get(this.cascade);
      const followed = skipped !== undefined && skipped.parent.children?.[skipped.parent.children.length - 1] !== skipped.node;
      if (silentEof && !followed) this.cascade.data.silentEof = true;
    }
    this.cascade = undefined;
    // The "}" lines that close the blocks popped so far (those inside the next one): a block can
    // only be closed after them, so each block's count includes them, and a fix that closes one
    // block closes everything inside it too (one pass of --fix, whichever block's fix it applies).
    let inside = 0;
    while (this.stack.length > 1) {
      const frame = this.stack.pop()!;
      const node = frame.node!;
      const at = node.open;
      if (!at || silentEof) continue;
      // A skipped block counts the braces inside it too: it needs one "}" per brace still open.
      const own = frame.counting ? frame.depth : 1;
      inside += own;
      // Keyword to `{`, when the `{` follows it in the same file (not when it came from an
      // include, or from an earlier copy of a `~SEQ` line, which maps to the same source).
      const kw = node.keyword;
      const end = at.file === kw.file && at.end >= kw.end ? at.end : kw.end;
      this.problems.push({
        code: 'unclosed-block',
        loc: { file: kw.file, start: kw.start, end },
        data: { keyword: node.keyword.text, eofFile: eof.file, eof: eof.end, braces: inside, own },
      });
    }
    if (!this.seeded && this.records) recordStatementIndex(this.body, this.indexer.index);
  }

  /**
   * The index of the statements this builder read itself (not those it was seeded with), in order;
   * undefined when it kept none (its reading parted from the other processes').
   */
  ownIndex(): StatementIndex | undefined {
    return this.records ? this.indexer.index : undefined;
  }
}
