// Block-local rules a chunk of top-level blocks at a time (linter/chunks.ts) must give exactly what
// one run over the whole parse gives, and the statement index of each chunk, cut from the one the
// builder recorded, must hold exactly the statements of the chunk's blocks, in order.
import { describe, expect, it } from 'vitest';
import {
  parseText,
  restsBetweenBlocks,
  sliceIndex,
  statementIndex,
  type Statement,
  type StatementIndex,
} from '../../grammar/index';
import { chunkAt, chunksOf, releaseView, runChunked } from '../../linter/chunks';
import { typedArgs } from '../../linter/params';
import { scriptUses } from '../../linter/peer/script-command';
import { lintParse, rules, toDiagnostic, type Rule } from '../../linter/index';
import type { Report } from '../../linter/types';
// @ts-expect-error - plain ESM module without types
import { generateConfig, SIZES } from '../../bench/generate.mjs';
import { memoryFs, ROOT_PATH } from '../grammar/helpers';
import { configTexts } from './configs';

const opts = { fs: memoryFs({}), targetVersion: '2.4.3' };
const local = rules.filter((r) => r.meta.scope === 'block');

/** Configurations of every kind (see configs.ts). */
const configs = (): string[] => configTexts('chunks');

/** The top-level statement a statement belongs to. */
function topOf(s: Statement): Statement {
  let t = s;
  while (t.parent) t = t.parent;
  return t;
}

/**
 * The lists of a full index kept to the statements of the top-level statements `first` up to
 * `last`, found through each statement's parents: what a cut must hold, as positions in `all`.
 */
function expected(index: StatementIndex, body: Statement[], first: number, last: number): object {
  const kept = new Set(body.slice(first, last));
  const pos = new Map(index.all.map((s, i) => [s, i]));
  const keep = (list: Statement[]): number[] => list.filter((s) => kept.has(topOf(s))).map((s) => pos.get(s)!);
  return {
    all: keep(index.all),
    byKeyword: [...index.byKeyword]
      .map(([k, list]) => [k, keep(list)] as const)
      .filter(([, list]) => list.length > 0)
      .sort((a, b) => a[0].localeCompare(b[0])),
    blocks: keep(index.blocks),
    valueBlocks: keep(index.valueBlocks),
  };
}

/** A cut index as positions in the full one's `all`. */
function positions(index: StatementIndex, cut: StatementIndex): object {
  const pos = new Map(index.all.map((s, i) => [s, i]));
  const at = (list: Statement[]): number[] => list.map((s) => pos.get(s)!);
  return {
    all: at(cut.all),
    byKeyword: [...cut.byKeyword].map(([k, list]) => [k, at(list)] as const).sort((a, b) => a[0].localeCompare(b[0])),
    blocks: at(cut.blocks),
    valueBlocks: at(cut.valueBlocks),
  };
}

