// reparseText must give exactly what a full parse of the new text gives, whatever the edit; and it
// must actually reuse the unchanged top-level blocks when it can (otherwise it is no help).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText, reparseText, restsBetweenBlocks } from '../../grammar/index';
import { commonPrefix, commonSuffix } from '../../grammar/incremental';
import { lintParse } from '../../linter/index';
import { applyEdit as apply, edit, editTexts as texts } from './edits';
import { memoryFs, ROOT_PATH, view } from './helpers';

const fs = memoryFs({});
const opts = { fs, targetVersion: '2.4.3' };

describe('reparseText', () => {
  const seeds = texts();

  it('equals a full parse after any edit, and reuses blocks when the previous parse was plain', { timeout: 120_000 }, () => {
    let reused = 0;
    let tails = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), edit, (i, e) => {
        const before = seeds[i]!;
        const after = apply(before, e);
        const prev = parseText(ROOT_PATH, before, opts);
        const lastBefore = prev.body[prev.body.length - 1];
        const next = reparseText(prev, ROOT_PATH, after, opts);
        const full = parseText(ROOT_PATH, after, opts);
        expect(view(next)).toEqual(view(full));
        expect(lintParse(next, opts)).toEqual(lintParse(full, opts));
        if (i === 0) {
          runs++;
          if (next.body.length && next.body[0] === prev.body[0]) reused++;
          if (next.body.length && next.body[next.body.length - 1] === lastBefore) tails++;
        }
      }),
      { numRuns: 300, seed: 20261126 },
    );
    // The generated config is plain, so every edit after its first few KiB takes the fast path.
    expect(runs).toBeGreaterThan(20);
    expect(reused).toBeGreaterThan(runs * 0.8);
    // ...and most take over the blocks after the edit too (not those that open a quote, add a
    // brace or a `$NAME`, or land in the last block).
    expect(tails).toBeGreaterThan(runs * 0.5);
  });

  it('stays equal over a chain of edits (each reparse builds on the last)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 2, maxLength: 12 }), (edits) => {
        let text = seeds[0]!;
        let prev = parseText(ROOT_PATH, text, opts);
        for (const e of edits) {
          text = apply(text, e);
          prev = reparseText(prev, ROOT_PATH, text, opts);
        }
        expect(view(prev)).toEqual(view(parseText(ROOT_PATH, text, opts)));
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('reuses the blocks before the edited line, and reads the rest again', () => {
    const block = (i: number): string => `vrrp_script chk_${i} {\n    script "/bin/true"\n    interval 2\n}\n`;
    const text = Array.from({ length: 200 }, (_, i) => block(i)).join('');
    const prev = parseText(ROOT_PATH, text, opts);
    const at = text.indexOf('chk_150');
    const next = reparseText(prev, ROOT_PATH, `${text.slice(0, at)}x${text.slice(at)}`, opts);
    expect(next.body.slice(0, 150)).toEqual(prev.body.slice(0, 150));
    expect(next.body[0]).toBe(prev.body[0]);
    expect(next.body[149]).toBe(prev.body[149]);
    expect(next.body[150]).not.toBe(prev.body[150]);
    expect(next.body[150]!.args[0]!.text).toBe('xchk_150');
  });

  it('takes over the blocks after the edited block, moved by the change in length', () => {
    const block = (i: number): string => `vrrp_script chk_${i} {\n    script "/bin/true"\n    interval 2\n}\n`;
    const text = Array.from({ length: 200 }, (_, i) => block(i)).join('');
    const prev = parseText(ROOT_PATH, text, opts);
    const tail = prev.body.slice(151);
    const starts = tail.map((s) => s.keyword.start);
    const at = text.indexOf('interval 2', text.indexOf('chk_150'));
    const after = `${text.slice(0, at)}interval 20\n    weight 5${text.slice(at + 'interval 2'.length)}`;
    const next = reparseText(prev, ROOT_PATH, after, opts);
    expect(next.body[150]).not.toBe(prev.body[150]);
    expect(next.body.slice(151)).toHaveLength(tail.length);
    next.body.slice(151).forEach((s, i) => expect(s).toBe(tail[i]));
    const delta = after.length - text.length;
    expect(next.body.slice(151).map((s) => s.keyword.start)).toEqual(starts.map((x) => x + delta));
    expect(next.body[199]!.children![1]!.args[0]).toMatchObject({ text: '2', start: after.lastIndexOf('interval 2') + 9 });
    expect(view(next)).toEqual(view(parseText(ROOT_PATH, after, opts)));
  });

  it('reads on to the end when the edit changes what later blocks mean', () => {
    const inst = (name: string, vrid: number): string =>
      `vrrp_instance ${name} {\n    interface eth0\n    virtual_router_id ${vrid}\n    priority 100\n}\n`;
    const filler = Array.from({ length: 60 }, (_, i) => `vrrp_script chk_${i} {\n    script "/bin/true"\n}\n`).join('');
    // Renaming VI_1 to VI_2 makes the later VI_2 a duplicate that keepalived skips.
    const text = `${filler}${inst('VI_1', 1)}${filler}${inst('VI_2', 2)}`;
    const after = text.replace('VI_1', 'VI_2');
    const next = reparseText(parseText(ROOT_PATH, text, opts), ROOT_PATH, after, opts);
    expect(next.body[next.body.length - 1]!.skipped).toBe('duplicate');
    expect(view(next)).toEqual(view(parseText(ROOT_PATH, after, opts)));
    // An unclosed block swallows what follows: nothing after it may be taken over.
    const open = text.replace('chk_30 {\n    script "/bin/true"\n}', 'chk_30 {\n    script "/bin/true"\n');
    const unclosed = reparseText(parseText(ROOT_PATH, text, opts), ROOT_PATH, open, opts);
    expect(view(unclosed)).toEqual(view(parseText(ROOT_PATH, open, opts)));
  });

  it('falls back to a full parse after definitions or includes', () => {
    const big = 'global_defs {\n    router_id a\n}\n'.repeat(300);
    for (const text of [`$X=1\n${big}`, `x $Y\n${big}`, `include /none\n${big}`]) {
      const prev = parseText(ROOT_PATH, text, opts);
      const next = reparseText(prev, ROOT_PATH, `${text}# end\n`, opts);
      expect(next.body[0]).not.toBe(prev.body[0]);
      expect(view(next)).toEqual(view(parseText(ROOT_PATH, `${text}# end\n`, opts)));
    }
  });

  it('reuses the blocks around a derailed reading, but not those it derailed', () => {
    const big = 'global_defs {\n    router_id a\n}\n'.repeat(300);
    // Derailed before the edit, and back at rest by then: the blocks before it are taken over.
    for (const text of [`foo {\n}\n${big}`, `global_defs\n"{"\n}\n${big}`]) {
      const prev = parseText(ROOT_PATH, text, opts);
      expect(restsBetweenBlocks(prev)).toBe(false);
      const next = reparseText(prev, ROOT_PATH, `${text}# end\n`, opts);
      expect(next.body[0]).toBe(prev.body[0]);
      expect(view(next)).toEqual(view(parseText(ROOT_PATH, `${text}# end\n`, opts)));
    }
    // A keystroke that derails the middle block, and the one that mends it: the blocks on either
    // side are taken over both times.
    const text = `${big}vrrp_script s {\n    interval 1\n}\n${big}`;
    const typo = text.replace('vrrp_script s', 'vrrp_scrxipt s');
    const first = parseText(ROOT_PATH, text, opts);
    const derailed = reparseText(first, ROOT_PATH, typo, opts);
    expect(derailed.body[0]).toBe(first.body[0]);
    expect(derailed.body[derailed.body.length - 1]).toBe(first.body[first.body.length - 1]);
    expect(view(derailed)).toEqual(view(parseText(ROOT_PATH, typo, opts)));
    expect(derailed.unsettled!.size).toBe(2);
    const mended = reparseText(derailed, ROOT_PATH, text, opts);
    expect(mended.body[0]).toBe(first.body[0]);
    expect(mended.body[mended.body.length - 1]).toBe(first.body[first.body.length - 1]);
    expect(view(mended)).toEqual(view(parseText(ROOT_PATH, text, opts)));
    // A derailment that runs to the end: nothing after the edit is taken over.
    const open = `${big}vrrp_script s {\n    interval 1\n${big}`;
    const unclosed = reparseText(parseText(ROOT_PATH, open, opts), ROOT_PATH, open.replace('interval 1', 'interval 2'), opts);
    expect(view(unclosed)).toEqual(view(parseText(ROOT_PATH, open.replace('interval 1', 'interval 2'), opts)));
  });

  it('remembers a ~SEQ variable defined before the edit (RB-22)', () => {
    // The ~SEQ line uses no $NAME, so the parse before the edit has no definitions or references;
    // its variable stays defined, and the edit adds a use of it far below.
    const blocks = Array.from({ length: 200 }, (_, i) => `vrrp_script s${i} {\n  script "/bin/true"\n}\n`).join('');
    const text = `~SEQ(i, 1, 3) vrrp_strict\nglobal_defs {\n  router_id a\n}\n${blocks}static_ipaddress {\n  10.0.0.1/24 dev eth0\n}\n`;
    const prev = parseText(ROOT_PATH, text, opts);
    expect(prev.replications).toEqual([{ file: 0, start: 0, end: text.indexOf('\n') }]);
    const after = text.replace('dev eth0', 'dev eth$i');
    const next = reparseText(prev, ROOT_PATH, after, opts);
    expect(view(next)).toEqual(view(parseText(ROOT_PATH, after, opts)));
    expect(next.body[next.body.length - 1]!.entries![0]!.map((w) => w.text)).toEqual(['10.0.0.1/24', 'dev', 'eth3']);
  });
});

