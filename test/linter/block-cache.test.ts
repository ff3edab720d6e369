// The lint cache (linter/block-cache.ts) must give exactly what an uncached lint gives, and the
// rules it trusts to be block-local must be: what they find in a top-level block depends on that
// block alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile, parseText, reparseText, unsettledBlocks, type ParseResult } from '../../grammar/index';
import { BlockCache, lintParse, rules, toDiagnostic, type Diagnostic, type Rule } from '../../linter/index';
import { applyEdit, edit, editTexts } from '../grammar/edits';
import { memoryFs, ROOT_PATH } from '../grammar/helpers';
import { configTexts } from './configs';

const opts = { fs: memoryFs({}), targetVersion: '2.4.3' };
const local = rules.filter((r) => r.meta.scope === 'block');

/** Configurations of every kind (see configs.ts). */
const configs = (): string[] => configTexts('scope');

/** What one rule reports on a parse, as comparable strings. */
function findings(rule: Rule, parse: ParseResult): string[] {
  const out: Diagnostic[] = [];
  rule.check({ parse, targetVersion: opts.targetVersion, report: (r) => out.push(toDiagnostic(rule, r, 'error', {})) });
  return out.map((d) => JSON.stringify(d));
}

describe('block-local rules', () => {
  const texts = configs();

  it('are the costly keyword and per-block rules', () => {
    expect(local.map((r) => r.id)).toEqual(
      expect.arrayContaining(['invalid-number', 'invalid-address', 'checker-conflict', 'lvs-virtual-server', 'extra-argument']),
    );
    // Rules that compare blocks must not be among them.
    for (const id of ['duplicate-name', 'lvs-address-not-vip', 'script-security', 'track-undefined', 'vrrp-vrid-conflict'])
      expect(local.map((r) => r.id)).not.toContain(id);
  });

  it('find in each top-level block alone what they find in it within the whole file', () => {
    expect(texts.length).toBeGreaterThan(20);
    let blocks = 0;
    for (const text of texts) {
      const parse = parseText(ROOT_PATH, text, opts);
      blocks += parse.body.length;
      for (const rule of local) {
        const alone = parse.body.flatMap((s) => findings(rule, { ...parse, body: [s] }));
        expect(alone.sort(), rule.id).toEqual(findings(rule, parse).sort());
      }
    }
    expect(blocks).toBeGreaterThan(300);
  });
});