describe('chunked block-local rules', () => {
  const texts = configs();

  it('give what one run over the whole parse gives, for any chunk size', () => {
    expect(texts.length).toBeGreaterThan(20);
    let chunked = 0;
    for (const text of texts) {
      const parse = parseText(ROOT_PATH, text, opts);
      const whole = lintParse(parse, { ...opts, chunkStatements: Infinity });
      for (const size of [1, 7, 64]) {
        if (chunksOf(parse, size)) chunked++;
        expect(lintParse(parse, { ...opts, chunkStatements: size })).toEqual(whole);
      }
    }
    // Most of them are cut (those whose top level rests between blocks, with enough statements).
    expect(chunked).toBeGreaterThan(texts.length);
  });

  it('give what one run gives for a configuration spread over included files', () => {
    const block = (i: number, bad: string): string =>
      `virtual_server 10.0.${i >> 8}.${i & 255} 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    ${bad}\n    real_server 10.1.0.${i & 255} 8080 {\n        weight ${i % 7 === 0 ? '-1' : '1'}\n        TCP_CHECK {\n            connect_timeout 3x\n        }\n    }\n}\n`;
    const part = (from: number, bad: string): string =>
      Array.from({ length: 40 }, (_, k) => block(from + k, bad)).join('');
    const files = {
      [ROOT_PATH]: `${part(0, 'persistance_timeout 50')}include conf.d/*.conf\n${part(100, 'delay_loop 0')}`,
      '/etc/keepalived/conf.d/a.conf': part(200, 'quorum 9'),
      '/etc/keepalived/conf.d/b.conf': part(300, 'ops'),
    };
    const parse = parseText(ROOT_PATH, files[ROOT_PATH]!, { fs: memoryFs(files), targetVersion: '2.4.3' });
    expect(parse.files.length).toBe(3);
    const whole = lintParse(parse, { ...opts, chunkStatements: Infinity });
    expect(new Set(whole.map((d) => d.loc.file))).toEqual(new Set([0, 1, 2]));
    for (const size of [1, 13, 200]) {
      expect(chunksOf(parse, size)?.rests).toBe(false);
      expect(lintParse(parse, { ...opts, chunkStatements: size })).toEqual(whole);
    }
  });

  it("cut a chunk's index out of the recorded one: its blocks' statements, in order", () => {
    let checked = 0;
    for (const text of texts) {
      const parse = parseText(ROOT_PATH, text, opts);
      const index = statementIndex(parse.body);
      if (!index || !restsBetweenBlocks(parse)) continue;
      const n = parse.body.length;
      for (const [first, last] of [
        [0, n],
        [0, 1],
        [n - 1, n],
        [Math.floor(n / 3), Math.floor((2 * n) / 3) + 1],
      ] as const) {
        if (first >= last) continue;
        const cut = sliceIndex(index, first, last)!;
        expect(positions(index, cut)).toEqual(expected(index, parse.body, first, last));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('let go of what the rules cached for a view once it is done with, and find it anew if asked again', () => {
    const parse = parseText(ROOT_PATH, generateConfig(SIZES.small, 'chunks') as string, opts);
    const { view } = chunkAt(chunksOf(parse, 500)!, 0);
    const addresses = new Set(['ipaddr']);
    const count = (): number => {
      let n = 0;
      for (const c = typedArgs(view.body, opts.targetVersion, addresses); c.next();) n++;
      return n;
    };
    const before = count();
    expect(before).toBeGreaterThan(0);
    const scripts = scriptUses(view).length;
    expect(statementIndex(view.body)).toBeDefined();
    // A statement added to the view's top level: the cached index and typed lists do not see it...
    const added = parseText(
      ROOT_PATH,
      'virtual_server 10.9.9.9 80 {\n  real_server 10.9.9.10 80 {\n    notify_up /bin/true\n  }\n}\n',
      opts,
    ).body[0]!;
    view.body.push(added);
    expect(count()).toBe(before);
    expect(scriptUses(view)).toHaveLength(scripts);
    // ...until the view's caches are let go of: then they are found anew from its tree.
    releaseView(view);
    expect(statementIndex(view.body)).toBeUndefined();
    // (the cursor gives every argument of a statement that has an address: the real server's two)
    expect(count()).toBe(before + 2);
    expect(scriptUses(view)).toHaveLength(scripts + 1);
  });

  it('cut a large parse into views of about the size asked, with their lines where the parse rests between blocks', () => {
    const parse = parseText(ROOT_PATH, generateConfig(SIZES.small, 'chunks') as string, opts);
    const plan = chunksOf(parse, 500)!;
    const chunks = plan.bounds.slice(1).map((_, k) => chunkAt(plan, k));
    const total = statementIndex(parse.body)!.all.length;
    expect(chunks.length).toBeGreaterThan(total / 1000);
    expect(chunks.flatMap((c) => c.view.body)).toEqual(parse.body);
    for (const c of chunks) {
      const text = parse.files[0]!.text;
      // Each view spans whole lines, from its first block's line to its last block's.
      expect(c.lines!.start === 0 || text[c.lines!.start - 1] === '\n').toBe(true);
      expect(text[c.lines!.end - 1]).toBe('\n');
    }
    // Too small to gain: not cut.
    expect(chunksOf(parse, total)).toBeUndefined();
    // With a `$NAME` the parse does not rest between blocks: cut, without lines to check against.
    const defined = parseText(ROOT_PATH, `$X=1\n${generateConfig(SIZES.small, 'chunks') as string}`, opts);
    const unchecked = chunksOf(defined, 500)!;
    expect(unchecked.rests).toBe(false);
    expect(chunkAt(unchecked, 0).lines).toBeUndefined();
  });

  it('leave out a rule that reports outside its view, or throws, for a run over the whole parse', () => {
    const parse = parseText(ROOT_PATH, generateConfig(SIZES.small, 'chunks') as string, opts);
    const plan = chunksOf(parse, 500)!;
    const base = local.find((r) => r.id === 'invalid-number')!;
    const outside: Rule = {
      ...base,
      id: 'test-outside',
      check: (ctx) => ctx.report({ loc: { file: 0, start: 0, end: 1 }, messageId: 'x' }),
    };
    const throws: Rule = {
      ...base,
      id: 'test-throws',
      check: () => {
        throw new Error('boom');
      },
    };
    const make = (rule: Rule, r: Report) => toDiagnostic(rule, r, 'error', {});
    const found = runChunked(plan, [base, outside, throws], '2.4.3', make);
    expect([...found.keys()].map((r) => r.id)).toEqual(['invalid-number']);
  });
});
