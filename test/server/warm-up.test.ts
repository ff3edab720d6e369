// The language server's JIT warm-up (server/warm-up.ts): slices of real work on a built-in
// configuration, with findings, ending on its own, and nothing that reaches outside.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../grammar/index';
import { lintParse } from '../../linter/index';
import { noFiles, WARM_UP_ROUNDS, warmUp, warmUpSample } from '../../server/warm-up';

describe('warm-up', () => {
  it('reads and lints a configuration with the usual blocks and some findings', () => {
    const text = warmUpSample(2);
    const parse = parseText('/w.conf', text, { fs: noFiles });
    expect(parse.problems.filter((p) => p.code !== 'unknown-keyword')).toEqual([]);
    expect(parse.body.map((s) => s.keyword.text)).toEqual([
      'global_defs',
      'vrrp_script',
      'vrrp_instance',
      'virtual_server',
      'vrrp_script',
      'vrrp_instance',
      'virtual_server',
    ]);
    const ids = new Set(lintParse(parse).map((d) => d.ruleId));
    expect(ids).toContain('unknown-keyword');
  });

  it('runs one slice per deferred step and then ends', () => {
    const steps: Array<() => void> = [];
    let done = 0;
    warmUp((f) => steps.push(f), () => done++);
    let run = 0;
    while (steps.length) {
      steps.shift()!();
      run++;
      expect(run).toBeLessThanOrEqual(WARM_UP_ROUNDS + 1);
    }
    // The first slice reads the sample; each other one edits it, re-reads and lints; the last ends.
    expect(run).toBe(WARM_UP_ROUNDS + 1);
    expect(done).toBe(1);
  });

  it('stops early without throwing when a step fails', () => {
    let done = 0;
    let calls = 0;
    const defer = (f: () => void): void => {
      calls++;
      if (calls !== 2) return f();
      // The second slice edits the text (String#indexOf finds the line): make that fail.
      const original = String.prototype.indexOf;
      String.prototype.indexOf = () => {
        throw new Error('boom');
      };
      try {
        f();
      } finally {
        String.prototype.indexOf = original;
      }
    };
    expect(() => warmUp(defer, () => done++)).not.toThrow();
    expect(done).toBe(1);
    expect(calls).toBe(2);
  });
});
