// Catalogue meta-test: every registered rule has a matching source file, docs page and test file,
// and a fixable rule proves its fix with at least one `output` case.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as linter from '../../linter/index';
import type { PeerRule, Rule } from '../../linter/index';
import { parse } from '../grammar/helpers';

const ROOT = resolve(__dirname, '../..');
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// Peer rules (several nodes) are registered in linter/peer-registry.ts once they exist.
const peerRegistry = join(ROOT, 'linter/peer-registry.ts');
const peerRules: PeerRule[] = existsSync(peerRegistry)
  ? ((await import(peerRegistry)) as { peerRules: PeerRule[] }).peerRules
  : [];
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

      // Tests mirror the source: linter/rules/<id>.ts -> test/linter/rules/<id>.test.ts, and
      // linter/peer/rules/<id>.ts -> test/linter/peer/rules/<id>.test.ts.
      const tests = [`test/linter/rules/${rule.id}.test.ts`, `test/linter/peer/rules/${rule.id}.test.ts`];
      const testFile = tests.find((p) => existsSync(join(ROOT, p)));

      it(`has test/linter/rules/${rule.id}.test.ts`, () => {
        expect(testFile, tests.join(' or ')).toBeDefined();
      });

      if (rule.meta.fixable) {
        it('has at least one output case (fixable)', () => {
          const p = testFile ?? tests[0]!;
          const text = testFile ? read(testFile) : '';
          expect(text, `${p} has an "output: '…'" case`).toMatch(/\boutput:\s*['"`]/);
        });
      }
    });
  }
});

// The examples of the reading/keyword rule pages are checked: the first ```keepalived block (with
// its ↑ annotation lines removed) must trigger the rule, the following ones must not.
const READING_RULES = [
  'deprecated-keyword',
  'duplicate-name',
  'extra-argument',
  'extra-close-brace',
  'include-cycle',
  'include-error',
  'include-not-found',
  'invalid-address',
  'invalid-choice',
  'invalid-input',
  'invalid-number',
  'invalid-replication',
  'line-too-long',
  'malformed-entry',
  'missing-argument',
  'missing-open-brace',
  'one-line-block',
  'removed-keyword',
  'unclosed-block',
  'undefined-variable',
  'unexpected-open-brace',
  'unknown-keyword',
  'unterminated-quote',
];

// Examples that stand for something the snippet cannot hold (a file system, a NUL byte, a very
// long line, a self-include) are only shape-checked.
const NOT_RUNNABLE = new Set(['include-cycle', 'include-error', 'include-not-found', 'invalid-input', 'line-too-long']);

describe('docs examples', () => {
  for (const id of READING_RULES) {
    it(`${id}: the bad example triggers the rule, the good ones do not`, () => {
      const text = read(`docs/rules/${id}.md`);
      for (const heading of ['## Why', '## Fix', '## Options', '## Versions'])
        expect(text, `${id}.md has ${heading}`).toContain(`\n${heading}\n`);
      const blocks = [...text.matchAll(/```keepalived\n([^]*?)```/g)].map((m) => m[1]!);
      expect(blocks.length, `${id}.md has a bad and a good example`).toBeGreaterThanOrEqual(2);
      expect(blocks[0], 'the bad example is annotated with ↑').toContain('↑');
      if (NOT_RUNNABLE.has(id)) return;
      const count = (code: string): number =>
        linter.lintParse(parse(code.replace(/^[ \t]*↑.*\n/gm, ''))).filter((d) => d.ruleId === id).length;
      expect(count(blocks[0]!), `bad example of ${id}`).toBeGreaterThan(0);
      for (const good of blocks.slice(1)) expect(count(good), `good example of ${id}:\n${good}`).toBe(0);
    });
  }
});