describe('BlockCache', () => {
  it('lints every block the first time, and gives what an uncached lint gives', () => {
    for (const text of configs()) {
      const parse = parseText(ROOT_PATH, text, opts);
      const cache = new BlockCache();
      expect(lintParse(parse, opts, cache)).toEqual(lintParse(parse, opts));
      // Split whenever the parse allows it: no block-local finding lies outside its block (the
      // cache would then lint the whole file).
      expect(cache.stats.whole).toBe(unsettledBlocks(parse) === undefined);
    }
  });

  it('lints only the blocks an edit touched', () => {
    const block = (i: number): string =>
      `virtual_server 10.0.0.${i} 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 10.1.0.${i} 80 {\n        weight abc\n    }\n}\n`;
    const text = Array.from({ length: 100 }, (_, i) => block(i)).join('');
    const cache = new BlockCache();
    const prev = parseText(ROOT_PATH, text, opts);
    const first = lintParse(prev, opts, cache);
    expect(cache.stats).toEqual({ reused: 0, linted: 100, whole: false });
    expect(first.filter((d) => d.ruleId === 'invalid-number')).toHaveLength(100);
    // Block 40 gets a line more: the 59 blocks after it move 13 characters on.
    const at = text.indexOf('    protocol TCP', text.indexOf('10.0.0.40 80'));
    const after = `${text.slice(0, at)}    delay_loop 5\n${text.slice(at)}`;
    const next = reparseText(prev, ROOT_PATH, after, opts);
    const cached = lintParse(next, opts, cache);
    expect(cache.stats).toEqual({ reused: 99, linted: 1, whole: false });
    expect(cached).toEqual(lintParse(parseText(ROOT_PATH, after, opts), opts));
    const last = cached.filter((d) => d.ruleId === 'invalid-number').pop()!;
    expect(after.slice(last.loc.start, last.loc.end)).toBe('abc');
    expect(last.loc.start).toBe(after.lastIndexOf('abc'));
  });

  it('keeps findings by text: through a full re-read, and past a version it could not split', () => {
    const block = (i: number): string => `vrrp_script chk_${i} {\n    script "/bin/true"\n    interval x${i}\n}\n`;
    const text = Array.from({ length: 50 }, (_, i) => block(i)).join('');
    const cache = new BlockCache();
    lintParse(parseText(ROOT_PATH, text, opts), opts, cache);
    // A version no block can be kept for: several files.
    const included = parseFile(ROOT_PATH, { ...opts, fs: memoryFs({ [ROOT_PATH]: `include /etc/keepalived/b.conf\n${text}`, '/etc/keepalived/b.conf': '' }) });
    expect(lintParse(included, opts, cache)).toEqual(lintParse(included, opts));
    expect(cache.stats.whole).toBe(true);
    // Read in full again: the findings are known again.
    const mended = `# edited\n${text}`;
    const again = lintParse(parseText(ROOT_PATH, mended, opts), opts, cache);
    expect(cache.stats).toEqual({ reused: 50, linted: 0, whole: false });
    expect(again).toEqual(lintParse(parseText(ROOT_PATH, mended, opts), opts));
    expect(again.filter((d) => d.ruleId === 'invalid-number').map((d) => mended.slice(d.loc.start, d.loc.end))).toEqual(
      Array.from({ length: 50 }, (_, i) => `x${i}`),
    );
  });

  it('re-lints only the blocks a derailed reading touched (a "{" after a misspelt keyword)', () => {
    const block = (i: number): string => `vrrp_script chk_${i} {\n    script "/bin/true"\n    interval x${i}\n}\n`;
    const text = Array.from({ length: 50 }, (_, i) => block(i)).join('');
    const cache = new BlockCache();
    lintParse(parseText(ROOT_PATH, text, opts), opts, cache);
    // Its "{" is ignored: `script` and `interval` are read at the top level, its "}" ends that.
    const broken = text.replace('vrrp_script chk_20', 'vrrp_scrxipt chk_20');
    const parse = parseText(ROOT_PATH, broken, opts);
    expect(parse.body.filter((s) => parse.unsettled!.has(s)).map((s) => s.keyword.text)).toEqual(['vrrp_scrxipt', 'script', 'interval']);
    const cached = lintParse(parse, opts, cache);
    expect(cache.stats).toEqual({ reused: 49, linted: 3, whole: false });
    expect(cached).toEqual(lintParse(parseText(ROOT_PATH, broken, opts), opts));
    expect(cached.filter((d) => d.ruleId === 'invalid-number')).toHaveLength(49);
    // Mended: the block reads as before, from its text; its findings are linted anew.
    const mended = lintParse(reparseText(parse, ROOT_PATH, text, opts), opts, cache);
    expect(cache.stats).toEqual({ reused: 49, linted: 1, whole: false });
    expect(mended).toEqual(lintParse(parseText(ROOT_PATH, text, opts), opts));
  });

  it('lints a skipped block (a duplicate name) every time: that is not a matter of its text', () => {
    const text = `vrrp_instance A {\n    priority 100\n}\nvrrp_instance A {\n    priority x\n}\n`;
    const cache = new BlockCache();
    const first = parseText(ROOT_PATH, text, opts);
    expect(first.body[1]!.skipped).toBe('duplicate');
    lintParse(first, opts, cache);
    // The second block is read now, and its findings are new.
    const renamed = text.replace('vrrp_instance A', 'vrrp_instance B');
    expect(lintParse(parseText(ROOT_PATH, renamed, opts), opts, cache)).toEqual(lintParse(parseText(ROOT_PATH, renamed, opts), opts));
    expect(cache.stats).toEqual({ reused: 0, linted: 2, whole: false });
  });

  it('keeps nothing for blocks that share a line (no text of their own)', () => {
    // Lines ending in a bare CR are one line to keepalived: both blocks share it.
    const cr = 'vrrp_script a {\r    interval x\r}\rvrrp_script b {\r    interval 2\r}\r';
    const oneLine = 'vrrp_script a {\n    interval x\n} vrrp_script b {\n    interval 2\n}\n';
    for (const shared of [cr, oneLine]) {
      const text = `${shared}\nglobal_defs {\n    router_id a\n}\n`;
      const cache = new BlockCache();
      lintParse(parseText(ROOT_PATH, text, opts), opts, cache);
      // An edit elsewhere: the shared line is as it was, and both its blocks are linted again.
      const edited = text.replace('router_id a', 'router_id b');
      const cached = lintParse(parseText(ROOT_PATH, edited, opts), opts, cache);
      expect(cache.stats).toEqual({ reused: 0, linted: 3, whole: false });
      expect(cached).toEqual(lintParse(parseText(ROOT_PATH, edited, opts), opts));
      expect(cached.filter((d) => d.ruleId === 'invalid-number')).toHaveLength(1);
    }
  });

  it('starts over when the options change', () => {
    const text = 'global_defs {\n    router_id a\n}\nvrrp_script s {\n    script "/bin/true"\n    weight 300\n}\n'.repeat(200);
    const cache = new BlockCache();
    const parse = parseText(ROOT_PATH, text, opts);
    lintParse(parse, opts, cache);
    const quiet = { ...opts, rules: { 'invalid-number': 'off' as const } };
    const again = lintParse(parse, quiet, cache);
    expect(cache.stats.reused).toBe(0);
    expect(again).toEqual(lintParse(parse, quiet));
    expect(again.some((d) => d.ruleId === 'invalid-number')).toBe(false);
  });

  it('equals an uncached lint over a chain of random edits', { timeout: 180_000 }, () => {
    const seeds = editTexts();
    let reused = 0;
    let lints = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (i, edits) => {
        let text = seeds[i]!;
        let parse = parseText(ROOT_PATH, text, opts);
        const cache = new BlockCache();
        lintParse(parse, opts, cache);
        for (const e of edits) {
          text = applyEdit(text, e);
          parse = reparseText(parse, ROOT_PATH, text, opts);
          expect(lintParse(parse, opts, cache)).toEqual(lintParse(parseText(ROOT_PATH, text, opts), opts));
          expect(cache.stats.whole).toBe(unsettledBlocks(parse) === undefined);
          lints++;
          reused += cache.stats.reused;
        }
      }),
      { numRuns: 120, seed: 20261126 },
    );
    // Most edits leave most blocks alone: the cache is actually used.
    expect(reused).toBeGreaterThan(lints * 5);
  });
});
