// The fuzz oracle: runs one input through parse, lint, --fix-style fixing, formatting and the
// peer rules (the input and its fixed text as two nodes), and returns every broken invariant as a
// message (an empty list means the input passed). Shared by
// the bounded vitest suites (test/fuzz/*.test.ts) and the long run (scripts/fuzz.mjs), so it has
// no vitest imports.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  encodeText,
  parseFile,
  parseText,
  reparseText,
  type FileAccess,
  type FileStat,
  type ParseResult,
} from '../../grammar/index';
import { BlockCache, lintParse, streamLint, type Diagnostic, type LintOptions } from '../../linter/index';
import { lintPeerNodes } from '../../linter/peer/lint-peers';
import { applyFixes, isSafeFix, type TextEdit } from '../../host/fix';
import { formatBlocker, formatEdits } from '../../server/formatting';

/** Folder of the in-memory tree the fuzz inputs live in. */
export const FUZZ_DIR = '/fuzz';
/** Path of the root file. */
export const ROOT_FILE = `${FUZZ_DIR}/keepalived.conf`;

/** One fuzz input: the root file's bytes, plus other files of the tree (for include lines). */
export interface FuzzInput {
  root: Uint8Array;
  /** More files by name under FUZZ_DIR (e.g. 'inc.conf'), reachable by `include` lines. */
  others?: Record<string, Uint8Array>;
  options?: LintOptions;
}

/** An in-memory FileAccess: the files given, their folders, nothing else. */
export function memFs(files: ReadonlyMap<string, Uint8Array>): FileAccess {
  const dirs = new Set<string>(['/']);
  for (const p of files.keys()) {
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) dirs.add(p.slice(0, i));
  }
  return {
    stat(p: string): FileStat {
      const b = files.get(p);
      if (b) return { kind: 'file', size: b.length, executable: false };
      if (dirs.has(p)) return { kind: 'directory', size: 0, executable: false };
      return { kind: 'missing', size: 0, executable: false };
    },
    readFile(p: string) {
      return files.get(p) ?? { error: 'ENOENT: no such file' };
    },
    readDir(p: string) {
      if (!dirs.has(p)) return undefined;
      const pre = p === '/' ? '/' : `${p}/`;
      const names = new Set<string>();
      for (const k of [...files.keys(), ...dirs]) {
        if (k.startsWith(pre) && k.length > pre.length) names.add(k.slice(pre.length).split('/')[0]!);
      }
      return [...names];
    },
  };
}

/** Time allowed for one parse + lint of `bytes` bytes (generous: CI machines are slow and shared). */
export function timeBudgetMs(bytes: number, factor = 1): number {
  return (250 + bytes * 0.01) * factor;
}

/** Comment texts of file 0 of a parse (without trailing blanks, which formatting may drop). */
export function commentTexts(parse: ParseResult): string[] {
  const text = parse.files[0]?.text ?? '';
  return parse.comments
    .filter((c) => c.file === 0)
    .map((c) => text.slice(c.start, c.end).replace(/[ \t\r\f\v]+$/, ''))
    .filter(Boolean);
}

/** Whitespace-separated words of a text. */
export function words(text: string): string[] {
  return text.split(/[ \t\r\n\f\v]+/).filter(Boolean);
}

/** Each text of `before` that `after` holds fewer times than `before` does. */
export function lostTexts(before: readonly string[], after: string): string[] {
  const need = new Map<string, number>();
  for (const c of before) need.set(c, (need.get(c) ?? 0) + 1);
  const lost: string[] = [];
  for (const [c, n] of need) {
    let have = 0;
    for (let i = after.indexOf(c); i !== -1 && have < n; i = after.indexOf(c, i + Math.max(1, c.length))) have++;
    if (have < n) lost.push(c);
  }
  return lost;
}

