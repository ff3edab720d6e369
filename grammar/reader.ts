// keepalived's line preprocessor (lib/parser.c read_line), source-mapped. For each physical
// line: strip `\r`, cut over-long lines at 1023 bytes, decomment, apply `@id`/`@^id`, take
// `$NAME=` definitions, expand `~SEQ`/`~LST`, substitute `$NAME`/`${NAME}`, follow `include`,
// then lex and cut at braces into logical lines for the builder. Every word keeps the location
// a user can click: substituted text points at the reference, replicated lines at the `~SEQ`.
import type { Definition, Include, ParseProblem, Reference, SourceFile, Word } from './ast';
import type { Builder } from './builder';
import { decomment } from './decomment';
import { byteLength, decodeBytes, offsetAfterBytes, paths, type FileAccess } from './files';
import { expandBraces, globOne, hasWildcard, MAX_GLOB_MATCHES } from './glob';
import { lineLexer, OpenQuote, QuotedString, runLexer } from './lexer';
import { OPEN, parseBatchTokens, parseRunTokens, WORDS } from './line-parser';
import { LineIndex, type Loc } from './spans';
import { atLeast } from './version';

/** keepalived reads lines into a 1024-byte buffer: 1023 bytes of text at most. */
export const MAX_LINE_BYTES = 1023;
/**
 * Files larger than this are not read (a diagnostic says so). 16 MiB is about a million lines,
 * twice the largest benchmark config: linted in seconds within a 512 MB heap (a 50 MB file would
 * need about 1.5 GB).
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Include nesting deeper than this is reported instead of followed. */
export const MAX_INCLUDE_DEPTH = 64;
/** Lines one `~SEQ`/`~LST` may produce. */
const MAX_REPLICATION = 100000;
/** Logical lines lexed and parsed together. */
const BATCH_LINES = 2048;
/** Longest line substitution may produce (keepalived's line buffer). */
const MAX_EXPANDED_LENGTH = 1024;
/** Rounds of recursive substitution before giving up. */
const MAX_SUBSTITUTION_ROUNDS = 16;

/** Options that change how a configuration is read. */
export interface ReadOptions {
  fs: FileAccess;
  targetVersion: string;
  configId?: string;
  includeRoot?: string;
  /** Takes every line through the whole preprocessor, plain or not (a test compares both ways). */
  lineByLine?: boolean;
}

/** Where each character of a rewritten line came from. */
interface Segment {
  at: number;
  start: number;
  end: number;
  copy: boolean;
  opaque: boolean;
}

/** A logical line being processed: text plus the map back to its file. */
interface Logical {
  text: string;
  file: number;
  /** Offset in the file of text[0], when the text is an untouched slice. */
  base: number;
  /** Set when the text was rewritten by substitution. */
  map?: Segment[];
  phys: number;
  /** Offset in the file where the physical line ends (for inactive `@id` spans). */
  lineEnd: number;
  depth: number;
  /** 2.2.7 keeps a `\\` that ends a comment, glued to the line's last word. */
  glueBackslash?: boolean;
}

interface OpenFile {
  file: number;
  pos: number;
  /** Offset of the next character at or after `pos` that needs the preprocessor (see SPECIAL), or -1 before the first search. */
  special: number;
  /**
   * Start of the next line at or after `pos` that begins with `@`, with `~` and with `include`
   * (blanks before them allowed; past the text when there is none), or -1 before the first search.
   */
  atLine: number;
  tildeLine: number;
  includeLine: number;
  /** The line (of the file's LineIndex) that starts at `pos`, when plainLines last left it there. */
  line: number;
}

interface PendingDef {
  def: Definition;
  lines: string[];
  /**
   * A blank or comment-only line met inside the definition: keepalived's parent process skips it
   * and reads on, but the other processes read a copy of the configuration in which it is an empty
   * line, and an empty line ends a definition. The reader follows them (they read everything but
   * `global_defs`), and reports the split if a line follows that the parent would have taken in.
   */
  splitAt?: Loc;
  /**
   * The definition line had nothing before its `\`: keepalived's value starts empty, blank
   * continuation lines are not added to it, and when its last line is the first one added it is
   * a one-line definition (read_line, lib/parser.c).
   */
  emptyHead?: boolean;
}

const BLANK = /[ \t]/;
/**
 * Characters that make the preprocessor do more than split a line into words: comments, quotes,
 * escapes, `$NAME`, NUL. A line with none of them (and not starting with `@`, `~` or `include`)
 * reads as its own text, so runs of such lines are lexed straight from the file.
 */
