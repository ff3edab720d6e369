// Property-based tests on generated configurations: keyword soup (catalogue keywords, reader syntax,
// braces, comments, random and binary strings, all line-end styles) and catalogue-shaped configs
// (keywords where they belong, plausible and implausible values), each optionally mutated. Plus
// the editor path: any JavaScript string (lone surrogates included) through parseText + lint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../grammar/index';
import { lintParse } from '../../linter/index';
import { generatedInput } from './arbitraries';
import { assertClean, cases, fcSeed, seeds, timeFactor } from './config';
import { memFs, rangeFailures, ROOT_FILE, timeBudgetMs } from './harness';

describe('generated configurations', () => {
  it('keyword soup and catalogue-shaped configs keep every invariant', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(generatedInput(seeds), (input) => assertClean(input)),
      { numRuns: cases(300), seed: fcSeed },
    );
  });

  it('any string given as an editor buffer parses and lints with ranges inside it', { timeout: 600_000 }, () => {
    const fs = memFs(new Map());
    const anyString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 400 }),
      fc.string({
        unit: fc.constantFrom('{', '}', '"', '#', '!', '\\', '$', '=', '\n', '\r', ' ', 'a', '@', '~', '(', ')', ','),
        maxLength: 400,
      }),
    );
    fc.assert(
      fc.property(anyString, (text) => {
        const t0 = performance.now();
        const parse = parseText(ROOT_FILE, text, { fs });
        const diags = lintParse(parse, {});
        const ms = performance.now() - t0;
        expect(rangeFailures(parse, diags)).toEqual([]);
        expect(parse.files[0]!.text).toBe(text);
        expect(ms).toBeLessThan(timeBudgetMs(text.length * 3, timeFactor()));
      }),
      { numRuns: cases(400), seed: fcSeed },
    );
  });
});