/** The keyword/argument words keepalived sees, one string per statement or value line, in order. */
export function meaning(parse: ParseResult): string[] {
  const out: string[] = [];
  const visit = (body: ParseResult['body']): void => {
    for (const s of body) {
      out.push([s.keyword.text, ...s.args.map((w) => w.text)].join(' '));
      for (const e of s.entries ?? []) out.push('  ' + e.map((w) => w.text).join(' '));
      if (s.children) {
        out.push('{');
        visit(s.children);
        out.push('}');
      }
    }
  };
  visit(parse.body);
  return out;
}

/** Structural parse problems: a fix must never add one. */
const STRUCTURAL = new Set([
  'unterminated-quote',
  'unexpected-open-brace',
  'extra-close-brace',
  'missing-open-brace',
  'unclosed-block',
  'binary-file',
]);

/** An unknown keyword followed by "{" is a brace problem too (its "{" is ignored). */
const isStructural = (p: ParseResult['problems'][number]): boolean =>
  p.loc.file === 0 && (STRUCTURAL.has(p.code) || (p.code === 'unknown-keyword' && Boolean(p.data.opensBlock)));

function structuralCount(parse: ParseResult): number {
  return parse.problems.filter(isStructural).length;
}

/** What one check run saw (for summaries). */
export interface CheckStats {
  bytes: number;
  ms: number;
  diagnostics: number;
  fixesApplied: number;
  fixPasses: number;
  formatEdits: number;
  formatRefused: boolean;
}

/** Result of checking one input. */
export interface CheckResult {
  failures: string[];
  stats: CheckStats;
  /** The root text and diagnostics of the first lint (for classifying failures). */
  text?: string;
  diagnostics?: Diagnostic[];
}

/** Which checks to run. */
export interface CheckOptions {
  fix?: boolean;
  format?: boolean;
  /** Enforce the time budget (off when a debugger or coverage slows things down). */
  timing?: boolean;
  /** Multiplies the time budget (the bounded suites run beside other test files on shared cores). */
  timeFactor?: number;
  /** Passes allowed for fixing to reach a fixed point. */
  maxFixPasses?: number;
  /** Replay the texts the checks made as editor edits (re-read after each, lint with the block cache). */
  editor?: boolean;
  /** Run the peer rules over the input and what --fix made of it, as two nodes. */
  peers?: boolean;
}

function describe(e: unknown): string {
  return e instanceof Error
    ? `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`
    : String(e);
}

/** How an input's files are read: its tree in memory, with the root file's bytes; its options. */
function readOptions(input: FuzzInput, rootBytes: Uint8Array) {
  const files = new Map<string, Uint8Array>();
  for (const [name, b] of Object.entries(input.others ?? {})) files.set(`${FUZZ_DIR}/${name}`, b);
  files.set(ROOT_FILE, rootBytes);
  return {
    fs: memFs(files),
    targetVersion: input.options?.targetVersion,
    configId: input.options?.configId,
    includeRoot: input.options?.includeRoot,
  };
}

/** Parses and lints the tree with the root file replaced by `rootBytes`. */
function parseAndLint(
  input: FuzzInput,
  rootBytes: Uint8Array,
): { parse: ParseResult; diags: Diagnostic[]; ms: number } {
  const read = readOptions(input, rootBytes);
  const t0 = performance.now();
  const parse = parseFile(ROOT_FILE, read);
  const diags = lintParse(parse, input.options ?? {});
  return { parse, diags, ms: performance.now() - t0 };
}

/** Every diagnostic (and fix) range lies inside an existing file's text. */
export function rangeFailures(parse: ParseResult, diags: readonly Diagnostic[]): string[] {
  const out: string[] = [];
  const check = (what: string, d: Diagnostic, loc: { file: number; start: number; end: number }): void => {
    const f = parse.files[loc.file];
    if (!Number.isInteger(loc.file) || !f) {
      out.push(`${what} of ${d.ruleId} points at file ${loc.file} of ${parse.files.length}`);
      return;
    }
    const ok =
      Number.isInteger(loc.start) &&
      Number.isInteger(loc.end) &&
      loc.start >= 0 &&
      loc.start <= loc.end &&
      loc.end <= f.text.length;
    if (!ok)
      out.push(`${what} of ${d.ruleId} is [${loc.start}, ${loc.end}) in a text of ${f.text.length}: ${d.message}`);
  };
  for (const d of diags) {
    check('range', d, d.loc);
    if (d.fix) check('fix range', d, d.fix);
    if (typeof d.message !== 'string' || d.message.length === 0) out.push(`${d.ruleId} has an empty message`);
  }
  return out;
}

