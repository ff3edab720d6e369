// The generators behind scripts/mutdiff.mjs --stack and scripts/sweep.mjs --combo: deterministic
// for a seed, and making what they say they make.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMutants, type MutationBase } from './mutate';
import { generateComboCases, type InventoryKeyword } from './sweep';

// The bundled examples: a VRRP pair's node and an LVS director.
const BASES: MutationBase[] = ['pair/lb1.conf', 'lvs/keepalived.conf'].map((f) => ({
  id: f,
  args: [],
  text: readFileSync(resolve(__dirname, '../../examples', f), 'utf8'),
}));

describe('generateMutants --stack', () => {
  it('makes each mutant with several mistakes, the same for a seed', () => {
    const one = generateMutants(BASES, 40, 7);
    const three = generateMutants(BASES, 40, 7, undefined, 3);
    expect(generateMutants(BASES, 40, 7, undefined, 3)).toEqual(three);
    expect(three).toHaveLength(40);
    // Most mutants name the later mistakes (a kind with no place left in a mutant adds none).
    expect(three.filter((m) => m.description.split(' | then ').length === 3).length).toBeGreaterThan(20);
    expect(one.every((m) => !m.description.includes(' | then '))).toBe(true);
    // Each later mistake changes the text further.
    for (const m of three) expect(m.text).not.toBe(BASES.find((b) => b.id === m.base)!.text);
  });
});

const inventoryPath = resolve(__dirname, '../../../shared/reference/keepalived/keywords.json');

describe.skipIf(!existsSync(inventoryPath))('generateComboCases', () => {
  const inventory = existsSync(inventoryPath)
    ? (JSON.parse(readFileSync(inventoryPath, 'utf8')) as InventoryKeyword[])
    : [];

  it('puts two to `size` settings of one block together, the same for a seed', () => {
    const cases = generateComboCases(inventory, 200, 5, 4);
    expect(generateComboCases(inventory, 200, 5, 4)).toEqual(cases);
    expect(cases).toHaveLength(200);
    for (const c of cases) {
      const names = c.keyword.split('+');
      expect(names.length).toBeGreaterThanOrEqual(2);
      expect(names.length).toBeLessThanOrEqual(4);
      // Every chosen setting is in the text, in its block's context, from the line given on.
      const lines = c.text.split('\n').slice(c.line - 1);
      for (const n of names) expect(lines.some((l) => l.trim().split(/\s+/)[0] === n)).toBe(true);
      expect(c.kind).toBe('combo');
    }
    expect(new Set(cases.map((c) => c.text)).size).toBe(200);
  });

  it('keeps to one block path when asked', () => {
    const cases = generateComboCases(inventory, 50, 3, 4, true, 'root');
    expect(cases).toHaveLength(50);
    expect(cases.every((c) => c.parentPath === 'root')).toBe(true);
    expect(generateComboCases(inventory, 5, 3, 4, true, 'root > no_such_block')).toEqual([]);
  });

  it('with blocks, opens blocks with a body among the settings', () => {
    const cases = generateComboCases(inventory, 300, 9, 6, true);
    // The first line of each setting: some open a block, and some of those blocks have a body.
    const filled = cases.some((c) => {
      const lines = c.text.split('\n');
      return c.args.some((first) => {
        if (!first.endsWith('{')) return false;
        const at = lines.findIndex((l, i) => i >= c.line - 1 && l.trim() === first);
        return at !== -1 && lines[at + 1]!.trim() !== '}';
      });
    });
    expect(filled).toBe(true);
    expect(
      generateComboCases(inventory, 300, 9, 6, false).some((c) => c.args.some((first) => first.endsWith('{'))),
    ).toBe(false);
  });
});
