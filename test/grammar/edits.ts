// Random edits of large configurations, shared by the incremental reader's and the lint cache's
// property tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
// @ts-expect-error - plain ESM module without types
import { generateConfig, SIZES } from '../../bench/generate.mjs';

/** Large texts (reuse needs a few KiB in front of the edit): generated, fixtures, the corpus. */
export function editTexts(): string[] {
  const out: string[] = [generateConfig(SIZES.small, 'incremental') as string];
  const valid = resolve(__dirname, '../fixtures/valid');
  out.push(readdirSync(valid).filter((f) => f.endsWith('.conf')).map((f) => readFileSync(join(valid, f), 'utf8')).join('\n').repeat(3));
  const corpus = resolve(__dirname, '../../../shared/corpus');
  if (existsSync(corpus)) {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.conf')).sort();
    for (let i = 0; i < files.length; i += 20)
      out.push(files.slice(i, i + 20).map((f) => readFileSync(join(corpus, f), 'latin1')).join('\n'));
  }
  return out;
}

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  // Per million of the text's length, unbiased (fast-check favours small values otherwise).
  at: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })),
  remove: fc.nat({ max: 40 }),
  insert: fc
    .array(fc.constantFrom('a', 'x', ' ', '\n', '\r', '{', '}', '"', '#', '!', '\\', '$', '@', '1', '.', '~', 'include ', '~SEQ(i, 1, 2) ', '$i'), { maxLength: 6 })
    .map((parts) => parts.join('')),
});

export function applyEdit(text: string, e: Edit): string {
  const at = Math.floor((e.at / 1_000_000) * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}
