// The builder records every statement as it reads it (all of them in document order, by keyword,
// the blocks among them), so rules need no pass over a fresh tree to find them. The record must be
// exactly what a walk of the finished tree gives, and a lint through it the same as a lint through
// the walk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseText,
  reparseText,
  statementIndex,
  type ParseResult,
  type Statement,
  type StatementIndex,
} from '../../grammar/index';
import { lintParse } from '../../linter/index';
// @ts-expect-error - plain ESM module without types
import { generateConfig, SIZES } from '../../bench/generate.mjs';
import { applyEdit, edit, editTexts } from './edits';
import { memoryFs, ROOT_PATH } from './helpers';

const fs = memoryFs({ '/etc/keepalived/inc/a.conf': 'vrrp_script chk_a {\n    script /bin/true\n}\nweight 5\n' });

/** What a recursive walk of the finished tree finds (blocks keepalived skips are not entered, unless their lines go to the object before them). */
function walked(body: Statement[]): StatementIndex {
  const index: StatementIndex = { all: [], byKeyword: new Map(), blocks: [], valueBlocks: [] };
  const visit = (list: Statement[]): void => {
    for (const s of list) {
      index.all.push(s);
      const same = index.byKeyword.get(s.keyword.text);
      if (same) same.push(s);
      else index.byKeyword.set(s.keyword.text, [s]);
      if (s.children) index.blocks.push(s);
      else if (s.entries) index.valueBlocks.push(s);
      if (s.children && (!s.skipped || s.continues)) visit(s.children);
    }
  };
  visit(body);
  return index;
}

/** The first place two lists differ (by identity), or -1. */
function firstDifference(a: readonly Statement[], b: readonly Statement[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

function expectRecorded(p: ParseResult): void {
  const got = statementIndex(p.body);
  // Not recorded where the processes' readings part (a value block of global_defs without "{"):
  // the rules walk the tree then.
  if (!got && p.problems.some((x) => x.code === 'missing-open-brace' && x.data.keyword === 'notification_email'))
    return;
  expect(got).toBeDefined();
  const want = walked(p.body);
  expect(firstDifference(got!.all, want.all)).toBe(-1);
  expect(firstDifference(got!.blocks, want.blocks)).toBe(-1);
  expect(firstDifference(got!.valueBlocks, want.valueBlocks)).toBe(-1);
  expect([...got!.byKeyword.keys()].sort()).toEqual([...want.byKeyword.keys()].sort());
  for (const [k, list] of want.byKeyword) expect(firstDifference(got!.byKeyword.get(k)!, list)).toBe(-1);
}

const fragment = fc.constantFrom(
  'vrrp_instance',
  'vrrp_instance VI_1',
  'vrrp_instance VI_1 VI_2',
  'global_defs',
  'notification_email',
  'notification_email a@b',
  'virtual_server 10.0.0.1 80',
  'real_server 10.0.0.2 80',
  'HTTP_GET',
  'url',
  'path /',
  'virtual_ipaddress',
  '10.0.0.9/24',
  'weight 1',
  'notify "/bin/x y"',
  'nosuch',
  'include inc/a.conf',
  '"{"',
  '"}"',
  '{',
  '}',
  '# c',
  '\\#',
);
const config = fc
  .array(
    fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join(' ')),
    { maxLength: 60 },
  )
  .map((lines) => lines.join('\n'));

const files = (): string[] => {
  const dirs = [
    resolve(__dirname, '../fixtures/valid'),
    resolve(__dirname, '../fixtures/grammar'),
    resolve(__dirname, '../../../shared/corpus'),
  ];
  const out: string[] = [];
  for (const dir of dirs.filter((d) => existsSync(d)))
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.conf'))) out.push(readFileSync(join(dir, f), 'latin1'));
  return out;
};

describe('the statement index the builder records', () => {
  it(
    'is what a walk of the tree finds, on generated text with broken braces and skipped blocks',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(config, fc.constantFrom('2.2.7', '2.4.3'), (text, targetVersion) =>
          expectRecorded(parseText(ROOT_PATH, text, { fs, targetVersion })),
        ),
        { numRuns: 1500, seed: 20261126 },
      );
    },
  );

  it('is what a walk of the tree finds on the fixtures, the corpus and a generated config', () => {
    const texts = [...files(), generateConfig(SIZES.small, 'index') as string];
    for (const text of texts) expectRecorded(parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' }));
    expect(texts.length).toBeGreaterThan(10);
  });

  it('leaves out what keepalived skips unread, but not the skipped block itself', () => {
    const text =
      'vrrp_instance VI_1 {\n  state MASTER\n}\nvrrp_instance VI_1 {\n  state BACKUP\n  track_script {\n    chk\n  }\n}\n';
    const p = parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
    const index = statementIndex(p.body)!;
    expect(index.all.map((s) => `${s.keyword.text} ${s.args[0]?.text}`)).toEqual([
      'vrrp_instance VI_1',
      'state MASTER',
      'vrrp_instance VI_1',
    ]);
    expect(index.blocks).toEqual([p.body[0], p.body[1]]);
    expect(index.valueBlocks).toEqual([]);
    expect(index.byKeyword.get('state')).toEqual([p.body[0]!.children![0]]);
  });

  it("is joined from the earlier parse's for a tree that takes over its blocks", () => {
    const text = generateConfig(SIZES.small, 'index') as string;
    const prev = parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
    const at = text.indexOf('weight', text.length >> 1);
    const next = reparseText(prev, ROOT_PATH, `${text.slice(0, at)}x${text.slice(at)}`, { fs, targetVersion: '2.2.7' });
    expect(next.body[0]).toBe(prev.body[0]); // blocks were taken over before the edit...
    expect(next.body[next.body.length - 1]).toBe(prev.body[prev.body.length - 1]); // ...and after it
    expectRecorded(next);
    // Its positions serve the next re-read (and the chunks of a lint) in turn.
    const again = reparseText(next, ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
    expectRecorded(again);
  });

  it('is what a walk of the tree finds after every edit of a chain of re-reads', { timeout: 120_000 }, () => {
    const seeds = editTexts();
    let joined = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (i, edits) => {
        let text = seeds[i]!;
        let parse = parseText(ROOT_PATH, text, { fs: memoryFs({}), targetVersion: '2.4.3' });
        for (const e of edits) {
          text = applyEdit(text, e);
          const prev = parse;
          parse = reparseText(parse, ROOT_PATH, text, { fs: memoryFs({}), targetVersion: '2.4.3' });
          if (statementIndex(parse.body) && parse.body[0] === prev.body[0]) joined++;
          expectRecorded(parse);
        }
      }),
      { numRuns: 150, seed: 20261128 },
    );
    expect(joined).toBeGreaterThan(100);
  });

  it('gives the rules the same findings as a walk of the tree', () => {
    for (const text of [...files(), generateConfig(SIZES.small, 'index') as string]) {
      const p = parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
      // A copy of the body is not the builder's: the linter collects its own index for it.
      const copy = { ...p, body: [...p.body] };
      expect(statementIndex(copy.body)).toBeUndefined();
      expect(lintParse(p, { targetVersion: '2.2.7' })).toEqual(lintParse(copy, { targetVersion: '2.2.7' }));
    }
  });
});