const SPECIAL = /[#!"\\$\0]/g;
/** Longer lines go the careful way (keepalived cuts lines at MAX_LINE_BYTES bytes). */
const PLAIN_MAX_CHARS = Math.floor(MAX_LINE_BYTES / 4);

/**
 * The start of the first line at or after `from` (a line start) that begins with `needle`, blanks
 * before it allowed; past the text when there is none. indexOf scans far faster than a pattern.
 */
function nextLineStartingWith(text: string, needle: string, from: number): number {
  for (let i = text.indexOf(needle, from); i !== -1; i = text.indexOf(needle, i + 1)) {
    let j = i;
    while (j > from && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
    if (j === 0 || text.charCodeAt(j - 1) === 10) return j;
  }
  return text.length + 1;
}

/** Whether the line at `start` begins with `@`, `~` or `include`, blanks before it allowed. */
function lineSpecialAt(text: string, start: number): boolean {
  let i = start;
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  return c === 64 /* @ */ || c === 126 /* ~ */ || (c === 105 /* i */ && text.startsWith('include', i));
}

const DEF_RE = /^\$([A-Za-z_][A-Za-z0-9_]*)=/;
const INCLUDE_RE = /^(include[rmwba]?)[ \t]+/;
const NAME_RE = /[A-Za-z_][A-Za-z0-9_]*/y;
const BUILTINS = new Set(['_PWD', '_INSTANCE', '_RANDOM', '_HASH', '_BANG', '_ENV']);

// Where the words of the run being split lie in its image (reused for every run).
const runStarts: number[] = [];
const runEnds: number[] = [];

/** Whether a code is a blank that separates words (or the line break a LineRun starts with). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 11;
}

/** Finds the words of a run's image (see LineRun, WordRun): their bounds go to runStarts and runEnds. */
function splitRun(image: string): number {
  const n = image.length;
  let count = 0;
  let i = 0;
  for (;;) {
    while (i < n && isBlank(image.charCodeAt(i))) i++;
    if (i === n) return count;
    const start = i;
    while (i < n && !isBlank(image.charCodeAt(i))) i++;
    runStarts[count] = start;
    runEnds[count++] = i;
  }
}

/** Word k of the run just split, whose image starts at `at` in `file`. */
function runWord(image: string, file: number, at: number, k: number): Word {
  const s = runStarts[k]!;
  const e = runEnds[k]!;
  return { file, start: at + s, end: at + e, text: s === 0 && e === image.length ? image : image.substring(s, e) };
}

/**
 * The exact-size list of the run's arguments (words 1 to count - 1). The short lists, nearly all of
 * them, are array literals: V8 learns that what a literal makes lives long and then allocates it in
 * the old generation directly, which it cannot for an array made by `new Array` or `slice` (about
 * 20 MB fewer bytes copied by the young-generation collector on the 553k-line benchmark).
 */
function runArguments(image: string, file: number, at: number, count: number): Word[] {
  switch (count) {
    case 1:
      return [];
    case 2:
      return [runWord(image, file, at, 1)];
    case 3:
      return [runWord(image, file, at, 1), runWord(image, file, at, 2)];
    default: {
      const args: Word[] = new Array(count - 1);
      for (let k = 1; k < count; k++) args[k - 1] = runWord(image, file, at, k);
      return args;
    }
  }
}

/** Reads a configuration and feeds its logical lines to a builder. */
export class Reader {
  readonly files: SourceFile[] = [];
  readonly definitions: Definition[] = [];
  readonly references: Reference[] = [];
  readonly includes: Include[] = [];
  readonly inactive: Loc[] = [];
  readonly replications: Loc[] = [];
  readonly comments: Loc[] = [];
  private readonly defs = new Map<string, { def: Definition; lines: string[] }>();
  private readonly stack: OpenFile[] = [];
  private pending: PendingDef | undefined;
  private phys = 0;
  /** Lines replicated for the current physical line (nested ~SEQ multiply). */
  private replicated = 0;
  private includeCount = 0;

  constructor(
    private readonly opts: ReadOptions,
    private readonly builder: Builder,
    private readonly problems: ParseProblem[],
  ) {}

  /** Adds a file to the parse and returns its index. */
  addFile(path: string, text: string, encoding: SourceFile['encoding'] = 'utf-8', bom = false): number {
    this.files.push({ path, text, encoding, bom, lines: new LineIndex(text) });
    return this.files.length - 1;
  }

  /**
   * Reads the root file (already added) and everything it includes; `from` resumes at the start of
   * a line, after `lines` physical lines read by an earlier parse (see reparseText).
   */
  run(root: number, from = 0, lines = 0): void {
    this.begin(root, from, lines);
    this.readUntil(Infinity);
  }

  /** Sets the reader at the start of a line of the root file (see run). */
  begin(root: number, from = 0, lines = 0): void {
    this.phys = lines;
    this.stack.push({ file: root, pos: from, special: -1, atLine: -1, tildeLine: -1, includeLine: -1, line: 0 });
  }

  /**
   * Reads on from where the reader stands. With a finite `until`, it stops before the first line of
   * the root file (not of an include) that starts at or after it, and returns that line's offset
   * with everything before it handed to the builder; otherwise it reads to the end and returns -1.
   */
  readUntil(until: number): number {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!;
      const text = this.files[top.file]!.text;
      if (top.pos > text.length || (top.pos === text.length && top.pos > 0)) {
        this.stack.pop();
        continue;
      }
      if (this.stack.length === 1 && top.pos >= until) {
        this.flush();
        return top.pos;
      }
      if (this.pending === undefined && !this.opts.lineByLine && this.plainLines(top, text, until)) continue;
      let nl = text.indexOf('\n', top.pos);
      if (nl === -1) nl = text.length;
      const start = top.pos;
      top.pos = nl + 1;
      if (this.plainLine(top, text, start, nl)) this.addToRun(top.file, start, nl);
      else {
        this.flushRun();
        this.physical(top.file, start, nl);
      }
      if (nl === text.length) top.pos = text.length + 1;
    }
    this.flush();
    this.finishPending();
    return -1;
  }

  /**
   * Reads the plain lines (see plainLine) that come next, found through the file's line index and
   * two searches instead of line by line: the 553k-line benchmark config is 99.6 % plain lines.
   * Returns false, having read nothing, when the next line is not plain or starts where the index
   * has no line (the slow way then reads it).
   */
  private plainLines(top: OpenFile, text: string, until: number): boolean {
    const lines = this.files[top.file]!.lines;
    const count = lines.lineCount;
    let k = top.line;
    if (k >= count || lines.lineStart(k) !== top.pos) {
      // After one line read the slow way, the next; else a search.
      k = k + 1 < count && lines.lineStart(k + 1) === top.pos ? k + 1 : lines.lineOf(top.pos);
      if (lines.lineStart(k) !== top.pos) return false;
    }
    const root = this.stack.length === 1;
    const first = k;
    for (; k < count; k++) {
      const start = lines.lineStart(k);
      if ((start === text.length && start > 0) || (root && start >= until)) break;
      const end = k + 1 < count ? lines.lineStart(k + 1) - 1 : text.length;
      if (end - start > PLAIN_MAX_CHARS) break;
      if (top.special < end) {
        if (top.special < start) {
          SPECIAL.lastIndex = start;
          top.special = SPECIAL.exec(text)?.index ?? text.length;
        }
        if (top.special < end) break;
      }
      if (top.atLine < start) top.atLine = nextLineStartingWith(text, '@', start);
      if (top.tildeLine < start) top.tildeLine = nextLineStartingWith(text, '~', start);
      if (top.includeLine < start) top.includeLine = nextLineStartingWith(text, 'include', start);
      if (start === top.atLine || start === top.tildeLine || start === top.includeLine) break;
      this.addToRun(top.file, start, end);
      top.pos = end + 1;
    }
    top.line = k;
    return k > first;
  }

  /**
   * Whether a line reads as its own text: no comment, quote, escape, `$`, NUL, not too long, no
   * `@id`, `~SEQ` or include at its start, and no definition continued from the line before.
   */
  private plainLine(f: OpenFile, text: string, start: number, end: number): boolean {
    if (this.pending !== undefined || end - start > PLAIN_MAX_CHARS || this.opts.lineByLine) return false;
    if (f.special < start) {
      SPECIAL.lastIndex = start;
      f.special = SPECIAL.exec(text)?.index ?? text.length;
    }
    return f.special >= end && !lineSpecialAt(text, start);
  }

  // The run of plain lines waiting to be lexed: [runStart, runEnd) of one file, from line runPhys.
  private runFile = 0;
  private runStart = 0;
  private runEnd = 0;
  private runPhys = 0;
  private runLines = 0;

  private addToRun(file: number, start: number, end: number): void {
    this.phys++;
    if (this.runLines > 0 && this.runFile !== file) this.flushRun();
    if (this.runLines === 0) {
      this.flushLines();
      this.runFile = file;
      this.runStart = start;
      this.runPhys = this.phys;
    }
    this.runEnd = end;
    if (++this.runLines >= BATCH_LINES) this.flushRun();
  }

  /**
   * Lexes and parses a run of plain lines as one text (runTokens: one token per statement, split
   * here at its blanks): word offsets are the file's own.
   */
  private flushRun(): void {
    if (this.runLines === 0) return;
    const file = this.runFile;
    const base = this.runStart;
    const phys = this.runPhys;
    this.runLines = 0;
    const batch = runLexer.lex(this.files[file]!.text.slice(base, this.runEnd));
    const p = parseRunTokens(batch.types);
    for (let i = 0; i < p.count; i++) {
      const first = p.first[i]!;
      if (p.kind[i] === WORDS) {
        const image = batch.images[first]!;
        const at = base + batch.starts[first]!;
        const count = splitRun(image);
        if (this.builder.readsData) {
          const words: Word[] = new Array(count);
          for (let k = 0; k < count; k++) words[k] = runWord(image, file, at, k);
          this.builder.line(words, phys + p.line[i]!);
        } else {
          const args = runArguments(image, file, at, count);
          this.builder.plainStatement(runWord(image, file, at, 0), args, phys + p.line[i]!);
        }
      } else {
        const start = base + batch.starts[first]!;
        this.builder.brace(p.kind[i] === OPEN ? 'open' : 'close', { file, start, end: start + 1 }, phys + p.line[i]!);
      }
    }
  }

  /** Hands everything read so far to the builder. */
  private flush(): void {
    this.flushRun();
    this.flushLines();
  }

  /**
   * Whether what the reader has seen so far leaves nothing that changes how later lines read: no
   * definitions, uses, includes or `@id` lines, and no definition continued on the next line.
   */
  carriesNothing(): boolean {
    return (
      this.pending === undefined &&
      this.defs.size === 0 &&
      this.definitions.length === 0 &&
      this.references.length === 0 &&
      this.includes.length === 0 &&
      this.inactive.length === 0 &&
      this.replications.length === 0
    );
  }

  /** Physical lines read so far. */
  get lineCount(): number {
    return this.phys;
  }

  private problem(code: string, loc: Loc, data: ParseProblem['data'] = {}): void {
    this.problems.push({ code, loc, data });
  }

  private readonly nulFiles = new Map<number, boolean>();

  /** Whether a file holds any NUL (checked once, so lines need no scan of their own). */
  private hasNul(file: number): boolean {
    let v = this.nulFiles.get(file);
    if (v === undefined) this.nulFiles.set(file, (v = this.files[file]!.text.includes('\0')));
    return v;
  }

  private finishPending(): void {
    // A value that never got a line is an empty one-line definition.
    if (this.pending?.emptyHead) this.pending.def.multiline = false;
    this.pending = undefined;
  }

  private physical(file: number, start: number, end: number): void {
    this.phys++;
    const f = this.files[file]!;
    const text = f.text;
    while (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (start === end) {
      // A blank line ends a multi-line definition (2.0.15+).
      this.finishPending();
      return;
    }
    const nul = this.hasNul(file) ? text.indexOf('\0', start) : -1;
    if (nul !== -1 && nul < end) {
      this.problem('embedded-nul', { file, start: nul, end: nul + 1 });
      if (atLeast(this.opts.targetVersion, '2.4.0')) return;
      end = nul;
      if (start === end) return;
    }
    if ((end - start) * 4 > MAX_LINE_BYTES && byteLength(text, start, end, f.encoding) > MAX_LINE_BYTES) {
      const bytes = byteLength(text, start, end, f.encoding);
      this.problem('line-too-long', { file, start, end }, { bytes, limit: MAX_LINE_BYTES });
      // fgets hands keepalived the line in 1023-byte pieces; 2.4.0+ drops the first piece.
      let s = start;
      let first = true;
      while (s < end) {
        const cut = offsetAfterBytes(text, s, end, MAX_LINE_BYTES, f.encoding);
        const e = cut > s ? cut : s + 1;
        if (!(first && atLeast(this.opts.targetVersion, '2.4.0'))) this.segment(file, s, e);
        first = false;
        s = e;
      }
      return;
    }
    this.segment(file, start, end);
  }

  private segment(file: number, start: number, end: number): void {
    this.replicated = 0;
    const text = this.files[file]!.text;
    const d = decomment(text, start, end);
    if (d.commentAt !== -1) this.comments.push({ file, start: d.commentAt, end });
    // keepalived decomments every physical line, the lines of a multi-line definition too.
    if (d.unterminatedQuote) {
      this.problem('unterminated-quote', { file, start: d.start, end: d.end }, { line: text.slice(d.start, d.end) });
    }
    const pending = this.pending;
    if (pending?.splitAt) {
      if (d.start === d.end) return;
      this.problem('definition-split', pending.splitAt, { name: pending.def.name });
      this.pending = undefined;
    } else if (pending) {
      if (d.start === d.end) {
        // 2.2.7 reads a comment that ends in `\` as the line `\`: the definition goes on for all.
        if (!(d.rawTrailingBackslash && !atLeast(this.opts.targetVersion, '2.4.0'))) {
          pending.splitAt = { file, start: d.commentAt === -1 ? start : d.commentAt, end };
          // Where it ends for the processes that read the copy, a value without a line is empty.
          if (pending.emptyHead) pending.def.multiline = false;
        }
        return;
      }
      let value = text.slice(d.start, d.end);
      // keepalived goes on while the decommented line ends in `\`; 2.2.7 also when the raw line
      // does, behind a comment (see define).
      const legacy = !atLeast(this.opts.targetVersion, '2.4.0');
      const more = value.endsWith('\\') || (legacy && d.rawTrailingBackslash);
      if (value.endsWith('\\')) value = value.slice(0, -1).replace(/[ \t]+$/, '');
      pending.def.loc.end = d.end;
      if (!more) this.pending = undefined;
      // A line of nothing but `\` adds nothing; the value's first line is its first real one.
      if (more && value === '') return;
      if (pending.emptyHead) {
        pending.emptyHead = false;
        pending.lines[0] = value;
        // Nothing before the last line: a one-line definition, used anywhere on a line.
        if (!more) pending.def.multiline = false;
        return;
      }
      pending.lines.push(value);
      return;
    }
    const glueBackslash = d.commentAt !== -1 && d.rawTrailingBackslash && !atLeast(this.opts.targetVersion, '2.4.0');
    if (d.start === d.end) {
      // 2.2.7 keeps the `\` that ends a comment-only line: the line `\`, an unknown keyword.
      if (glueBackslash) {
        let r = end;
        while (r > start && BLANK.test(text[r - 1]!)) r--;
        this.logical(
          { text: '\\', file, base: r - 1, phys: this.phys, lineEnd: end, depth: 0, glueBackslash: false },
          false,
        );
      }
      return;
    }
    this.logical(
      { text: text.slice(d.start, d.end), file, base: d.start, phys: this.phys, lineEnd: end, depth: 0, glueBackslash },
      d.rawTrailingBackslash,
    );
  }

  /** Offset in the file of character i of a logical line. */
  private origin(l: Logical, i: number, isEnd: boolean): number {
    if (!l.map) return l.base + i;
    for (let k = l.map.length - 1; k >= 0; k--) {
      const s = l.map[k]!;
      if (s.at <= i || k === 0) {
        if (s.copy) return s.start + (i - s.at);
        return isEnd ? s.end : s.start;
      }
    }
    return l.base;
  }

  private locOf(l: Logical, start: number, end: number): Loc {
    const s = this.origin(l, start, false);
    const e = end > start ? this.origin(l, end - 1, true) : s;
    const isCopy = !l.map || this.isCopy(l, end - 1);
    return { file: l.file, start: s, end: Math.max(s, isCopy && end > start ? e + 1 : e) };
  }

  private isCopy(l: Logical, i: number): boolean {
    if (!l.map) return true;
    for (let k = l.map.length - 1; k >= 0; k--) if (l.map[k]!.at <= i) return l.map[k]!.copy;
    return true;
  }

  private isOpaque(l: Logical, start: number, end: number): boolean {
    if (!l.map) return false;
    return l.map.some((s, k) => {
      const next = k + 1 < l.map!.length ? l.map![k + 1]!.at : Infinity;
      return s.opaque && s.at < end && next > start;
    });
  }

  private sub(l: Logical, from: number): Logical {
    if (!l.map) return { ...l, text: l.text.slice(from), base: l.base + from };
    const map = l.map
      .map((s, k) => {
        const next = k + 1 < l.map!.length ? l.map![k + 1]!.at : Infinity;
        if (next <= from) return undefined;
        if (s.at >= from) return { ...s, at: s.at - from };
        return { ...s, at: 0, start: s.copy ? s.start + (from - s.at) : s.start };
      })
      .filter((s): s is Segment => s !== undefined);
    return { ...l, text: l.text.slice(from), map };
  }

  private logical(l: Logical, rawTrailingBackslash = false): void {
    let text = l.text;
    // @id / @^id: keep the line only when the id matches (or, negated, does not).
    if (text.charCodeAt(0) === 64 /* @ */) {
      const m = /[ \t]/.exec(text);
      const id = m ? text.slice(1, m.index) : text.slice(1);
      const negate = id.startsWith('^');
      const name = negate ? id.slice(1) : id;
      const cid = this.opts.configId;
      const active = negate
        ? !(cid !== undefined && name !== '' && name === cid)
        : cid !== undefined && name !== '' && name === cid;
      if (!m || !active) {
        this.inactive.push({ file: l.file, start: this.origin(l, 0, false), end: l.lineEnd });
        return;
      }
      let from = m.index;
      while (from < text.length && BLANK.test(text[from]!)) from++;
      l = this.sub(l, from);
      text = l.text;
      if (text.length === 0) return;
    }
    // $NAME=VALUE
    if (text.charCodeAt(0) === 36 /* $ */) {
      const m = DEF_RE.exec(text);
      if (m) {
        this.define(l, m[1]!, text, rawTrailingBackslash);
        return;
      }
    }
    const first = text.charCodeAt(0);
    if (first === 126 /* ~ */ && (text.startsWith('~SEQ') || text.startsWith('~LST'))) {
      if (this.replicate(l)) return;
    }
    if (text.includes('$') && l.depth < MAX_SUBSTITUTION_ROUNDS) {
      const out = this.substitute(l);
      if (out) {
        for (const line of out) this.logical(line);
        return;
      }
    }
    const inc = first === 105 /* i */ ? INCLUDE_RE.exec(text) : null;
    if (inc) {
      this.include(l, inc[1]!, inc[0].length);
      return;
    }
    this.lex(l);
  }

  private define(l: Logical, name: string, text: string, rawTrailingBackslash: boolean): void {
    let from = name.length + 2;
    while (from < text.length && BLANK.test(text[from]!)) from++;
    let value = text.slice(from);
    const legacy = !atLeast(this.opts.targetVersion, '2.4.0');
    const more = legacy ? rawTrailingBackslash || value.endsWith('\\') : value.endsWith('\\');
    if (value.endsWith('\\')) value = value.slice(0, -1).replace(/[ \t]+$/, '');
    const def: Definition = {
      name,
      nameLoc: this.locOf(l, 0, name.length + 1),
      loc: this.locOf(l, 0, text.length),
      value,
      multiline: more,
    };
    this.definitions.push(def);
    const entry = { def, lines: [value] };
    this.defs.set(name, entry);
    if (more) this.pending = { def, lines: entry.lines, emptyHead: value === '' };
  }

  /** Value of a definition (single line) or undefined. */
  private lookup(name: string): { lines: string[]; def: Definition } | undefined {
    return this.defs.get(name);
  }

  private builtin(name: string, params: string[], fileDir: string): { value: string; opaque: boolean } | undefined {
    switch (name) {
      // These four take no parameters: keepalived does not substitute `${_HASH 1}`.
      case '_HASH':
        return params.length ? undefined : { value: '#', opaque: false };
      case '_BANG':
        return params.length ? undefined : { value: '!', opaque: false };
      case '_PWD':
        return params.length ? undefined : { value: fileDir, opaque: true };
      case '_INSTANCE':
        if (params.length) return undefined;
        return this.opts.configId !== undefined
          ? { value: this.opts.configId, opaque: false }
          : { value: 'instance', opaque: true };
      case '_RANDOM':
        // Digits only (min, max; more are ignored): `-1` makes it no reference.
        if (params.some((p) => !/^\d+$/.test(p))) return undefined;
        return { value: params[0] ?? '0', opaque: true };
      case '_ENV':
        if (!atLeast(this.opts.targetVersion, '2.4.0') || params.length !== 1) return undefined;
        return { value: 'env', opaque: true };
      default:
        return undefined;
    }
  }

  /** Replaces definitions in a line. Returns the resulting logical lines, or undefined if none applied. */
  private substitute(l: Logical): Logical[] | undefined {
    const text = l.text;
    const map: Segment[] = [];
    let out = '';
    let copied = 0;
    let changed = false;
    let extraLines: string[] = [];
    const fileDir = paths.dirname(this.files[l.file]!.path);
    const copyUpTo = (i: number): void => {
      if (i <= copied) return;
      if (!l.map) {
        map.push({ at: out.length, start: l.base + copied, end: 0, copy: true, opaque: false });
      } else {
        // Keep the pieces of an already rewritten line apart, so each maps back correctly.
        for (let k = 0; k < l.map.length; k++) {
          const seg = l.map[k]!;
          const segEnd = k + 1 < l.map.length ? l.map[k + 1]!.at : text.length;
          const from = Math.max(seg.at, copied);
          const to = Math.min(segEnd, i);
          if (from >= to) continue;
          map.push({
            at: out.length + (from - copied),
            start: seg.copy ? seg.start + (from - seg.at) : seg.start,
            end: seg.end,
            copy: seg.copy,
            opaque: seg.opaque,
          });
        }
      }
      out += text.slice(copied, i);
    };
    for (let i = text.indexOf('$'); i !== -1 && i < text.length; i = text.indexOf('$', i + 1)) {
      let name: string;
      let params: string[] = [];
      let refEnd: number;
      const braced = text.charCodeAt(i + 1) === 123;
      let paramsOk = true;
      let trailingBlank = false;
      let braceEnd = 0;
      if (braced) {
        const close = text.indexOf('}', i + 2);
        if (close === -1) continue;
        // `${NAME}` or `${NAME 1 2}`: keepalived takes only spaces and digits after the name, and
        // no space after the last digit (find_definition); `${ NAME}` is no reference at all.
        const inner = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(text.slice(i + 2, close));
        if (!inner) continue;
        name = inner[1]!;
        const rest = inner[2]!;
        paramsOk = /^[ 0-9]*$/.test(rest) && !(/[0-9]/.test(rest) && rest.endsWith(' '));
        params = rest.trim() === '' ? [] : rest.trim().split(/[ \t]+/);
        // Without parameters keepalived replaces `${` NAME and one more character, meant to be the
        // `}`: of `${NAME  }` it leaves ` }`, a brace that then splits the line (replace_param).
        trailingBlank = paramsOk && rest !== '' && params.length === 0;
        refEnd = trailingBlank ? i + 3 + name.length : close + 1;
        braceEnd = close + 1;
      } else {
        NAME_RE.lastIndex = i + 1;
        const m = NAME_RE.exec(text);
        if (!m) continue;
        name = m[0];
        refEnd = i + 1 + name.length;
        const after = text[refEnd];
        if (after !== undefined && after !== ' ' && after !== '\t' && after !== ',' && after !== ')') continue;
      }
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      const refLoc = this.locOf(l, i, refEnd);
      const user = this.lookup(name);
      let value: string | undefined;
      let opaque = false;
      if (user && paramsOk && (params.length === 0 || !braced)) {
        if (user.lines.length > 1 || user.def.multiline) {
          // A multi-line definition expands only as the last thing on the line.
          if (text.slice(refEnd).trim() !== '') {
            this.references.push({ name, loc: refLoc, definition: user.def, builtin: false });
            continue;
          }
          value = user.lines[0] ?? '';
          extraLines = user.lines.slice(1);
        } else value = user.lines[0] ?? '';
        this.references.push({ name, loc: refLoc, definition: user.def, builtin: false });
      } else if (BUILTINS.has(name)) {
        // _ENV (2.4.0) takes a name; the others digits, if anything.
        const b = paramsOk || name === '_ENV' ? this.builtin(name, params, fileDir) : undefined;
        this.references.push({ name, loc: refLoc, definition: undefined, builtin: true });
        if (!b) {
          if (braced) this.problem('undefined-variable', refLoc, { name, braced: true, builtin: true });
          continue;
        }
        value = b.value;
        opaque = b.opaque;
      } else {
        this.references.push({ name, loc: refLoc, definition: undefined, builtin: false });
        this.problem('undefined-variable', refLoc, { name, braced });
        continue;
      }
      // (Unless the value starts a comment, which hides the brace: `${_HASH }`.)
      if (trailingBlank && !/[#!]/.test(value)) this.problem('reference-blank', this.locOf(l, i, braceEnd), { name });
      copyUpTo(i);
      map.push({ at: out.length, start: refLoc.start, end: refLoc.end, copy: false, opaque });
      out += value;
      if (braced && params.length > 0 && text.slice(refEnd).trim() !== '' && !atLeast(this.opts.targetVersion, '2.4.0')) {
        // A reference with parameters and text after it: keepalived before 2.4.0 shortens the line by
        // moving only the reference's last characters and the one after it (replace_param), so
        // the value is followed by that character and the rest of the reference, `}` included,
        // then the text after it. What is left of the reference depends on the value's length,
        // which varies from run to run; its `}` is always there and closes the enclosing block.
        this.problem('reference-tail', this.locOf(l, i, braceEnd), { name });
        map.push({ at: out.length, start: refLoc.start, end: refLoc.end, copy: false, opaque: true });
        out += text[refEnd]! + text.slice(i + value.length + 1, refEnd);
      }
      if (out.length > MAX_EXPANDED_LENGTH) break;
      copied = refEnd;
      i = refEnd - 1;
      changed = true;
      if (extraLines.length) break;
    }
    if (!changed) return undefined;
    copyUpTo(text.length);
    if (out.length > MAX_EXPANDED_LENGTH) {
      // keepalived refuses substitutions past its line buffer; so do we (and stop recursing).
      this.problem('substitution-too-long', this.locOf(l, 0, text.length), {
        length: out.length,
        limit: MAX_EXPANDED_LENGTH,
      });
      return [];
    }
    const results: Logical[] = [];
    const first = this.redecomment({ ...l, text: out, map, depth: l.depth + 1 });
    if (first) results.push(first);
    const last = map[map.length - 1]!;
    for (const extra of extraLines) {
      const ex = this.redecomment({
        ...l,
        text: extra,
        map: [{ at: 0, start: last.start, end: last.end, copy: false, opaque: false }],
        depth: l.depth + 1,
      });
      if (ex) results.push(ex);
    }
    return results;
  }

  /** After substitution keepalived decomments again: `${_HASH}` starts a comment there. */
  private redecomment(l: Logical): Logical | undefined {
    const d = decomment(l.text, 0, l.text.length);
    if (d.start === d.end) return undefined;
    if (d.start === 0 && d.end === l.text.length) return l;
    const cut = { ...l, text: l.text.slice(0, d.end) };
    return d.start > 0 ? this.sub(cut, d.start) : cut;
  }

  private replicate(l: Logical): boolean {
    const text = l.text;
    // keepalived takes every line that starts with ~SEQ or ~LST as one (blanks may come before
    // the "("), and drops it with an error when it cannot read it.
    const m = /^~(SEQx?|LST)[ \t]*\(/.exec(text);
    if (!m) {
      this.problem('invalid-replication', this.locOf(l, 0, text.length), { reason: 'spec', kind: text.slice(1, 4) });
      return true;
    }
    const close = text.indexOf(')', m[0].length);
    const loc = this.locOf(l, 0, text.length);
    if (close === -1) {
      this.problem('invalid-replication', loc, { reason: 'missing-paren', kind: m[1]! });
      return true;
    }
    const spec = text.slice(m[0].length, close);
    let bodyStart = close + 1;
    while (bodyStart < text.length && BLANK.test(text[bodyStart]!)) bodyStart++;
    const body = this.sub(l, bodyStart);
    const runs: Array<Array<[string, string]>> = [];
    if (m[1] === 'LST') {
      const parsed = parseLst(spec);
      if (!parsed) {
        this.problem('invalid-replication', loc, { reason: 'spec', kind: 'LST' });
        return true;
      }
      if ((this.replicated += parsed.length) > MAX_REPLICATION) {
        this.problem('invalid-replication', loc, { reason: 'too-many', kind: 'LST' });
        return true;
      }
      runs.push(...parsed);
    } else {
      const seq = this.seqRange(l, m[0].length - 1, m[1] === 'SEQx');
      if (typeof seq === 'string') {
        this.problem('invalid-replication', loc, { reason: seq, kind: m[1]! });
        return true;
      }
      const { start, step, end } = seq;
      const count = Math.floor((end - start) / step) + 1;
      if (count > MAX_REPLICATION || (this.replicated += count) > MAX_REPLICATION) {
        this.problem('invalid-replication', loc, { reason: 'too-many', kind: m[1]! });
        return true;
      }
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
        runs.push([[seq.name, m[1] === 'SEQx' ? v.toString(16) : String(v)]]);
      }
    }
    if (runs.length) this.replications.push(loc);
    for (const run of runs) {
      for (const [name, value] of run) {
        const def: Definition = { name, nameLoc: loc, loc, value, multiline: false };
        this.defs.set(name, { def, lines: [value] });
      }
      if (body.text.length) this.logical({ ...body, depth: l.depth + 1 });
    }
    return true;
  }

  /**
   * The variable and numbers of a `~SEQ(...)` line read as add_seq reads them (2.2.7): the name up
   * to a blank, `,` or `)`; the parameters with definitions substituted; each number as strtol
   * reads it in base 0 (`0x10` is 16, `010` is 8). With one number END the sequence runs from 1 (or
   * -1) towards it, `~SEQ(N, 0)` giving 1 and 0. `open` is the offset of the "(". Returns the
   * problem's reason when keepalived refuses the line.
   */
  private seqRange(l: Logical, open: number, hex: boolean): { name: string; start: number; step: number; end: number } | string {
    const range = this.seqNumbers(l, open);
    if (typeof range !== 'string' && hex && (range.start < 0 || range.end < 0)) return 'values';
    return range;
  }

  private seqNumbers(l: Logical, open: number): { name: string; start: number; step: number; end: number } | string {
    const text = l.text;
    const skip = (t: string, i: number): number => {
      while (t[i] === ' ' || t[i] === '\t') i++;
      return i;
    };
    let p = skip(text, open + 1);
    const nameStart = p;
    while (p < text.length && !' \t,)'.includes(text[p]!)) p++;
    const name = text.slice(nameStart, p);
    p = skip(text, p);
    if (p >= text.length || text[p] === ')' || name === '') return 'spec';
    // add_seq steps over whatever follows the name (meant to be the ",").
    p = skip(text, p + 1);
    const close = text.indexOf(')', p);
    // keepalived copies the parameters, ")" included, into a 64-byte buffer.
    if (close + 1 - p + 1 > 64) return 'long';
    let params = text.slice(p, close + 1);
    // (A multi-line definition is never substituted here: the ")" follows it.)
    if (params.includes('$')) {
      const out = this.substitute(this.sub({ ...l, text: text.slice(0, close + 1) }, p));
      if (out?.length) params = out[0]!.text;
    }
    const [one, a] = strtol0(params, 0);
    let q = skip(params, a);
    if (params[q] === ')') return { name, start: one < 0 ? -1 : 1, step: one < 1 ? -1 : 1, end: one };
    if (params[q] !== ',') return 'spec';
    const [two, b] = strtol0(params, q + 1);
    q = skip(params, b);
    if (params[q] === ')') return { name, start: one, step: one <= two ? 1 : -1, end: two };
    if (params[q] !== ',') return 'spec';
    const [three, c] = strtol0(params, q + 1);
    q = skip(params, c);
    if (params[q] !== ')') return 'spec';
    if (two === 0 || (one < three && two < 0) || (one > three && two > 0)) return 'values';
    return { name, start: one, step: two, end: three };
  }

  private include(l: Logical, keyword: string, patternFrom: number): void {
    const pattern = l.text.slice(patternFrom);
    const patternLoc = this.locOf(l, patternFrom, l.text.length);
    const loc = this.locOf(l, 0, l.text.length);
    const record: Include = { loc, keyword, pattern, patternLoc, targets: [] };
    this.includes.push(record);
    const fromDir = paths.dirname(this.files[l.file]!.path);
    let abs = pattern;
    if (pattern.startsWith('/')) {
      if (this.opts.includeRoot) abs = paths.join(this.opts.includeRoot, pattern.slice(1));
    } else abs = paths.join(fromDir, pattern);
    const matches: string[] = [];
    for (const alt of expandBraces(abs)) {
      const found = globOne(this.opts.fs, paths.normalize(alt));
      if (found.length === 0) {
        this.problem('include-not-found', patternLoc, {
          pattern,
          resolved: paths.normalize(alt),
          wildcard: hasWildcard(alt),
          keyword,
        });
      }
      matches.push(...found);
      if (matches.length > MAX_GLOB_MATCHES) break;
    }
    if (matches.length > MAX_GLOB_MATCHES) {
      this.problem('include-error', patternLoc, { reason: 'too-many', path: pattern, count: matches.length });
      return;
    }
    // Files are pushed in reverse so that the first match is read first.
    const toOpen: number[] = [];
    for (const path of matches) {
      const id = this.openInclude(path, patternLoc);
      if (id !== undefined) {
        toOpen.push(id);
        record.targets.push(id);
      }
    }
    for (let i = toOpen.length - 1; i >= 0; i--)
      this.stack.push({ file: toOpen[i]!, pos: 0, special: -1, atLine: -1, tildeLine: -1, includeLine: -1, line: 0 });
  }

  private openInclude(path: string, at: Loc): number | undefined {
    const fs = this.opts.fs;
    if (this.stack.some((o) => this.files[o.file]!.path === path)) {
      this.problem('include-cycle', at, { path });
      return undefined;
    }
    if (this.stack.length >= MAX_INCLUDE_DEPTH) {
      this.problem('include-error', at, { reason: 'depth', path });
      return undefined;
    }
    if (++this.includeCount > MAX_GLOB_MATCHES) {
      this.problem('include-error', at, { reason: 'too-many', path });
      return undefined;
    }
    const st = fs.stat(path);
    if (st.kind === 'directory') {
      this.problem('include-error', at, { reason: 'directory', path });
      return undefined;
    }
    if (st.kind !== 'file' || st.executable) {
      this.problem('include-error', at, { reason: st.kind === 'unreadable' ? 'unreadable' : 'not-regular', path });
      return undefined;
    }
    if (st.size > MAX_FILE_BYTES) {
      this.problem('include-error', at, { reason: 'too-large', path, size: st.size });
      return undefined;
    }
    const open = fs.openText?.(path);
    if (open !== undefined) return this.addFile(path, open);
    const bytes = fs.readFile(path);
    if ('error' in bytes) {
      this.problem('include-error', at, { reason: 'unreadable', path, message: bytes.error });
      return undefined;
    }
    const d = decodeBytes(bytes);
    if (looksBinary(d.text)) {
      this.problem('include-error', at, { reason: 'binary', path });
      return undefined;
    }
    return this.addFile(path, d.text, d.encoding, d.bom);
  }

  /** Queues a finished logical line; lines are lexed and parsed in batches. */
  private lex(l: Logical): void {
    this.batch.push(l);
    if (this.batch.length >= BATCH_LINES) this.flushLines();
  }

  private readonly batch: Logical[] = [];

  /** Lexes and parses the queued lines and hands their pieces to the builder, in order. */
  private flushLines(): void {
    const lines = this.batch;
    if (lines.length === 0) return;
    const starts: number[] = new Array(lines.length);
    let pos = 0;
    for (let i = 0; i < lines.length; i++) {
      starts[i] = pos;
      pos += lines[i]!.text.length + 1;
    }
    const text = lines.length === 1 ? lines[0]!.text : lines.map((l) => l.text).join('\n');
    const { types, starts: offsets, images } = lineLexer.lex(text);
    const p = parseBatchTokens(types);
    const lastWords: number[] = new Array(lines.length).fill(-1);
    for (let i = 0; i < p.count; i++) if (p.kind[i] === WORDS) lastWords[p.line[i]!] = i;
    for (let i = 0; i < p.count; i++) {
      const l = lines[p.line[i]!]!;
      const base = starts[p.line[i]!]!;
      const first = p.first[i]!;
      if (p.kind[i] === WORDS) {
        // Sized up front: no growth (and garbage) for every line.
        const words: Word[] = new Array(p.end[i]! - first);
        let n = 0;
        for (let k = 0; k < words.length; k++) {
          const t = first + k;
          if (types[t] === OpenQuote) {
            this.problem('unmatched-quote', this.locOf(l, offsets[t]! - base, l.text.length), {});
            // keepalived drops the rest of the line, except for script keywords, which re-read
            // the raw line; the builder decides, so the word is kept with a mark.
            const w = this.word(l, images[t]!, offsets[t]! - base, types[t] === QuotedString);
            w.text = w.text.slice(1);
            w.unterminated = true;
            words[n++] = w;
            break;
          }
          words[n++] = this.word(l, images[t]!, offsets[t]! - base, types[t] === QuotedString);
        }
        if (n !== words.length) words.length = n;
        // A trailing `\` loses the blanks before it and joins the last word (`100 \` -> `100\`).
        const last = words[words.length - 1];
        if (
          lastWords[p.line[i]!] === i &&
          words.length >= 2 &&
          last!.text === '\\' &&
          !last!.quoted &&
          !last!.substituted
        ) {
          words.pop();
          const prev = words[words.length - 1]!;
          words[words.length - 1] = { ...prev, text: prev.text + '\\', end: last!.end };
        }
        if (l.glueBackslash && lastWords[p.line[i]!] === i && words.length) {
          const w = words[words.length - 1]!;
          words[words.length - 1] = { ...w, text: w.text + '\\' };
        }
        if (words.length) this.builder.line(words, l.phys);
      } else {
        const o = offsets[first]! - base;
        this.builder.brace(p.kind[i] === OPEN ? 'open' : 'close', this.locOf(l, o, o + 1), l.phys);
      }
    }
    lines.length = 0;
  }

  /** The word of a token: its image, its offset in the line's text, and whether it is quoted. */
  private word(l: Logical, image: string, start: number, quoted: boolean): Word {
    const end = start + image.length;
    const loc = l.map ? this.locOf(l, start, end) : { file: l.file, start: l.base + start, end: l.base + end };
    let text = quoted ? image.slice(1, -1) : image;
    let escAt: number | undefined;
    if (!quoted && text.includes('\\')) {
      const i = text.search(/\\[#!]/);
      if (i !== -1) {
        escAt = i;
        text = text.replace(/\\([#!])/g, '$1');
      }
    }
    const w: Word = { file: loc.file, start: loc.start, end: loc.end, text };
    if (quoted) w.quoted = true;
    if (escAt !== undefined) w.escAt = escAt;
    if (l.map) {
      w.substituted = true;
      if (this.isOpaque(l, start, end)) w.opaque = true;
    }
    return w;
  }
}

/**
 * strtol(s + i, &end, 0): leading white space, a sign, then hexadecimal after "0x", octal after
 * "0", else decimal. Returns the value and where reading stopped (`i` itself when no digit).
 */
function strtol0(s: string, i: number): [number, number] {
  let p = i;
  while (p < s.length && ' \t\n\v\f\r'.includes(s[p]!)) p++;
  const negative = s[p] === '-';
  if (s[p] === '+' || s[p] === '-') p++;
  let base = 10;
  if (s[p] === '0' && (s[p + 1] === 'x' || s[p + 1] === 'X') && /[0-9a-fA-F]/.test(s[p + 2] ?? '')) {
    base = 16;
    p += 2;
  } else if (s[p] === '0') base = 8;
  const digits = p;
  let v = 0;
  for (; p < s.length; p++) {
    const d = Number.parseInt(s[p]!, 16);
    if (Number.isNaN(d) || d >= base) break;
    v = v * base + d;
  }
  return p === digits ? [0, i] : [negative ? -v : v, p];
}

/** Parses the `~LST(...)` specification into runs of (name, value) pairs. */
function parseLst(spec: string): Array<Array<[string, string]>> | undefined {
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of spec) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      items.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  items.push(cur.trim());
  const head = items.shift() ?? '';
  const unbrace = (s: string): string[] =>
    s.startsWith('{') && s.endsWith('}')
      ? s
          .slice(1, -1)
          .split(',')
          .map((x) => x.trim())
      : [s];
  const names = unbrace(head);
  if (names.length === 0 || names.some((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) || items.length === 0)
    return undefined;
  return items.map((it) => {
    const vals = unbrace(it);
    return names.map((n, i): [string, string] => [n, vals[i] ?? '']);
  });
}

/** Control characters a text needs before their share can make it binary. */
const MIN_BINARY_CONTROLS = 32;

/**
 * A text with NULs in its first 8 KiB, or mostly control characters, is not a config. The share
 * only counts from MIN_BINARY_CONTROLS on: in a file of a few dozen bytes one or two stray
 * characters are 10 %, and deleting a word (a fix) must not turn such a file into "binary".
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) ctrl++;
  }
  return ctrl >= MIN_BINARY_CONTROLS && ctrl / n > 0.1;
}