/**
 * The peer rules over two nodes: they must not fail, and every range of theirs, related locations
 * included, must lie inside the files of the node it names.
 */
export function peerFailures(a: ParseResult, b: ParseResult): string[] {
  const nodes = [
    { name: 'a', parse: a },
    { name: 'b', parse: b },
  ];
  const out: string[] = [];
  for (const [node, diags] of lintPeerNodes(nodes)) {
    for (const d of diags) {
      if (d.ruleId === 'internal-error') out.push(`peer rule failed: ${d.message}`);
      out.push(...rangeFailures(node.parse, [d as Diagnostic]).map((m) => `peers, node ${node.name}: ${m}`));
      for (const r of d.related ?? []) {
        const f = nodes.find((n) => n.name === r.node)?.parse.files[r.loc.file];
        if (!f || f.path !== r.path || r.loc.start < 0 || r.loc.start > r.loc.end || r.loc.end > f.text.length)
          out.push(
            `peers: related location of ${d.ruleId} [${r.loc.start}, ${r.loc.end}) in ${r.node}:${r.path} is not in that file`,
          );
      }
    }
  }
  return out;
}

/** Safe fixes of file 0 as edits (what `--fix` applies to the file given). */
function rootFixes(diags: readonly Diagnostic[]): TextEdit[] {
  return diags
    .filter((d) => d.fix && d.fix.file === 0 && isSafeFix(d))
    .map((d) => ({ start: d.fix!.start, end: d.fix!.end, text: d.fix!.text }));
}

/** The formatter's result on file 0 of a parse, applied the way an editor applies it. */
export function formatText(parse: ParseResult): { text: string; edits: number; refused: boolean } {
  const text = parse.files[0]!.text;
  const edits = formatEdits(parse, { tabSize: 4, insertSpaces: true });
  const doc = TextDocument.create('file:///fuzz/keepalived.conf', 'keepalived', 1, text);
  return {
    text: TextDocument.applyEdits(doc, edits),
    edits: edits.length,
    refused: formatBlocker(parse) !== undefined,
  };
}

