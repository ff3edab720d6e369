// Mutation fuzzing seeded from the corpus, the seed examples, examples/ and test/fixtures/:
// random edits, byte flips, truncation, brace storms, huge lines, invalid UTF-8, NULs, BOM,
// CRLF and lone CR, splices between seeds, and include lines reaching a second mutated file.
// Every input must parse and lint without throwing, in time proportional to its size, with every
// range inside its file; --fix must converge and keep comments; formatting must be idempotent and
// keep every word and comment. FUZZ_CASES=N raises the case counts; FUZZ_SEED=S replays a run.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { mutationCase, mutationInput } from './arbitraries';
import { assertClean, cases, fcSeed, seeds, skippedSeedSets } from './config';

describe('mutation fuzzing from seeds', () => {
  if (skippedSeedSets.length) console.warn(`fuzz: seed sets absent, skipped: ${skippedSeedSets.join(', ')}`);

  it('light mutations (1-3 ops) keep every invariant', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(mutationCase(seeds, 3), (c) => assertClean(mutationInput(seeds, c))),
      { numRuns: cases(150), seed: fcSeed },
    );
  });

  it('heavy mutations (up to 12 ops, huge lines) keep every invariant', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(mutationCase(seeds, 12, 20_000), (c) => assertClean(mutationInput(seeds, c))),
      { numRuns: cases(100), seed: fcSeed },
    );
  });
});
