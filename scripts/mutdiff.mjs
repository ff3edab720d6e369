#!/usr/bin/env node
// Mutation differential: realistic operator mistakes (test/differential/mutate.ts) applied to the
// shared corpus, seed examples and oracle configs, each run through keepalived and our CLI with
// the differential harness (test/differential/*.ts), and the disagreements printed.
//
//   node scripts/mutdiff.mjs [--count N] [--seed S] [--kind K[,K...]] [--out DIR] [--live]
//                            [--concurrency N] [--quiet] [--stack N] [--bases DIR] [--plain]
//
// Mutants are written to DIR/cases (default /tmp/mutdiff/cases), the JSON report to
// DIR/report.json. Exit status 1 when some mutant disagrees. --stack N makes N mistakes in each
// mutant, one after the other. --bases DIR mutates the *.conf files of DIR instead of the shared
// configs (for instance real-world configs kept outside the project). --plain runs the base configs
// themselves, unmutated (a first check of a new folder of configs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadHarness, repoRoot, runWithProgress } from './lib/differential.mjs';
const shared = path.resolve(repoRoot, '..', 'shared');

function parseArgv(argv) {
  const opts = { count: 200, seed: 1, out: '/tmp/mutdiff', live: false, quiet: false, concurrency: 3, stack: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--count') opts.count = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--kind') opts.kinds = argv[++i].split(',');
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '--concurrency') opts.concurrency = Number(argv[++i]);
    else if (a === '--live') opts.live = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--stack') opts.stack = Number(argv[++i]);
    else if (a === '--bases') opts.bases = path.resolve(argv[++i]);
    else if (a === '--plain') opts.plain = true;
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

const listConf = (dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.conf'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

/** Base configs: corpus, seed examples (one folder per example), oracle configs; or those of `dir`. */
function loadBases(h, dir) {
  const seedDir = path.join(shared, 'seed-examples');
  const seedFiles = fs.existsSync(seedDir)
    ? fs
        .readdirSync(seedDir)
        .sort()
        .flatMap((d) => listConf(path.join(seedDir, d)))
    : [];
  const files = dir
    ? listConf(dir)
    : [
        ...listConf(path.join(shared, 'corpus')),
        ...seedFiles,
        ...listConf(path.join(shared, 'reference', 'keepalived', 'oracle')),
      ];
  const bases = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    // Relative includes would not resolve from the mutant folder; the hanging track_file case
    // costs the timeout on every mutant.
    if (/^\s*include\b/m.test(text) || /58-track-file/.test(file)) continue;
    bases.push({ id: dir ? path.relative(dir, file) : path.relative(shared, file), text, args: h.readArgs(file) });
  }
  return bases;
}

/** A signature grouping disagreements that probably share a root cause. */
function signature(m, o) {
  const norm = (t) =>
    t
      .replace(/'[^']*'/g, "'…'")
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d+/g, 'N');
  const v = o.verdict;
  const parts = [];
  if (v.linterError) parts.push('linter-error');
  if (o.oracle.exit === 124 || o.oracle.exit >= 128) parts.push(`keepalived-exit-${o.oracle.exit}`);
  for (const u of v.uncovered) for (const t of u.texts) parts.push(`miss: ${norm(t)}`);
  for (const p of v.positionlessUnmatched) parts.push(`miss-nopos: ${norm(p.text)}`);
  for (const d of v.falseErrors) parts.push(`false-error: ${d.ruleId}`);
  return `${m.kind} | ${[...new Set(parts)].sort().join(' ; ')}`;
}

async function main() {
  const opts = parseArgv(process.argv.slice(2));
  const h = await loadHarness('mutdiff', ['mutate']);
  const problem = h.oracleProblem();
  if (problem) throw new Error(problem);
  const bases = loadBases(h, opts.bases);
  const mutants = opts.plain
    ? bases.map((b, i) => ({
        id: `${String(i).padStart(5, '0')}-plain`,
        base: b.id,
        kind: 'plain',
        description: 'unmutated',
        line: 0,
        text: b.text,
        args: b.args,
      }))
    : h.generateMutants(bases, opts.count, opts.seed, opts.kinds ?? h.MUTATION_KINDS, opts.stack);
  const casesDir = path.join(opts.out, 'cases');
  fs.rmSync(casesDir, { recursive: true, force: true });
  fs.mkdirSync(casesDir, { recursive: true });
  const byId = new Map();
  const cases = mutants.map((m) => {
    const dir = path.join(casesDir, m.id);
    fs.mkdirSync(dir);
    const file = path.join(dir, 'keepalived.conf');
    fs.writeFileSync(file, m.text);
    if (m.args.length) fs.writeFileSync(path.join(dir, 'keepalived.args'), m.args.join(' ') + '\n');
    fs.writeFileSync(path.join(dir, 'MUTATION'), `${m.base}\nline ${m.line}: ${m.kind}: ${m.description}\n`);
    byId.set(m.id, m);
    return { id: m.id, group: 'corpus', file, args: m.args, configId: h.configIdOf(m.args) };
  });
  const run = await runWithProgress(h, cases, opts);

  const perKind = {};
  const groups = new Map();
  const failures = [];
  for (const o of run.outcomes) {
    const m = byId.get(o.case.id);
    const k = (perKind[m.kind] ??= { mutants: 0, disagree: 0, accepted: 0 });
    k.mutants++;
    if (o.verdict.accepted && o.verdict.mode === 'full') k.accepted++;
    if (o.verdict.ok) continue;
    k.disagree++;
    const sig = signature(m, o);
    const g = groups.get(sig) ?? { signature: sig, cases: [] };
    g.cases.push(o.case.id);
    groups.set(sig, g);
    failures.push({ mutant: m, outcome: o, signature: sig });
    if (!opts.quiet) {
      console.log(`== ${m.id} (${m.base}, line ${m.line}) ${m.description}`);
      console.log(h.formatFailure(o) + '\n');
    }
  }
  const report = {
    seed: opts.seed,
    count: mutants.length,
    bases: bases.length,
    keepalived: run.summary.keepalived,
    perKind,
    disagreements: failures.length,
    groups: [...groups.values()].sort((a, b) => b.cases.length - a.cases.length),
    cases: failures.map(({ mutant: m, outcome: o, signature: sig }) => ({
      id: m.id,
      base: m.base,
      kind: m.kind,
      line: m.line,
      description: m.description,
      file: o.case.file,
      signature: sig,
      keepalivedExit: o.oracle.exit,
      mode: o.verdict.mode,
      uncovered: o.verdict.uncovered,
      positionlessUnmatched: o.verdict.positionlessUnmatched.map((x) => x.text),
      falseErrors: o.verdict.falseErrors.map((d) => ({ line: d.line, ruleId: d.ruleId, message: d.message })),
      linterError: o.verdict.linterError,
    })),
  };
  fs.mkdirSync(opts.out, { recursive: true });
  const reportFile = path.join(opts.out, 'report.json');
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');
  console.log(h.formatSummary(run.summary));
  console.log('per kind (mutants / keepalived accepts / disagree):');
  for (const [kind, k] of Object.entries(perKind))
    console.log(`  ${kind}: ${k.mutants} / ${k.accepted} / ${k.disagree}`);
  console.log(`disagreement groups (${groups.size}):`);
  for (const g of report.groups)
    console.log(`  ${String(g.cases.length).padStart(4)}  ${g.signature}  e.g. ${g.cases[0]}`);
  console.log(`report: ${reportFile}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`mutdiff: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(2);
  },
);
