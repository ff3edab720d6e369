// The fuzz oracle's list of known non-failures (test/ROBUSTNESS-BUGS.md) stays narrow: the cases it
// names are classified as known, and other failures on the same inputs are not.
import { describe, expect, it } from 'vitest';
import { checkInput, classify, type CheckResult } from './harness';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));

describe('NB-1', () => {
  it('covers a typo fix on a block with its "{" that unmasks brace problems (fuzz seed 20261128, case 8231)', () => {
    // "troup 1 {" is an unknown keyword whose "{" keepalived ignores but counts; the fix to "group"
    // makes it a block again, and the lines the cascade had folded are reported on their own.
    const root = bytes(
      'vrrp_sync_group 1 {\n  troup 1 {\n  track_script {\n    300.1.1.1\n  }\n  sync_group_tracking_weight\n}\n' +
        'ack_script {\n    300.1.1.1\n  }\n  sync_group_tracking_weight\n}\n',
    );
    const r = checkInput({ root });
    expect(r.failures).toEqual([
      '--fix left more structural problems than it found (1 -> 2: unexpected-open-brace, unknown-keyword)',
    ]);
    expect(classify(r, { root })).toEqual({ unknown: [], known: ['NB-1'] });
  });

  it('covers a fix inside a server port keepalived cannot read, which makes it read the block (fuzz seed 20261141, case 46231)', () => {
    // "500\u300051" is one word to keepalived, no port: it skips the service unread. The fix of the
    // irregular space (and then of the extra word) makes it a service on port 500, and the unknown
    // keyword with a "{" inside it is reported.
    const root = bytes(
      'virtual_server 10.13.68.79 500\u300051{\n    delay__kinver 10.13.68.78 50051{\n        weight 1\n    }\n}\n',
    );
    const r = checkInput({ root });
    expect(r.failures).toEqual(['--fix left more structural problems than it found (0 -> 1: unknown-keyword)']);
    expect(classify(r, { root })).toEqual({ unknown: [], known: ['NB-1'] });
    // Not when the new problem is of another kind.
    const other: CheckResult = {
      ...r,
      failures: ['--fix left more structural problems than it found (0 -> 1: extra-close-brace)'],
    };
    expect(classify(other, { root }).unknown).toEqual(other.failures);
    // Nor without a fix inside the unreadable address.
    const elsewhere: CheckResult = {
      ...r,
      diagnostics: (r.diagnostics ?? []).map((d) => (d.fix ? { ...d, fix: { ...d.fix, start: 0, end: 0 } } : d)),
    };
    expect(classify(elsewhere, { root }).unknown).toEqual(r.failures);
  });

  it('no longer hits NB-1 where a missing "{" fell inside a running cascade (fuzz seeds 20261204 and 20261126)', () => {
    // A block without "{" inside a cascade now keeps the cascade running until the top level
    // (grammar/builder.ts, startCascade): the problems after it stay folded, before and after the
    // fix alike, so the fix no longer shows new ones.
    for (const text of [
      'virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2\n00 6443 {\n    }\n    real_server 10.0.0.3\n}\n' +
        'vrrp_instance VI_1 {\n    state BACKUP\n}\n',
      'global_defs\n39200  {\n}\nvrrp_script chk_haproxy {\n}\nvrrp_instance VI_WEB {\n    unicast_peer obal_defs\n39200  {\n' +
        '    unicast_peer {\n}\n    }\n    authentication {',
    ]) {
      const root = bytes(text);
      const r = checkInput({ root });
      expect(r.failures).toEqual([]);
    }
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
