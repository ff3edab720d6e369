// The fuzz oracle's list of known non-failures (test/ROBUSTNESS-BUGS.md) stays narrow: the cases it
// names are classified as known, and other failures on the same inputs are not.
import { describe, expect, it } from 'vitest';
import { checkInput, classify, type CheckResult } from './harness';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));

describe('NB-1', () => {
  it('covers a missing "{" whose cascade hid unknown keywords with a "{" (fuzz seed 20261204, case 91527)', () => {
    // The first real_server lacks its "{"; "00 6443 {" is an unknown keyword whose "{" keepalived
    // ignores but counts, so the brace count comes back in step and the fix is offered. After it,
    // "00" and the second real_server (now inside the first) are reported on their own: 1 -> 2.
    const root = bytes(
      'virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2\n00 6443 {\n    }\n    real_server 10.0.0.3\n}\n' +
        'vrrp_instance VI_1 {\n    state BACKUP\n}\n',
    );
    const r = checkInput({ root });
    expect(r.failures).toEqual([
      '--fix left more structural problems than it found (1 -> 2: unknown-keyword, unknown-keyword)',
    ]);
    expect(classify(r, { root })).toEqual({ unknown: [], known: ['NB-1'] });
  });

  it('covers such a "{" that lands in a value block after the fix (fuzz seed 20261126, case 14310, reduced)', () => {
    // "global_defs" and "unicast_peer obal_defs" both lack their "{"; each next line is "39200 {".
    // After the fixes (a "{" for global_defs, "obal_defs" removed) keepalived reads "39200" as an
    // unknown keyword whose "{" it ignores but counts, and the second "39200 {" as a data line with
    // a stray "{" in the value block: problems the cascades hid, 2 -> 3.
    const root = bytes(
      'global_defs\n39200  {\n}\nvrrp_script chk_haproxy {\n}\nvrrp_instance VI_WEB {\n    unicast_peer obal_defs\n39200  {\n' +
        '    unicast_peer {\n}\n    }\n    authentication {',
    );
    const r = checkInput({ root });
    expect(r.failures).toEqual([
      '--fix left more structural problems than it found (2 -> 3: unknown-keyword, unexpected-open-brace, unknown-keyword)',
    ]);
    expect(classify(r, { root })).toEqual({ unknown: [], known: ['NB-1'] });
  });

  it('does not cover a stray "{" alone, or without a missing "{" fix', () => {
    const root = bytes('x\n');
    const base = checkInput({ root });
    const fix = { file: 0, start: 1, end: 1, text: ' {' };
    const missing = {
      ruleId: 'missing-open-brace',
      messageId: 'missing',
      severity: 'error' as const,
      message: '',
      loc: { file: 0, start: 0, end: 1 },
      data: {},
      fix,
    };
    const strayOnly: CheckResult = {
      ...base,
      failures: [
        '--fix left more structural problems than it found (1 -> 2: unexpected-open-brace, unexpected-open-brace)',
      ],
      diagnostics: [missing],
    };
    expect(classify(strayOnly, { root }).unknown).toEqual([strayOnly.failures[0]]);
    const noFix: CheckResult = {
      ...base,
      failures: ['--fix left more structural problems than it found (1 -> 2: unknown-keyword, unexpected-open-brace)'],
      diagnostics: [{ ...missing, fix: undefined }],
    };
    expect(classify(noFix, { root }).unknown).toEqual([noFix.failures[0]]);
  });

  it('does not cover other new problems after a missing "{" fix', () => {
    const root = bytes('x\n');
    const r: CheckResult = {
      ...checkInput({ root }),
      failures: ['--fix left more structural problems than it found (1 -> 2: unclosed-block, unknown-keyword)'],
    };
    r.diagnostics = [
      {
        ruleId: 'missing-open-brace',
        messageId: 'missing',
        severity: 'error',
        message: '',
        loc: { file: 0, start: 0, end: 1 },
        data: {},
        fix: { file: 0, start: 1, end: 1, text: ' {' },
      },
    ];
    expect(classify(r, { root }).unknown).toEqual([r.failures[0]]);
  });
});
