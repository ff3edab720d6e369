// Runs keepalived and our CLI on every case with limited concurrency and compares them. Shared by
// differential.test.ts and scripts/oracle.mjs (which bundles test/differential/index.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DiffCase } from './cases';
import { compareCase, summarize, type CaseOutcome, type Summary } from './compare';
import { linterCliPath, runLinter } from './linter';
import { keepalivedVersion, ORACLE_HOSTNAME, runOracleDetailed } from './oracle';

/** Options of runDifferential. */
export interface HarnessOptions {
  repoRoot: string;
  /** CLI under test; defaults to linterCliPath(repoRoot). */
  cli?: string;
  /** Defaults to <repoRoot>/.oracle-cache. */
  cacheDir?: string;
  /** Always run keepalived (no cache). Defaults to process.env.CI === 'true'. */
  live?: boolean;
  /** Parallel cases; defaults to $DIFF_CONCURRENCY or 2. */
  concurrency?: number;
  /** Write <cacheDir>/last-report.json (default true). */
  writeReport?: boolean;
  /** Called after each case. */
  onCase?: (outcome: CaseOutcome, done: number, total: number) => void;
}

/** The result of a whole differential run. */
export interface DifferentialRun {
  outcomes: CaseOutcome[];
  summary: Summary;
}

/** Map over items with at most `limit` promises in flight, keeping the order of the results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** The default cache folder (git-ignored). */
export const cacheDirOf = (repoRoot: string): string => path.join(repoRoot, '.oracle-cache');

/** Run keepalived and our CLI on one case and compare. */
export async function runCase(
  c: DiffCase,
  opts: { cli: string; cacheDir?: string; live?: boolean },
): Promise<CaseOutcome> {
  const [details, lint] = await Promise.all([
    runOracleDetailed(c.file, {
      args: c.args,
      cacheDir: opts.cacheDir,
      live: opts.live,
    }),
    // Without -i keepalived's config id is the host name, which the oracle's namespace fixes.
    runLinter(opts.cli, c.file, c.configId ?? ORACLE_HOSTNAME),
  ]);
  return {
    case: c,
    oracle: details.result,
    scan: details.scan,
    lint,
    verdict: compareCase(details.result, lint, details.scan),
  };
}

/** Compare every case; writes the summary to <cacheDir>/last-report.json. */
export async function runDifferential(cases: readonly DiffCase[], options: HarnessOptions): Promise<DifferentialRun> {
  const started = Date.now();
  const cli = options.cli ?? linterCliPath(options.repoRoot);
  const cacheDir = options.cacheDir ?? cacheDirOf(options.repoRoot);
  const envConcurrency = Number(process.env.DIFF_CONCURRENCY);
  const concurrency = options.concurrency ?? (envConcurrency > 0 ? envConcurrency : 2);
  // Cases known to hang keepalived (exit 124 after the timeout) go first so they overlap the rest.
  const order = cases
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(/58-track-file/.test(b.c.id)) - Number(/58-track-file/.test(a.c.id)));
  let done = 0;
  const sorted = await mapLimit(order, concurrency, async ({ c, i }) => {
    const outcome = await runCase(c, { cli, cacheDir, live: options.live });
    options.onCase?.(outcome, ++done, cases.length);
    return { outcome, i };
  });
  const outcomes = sorted.sort((a, b) => a.i - b.i).map((x) => x.outcome);
  const summary = summarize(outcomes, keepalivedVersion());
  summary.durationSeconds = (Date.now() - started) / 1000;
  if (options.writeReport !== false) writeReport(cacheDir, outcomes, summary);
  return { outcomes, summary };
}

/** Write the summary and the per-case verdicts to <cacheDir>/last-report.json. */
export function writeReport(cacheDir: string, outcomes: CaseOutcome[], summary: Summary): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  const cases = outcomes.map((o) => ({
    id: o.case.id,
    ok: o.verdict.ok,
    keepalivedExit: o.oracle.exit,
    mode: o.verdict.mode,
    uncovered: o.verdict.uncovered.map((u) => ({
      file: u.file,
      line: u.line,
      texts: u.texts,
    })),
    positionlessUnmatched: o.verdict.positionlessUnmatched.map((m) => m.text),
    falseErrors: o.verdict.falseErrors.map((d) => ({
      file: d.file,
      line: d.line,
      ruleId: d.ruleId,
      message: d.message,
    })),
    linterError: o.verdict.linterError,
  }));
  fs.writeFileSync(path.join(cacheDir, 'last-report.json'), JSON.stringify({ summary, cases }, null, 2) + '\n');
}
