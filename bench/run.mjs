#!/usr/bin/env node
// CLI benchmark: our linter versus `keepalived -t` on generated configs of growing size.
//
//   npm run bench                    # build, then: node bench/run.mjs
//   node bench/run.mjs --quick       # empty + small + medium, 3 runs each, no large
//   node bench/run.mjs --no-lsp      # skip bench/lsp-latency.mjs
//   node bench/run.mjs --strict      # exit 1 when a budget FAILs
//   node bench/run.mjs --runs N      # override the run count for every size
//   node bench/run.mjs --cli F --server F   # measure other builds (default dist/cli.js, dist/server.js)
//   node bench/run.mjs --keep-env    # keep NODE_EXTRA_CA_CERTS in the measured processes
//
// Method (see bench/README.md): every measurement is one whole process, started with spawnSync
// and timed with process.hrtime around it. Peak RSS comes from GNU time (`/usr/bin/time -f %M`,
// Debian package `time`), which reports the maximum resident set of the process it waits for.
// keepalived runs inside one persistent network namespace (`ip netns add kbench`) that has the
// veth interfaces eth0..eth3, via `ip netns exec kbench /usr/bin/time ... keepalived -t -l -f F`.
// The cost of the wrappers (ip netns exec, GNU time's fork/exec) is measured with `true` in
// place of the program and its median is subtracted, for our CLI and for keepalived alike.
// Every process runs without NODE_EXTRA_CA_CERTS (unless --keep-env): Node reads that CA bundle
// at each start, which this project's machines set for their package proxy; the tools never open
// a TLS connection. What the variable costs is measured and printed beside the figures.

import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  BENCH_DIR,
  DEFAULT_OUT,
  INTERFACES,
  writeNodes,
  writeSizes,
} from './generate.mjs';

const ROOT = join(BENCH_DIR, '..');
let CLI = join(ROOT, 'dist', 'cli.js');
let SERVER = join(ROOT, 'dist', 'server.js');
const TIME = '/usr/bin/time';
const NETNS = 'kbench';
const TARGET = ['--target-version', '2.2.7'];
const RSS_FILE = join(DEFAULT_OUT, '.rss');
const NODE_COUNT = 100;
/** Variables that change what Node does at start, and nothing the tools do (see the header). */
const STARTUP_ONLY = ['NODE_EXTRA_CA_CERTS'];
/** The environment of the measured processes. */
let childEnv = withoutStartupOnly(process.env);

/** An environment without STARTUP_ONLY's variables. */
function withoutStartupOnly(env) {
  const out = { ...env };
  for (const k of STARTUP_ONLY) delete out[k];
  return out;
}

