// Shared settings of the bounded fuzz suites: case counts (raised with FUZZ_CASES), the seed set
// and a reporter that prints a failing input in full.
import { fileURLToPath } from 'node:url';
import { checkInput, classify, type CheckOptions, type FuzzInput } from './harness';
import { loadSeeds } from './seeds';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Cases per property: `base` by default, or FUZZ_CASES when set (scaled by `base / 100`). */
export function cases(base: number): number {
  const env = Number(process.env.FUZZ_CASES);
  return Number.isFinite(env) && env > 0 ? Math.max(1, Math.round((env * base) / 100)) : base;
}

/** Seed of the fast-check runs: FUZZ_SEED, or fast-check's own (printed on failure). */
export const fcSeed: number | undefined = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const loaded = loadSeeds(repoRoot);
/** Seed files. */
export const seeds = loaded.seeds;
/** Seed folders that were absent. */
export const skippedSeedSets = loaded.skipped;

/** Time budget factor: FUZZ_TIME_FACTOR, else 3 (test files run in parallel on shared cores). */
export function timeFactor(): number {
  const f = Number(process.env.FUZZ_TIME_FACTOR);
  return Number.isFinite(f) && f > 0 ? f : 3;
}

/** Hits of known bugs (test/ROBUSTNESS-BUGS.md) in this process, by id. */
export const knownHits = new Map<string, number>();

/** A property body: throws with every failure and the input when the input breaks an invariant. */
export function assertClean(input: FuzzInput, opts?: CheckOptions): boolean {
  const r = checkInput(input, { timeFactor: timeFactor(), ...opts });
  const { unknown, known } = classify(r, input);
  for (const id of known) knownHits.set(id, (knownHits.get(id) ?? 0) + 1);
  if (unknown.length) {
    const preview = Buffer.from(input.root).toString('latin1');
    throw new Error(
      `${unknown.join('\n')}\n--- input (${input.root.length} bytes, latin1 view, first 2000) ---\n${JSON.stringify(preview.slice(0, 2000))}`,
    );
  }
  return true;
}
