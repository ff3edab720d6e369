// What agreement between keepalived and our linter means (../shared/ORACLE.md, "What agreement
// means"), as a pure function over both verdicts, plus the failure text and the run summary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../linter/registry';
import { stripComment } from './mutate';
import type { DiffCase } from './cases';
import type { LinterRun, LintMessage } from './linter';
import type { ConfigScan, OracleMessage, OracleResult } from './oracle';

/** One of our diagnostics with the absolute path of its file. */
export interface Diagnostic extends LintMessage {
  file: string;
}

/** A (file, line) keepalived flags, with every non-environmental message it printed there. */
export interface FlaggedLine {
  file: string;
  line: number;
  texts: string[];
}

/** How a case was compared: fully, up to a missing parameter (exit 2), or after a hang/crash. */
export type CompareMode = 'full' | 'stopped' | 'crashed';

/** The outcome of comparing one case. */
export interface CaseVerdict {
  ok: boolean;
  mode: CompareMode;
  /** keepalived printed no message other than environmental ones. */
  accepted: boolean;
  /** (a) our error-severity diagnostics on a config keepalived accepts. */
  falseErrors: Diagnostic[];
  /** (b) every (file, line) keepalived flags, within the compared part. */
  flagged: FlaggedLine[];
  uncovered: FlaggedLine[];
  /** (c) keepalived's messages without a position, within the compared part. */
  positionless: OracleMessage[];
  positionlessUnmatched: OracleMessage[];
  /** Our diagnostics considered (after the exit-2 cut). */
  diagnostics: Diagnostic[];
  /** Set when our CLI could not be used on this case. */
  linterError?: string;
}

/** Everything known about one compared case. */
export interface CaseOutcome {
  case: DiffCase;
  oracle: OracleResult;
  scan: ConfigScan;
  lint: LinterRun;
  verdict: CaseVerdict;
}

/** Totals of a differential run. */
export interface Summary {
  keepalived: string;
  cases: number;
  passed: number;
  failed: number;
  /** Cases keepalived accepts (only environmental messages). */
  keepalivedAccepted: number;
  /** Of those, the ones where we report no error. */
  acceptedWithoutFalseErrors: number;
  falseErrorCases: number;
  falseErrors: number;
  flaggedLines: number;
  coveredLines: number;
  positionless: number;
  positionlessMatched: number;
  linterFailures: number;
  failedCases: string[];
  byGroup: Record<string, { cases: number; passed: number }>;
  durationSeconds?: number;
}

/** Canonical absolute path (symlinks resolved when the file exists). */
export function canonical(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}

/** Position in reading order: the include-line chain from the main file down to (file, line). */
export function readingOrderKey(scan: ConfigScan, file: string, line: number): number[] | undefined {
  const byPath = new Map(scan.files.map((f) => [canonical(f.path), f]));
  const key = [line];
  let current = byPath.get(canonical(file));
  if (!current) return undefined;
  for (let depth = 0; current.parent !== undefined && depth < 100; depth++) {
    key.unshift(current.includeLine ?? 0);
    current = byPath.get(canonical(current.parent));
    if (!current) return undefined;
  }
  return key;
}

const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
};

/** Environmental messages that mean keepalived disabled a script on the test host. */
export const SCRIPT_ENVIRONMENT = /script|uid\/gid|default user|shebang/i;

/**
 * keepalived stops its VRRP process when an interface the test host lacks is named (one the harness
 * could not create: behind a `$NAME`, say), before it checks the security of scripts.
 */
export const MISSING_INTERFACE = /^Non-existent interface specified in configuration$/;

/** An entry of a track block whose script, process or BFD keepalived does not have. */
export const UNREAD_TRACK_ENTRY = /^\(.*\) track (script|process|bfd) .* not found, ignoring\.\.\.$/;

/** The message that stops keepalived with exit 2. */
export const MISSING_PARAMETER = /^\*\*\* Configuration line starting .* is missing a parameter/;

/** Compare keepalived's verdict with our diagnostics on one case. */
/**
 * The lines of a file a line number in keepalived's output can stand for. keepalived reads lines
 * with fgets into 1,024 bytes, so a line of 1,023 bytes or more comes in pieces, and it counts a line
 * when a piece ends in its '\n'. The parent process reports the first pieces with the number of the
 * line before; the other processes read a copy of the configuration with each piece on a line of
 * its own, so after a long line their numbers run ahead of the file's.
 */