/** Runs every check on one input. Never throws: an exception is a failure. */
export function checkInput(input: FuzzInput, opts: CheckOptions = {}): CheckResult {
  const failures: string[] = [];
  const others = Object.values(input.others ?? {}).reduce((n, b) => n + b.length, 0);
  const stats: CheckStats = {
    bytes: input.root.length + others,
    ms: 0,
    diagnostics: 0,
    fixesApplied: 0,
    fixPasses: 0,
    formatEdits: 0,
    formatRefused: false,
  };
  let first: ReturnType<typeof parseAndLint>;
  try {
    first = parseAndLint(input, input.root);
  } catch (e) {
    failures.push(`parse/lint threw: ${describe(e)}`);
    return { failures, stats };
  }
  stats.ms = first.ms;
  stats.diagnostics = first.diags.length;
  if (opts.timing !== false && first.ms > timeBudgetMs(stats.bytes, opts.timeFactor)) {
    // One retry, so a GC pause or a busy neighbour does not count as a failure.
    const again = parseAndLint(input, input.root);
    stats.ms = Math.min(first.ms, again.ms);
    if (again.ms > timeBudgetMs(stats.bytes, opts.timeFactor))
      failures.push(
        `parse+lint of ${stats.bytes} bytes took ${Math.round(stats.ms)} ms (budget ${Math.round(timeBudgetMs(stats.bytes, opts.timeFactor))} ms)`,
      );
  }
  failures.push(...rangeFailures(first.parse, first.diags));
  // Linting while reading (the CLI's way for a large file), in runs of a few statements, finds
  // exactly the same.
  try {
    const streamed = streamLint(ROOT_FILE, readOptions(input, input.root), input.options ?? {}, 3);
    const want = JSON.stringify(first.diags);
    const got = streamed && JSON.stringify(streamed.diagnostics);
    if (got !== undefined && got !== want)
      failures.push(`linting while reading differs: ${firstDifference(want, got)}`);
  } catch (e) {
    failures.push(`linting while reading threw: ${describe(e)}`);
  }
  if (first.parse.files[0]?.path !== ROOT_FILE) failures.push(`file 0 is ${first.parse.files[0]?.path}, not the root`);
  if (failures.length) return { failures, stats };

  const file0 = first.parse.files[0]!;
  const result: CheckResult = { failures, stats, text: file0.text, diagnostics: first.diags };
  // The texts the checks below make, in order: an editor session of sorts (see editorFailures).
  const session: string[] = [file0.text];
  // What --fix leaves (the input itself without fixes): the second node of the peer check.
  let fixed: ParseResult = first.parse;

  if (opts.fix !== false) {
    // --fix: apply the safe fixes of file 0, re-lint, repeat until nothing is left to apply.
    // Compared as bytes (latin1 strings): a fix that removes the one stray byte of a Latin-1
    // file makes the rest decode as UTF-8, which changes the text but not a byte of a comment.
    const asBytes = (t: string, encoding: string): string =>
      encoding === 'latin1' ? t : Buffer.from(t, 'utf8').toString('latin1');
    const comments = commentTexts(first.parse).map((c) => asBytes(c, file0.encoding));
    const structural = structuralCount(first.parse);
    let text = file0.text;
    let cur = first;
    const maxPasses = opts.maxFixPasses ?? 6;
    let converged = false;
    try {
      for (let pass = 0; pass <= maxPasses; pass++) {
        const edits = rootFixes(cur.diags);
        const next = applyFixes(text, edits);
        if (next.applied === 0 || next.text === text) {
          converged = true;
          break;
        }
        if (pass === maxPasses) break;
        stats.fixesApplied += next.applied;
        stats.fixPasses = pass + 1;
        // Write back the way --fix does (encodeText: the encoding and BOM the text was read with),
        // then read again: the next pass works on the text as decoded now (a Latin-1 file whose
        // stray byte a fix removed reads as UTF-8 from then on).
        const was = cur.parse.files[0]!;
        cur = parseAndLint(input, encodeText({ text: next.text, encoding: was.encoding, bom: was.bom }));
        text = cur.parse.files[0]!.text;
        session.push(text);
        const now = cur.parse.files[0]!;
        const lost = lostTexts(comments, asBytes(now.text, now.encoding));
        if (lost.length) {
          failures.push(`fix pass ${pass + 1} removed comment(s): ${lost.map((c) => JSON.stringify(c)).join(', ')}`);
          break;
        }
        const r = rangeFailures(cur.parse, cur.diags);
        if (r.length) {
          failures.push(...r.map((m) => `after fix pass ${pass + 1}: ${m}`));
          break;
        }
      }
      if (!converged && failures.length === 0)
        failures.push(
          `--fix did not converge in ${maxPasses} passes (still fixing: ${rootFixes(cur.diags)
            .map((e) => JSON.stringify(e))
            .join(' ')})`,
        );
      fixed = cur.parse;
      // --fix keeps the file's line-end style: a CRLF-only file gets no bare LF.
      const final = cur.parse.files[0]!.text;
      if (converged && stats.fixesApplied > 0 && crlfOnly(file0.text) && /(^|[^\r])\n/.test(final))
        failures.push(`--fix put a bare LF into a CRLF file: ${firstDifference(file0.text, final)}`);
      // A pass may open a block that a later pass closes (a typo fixed on a block keyword turns
      // its ignored "{" into a real one), so only the end result counts.
      const s = structuralCount(cur.parse);
      if (converged && s > structural) {
        const codes = cur.parse.problems.filter(isStructural).map((p) => p.code);
        failures.push(`--fix left more structural problems than it found (${structural} -> ${s}: ${codes.join(', ')})`);
      }
    } catch (e) {
      failures.push(`fixing threw: ${describe(e)}`);
    }
  }

  if (opts.fix !== false) {
    // Quick fixes an editor offers (safe or not), all non-overlapping ones at once: the result
    // must parse and lint like any input.
    try {
      const all = first.diags
        .filter((d) => d.fix && d.fix.file === 0)
        .map((d) => ({ start: d.fix!.start, end: d.fix!.end, text: d.fix!.text }));
      if (all.length) {
        const next = applyFixes(file0.text, all);
        const after = parseAndLint(input, encodeText({ text: next.text, encoding: file0.encoding, bom: file0.bom }));
        failures.push(...rangeFailures(after.parse, after.diags).map((m) => `after all quick fixes: ${m}`));
        session.push(next.text);
      }
    } catch (e) {
      failures.push(`quick fixes threw: ${describe(e)}`);
    }
  }

  if (opts.format !== false) {
    try {
      const once = formatText(first.parse);
      stats.formatEdits = once.edits;
      stats.formatRefused = once.refused;
      if (once.edits > 0) {
        const before = file0.text;
        const lostC = lostTexts(commentTexts(first.parse), once.text);
        if (lostC.length)
          failures.push(`formatting removed comment(s): ${lostC.map((c) => JSON.stringify(c)).join(', ')}`);
        const w0 = words(before).join(' ');
        const w1 = words(once.text).join(' ');
        if (w0 !== w1) failures.push(`formatting changed the words: ${firstDifference(w0, w1)}`);
        // An editor saves the formatted text in the encoding it read the file with.
        const reparsed = parseAndLint(input, encodeText({ text: once.text, encoding: file0.encoding, bom: file0.bom }));
        const m0 = meaning(first.parse).join('\n');
        const m1 = meaning(reparsed.parse).join('\n');
        if (m0 !== m1) failures.push(`formatting changed what keepalived reads: ${firstDifference(m0, m1)}`);
        const twice = formatText(reparsed.parse);
        if (twice.text !== once.text)
          failures.push(`formatting is not idempotent: ${firstDifference(once.text, twice.text)}`);
        session.push(once.text, before);
      }
    } catch (e) {
      failures.push(`formatting threw: ${describe(e)}`);
    }
  }
  if (opts.peers !== false) {
    try {
      failures.push(...peerFailures(first.parse, fixed));
    } catch (e) {
      failures.push(`peer analysis threw: ${describe(e)}`);
    }
  }
  if (opts.editor !== false && session.length > 1) {
    try {
      failures.push(...editorFailures(input, session));
    } catch (e) {
      failures.push(`editor replay threw: ${describe(e)}`);
    }
  }
  return result;
}

