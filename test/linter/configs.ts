// Configurations of every kind for tests that compare two ways of linting: a generated one, the
// fixtures (valid and broken), the examples, the shared corpus and seed examples (where present).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// @ts-expect-error - plain ESM module without types
import { generateConfig, SIZES } from '../../bench/generate.mjs';

/** The texts, read as latin1 (every byte kept); `seed` names the generated one. */
export function configTexts(seed: string): string[] {
  const dirs = [
    '../fixtures/valid',
    '../fixtures/grammar',
    '../fixtures/agreement',
    '../../examples',
    '../../../shared/corpus',
    '../../../shared/seed-examples',
  ];
  const out: string[] = [generateConfig(SIZES.small, seed) as string];
  for (const d of dirs) {
    const dir = resolve(__dirname, d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true }) as string[])
      if (f.endsWith('.conf')) out.push(readFileSync(join(dir, f), 'latin1'));
  }
  return out;
}
