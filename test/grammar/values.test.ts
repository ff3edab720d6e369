// Values as keepalived reads them: one keyword per file, recorded with keepalived 2.2.7 `-t`
// (test/fixtures/grammar/values-keepalived-2.2.7.json: keyword/value pairs over sixteen blocks).
// Where keepalived says nothing about the line, the value rules must not report an error there
// (other rules may, for reasons keepalived reports without a line number); where keepalived flags
// the line, the linter must report something on it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintParse } from '../../linter/index';
import { parse } from './helpers';

interface Recorded {
  blocks: Record<string, string[]>;
  cases: Array<{ block: string; keyword: string; value: string; messages: string[] }>;
}

const data = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/grammar/values-keepalived-2.2.7.json'), 'utf8'),
) as Recorded;

const VALUE_RULES = new Set([
  'invalid-number',
  'invalid-choice',
  'invalid-address',
  'malformed-entry',
  'extra-argument',
  'missing-argument',
  'unknown-keyword',
]);

// Disagreements reported in test/BUGS.md #17; they run with RUN_BUGS=1.
const KNOWN_BUGS = new Set<string>([]);

describe('values agree with keepalived 2.2.7', () => {
  for (const c of data.cases) {
    const name = `${c.block} > ${c.keyword} ${c.value}`;
    const run = KNOWN_BUGS.has(name) && !process.env.RUN_BUGS ? it.skip : it;
    run(`${name}: ${c.messages.length ? 'flagged' : 'accepted'}`, () => {
      const head = data.blocks[c.block]!;
      const before = `${head.join('\n')}\n`;
      const text = `${before}    ${c.keyword} ${c.value}\n${'}\n'.repeat(head.length)}`;
      const line = before.split('\n').length - 1;
      const p = parse(text, { targetVersion: '2.2.7' });
      const lines = p.files[0]!.lines;
      const here = lintParse(p, { targetVersion: '2.2.7' }).filter(
        (d) => lines.lineOf(d.loc.start) <= line && lines.lineOf(d.loc.end) >= line,
      );
      if (c.messages.length === 0) {
        const errors = here.filter((d) => d.severity === 'error' && VALUE_RULES.has(d.ruleId));
        expect(errors.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
      } else {
        expect(
          here.map((d) => d.ruleId),
          `keepalived: ${c.messages.join(' | ')}`,
        ).not.toEqual([]);
      }
    });
  }
});
