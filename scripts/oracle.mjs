#!/usr/bin/env node
// Developer CLI for the keepalived oracle (the real `keepalived -t`, see ../shared/ORACLE.md).
//
//   node scripts/oracle.mjs FILE [--live] [--raw] [--args ARG...]
//       keepalived's parsed verdict on FILE as JSON. Extra keepalived arguments come after --args
//       (e.g. --args -i node1); without --args, FILE's sibling .args file is used.
//   node scripts/oracle.mjs --report [--live] [--filter TEXT] [--cli PATH] [--all] [--verbose]
//       runs the whole differential comparison (same cases and rules as
//       test/differential/differential.test.ts) and prints a compact mismatch table.
//       Exit status 1 when some case disagrees.
//
// The logic lives in test/differential/*.ts; this script bundles it with esbuild into
// .oracle-cache/harness.mjs (git-ignored) and imports it.
import * as path from 'node:path';
import { cacheDir, loadHarness, repoRoot } from './lib/differential.mjs';

const USAGE = `usage:
  node scripts/oracle.mjs FILE [--live] [--raw] [--args ARG...]
  node scripts/oracle.mjs --report [--live] [--filter TEXT] [--cli PATH] [--all] [--verbose]`;

/** Parse argv into options; everything after --args is passed to keepalived. */
function parseArgv(argv) {
  const opts = {
    files: [],
    live: false,
    raw: false,
    report: false,
    all: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--args') {
      opts.args = argv.slice(i + 1);
      break;
    } else if (a === '--live') opts.live = true;
    else if (a === '--raw') opts.raw = true;
    else if (a === '--report') opts.report = true;
    else if (a === '--all') opts.all = true;
    else if (a === '--verbose' || a === '-v') opts.verbose = true;
    else if (a === '--filter') opts.filter = argv[++i];
    else if (a === '--cli') opts.cli = argv[++i];
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.files.push(a);
  }
  return opts;
}

/** Print keepalived's verdict on one file. */
async function verdict(h, file, opts) {
  if (!h.keepalivedAvailable()) throw new Error(`${h.KEEPALIVED_BIN} is not installed`);
  const abs = path.resolve(file);
  const args = opts.args ?? h.readArgs(abs);
  const d = await h.runOracleDetailed(abs, { args, cacheDir, live: opts.live });
  const out = {
    file: abs,
    args,
    keepalived: h.keepalivedVersion(),
    interfaces: d.scan.interfaces,
    includes: d.scan.files.slice(1).map((f) => f.path),
    cached: d.cached,
    exit: d.result.exit,
    accepted: h.findings(d.result).length === 0,
    messages: d.result.messages,
  };
  if (opts.raw) out.raw = d.run.output;
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** Compact "file:line" list of uncovered lines, relative to the case's folder. */
function lines(o) {
  const dir = path.dirname(o.case.file);
  return o.verdict.uncovered
    .map((u) => (u.file === o.case.file ? `${u.line}` : `${path.relative(dir, u.file)}:${u.line}`))
    .join(',');
}

/** Run the whole comparison and print the mismatch table. */
async function report(h, opts) {
  if (!h.keepalivedAvailable()) throw new Error(`${h.KEEPALIVED_BIN} is not installed`);
  const cli = opts.cli ? path.resolve(opts.cli) : h.linterCliPath(repoRoot);
  let cases = h.discoverCases(repoRoot);
  if (opts.filter) cases = cases.filter((c) => c.id.includes(opts.filter));
  const run = await h.runDifferential(cases, {
    repoRoot,
    cli,
    cacheDir,
    live: opts.live || undefined,
    // a filtered run must not overwrite the full report
    writeReport: !opts.filter,
    onCase: process.stderr.isTTY ? (_o, done, total) => process.stderr.write(`\r${done}/${total}`) : undefined,
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const shown = run.outcomes.filter((o) => opts.all || !o.verdict.ok);
  const rows = shown.map((o) => [
    o.verdict.ok ? 'ok' : 'FAIL',
    o.case.id,
    String(o.oracle.exit),
    lines(o) || '-',
    o.verdict.positionlessUnmatched.length ? String(o.verdict.positionlessUnmatched.length) : '-',
    o.verdict.falseErrors.length ? o.verdict.falseErrors.map((d) => `${d.line}:${d.ruleId ?? '-'}`).join(',') : '-',
    o.verdict.linterError ? o.verdict.linterError.slice(0, 60) : '',
  ]);
  const head = ['', 'case', 'exit', 'uncovered lines', 'no-pos', 'false errors', ''];
  const widths = head.map((hd, i) => Math.min(48, Math.max(hd.length, ...rows.map((r) => r[i].length))));
  const fmt = (r) =>
    r
      .map((c, i) => pad(c, widths[i]))
      .join('  ')
      .trimEnd();
  if (rows.length) {
    console.log(fmt(head));
    for (const r of rows) console.log(fmt(r));
    console.log('');
  }
  if (opts.verbose) {
    for (const o of shown) if (!o.verdict.ok) console.log(h.formatFailure(o) + '\n');
  }
  console.log(h.formatSummary(run.summary));
  if (!opts.filter) console.log(`report: ${path.join(cacheDir, 'last-report.json')}`);
  return run.summary.failed === 0 ? 0 : 1;
}

async function main() {
  const opts = parseArgv(process.argv.slice(2));
  if (opts.help || (!opts.report && opts.files.length !== 1)) {
    console.error(USAGE);
    return opts.help ? 0 : 2;
  }
  const h = await loadHarness('harness');
  if (opts.report) return report(h, opts);
  await verdict(h, opts.files[0], opts);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`oracle: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
