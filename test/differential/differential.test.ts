// Differential tests: our linter (dist/cli.js, as a black box) against the real keepalived 2.2.7.
// Rules of agreement: ../shared/ORACLE.md, implemented in ./compare.ts. Results are cached in
// .oracle-cache/ unless CI=true; the summary is also written to .oracle-cache/last-report.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverCases } from './cases';
import { formatFailure, formatSummary, type CaseOutcome, type Summary } from './compare';
import { runDifferential } from './harness';
import { linterCliPath } from './linter';
import { keepalivedVersion, oracleProblem } from './oracle';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const inCI = process.env.CI === 'true';
const problem = oracleProblem();
const cases = discoverCases(repoRoot);

if (problem !== undefined && !inCI) {
  console.warn(`differential tests skipped: ${problem}`);
  describe.skip(`differential vs keepalived (skipped: ${problem})`, () => {
    it('needs keepalived', () => {});
  });
} else {
  describe(`differential vs ${keepalivedVersion() || 'keepalived'}`, () => {
    const outcomes = new Map<string, CaseOutcome>();
    let summary: Summary | undefined;

    beforeAll(async () => {
      if (problem !== undefined) {
        throw new Error(`CI=true and the keepalived oracle cannot run: ${problem}`);
      }
      const cli = linterCliPath(repoRoot);
      if (!fs.existsSync(cli)) throw new Error(`${cli} does not exist: run npm run build first`);
      const run = await runDifferential(cases, { repoRoot, cli });
      for (const o of run.outcomes) outcomes.set(o.case.id, o);
      summary = run.summary;
    }, 30 * 60_000);

    afterAll(() => {
      if (summary) console.log(formatSummary(summary));
    });

    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    for (const c of cases) {
      it(c.id, () => {
        const outcome = outcomes.get(c.id);
        if (!outcome) throw new Error(`no outcome for ${c.id}`);
        if (!outcome.verdict.ok) expect.fail(formatFailure(outcome));
      });
    }
  });
}
