// Catalogue meta-test: every registered rule has a matching source file, docs page and test file,
// and a fixable rule proves its fix with at least one `output` case.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as linter from '../../linter/index';
import type { PeerRule, Rule } from '../../linter/index';

const ROOT = resolve(__dirname, '../..');
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// Peer rules (several nodes) join the catalogue when the linter exports them.
const peerRules = ((linter as Record<string, unknown>).peerRules as PeerRule[] | undefined) ?? [];
const all: Array<Pick<Rule, 'id' | 'meta' | 'description'>> = [...linter.rules, ...peerRules];

const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');

describe('rule catalogue', () => {
  it('has rules', () => {
    expect(linter.rules.length).toBeGreaterThanOrEqual(23);
  });

  it('ids are unique', () => {
    const ids = all.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('single-file rules are registered in id order', () => {
    const ids = linter.rules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('every rule file in linter/rules is registered under its file name', () => {
    const files = readdirSync(join(ROOT, 'linter/rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3));
    const ids = new Set(all.map((r) => r.id));
    expect(files.filter((f) => !ids.has(f))).toEqual([]);
  });

  for (const rule of all) {
    describe(rule.id, () => {
      it('id is kebab-case', () => {
        expect(rule.id).toMatch(KEBAB);
      });

      it('source file is named by the id and exports the rule', async () => {
        const candidates = [
          `linter/rules/${rule.id}.ts`,
          `linter/peer/rules/${rule.id}.ts`,
          `linter/peer/${rule.id}.ts`,
        ];
        const file = candidates.find((p) => existsSync(join(ROOT, p)));
        expect(file, `one of ${candidates.join(', ')}`).toBeDefined();
        const mod = (await import(join(ROOT, file!))) as { default?: { id: string } };
        expect(mod.default?.id).toBe(rule.id);
      });

      it('has a description and valid meta', () => {
        expect(rule.description.trim()).not.toBe('');
        expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
        expect(typeof rule.meta.fixable).toBe('boolean');
      });

      it(`has docs/rules/${rule.id}.md`, () => {
        const p = `docs/rules/${rule.id}.md`;
        expect(existsSync(join(ROOT, p)), p).toBe(true);
        expect(read(p).startsWith(`# ${rule.id}\n`), `${p} starts with "# ${rule.id}"`).toBe(true);
      });

      it(`has test/linter/rules/${rule.id}.test.ts`, () => {
        const p = `test/linter/rules/${rule.id}.test.ts`;
        expect(existsSync(join(ROOT, p)), p).toBe(true);
      });

      if (rule.meta.fixable) {
        it('has at least one output case (fixable)', () => {
          const p = `test/linter/rules/${rule.id}.test.ts`;
          const text = existsSync(join(ROOT, p)) ? read(p) : '';
          expect(text, `${p} has an "output: '…'" case`).toMatch(/\boutput:\s*['"`]/);
        });
      }
    });
  }
});