export function lineCandidates(scan: ConfigScan): (file: string, line: number) => number[] {
  const byFile = new Map<string, { long: Set<number>; copyStart: number[]; extra: number[] }>();
  for (const f of scan.files) {
    const lines = f.text.split('\n');
    const long = new Set<number>();
    const copyStart = [0];
    const extra = [0];
    let ahead = 0;
    for (let i = 0; i < lines.length; i++) {
      const bytes = Buffer.byteLength(lines[i]!);
      const pieces = bytes >= 1023 ? Math.floor(bytes / 1023) : 0;
      if (pieces) long.add(i + 1);
      copyStart.push(i + 1 + ahead);
      extra.push(pieces);
      ahead += pieces;
    }
    if (long.size) byFile.set(canonical(f.path), { long, copyStart, extra });
  }
  return (file, line) => {
    const f = byFile.get(file);
    if (!f) return [line];
    const out = [line];
    if (f.long.has(line + 1)) out.push(line + 1);
    for (let l = 1; l < f.copyStart.length; l++) {
      if (f.copyStart[l]! <= line && line <= f.copyStart[l]! + f.extra[l]!) {
        if (!out.includes(l)) out.push(l);
        break;
      }
    }
    return out;
  };
}

/**
 * Whether one of our diagnostics answers a message keepalived printed without a position. A message
 * about a named object (`(VI_1) ...`, as keepalived names instances, sync groups and scripts) needs
 * a diagnostic that names it (`(VI_1)`, `"VI_1"` or `VI_1` as a word of its own); one about a
 * virtual server, a diagnostic that names the service by the words of its `virtual_server` line
 * (`10.0.0.1 80`, `fwmark 7`, `group G4`). A finding that only lies inside the object's block does
 * not count: it may be about something else. Any other message needs some diagnostic in the
 * configuration (or one of the rules that find its cause, see ANSWERING_RULES).
 */
export function matchesPositionless(m: OracleMessage, diagnostics: Diagnostic[], scan: ConfigScan): boolean {
  const names = objectNames(m.text);
  const service = names ? undefined : virtualServerOf(m.text);
  if (!names && !service) {
    // Messages about the file as a whole, answered by the rules that find their cause.
    const rules = ANSWERING_RULES.find(([re]) => re.test(m.text))?.[1];
    return rules ? diagnostics.some((d) => rules.has(d.ruleId ?? '')) : diagnostics.length > 0;
  }
  const blocksOf = (name: string) =>
    scan.files.flatMap((f) =>
      namedBlocks(f.text, name, service).map(([start, end]) => ({ file: canonical(f.path), start, end })),
    );
  const found = (names ?? ['']).map(blocksOf);
  // An object the harness cannot find by its name (`VI_${_HASH}x` is "VI_" to keepalived): any diagnostic.
  if (found.some((b) => !b.length)) return diagnostics.length > 0;
  // keepalived's output is read byte for byte (latin1), our messages are text: a name with UTF-8 in
  // it (`“VI_1”`, pasted) is matched as keepalived's bytes read as UTF-8 too.
  const named = (names ?? [])
    .flatMap((n) => [...new Set([n, Buffer.from(n, 'latin1').toString('utf8')])])
    .map(wordPattern);
  const serviceName = service && servicePattern(service);
  return diagnostics.some(
    (d) => named.some((re) => re.test(d.message)) || (serviceName !== undefined && serviceName.test(d.message)),
  );
}

/**
 * A pattern for a service's virtual_server words in a message, the address as the file may write it:
 * with a range or mask after it, which keepalived drops (`10.0.0.1/33 80` is `10.0.0.1 80`).
 */
function servicePattern(words: string[]): RegExp {
  const [first, ...rest] = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const head = /[.:]/.test(words[0]!) ? `${first}(?:[/-][\\w.:/-]*)?` : first;
  return new RegExp(`(?<![\\w.:-])${[head, ...rest].join(' ')}(?![\\w.:-]*\\w)`, 'i');
}