describe('commonPrefix / commonSuffix', () => {
  const naivePrefix = (a: string, b: string): number => {
    let i = 0;
    while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
    return i;
  };
  const naiveSuffix = (a: string, b: string, prefix: number): number => {
    let i = 0;
    while (i < Math.min(a.length, b.length) - prefix && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
    return i;
  };

  it('agree with a character-by-character comparison, across chunk boundaries', () => {
    fc.assert(
      fc.property(
        // Texts up to 40k characters (chunks are 16384, 1024 and 64), one edit anywhere.
        fc.integer({ min: 0, max: 40_000 }),
        fc.noBias(fc.integer({ min: 0, max: 1_000_000 })),
        fc.nat({ max: 70 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '\n', '{', '\u00e9', '\ud83d\ude00'), maxLength: 70 }),
        (length, where, remove, insert) => {
          const a = 'abc\ndef{}\u00e9'.repeat(Math.ceil(length / 10)).slice(0, length);
          const at = Math.floor((where / 1_000_000) * a.length);
          const b = a.slice(0, at) + insert + a.slice(at + remove);
          const p = commonPrefix(a, b);
          expect(p).toBe(naivePrefix(a, b));
          expect(commonSuffix(a, b, p)).toBe(naiveSuffix(a, b, p));
          expect(commonPrefix(a, a)).toBe(a.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