/**
 * The language server's path: each text of `session` as an edit of the one before, re-read with
 * reparseText and linted with one BlockCache, must give what reading and linting it afresh gives.
 */
export function editorFailures(input: FuzzInput, session: readonly string[]): string[] {
  const read = readOptions(input, input.root);
  const lintOpts = input.options ?? {};
  const cache = new BlockCache();
  let prev = parseText(ROOT_FILE, session[0]!, read);
  lintParse(prev, lintOpts, cache);
  for (let i = 1; i < session.length; i++) {
    prev = reparseText(prev, ROOT_FILE, session[i]!, read);
    const full = parseText(ROOT_FILE, session[i]!, read);
    const m0 = meaning(full).join('\n');
    const m1 = meaning(prev).join('\n');
    if (m0 !== m1) return [`edit ${i}: re-reading differs from reading afresh: ${firstDifference(m0, m1)}`];
    const d0 = JSON.stringify(lintParse(full, lintOpts));
    const d1 = JSON.stringify(lintParse(prev, lintOpts, cache));
    if (d0 !== d1) return [`edit ${i}: the cached lint differs from a fresh one: ${firstDifference(d0, d1)}`];
  }
  return [];
}

/** The text has CRLF line ends and no bare LF. */
function crlfOnly(text: string): boolean {
  return text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
}

