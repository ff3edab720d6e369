// Entry point of the long fuzz run (scripts/fuzz.mjs bundles this file): deterministic cases by
// (seed, index), so any case can be replayed alone, and the oracle with known-bug classification.
import fc from 'fast-check';
import { generatedInput, mutationCase, mutationInput } from './arbitraries';
import { checkInput, classify, type CheckStats, type FuzzInput } from './harness';
import { loadSeeds, type Seed } from './seeds';

/** Kinds of case, picked round-robin by index. */
export const KINDS = ['light', 'heavy', 'generated'] as const;
export type Kind = (typeof KINDS)[number];

let seeds: Seed[] = [];
let skipped: string[] = [];
let arbs: Record<Kind, fc.Arbitrary<{ input: FuzzInput; description: unknown }>> | undefined;

/** Loads the seeds; returns what was found. */
export function init(repoRoot: string): { seeds: number; skipped: string[] } {
  ({ seeds, skipped } = loadSeeds(repoRoot));
  arbs = {
    light: mutationCase(seeds, 3).map((c) => ({
      input: mutationInput(seeds, c),
      description: { ...c, seedFile: seeds[c.seed]!.name },
    })),
    heavy: mutationCase(seeds, 12, 200_000).map((c) => ({
      input: mutationInput(seeds, c),
      description: { ...c, seedFile: seeds[c.seed]!.name },
    })),
    generated: generatedInput(seeds).map((input) => ({ input, description: 'generated' })),
  };
  return { seeds: seeds.length, skipped };
}

/** The case of a run seed and an index. */
export function makeCase(runSeed: number, index: number): { kind: Kind; input: FuzzInput; description: unknown } {
  const kind = KINDS[index % KINDS.length]!;
  const [c] = fc.sample(arbs![kind], { seed: (runSeed + Math.imul(index, 2654435761)) | 0, numRuns: 1 });
  return { kind, ...c! };
}

/** Outcome of one case. */
export interface CaseOutcome {
  index: number;
  kind: Kind;
  failures: string[];
  known: string[];
  stats: CheckStats;
}

/** Generates and checks one case. */
export function runCase(runSeed: number, index: number, timeFactor = 1): CaseOutcome {
  const c = makeCase(runSeed, index);
  const r = checkInput(c.input, { timeFactor });
  const { unknown, known } = classify(r, c.input);
  return { index, kind: c.kind, failures: unknown, known, stats: r.stats };
}
