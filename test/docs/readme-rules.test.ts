// The README's rules table is generated from the registries; this test keeps it in sync.
// Regenerate with: UPDATE_README=1 npx vitest run test/docs/readme-rules.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peerRules } from '../../linter/peer-registry';
import { rules } from '../../linter/registry';

const root = join(__dirname, '..', '..');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

/** The markdown table of every rule, single-file then peer, sorted by id. */
function rulesTable(): string {
  const rows = [...rules, ...peerRules]
    .map((r) => ({ id: r.id, severity: r.meta.severity, fixable: r.meta.fixable, category: r.meta.category, description: r.description }))
    .sort((a, b) => (a.category === 'peer') === (b.category === 'peer') ? a.id.localeCompare(b.id) : a.category === 'peer' ? 1 : -1);
  const lines = ['| rule | default | fixable | what it finds |', '| --- | --- | --- | --- |'];
  for (const r of rows) {
    const desc = r.description.replace(/\|/g, '\\|');
    lines.push(`| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.fixable ? 'yes' : ''} | ${r.category === 'peer' ? '(peers) ' : ''}${desc} |`);
  }
  return lines.join('\n');
}

describe('README rules table', () => {
  it('lists every registered rule with its registry metadata', () => {
    const path = join(root, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README has the rules-table markers').toBeGreaterThan(-1);
    const expected = `${START}\n${rulesTable()}\n${END}`;
    const actual = readme.slice(start, end + END.length);
    if (process.env.UPDATE_README && actual !== expected) {
      writeFileSync(path, readme.slice(0, start) + expected + readme.slice(end + END.length));
      return;
    }
    expect(actual).toBe(expected);
  });
});