/** Parses the command line into an options object. */
function parseArgs(argv) {
  const opts = { quick: false, lsp: true, strict: false, runs: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-lsp') opts.lsp = false;
    else if (a === '--strict') opts.strict = true;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--keep-env') childEnv = { ...process.env };
    else if (a === '--cli') CLI = resolve(argv[++i]);
    else if (a === '--server') SERVER = resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: node bench/run.mjs [--quick] [--no-lsp] [--strict] [--runs N] [--keep-env] [--cli FILE] [--server FILE]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument '${a}'`);
  }
  return opts;
}

/** Median of a numeric array (NaN when empty). */
export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a command quietly and returns { status, stdout, stderr } (never throws). */
function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return {
    status: r.status ?? -1,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    error: r.error,
  };
}

/**
 * Runs `argv` under GNU time once, with stdout/stderr sent to files. Returns the wall time in ms
 * (hrtime around spawnSync), the peak RSS in KB reported by GNU time, and the exit status.
 */
function measure(
  argv,
  { outFile = '/dev/null', errFile = '/dev/null', timeoutMs = 600000, env = childEnv } = {},
) {
  rmSync(RSS_FILE, { force: true });
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    stdio: ['ignore', out, err],
    timeout: timeoutMs,
    cwd: ROOT,
    env,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  closeSync(err);
  let rssKb = NaN;
  try {
    const lines = readFileSync(RSS_FILE, 'utf8').trim().split('\n');
    rssKb = Number(lines[lines.length - 1]);
  } catch {
    // GNU time did not write the file: the wrapper itself failed.
  }
  return { ms, rssKb, status: r.status ?? -1, error: r.error };
}

/** The GNU time prefix writing the peak RSS (KB) to RSS_FILE. */
function timePrefix() {
  return [TIME, '-f', '%M', '-o', RSS_FILE];
}

/** Creates (or completes) the persistent namespace with lo and eth0..eth3; returns true if new. */
function setupNamespace() {
  const list = sh('ip', ['netns', 'list']);
  const exists = list.stdout.split('\n').some((l) => l.split(' ')[0] === NETNS);
  if (!exists) {
    const r = sh('ip', ['netns', 'add', NETNS]);
    if (r.status !== 0)
      throw new Error(`ip netns add ${NETNS} failed: ${r.stderr.trim()}`);
  }
  const script = [
    'ip link set lo up',
    ...INTERFACES.map(
      (i, n) =>
        `ip link show ${i} >/dev/null 2>&1 || ip link add ${i} type veth peer name kbp${n}; ` +
        `ip link set ${i} up; ip link set kbp${n} up`,
    ),
  ].join('\n');
  const r = sh('ip', ['netns', 'exec', NETNS, 'sh', '-ec', script]);
  if (r.status !== 0)
    throw new Error(`namespace setup failed: ${r.stderr.trim()}`);
  return !exists;
}

/** Returns the keepalived environment: { ok, reason, version }. */
function keepalivedInfo() {
  if (process.getuid?.() !== 0)
    return { ok: false, reason: 'not root (namespaces need root)' };
  const v = sh('keepalived', ['-v']);
  if (v.error)
    return {
      ok: false,
      reason: 'keepalived not installed (apt-get install keepalived)',
    };
  const version = (v.stdout + v.stderr).split('\n')[0].trim();
  return { ok: true, version };
}

/** Counts the lines of a file. */
function countLines(file) {
  const text = readFileSync(file, 'utf8');
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Measures `argv` `runs` times (one warm-up first) and returns the raw samples. */
function sampleBaseline(argv, runs) {
  measure(argv);
  const ms = [];
  for (let i = 0; i < runs; i++) ms.push(measure(argv).ms);
  return median(ms);
}

/** Formats a number with fixed decimals, or 'n/a'. */
function fmt(v, digits = 1) {
  return Number.isFinite(v) ? v.toFixed(digits) : 'n/a';
}

/** Formats a ratio as '1.23x', or 'n/a'. */
function times(v) {
  return Number.isFinite(v) ? `${v.toFixed(2)}x` : 'n/a';
}

/** Renders rows (arrays of strings) as an aligned plain-text table. */
function textTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) =>
    Math.max(...all.map((r) => String(r[c]).length)),
  );
  const line = (r) => r.map((v, c) => String(v).padStart(widths[c])).join('  ');
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** Renders rows as a markdown table. */
function mdTable(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? ':---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Machine description for the results file. */
function machineInfo(kaVersion) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    keepalived: kaVersion ?? 'not available',
    kernel: `${os.type()} ${os.release()}`,
    commit:
      sh('git', ['rev-parse', '--short', 'HEAD'], {
        cwd: ROOT,
      }).stdout.trim() || 'unknown',
  };
}

/** Main benchmark driver. */
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const sizes = opts.quick
    ? ['empty', 'small', 'medium']
    : ['empty', 'small', 'medium', 'large'];
  const runsFor = (size) =>
    opts.runs ?? (opts.quick ? 3 : size === 'large' ? 5 : 7);

  // 1. Inputs.
  mkdirSync(DEFAULT_OUT, { recursive: true });
  const missing = sizes.filter(
    (s) => s !== 'empty' && !existsSync(join(DEFAULT_OUT, `${s}.conf`)),
  );
  if (missing.length > 0 || !existsSync(join(DEFAULT_OUT, 'empty.conf'))) {
    console.log(`generating ${missing.join(', ') || 'empty'} ...`);
    writeSizes(DEFAULT_OUT, missing);
  }
  const nodesDir = join(DEFAULT_OUT, 'nodes');
  const listNodes = () =>
    existsSync(nodesDir)
      ? readdirSync(nodesDir)
          .filter((f) => f.endsWith('.conf'))
          .sort()
          .map((f) => join(nodesDir, f))
      : [];
  if (listNodes().length === 0) {
    console.log(`generating ${NODE_COUNT} node configs ...`);
    writeNodes(NODE_COUNT, DEFAULT_OUT);
  }
  const nodeFiles = listNodes();

  // 2. Environment.
  if (!existsSync(TIME)) {
    throw new Error(
      `${TIME} not found: install GNU time (apt-get install -y time)`,
    );
  }
  const ka = keepalivedInfo();
  let createdNs = false;
  if (ka.ok) {
    try {
      createdNs = setupNamespace();
    } catch (e) {
      ka.ok = false;
      ka.reason = e.message;
    }
  }
  const haveCli = existsSync(CLI);
  const info = machineInfo(ka.version);
  console.log(
    `machine: ${info.nproc} CPUs (${info.cpu}), ${info.memGiB} GiB, node ${info.node}, ${info.keepalived}`,
  );
  if (!haveCli)
    console.log(
      `note: ${relative(ROOT, CLI)} not found - our CLI is not measured`,
    );
  if (!ka.ok) console.log(`note: keepalived is not measured: ${ka.reason}`);

  const ourArgv = (files) => [
    ...timePrefix(),
    process.execPath,
    CLI,
    ...TARGET,
    ...files,
  ];
  const kaWrap = [
    'timeout',
    '120',
    'ip',
    'netns',
    'exec',
    NETNS,
    ...timePrefix(),
  ];
  const kaArgv = (file) => [...kaWrap, 'keepalived', '-t', '-l', '-f', file];

  // 3. Wrapper baselines (median of 15, after a warm-up).
  const ourBase = sampleBaseline([...timePrefix(), 'true'], 15);
  const kaBase = ka.ok ? sampleBaseline([...kaWrap, 'true'], 15) : NaN;
  console.log(
    `wrapper baselines: ours ${fmt(ourBase, 2)} ms, keepalived ${fmt(kaBase, 2)} ms`,
  );

  // What the variables the measured processes run without would cost our CLI (empty config).
  const dropped = STARTUP_ONLY.filter((k) => process.env[k] !== undefined && childEnv[k] === undefined);
  let startupNote = '';
  if (haveCli && dropped.length) {
    const empty = relative(ROOT, join(DEFAULT_OUT, 'empty.conf'));
    const withVars = [];
    const without = [];
    for (let i = -1; i < 7; i++) {
      const a = measure(ourArgv([empty]), { env: process.env }).ms;
      const b = measure(ourArgv([empty])).ms;
      if (i >= 0) {
        withVars.push(a);
        without.push(b);
      }
    }
    startupNote =
      `${dropped.join(', ')} is set here: Node reads it at every start. The tools never open a TLS connection, ` +
      `so every process this benchmark measures runs without it (\`--keep-env\` keeps it). With it, our CLI takes ` +
      `${fmt(median(withVars) - median(without))} ms more on every run (empty config: ${fmt(median(withVars))} ` +
      `against ${fmt(median(without))} ms, medians of 7 alternating runs, wrappers included).`;
    console.log(startupNote);
  }

  // 4. Sizes, alternating ours / keepalived.
  const results = [];
  const problems = [];
  for (const size of sizes) {
    const file = join(DEFAULT_OUT, `${size}.conf`);
    const rel = relative(ROOT, file);
    const lines = countLines(file);
    const runs = runsFor(size);
    const ours = [];
    const kas = [];
    const ourOut = join(DEFAULT_OUT, `cli-${size}.out`);
    const ourErr = join(DEFAULT_OUT, `cli-${size}.err`);
    const kaOut = join(DEFAULT_OUT, `keepalived-${size}.out`);
    let ourStatus = null;
    let kaStatus = null;
    process.stdout.write(`${size} (${lines} lines): `);
    for (let i = -1; i < runs; i++) {
      // i = -1 is the warm-up (page cache, JIT of nothing); it is not counted.
      if (haveCli) {
        const r = measure(ourArgv([rel]), { outFile: ourOut, errFile: ourErr });
        ourStatus = r.status;
        if (i >= 0) ours.push(r);
      }
      if (ka.ok) {
        const r = measure(kaArgv(file), { outFile: kaOut, errFile: kaOut });
        kaStatus = r.status;
        if (i >= 0) kas.push(r);
      }
      process.stdout.write('.');
    }
    process.stdout.write('\n');
    if (haveCli && ourStatus !== 0 && ourStatus !== 1) {
      const err = readFileSync(ourErr, 'utf8')
        .trim()
        .split('\n')
        .slice(-5)
        .join('\n');
      problems.push(`our CLI exited ${ourStatus} on ${size}.conf:\n${err}`);
    }
    if (ka.ok) {
      const text = readFileSync(kaOut, 'utf8').trim();
      if (kaStatus !== 0 || text !== '') {
        problems.push(
          `keepalived exited ${kaStatus} on ${size}.conf (expected 0 and no output):\n` +
            text.split('\n').slice(0, 5).join('\n'),
        );
      }
    }
    const findings = haveCli && existsSync(ourOut) ? countLines(ourOut) : NaN;
    results.push({
      size,
      lines,
      runs,
      findings,
      ourMs: haveCli
        ? Math.max(0, median(ours.map((r) => r.ms)) - ourBase)
        : NaN,
      kaMs: ka.ok ? Math.max(0, median(kas.map((r) => r.ms)) - kaBase) : NaN,
      ourRssMb: haveCli ? Math.max(...ours.map((r) => r.rssKb)) / 1024 : NaN,
      kaRssMb: ka.ok ? Math.max(...kas.map((r) => r.rssKb)) / 1024 : NaN,
    });
  }

  // 5. Peer analysis over the node configs.
  let peer = null;
  if (haveCli) {
    const runs = opts.quick ? 3 : 5;
    const rels = nodeFiles.map((f) => relative(ROOT, f));
    const samples = [];
    let status = null;
    const out = join(DEFAULT_OUT, 'cli-nodes.out');
    const err = join(DEFAULT_OUT, 'cli-nodes.err');
    for (let i = -1; i < runs; i++) {
      const r = measure(ourArgv(rels), { outFile: out, errFile: err });
      status = r.status;
      if (i >= 0) samples.push(r);
    }
    if (status !== 0 && status !== 1) {
      problems.push(
        `our CLI exited ${status} on the node configs:\n${readFileSync(err, 'utf8')}`,
      );
    }
    peer = {
      files: nodeFiles.length,
      lines: nodeFiles.reduce((n, f) => n + countLines(f), 0),
      ms: Math.max(0, median(samples.map((r) => r.ms)) - ourBase),
      rssMb: Math.max(...samples.map((r) => r.rssKb)) / 1024,
      findings: countLines(out),
    };
  }

  if (createdNs) sh('ip', ['netns', 'delete', NETNS]);

  // 6. Report.
  const header = [
    'size',
    'lines',
    'runs',
    'ours median ms',
    'keepalived median ms',
    'ratio',
    'ours peak RSS MB',
    'keepalived peak RSS MB',
    'our findings',
  ];
  const rows = results.map((r) => [
    r.size,
    String(r.lines),
    String(r.runs),
    fmt(r.ourMs),
    fmt(r.kaMs),
    Number.isFinite(r.ourMs / r.kaMs) && r.kaMs > 0
      ? `${(r.ourMs / r.kaMs).toFixed(2)}x`
      : 'n/a',
    fmt(r.ourRssMb),
    fmt(r.kaRssMb),
    Number.isFinite(r.findings) ? String(r.findings) : 'n/a',
  ]);
  const by = Object.fromEntries(results.map((r) => [r.size, r]));
  const budgets = [];
  /** Records one budget line. */
  const budget = (name, value, limit, ok, unit = '') =>
    budgets.push({
      name,
      value: Number.isFinite(value) ? `${value.toFixed(2)}${unit}` : 'n/a',
      limit,
      verdict: Number.isFinite(value) ? (ok(value) ? 'PASS' : 'FAIL') : 'SKIP',
    });
  const lineGrowth = by.large
    ? (by.large.lines - by.empty.lines) / (by.medium.lines - by.empty.lines)
    : NaN;
  const growth = by.large
    ? (by.large.ourMs - by.empty.ourMs) / (by.medium.ourMs - by.empty.ourMs)
    : NaN;
  budget(
    'large: ours / keepalived time',
    by.large ? by.large.ourMs / by.large.kaMs : NaN,
    '<= 1.5x',
    (v) => v <= 1.5,
    'x',
  );
  budget(
    'large: our peak RSS',
    by.large?.ourRssMb ?? NaN,
    '< 300 MB',
    (v) => v < 300,
    ' MB',
  );
  budget(
    'growth (t_large - t_empty) / (t_medium - t_empty)',
    growth,
    `<= 11x (lines ${times(lineGrowth)})`,
    (v) => v <= 11,
    'x',
  );
  budget(
    `peer analysis, ${peer?.files ?? NODE_COUNT} nodes`,
    peer ? peer.ms / 1000 : NaN,
    '< 2 s',
    (v) => v < 2,
    ' s',
  );
  if (opts.quick && by.medium && by.small) {
    const g =
      (by.medium.ourMs - by.empty.ourMs) / (by.small.ourMs - by.empty.ourMs);
    console.log(`(quick) medium/small growth of our CLI: ${fmt(g, 2)}x`);
  }

  const budgetHeader = ['budget', 'value', 'limit', 'verdict'];
  const budgetRows = budgets.map((b) => [b.name, b.value, b.limit, b.verdict]);
  console.log();
  console.log(textTable(header, rows));
  console.log();
  if (peer) {
    console.log(
      `peer analysis: ${peer.files} node configs (${peer.lines} lines): ${fmt(peer.ms)} ms, ` +
        `peak RSS ${fmt(peer.rssMb)} MB, ${peer.findings} output lines`,
    );
  }
  console.log(
    `linear growth of our CLI: ${times(growth)} for ${times(lineGrowth)} the lines`,
  );
  console.log();
  console.log(textTable(budgetHeader, budgetRows));
  for (const p of problems) console.log(`\nWARNING: ${p}`);

  // 7. The language server part.
  let lspMd = '';
  if (opts.lsp && existsSync(SERVER)) {
    console.log('\nlanguage server latency (bench/lsp-latency.mjs):');
    const r = spawnSync(
      process.execPath,
      [
        join(BENCH_DIR, 'lsp-latency.mjs'),
        '--server',
        SERVER,
        ...(opts.quick ? ['--quick'] : []),
      ],
      { stdio: 'inherit', cwd: ROOT },
    );
    const mdFile = join(DEFAULT_OUT, 'lsp.md');
    if (r.status === 0 && existsSync(mdFile))
      lspMd = readFileSync(mdFile, 'utf8');
    else problems.push(`bench/lsp-latency.mjs exited ${r.status}`);
    if (r.status === 0 && lspMd.includes('| FAIL |'))
      budgets.push({ verdict: 'FAIL' });
  } else if (opts.lsp) {
    console.log(
      `\nnote: ${relative(ROOT, SERVER)} not found - language server not measured`,
    );
  }

  const md = [
    '# keepalived-tools benchmark results',
    '',
    `Generated by \`node bench/run.mjs${opts.quick ? ' --quick' : ''}\` on ${info.date}.`,
    '',
    '## Machine',
    '',
    `- CPUs (nproc): ${info.nproc}, model: ${info.cpu}`,
    `- Memory: ${info.memGiB} GiB`,
    `- Kernel: ${info.kernel}`,
    `- Node: ${info.node}`,
    `- keepalived: ${info.keepalived}`,
    `- Commit: ${info.commit}`,
    '',
    '## CLI versus keepalived -t',
    '',
    'Whole processes, alternating, after one warm-up run. Times are medians minus the median',
    `wrapper cost (ours: GNU time ${fmt(ourBase, 2)} ms; keepalived: timeout + ip netns exec + GNU time`,
    `${fmt(kaBase, 2)} ms). Peak RSS is the maximum over the runs of GNU time's %M.`,
    '',
    mdTable(header, rows),
    '',
    ...(startupNote ? [startupNote, ''] : []),
    peer
      ? `Peer analysis: \`node dist/cli.js --target-version 2.2.7 bench/out/nodes/*.conf\` over ` +
        `${peer.files} configs (${peer.lines} lines): ${fmt(peer.ms)} ms, peak RSS ${fmt(peer.rssMb)} MB.`
      : 'Peer analysis: not measured (dist/cli.js missing).',
    '',
    `Linear growth: (t_large - t_empty) / (t_medium - t_empty) = ${times(growth)} for ` +
      `${times(lineGrowth)} the lines.`,
    '',
    '## Budgets',
    '',
    mdTable(budgetHeader, budgetRows),
    '',
    ...problems.map((p) => `> WARNING: ${p.replace(/\n/g, '\n> ')}\n`),
    lspMd,
  ].join('\n');
  writeFileSync(join(DEFAULT_OUT, 'results.md'), md);
  console.log(
    `\nresults written to ${relative(ROOT, join(DEFAULT_OUT, 'results.md'))}`,
  );
  if (opts.strict && budgets.some((b) => b.verdict === 'FAIL'))
    process.exitCode = 1;
}

await main();
