// Agreement with keepalived HEAD (2.4.x), which this machine does not have: the reference oracle
// records its `keepalived -t` output next to each case (oracle/NN-name.head.out). The same rules of
// agreement as the live differential suite (compare.ts), with our CLI at --target-version 2.4.3.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configIdOf, sharedDirs } from './cases';
import { compareCase, formatFailure } from './compare';
import { linterCliPath, runLinter } from './linter';
import { parseOracleOutput, scanConfig, type OracleResult } from './oracle';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { oracle } = sharedDirs(repoRoot);
const HEAD_VERSION = '2.4.3';

/** A recording: `$ keepalived(HEAD) -t [args] -f FILE`, the messages, `exit status: N`. */
function readRecording(file: string): { args: string[]; output: string; exit: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const args = lines[0]!
    .replace(/^\$ keepalived\(HEAD\)\s*/, '')
    .trim()
    .split(/\s+/);
  const exitLine = lines.find((l) => l.startsWith('exit status:'));
  const output = lines
    .slice(1)
    .filter((l) => !l.startsWith('exit status:'))
    .join('\n');
  return { args, output, exit: Number(exitLine?.slice('exit status:'.length) ?? 0) };
}

const recorded = fs.existsSync(oracle)
  ? fs
      .readdirSync(oracle)
      .filter((f) => f.endsWith('.conf') && fs.existsSync(path.join(oracle, f.replace(/\.conf$/, '.head.out'))))
      .sort()
  : [];

describe(`recorded keepalived HEAD output (--target-version ${HEAD_VERSION})`, () => {
  it('has recordings', () => {
    // CI has ../shared beside the clone; without it there is nothing to compare.
    if (process.env.CI === 'true' || fs.existsSync(oracle)) expect(recorded.length).toBeGreaterThan(50);
  });

  for (const f of recorded) {
    it(f, async () => {
      const file = path.join(oracle, f);
      const rec = readRecording(file.replace(/\.conf$/, '.head.out'));
      const scan = scanConfig(file);
      const result: OracleResult = { exit: rec.exit, messages: parseOracleOutput(rec.output, scan) };
      const lint = await runLinter(linterCliPath(repoRoot), file, configIdOf(rec.args), HEAD_VERSION);
      const verdict = compareCase(result, lint, scan);
      if (!verdict.ok) {
        const id = `oracle/${f} (HEAD)`;
        expect.fail(
          formatFailure({ case: { id, group: 'oracle', file, args: rec.args }, oracle: result, scan, lint, verdict }),
        );
      }
    });
  }
});