/** A short description of where two strings first differ. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 20), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 20), i + 40))}`;
}

/** A bug written up in test/ROBUSTNESS-BUGS.md that the fuzzers still hit until it is fixed. */
export interface KnownBug {
  id: string;
  /** Whether a failure message on this input is this bug. Keep it narrow. */
  matches(failure: string, input: FuzzInput, result: CheckResult): boolean;
}

const braceCount = (b: Uint8Array): number => {
  let n = 0;
  for (const c of b) if (c === 0x7b || c === 0x7d) n++;
  return n;
};

/** Plain Levenshtein distance (small inputs only). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Known bugs (see test/ROBUSTNESS-BUGS.md), reported but not failing the bounded suites. */
export const KNOWN_BUGS: KnownBug[] = [
  {
    // RB-6: some inputs give a diagnostic per 1-3 bytes (stray braces or words in a value block), at
    // ~20-40 µs and ~1.4 KB each, uncapped: a long line of them blows the time budget (and the heap).
    id: 'RB-6',
    matches: (f, input, r) =>
      f.startsWith('parse+lint of') &&
      (braceCount(input.root) >= 5000 || (r.diagnostics?.length ?? 0) * 20 >= r.stats.bytes),
  },
  {
    // NB-1 (not a bug, see test/ROBUSTNESS-BUGS.md): fixing a misspelt block keyword that has its
    // "{" turns keepalived's cascade back into the block the author meant; brace problems inside it
    // that the cascade hid are then reported, so the count of structural problems may grow. The
    // same with a block keyword's missing "{": unknown keywords with a "{" that the missing brace's
    // cascade hid are reported on their own after the fix, and so is such a "{" that lands in a
    // value block (a stray "{" there); nothing else is new. And the same with a fix inside a server
    // address or port keepalived cannot read (an irregular space in it, say): keepalived skips such
    // a block unread, and once the fix makes it readable, an unknown keyword with a "{" inside it
    // is reported.
    id: 'NB-1',
    matches: (f, _input, r) => {
      if (!f.startsWith('--fix left more structural problems')) return false;
      const diags = r.diagnostics ?? [];
      if (
        diags.some(
          (d) => d.ruleId === 'unknown-keyword' && d.fix !== undefined && d.message.includes('ignores its "{"'),
        )
      )
        return true;
      const after = /: ([^)]*)\)$/.exec(f)?.[1]?.split(', ') ?? [];
      const unmasked =
        after.includes('unknown-keyword') &&
        after.every((code) => code === 'unknown-keyword' || code === 'unexpected-open-brace');
      const fixedInside = (bad: Diagnostic): boolean =>
        diags.some(
          (d) =>
            d.fix !== undefined &&
            d.fix.file === bad.loc.file &&
            d.fix.start >= bad.loc.start &&
            d.fix.end <= bad.loc.end,
        );
      return (
        unmasked &&
        (diags.some((d) => d.ruleId === 'missing-open-brace' && d.fix !== undefined) ||
          diags.some((d) => d.ruleId === 'invalid-address' && fixedInside(d)))
      );
    },
  },
];

/** Splits failures into unknown ones and known bug ids. */
export function classify(result: CheckResult, input: FuzzInput): { unknown: string[]; known: string[] } {
  const unknown: string[] = [];
  const known: string[] = [];
  for (const f of result.failures) {
    const k = KNOWN_BUGS.find((b) => b.matches(f, input, result));
    if (k) known.push(k.id);
    else unknown.push(f);
  }
  return { unknown, known };
}