/** A pattern for `text` as words of their own in a message (not inside a longer name or address). */
function wordPattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.:-])${escaped}(?![\\w.:-]*\\w)`);
}

/** Messages without an object, and the rules whose findings answer them. */
export const ANSWERING_RULES: Array<[RegExp, ReadonlySet<string>]> = [
  [/^SECURITY VIOLATION - /, new Set(['script-security'])],
  // keepalived's count of the file's braces: a finding of the rules about the file's text.
  [
    /^There are \d+ missing '\{'s or extra '\}'s$/,
    new Set(rules.filter((r) => r.meta.category === 'syntax').map((r) => r.id)),
  ],
];

/**
 * The objects a message is about, by the names keepalived prints: `(VI_1) ...` (instances, sync
 * groups, scripts); sync groups by their own words (`Sync group G has only 1 virtual router(s)`,
 * `Virtual router VI_2 specified in sync group G doesn't exist`, `... cannot exist in more than one
 * sync group; ignoring G`); and the two instances of `VI_1 and VI_2 both use VRID 1`, either of
 * which a diagnostic may be about.
 */
export function objectNames(text: string): string[] | undefined {
  const named = /^\(([^()\s]+)\)/.exec(text);
  if (named) return [named[1]!];
  const member = /^Virtual router (\S+) specified in sync group (\S+) doesn't exist/.exec(text);
  if (member) return [member[2]!, member[1]!];
  const twice = /^Virtual router (\S+) cannot exist in more than one sync group; ignoring (\S+)$/.exec(text);
  if (twice) return [twice[2]!, twice[1]!];
  const group = /^Sync group (\S+?),? (?:has|no matching)/.exec(text);
  if (group) return [group[1]!];
  const vrid = /^(\S+) and (\S+) both use VRID \d+/.exec(text);
  if (vrid) return [vrid[1]!, vrid[2]!];
  return undefined;
}

/**
 * The virtual server a message names the way keepalived's FMT_VS prints it, as the words of its
 * `virtual_server` line: `[10.0.0.1]:tcp:80` is `10.0.0.1 80`, `FWM 7` is `fwmark 7`, `[G4]:0` is
 * `group G4` (a bracketed name that is no address).
 */
export function virtualServerOf(text: string): string[] | undefined {
  const fwm = /\bFWM (\d+)/.exec(text);
  if (fwm) return ['fwmark', fwm[1]!];
  const addr = /(?:[Vv]irtual server|^VS) \[([^\]]+)\]:(?:[a-z]+:)?(\d+)/.exec(text);
  if (!addr) return undefined;
  const [, host, port] = addr;
  if (!/[:.]/.test(host!)) return ['group', host!];
  return port === '0' ? [host!] : [host!, port!];
}

/**
 * The 1-based line ranges of the blocks a file gives this name (`vrrp_instance NAME {` ... `}`),
 * by counting braces outside comments and quotes: a rough reading, for matching only.
 */
export function namedBlocks(text: string, name: string, service?: string[]): Array<[number, number]> {
  const lines = text.split('\n');
  const out: Array<[number, number]> = [];
  const code = stripComment;
  for (let i = 0; i < lines.length; i++) {
    // Braces are words of their own (`virtual_server 10.0.0.1 514{`).
    const words = code(lines[i]!).replace(/[{}]/g, ' $& ').trim().split(/\s+/);
    // An @id / @^id prefix keepalived took the line for.
    if (words[0]?.startsWith('@')) words.shift();
    // An address as inet_stosockaddr reads it: what follows a '/' or '-' is dropped.
    if (service && words[1]) words[1] = words[1].replace(/[/-].*$/, '');
    const found = service
      ? words[0] === 'virtual_server' &&
        service.every((w, k) => words[k + 1] === w) &&
        !/^\d+$/.test(words[service.length + 1] ?? '')
      : words.length >= 2 && words[1] === name && NAMED_BLOCKS.has(words[0]!);
    if (!found) continue;
    // To the brace that closes it; without its "{", keepalived reads the next lines into it up
    // to a "}" all the same.
    let depth = 0;
    let j = i;
    scan: for (; j < lines.length; j++) {
      for (const c of code(lines[j]!)) {
        if (c === '{') depth++;
        else if (c === '}') {
          depth--;
          if (depth <= 0) break scan;
        }
      }
    }
    out.push([i + 1, Math.min(j, lines.length - 1) + 1]);
  }
  return out;
}

/** Blocks keepalived names in its messages by their name. */
const NAMED_BLOCKS = new Set([
  'vrrp_instance',
  'vrrp_sync_group',
  'vrrp_script',
  'vrrp_track_process',
  'track_file',
  'vrrp_track_file',
  'bfd_instance',
  'virtual_server_group',
  'garp_group',
  'track_group',
]);

export function compareCase(oracle: OracleResult, lint: LinterRun, scan: ConfigScan): CaseVerdict {
  const crashed = oracle.exit === 124 || oracle.exit >= 128;
  let findings = oracle.messages.filter((m) => !m.environmental);
  let diagnostics: Diagnostic[] = lint.results.flatMap((r) =>
    r.messages.map((m) => ({ ...m, file: canonical(r.filePath) })),
  );
  const allDiagnostics = diagnostics;
  let mode: CompareMode = crashed ? 'crashed' : 'full';

  // (d) exit 2: compare only up to the line where keepalived stopped.
  const stop = oracle.exit === 2 ? findings.find((m) => MISSING_PARAMETER.test(m.text) && m.file && m.line) : undefined;
  if (oracle.exit === 2) mode = 'stopped';
  if (stop?.file && stop.line) {
    const stopKey = readingOrderKey(scan, stop.file, stop.line);
    if (stopKey) {
      const notAfter = (file: string, line: number): boolean => {
        const k = readingOrderKey(scan, file, line);
        return k === undefined || compareKeys(k, stopKey) <= 0;
      };
      findings = findings.filter((m) => !m.file || !m.line || notAfter(m.file, m.line));
      diagnostics = diagnostics.filter((d) => notAfter(d.file, d.line));
    }
  }

  const accepted = findings.length === 0;
  // keepalived checks script security only for scripts it will run. When the test host lacks a
  // script (or its user), keepalived disables it for an environmental reason and stays silent;
  // on the real host the same config is a SECURITY VIOLATION, so our finding stands.
  const scriptsDisabled = oracle.messages.some(
    (m) => m.environmental && (SCRIPT_ENVIRONMENT.test(m.text) || MISSING_INTERFACE.test(m.text)),
  );
  // A track_script entry naming a script keepalived removed that way is not read past its name
  // ("track script X not found, ignoring..."): what we find in the rest of the entry, keepalived
  // reports on the real host.
  const unread = new Set(
    oracle.messages
      .filter((m) => m.environmental && m.file && m.line && UNREAD_TRACK_ENTRY.test(m.text))
      .map((m) => `${canonical(m.file!)}\0${m.line}`),
  );
  const excused = (d: Diagnostic): boolean =>
    (scriptsDisabled && d.ruleId === 'script-security') || unread.has(`${d.file}\0${d.line}`);
  const falseErrors = mode === 'full' && accepted ? diagnostics.filter((d) => d.severity >= 2 && !excused(d)) : [];

  const flaggedMap = new Map<string, FlaggedLine>();
  for (const m of findings) {
    if (!m.file || !m.line) continue;
    const file = canonical(m.file);
    const key = `${file}\0${m.line}`;
    const entry = flaggedMap.get(key) ?? { file, line: m.line, texts: [] };
    if (!entry.texts.includes(m.text)) entry.texts.push(m.text);
    flaggedMap.set(key, entry);
  }
  const order = (f: FlaggedLine): number[] =>
    readingOrderKey(scan, f.file, f.line) ?? [Number.MAX_SAFE_INTEGER, f.line];
  const flagged = [...flaggedMap.values()].sort((a, b) => compareKeys(order(a), order(b)));
  const coveredAt = (file: string, line: number): boolean =>
    diagnostics.some((d) => d.file === file && d.line <= line && line <= Math.max(d.line, d.endLine ?? d.line));
  const candidates = lineCandidates(scan);
  const uncovered = flagged.filter((f) => !candidates(f.file, f.line).some((line) => coveredAt(f.file, line)));

  const positionless = mode === 'crashed' ? [] : findings.filter((m) => !m.file || !m.line);
  // keepalived's other processes read the whole file even when one of them stopped early: a
  // message without a position may be about a block after the stop.
  const positionlessUnmatched = positionless.filter((m) => !matchesPositionless(m, allDiagnostics, scan));

  const linterError = lint.error;
  const ok = !linterError && falseErrors.length === 0 && uncovered.length === 0 && positionlessUnmatched.length === 0;
  return {
    ok,
    mode,
    accepted,
    falseErrors,
    flagged,
    uncovered,
    positionless,
    positionlessUnmatched,
    diagnostics,
    linterError,
  };
}

const rel = (c: DiffCase, file: string): string => {
  const r = path.relative(path.dirname(c.file), file);
  return r.startsWith('..') ? file : r;
};

const sev = (s: number): string => (s >= 2 ? 'error' : 'warning');

/** Format one of our diagnostics for a failure message. */
export function formatDiagnostic(c: DiffCase, d: Diagnostic): string {
  const end = d.endLine !== undefined && d.endLine !== d.line ? `-${d.endLine}` : '';
  return `${rel(c, d.file)}:${d.line}${end}:${d.column} ${sev(d.severity)} [${d.ruleId ?? '-'}] ${d.message}`;
}

/** A precise, multi-line explanation of why a case disagrees (empty when it agrees). */
export function formatFailure(outcome: CaseOutcome): string {
  const { case: c, oracle, verdict: v } = outcome;
  if (v.ok) return '';
  const out: string[] = [];
  const args = c.args.length ? ` ${c.args.join(' ')}` : '';
  out.push(`${c.id}: keepalived -t${args} exit ${oracle.exit} (compared: ${v.mode}); file ${c.file}`);
  if (v.linterError) out.push(`  our CLI failed: ${v.linterError}`);
  if (v.uncovered.length) {
    out.push(`  keepalived flags ${v.uncovered.length} line(s) none of our diagnostics covers:`);
    for (const u of v.uncovered) {
      for (const t of u.texts) out.push(`    ${rel(c, u.file)}:${u.line}  ${t}`);
    }
  }
  if (v.positionlessUnmatched.length) {
    out.push(
      '  keepalived messages without a position that none of our diagnostics answers (naming the object, or inside its block):',
    );
    for (const m of v.positionlessUnmatched) out.push(`    ${m.text}`);
  }
  if (v.falseErrors.length) {
    out.push('  false errors (keepalived accepts this config, we report errors):');
    for (const d of v.falseErrors) out.push(`    ${formatDiagnostic(c, d)}`);
  }
  out.push(`  our diagnostics (${v.diagnostics.length}):`);
  for (const d of v.diagnostics) out.push(`    ${formatDiagnostic(c, d)}`);
  const env = oracle.messages.filter((m) => m.environmental);
  if (env.length) {
    out.push('  keepalived environmental messages (ignored):');
    for (const m of env) {
      out.push(`    ${m.file ? `${rel(c, m.file)}:${m.line}  ` : ''}${m.text}`);
    }
  }
  return out.join('\n');
}

/** Totals over all compared cases. */
export function summarize(outcomes: CaseOutcome[], keepalived: string): Summary {
  const s: Summary = {
    keepalived,
    cases: outcomes.length,
    passed: 0,
    failed: 0,
    keepalivedAccepted: 0,
    acceptedWithoutFalseErrors: 0,
    falseErrorCases: 0,
    falseErrors: 0,
    flaggedLines: 0,
    coveredLines: 0,
    positionless: 0,
    positionlessMatched: 0,
    linterFailures: 0,
    failedCases: [],
    byGroup: {},
  };
  for (const o of outcomes) {
    const v = o.verdict;
    const g = (s.byGroup[o.case.group] ??= { cases: 0, passed: 0 });
    g.cases++;
    if (v.ok) {
      s.passed++;
      g.passed++;
    } else {
      s.failed++;
      s.failedCases.push(o.case.id);
    }
    if (v.accepted && v.mode === 'full') {
      s.keepalivedAccepted++;
      if (v.falseErrors.length === 0) s.acceptedWithoutFalseErrors++;
    }
    if (v.falseErrors.length) s.falseErrorCases++;
    s.falseErrors += v.falseErrors.length;
    s.flaggedLines += v.flagged.length;
    s.coveredLines += v.flagged.length - v.uncovered.length;
    s.positionless += v.positionless.length;
    s.positionlessMatched += v.positionless.length - v.positionlessUnmatched.length;
    if (v.linterError) s.linterFailures++;
  }
  return s;
}

/** The summary as a few human-readable lines. */
export function formatSummary(s: Summary): string {
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  const groups = Object.entries(s.byGroup)
    .map(([g, v]) => `${g} ${v.passed}/${v.cases}`)
    .join(', ');
  return [
    `differential vs ${s.keepalived}: ${s.passed}/${s.cases} cases agree (${groups})`,
    `  accepted by keepalived: ${s.keepalivedAccepted}, of which we report no error: ${s.acceptedWithoutFalseErrors}` +
      ` (false errors: ${s.falseErrors} in ${s.falseErrorCases} case(s))`,
    `  flagged lines covered: ${s.coveredLines}/${s.flaggedLines} (${pct(s.coveredLines, s.flaggedLines)})`,
    `  positionless messages matched: ${s.positionlessMatched}/${s.positionless}`,
    s.linterFailures ? `  linter failures: ${s.linterFailures}` : '',
    s.durationSeconds !== undefined ? `  time: ${s.durationSeconds.toFixed(1)}s` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
