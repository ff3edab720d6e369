#!/usr/bin/env node
// Keyword and value sweep against the real keepalived (see test/differential/sweep.ts).
//
//   node scripts/sweep.mjs [--keywords PATH] [--filter TEXT] [--concurrency N] [--live] [--quiet]
//                          [--combo N [--seed S] [--size K] [--blocks] [--path P]] [--out DIR]
//
// With --combo, N cases of two to K (default 3) settings of one block at once instead
// (generateComboCases), deterministic for the seed; --blocks lets blocks be among them, and
// --path keeps to one block path (--path root: top-level objects together).
//
// Bundles test/differential/sweep.ts together with the differential harness
// (test/differential/index.ts) into .oracle-cache/sweep.mjs, writes every case to
// DIR/cases/<id>/keepalived.conf (one folder per case, so that the oracle cache key does not
// depend on the case number; DIR is /tmp/sweep unless --out says otherwise, so that two sweeps
// can run side by side), runs keepalived and our CLI on each through runDifferential, prints the
// disagreements grouped by signature and writes DIR/report.json. The file that the generated
// track_file blocks name is always /tmp/sweep/trackfile. Exit status 1 when some case disagrees.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadHarness, repoRoot, runWithProgress } from './lib/differential.mjs';
/** Where the generated track_file blocks find their file (test/differential/sweep.ts). */
const TRACK_DIR = '/tmp/sweep';
const DEFAULT_KEYWORDS = path.resolve(repoRoot, '..', 'shared', 'reference', 'keepalived', 'keywords.json');

function parseArgv(argv) {
  const opts = { keywords: DEFAULT_KEYWORDS, live: false, quiet: false, out: TRACK_DIR };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keywords') opts.keywords = argv[++i];
    else if (a === '--filter') opts.filter = argv[++i];
    else if (a === '--concurrency') opts.concurrency = Number(argv[++i]);
    else if (a === '--live') opts.live = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '--combo') opts.combo = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--size') opts.size = Number(argv[++i]);
    else if (a === '--blocks') opts.blocks = true;
    else if (a === '--path') opts.path = argv[++i];
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/** Message text with numbers, quoted words and names reduced, to group similar disagreements. */
const normalise = (t) =>
  t
    .replace(/'[^']*'/g, "'…'")
    .replace(/`[^`]*`/g, '`…`')
    .replace(/\[[^\]]*\]/g, '[…]')
    .replace(/\d+(\.\d+)?/g, 'N');

/** One signature per way a case disagrees. */
function signatures(o) {
  const v = o.verdict;
  const out = [];
  if (v.linterError) out.push(`(c) our CLI failed: ${v.linterError.slice(0, 80)}`);
  if (o.oracle.exit === 124 || o.oracle.exit >= 128) out.push(`(c) keepalived hang/crash exit ${o.oracle.exit}`);
  for (const d of v.falseErrors) out.push(`(a) false error [${d.ruleId ?? '-'}] ${normalise(d.message)}`);
  for (const u of v.uncovered) for (const t of u.texts) out.push(`(b) uncovered: ${normalise(t)}`);
  for (const m of v.positionlessUnmatched) out.push(`(b) positionless unmatched: ${normalise(m.text)}`);
  return [...new Set(out)];
}

async function main() {
  const opts = parseArgv(process.argv.slice(2));
  const h = await loadHarness('sweep', ['sweep']);
  if (!h.keepalivedAvailable()) throw new Error(`${h.KEEPALIVED_BIN} is not installed`);
  const inventory = JSON.parse(fs.readFileSync(opts.keywords, 'utf8'));
  let generated = opts.combo
    ? h.generateComboCases(inventory, opts.combo, opts.seed ?? 1, opts.size ?? 3, opts.blocks ?? false, opts.path)
    : h.generateCases(inventory);
  if (opts.filter) generated = generated.filter((c) => c.id.includes(opts.filter));
  const outDir = opts.out;
  const casesDir = path.join(outDir, 'cases');
  fs.mkdirSync(TRACK_DIR, { recursive: true });
  fs.writeFileSync(path.join(TRACK_DIR, 'trackfile'), '0\n');
  fs.mkdirSync(outDir, { recursive: true });
  fs.rmSync(casesDir, { recursive: true, force: true });
  const byId = new Map();
  const cases = generated.map((g) => {
    const dir = path.join(casesDir, g.id);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'keepalived.conf');
    fs.writeFileSync(file, g.text);
    byId.set(g.id, g);
    return { id: g.id, group: 'sweep', file, args: [] };
  });
  const run = await runWithProgress(h, cases, opts);

  const failed = run.outcomes.filter((o) => !o.verdict.ok);
  const groups = new Map();
  for (const o of failed) {
    for (const s of signatures(o)) {
      const g = groups.get(s) ?? [];
      g.push(o.case.id);
      groups.set(s, g);
    }
  }
  const contextProblems = run.outcomes.filter(
    (o) =>
      byId.get(o.case.id)?.kind === 'context' &&
      (!o.verdict.accepted || o.verdict.diagnostics.some((d) => d.severity >= 2)),
  );
  if (!opts.quiet) for (const o of failed) console.log(h.formatFailure(o) + '\n');
  console.log('disagreements by signature (count, signature, first cases):');
  for (const [s, ids] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${String(ids.length).padStart(5)}  ${s}\n       ${ids.slice(0, 4).join(' ')}`);
  }
  for (const o of contextProblems) console.log(`context not clean: ${o.case.id}`);
  console.log('');
  console.log(h.formatSummary(run.summary));

  const report = {
    summary: run.summary,
    groups: Object.fromEntries([...groups.entries()].map(([s, ids]) => [s, ids])),
    cases: run.outcomes.map((o) => {
      const g = byId.get(o.case.id);
      return {
        id: o.case.id,
        file: o.case.file,
        keyword: g.keyword,
        parentPath: g.parentPath,
        kind: g.kind,
        param: g.param,
        args: g.args,
        line: g.line,
        ok: o.verdict.ok,
        signatures: o.verdict.ok ? [] : signatures(o),
        keepalived: {
          exit: o.oracle.exit,
          findings: o.oracle.messages
            .filter((m) => !m.environmental)
            .map((m) => (m.line ? `${m.line}: ${m.text}` : m.text)),
        },
        ours: o.verdict.diagnostics.map(
          (d) =>
            `${d.line}${d.endLine && d.endLine !== d.line ? `-${d.endLine}` : ''} ${d.severity >= 2 ? 'error' : 'warning'} [${d.ruleId ?? '-'}] ${d.message}`,
        ),
        linterError: o.verdict.linterError,
      };
    }),
  };
  fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`report: ${path.join(outDir, 'report.json')}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`sweep: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(2);
  },
);
