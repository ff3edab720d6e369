// Inline suppression comments: disable-next-line, disable-line, disable/enable ranges, a
// file-level disable, `!` comments, several rules, and reporting unused directives.
import { describe, expect, it } from 'vitest';
import { lintParse, type LintOptions } from '../../linter/index';
import { parse } from '../grammar/helpers';
import { unmark } from './rule-tester';

// Only these rules are looked at, so that other rules' findings on the snippets do not interfere.
const RULES = new Set([
  'unknown-keyword',
  'invalid-number',
  'extra-argument',
  'line-too-long',
  'unused-disable-directive',
]);

/** Findings as `ruleId "text"`, in source order. */
function findings(code: string, options: LintOptions = {}): string[] {
  const p = parse(code);
  return lintParse(p, options)
    .filter((d) => RULES.has(d.ruleId))
    .map((d) => `${d.ruleId} ${JSON.stringify(p.files[d.loc.file]!.text.slice(d.loc.start, d.loc.end))}`);
}

describe('suppressions', () => {
  it('without directives everything is reported', () => {
    expect(findings('foo 1\nbar 2\n')).toEqual(['unknown-keyword "foo"', 'unknown-keyword "bar"']);
  });

  it('disable-next-line RULE -- reason covers only the next line', () => {
    expect(
      findings('# keepalived-lint disable-next-line unknown-keyword -- legacy tooling reads it\nfoo 1\nbar 2\n'),
    ).toEqual(['unknown-keyword "bar"']);
  });

  it('disable-next-line of another rule does not suppress', () => {
    expect(findings('# keepalived-lint disable-next-line invalid-number\nfoo 1\n')).toEqual(['unknown-keyword "foo"']);
  });

  it('disable-next-line with several rules, comma-separated', () => {
    const code =
      'vrrp_instance VI_1 {\n  # keepalived-lint disable-next-line invalid-number, extra-argument -- migration\n  priority 300 400\n  priority 300\n}\n';
    expect(findings(code)).toEqual(['invalid-number "300"']);
  });

  it('disable-next-line inside a block, indented', () => {
    const code = 'vrrp_instance VI_1 {\n    # keepalived-lint disable-next-line invalid-number\n    priority 300\n}\n';
    expect(findings(code)).toEqual([]);
  });

  it('disable-line at the end of a line', () => {
    expect(findings('foo 1 # keepalived-lint disable-line unknown-keyword\nbar 2\n')).toEqual([
      'unknown-keyword "bar"',
    ]);
  });

  it('! comments work like # comments', () => {
    expect(
      findings('! keepalived-lint disable-next-line unknown-keyword\nfoo 1\nbar 2 ! keepalived-lint disable-line\n'),
    ).toEqual([]);
  });

  it('disable ... enable brackets a range', () => {
    const code =
      'foo 1\n# keepalived-lint disable unknown-keyword\nbar 2\nbaz 3\n# keepalived-lint enable unknown-keyword\nqux 4\n';
    expect(findings(code)).toEqual(['unknown-keyword "foo"', 'unknown-keyword "qux"']);
  });

  it('disable without enable lasts to the end of the file', () => {
    expect(findings('foo 1\n# keepalived-lint disable unknown-keyword\nbar 2\nbaz 3\n')).toEqual([
      'unknown-keyword "foo"',
    ]);
  });

  it('a file-level disable at the top, for all rules', () => {
    const code = '# keepalived-lint disable -- generated file\nfoo 1\nvrrp_instance VI_1 {\n  priority 300\n}\n';
    expect(findings(code)).toEqual([]);
  });

  it('a file-level disable of one rule leaves the others', () => {
    const code = '# keepalived-lint disable unknown-keyword\nfoo 1\nvrrp_instance VI_1 {\n  priority 300\n}\n';
    expect(findings(code)).toEqual(['invalid-number "300"']);
  });

  it('enable of one rule after a disable of several', () => {
    const code =
      '# keepalived-lint disable unknown-keyword invalid-number\nfoo 1\n# keepalived-lint enable unknown-keyword\nbar 2\nvrrp_instance VI_1 {\n  priority 300\n}\n';
    // The enable ends the range for unknown-keyword only.
    expect(findings(code)).toEqual(['unknown-keyword "bar"']);
  });

  it('disable-next-line covers a finding that starts on the next line and spans several (a cascade)', () => {
    const code =
      '# keepalived-lint disable-next-line unknown-keyword -- vendor block\nvendor_block {\n  x 1\n}\nbar 2\n';
    expect(findings(code)).toEqual(['unknown-keyword "bar"']);
  });

  it('disable-line on a line of its own applies to that line only', () => {
    const code = 'foo 1\n# keepalived-lint disable-line unknown-keyword\nbar 2\n';
    expect(findings(code)).toEqual(['unknown-keyword "foo"', 'unknown-keyword "bar"']);
  });

  it('a directive inside quotes is not a comment', () => {
    expect(findings('global_defs {\n  router_id "# keepalived-lint disable"\n}\nfoo 1\n')).toEqual([
      'unknown-keyword "foo"',
    ]);
  });

  it('a text that merely mentions the tool is not a directive', () => {
    expect(findings('# see keepalived-lint docs\nfoo 1\n')).toEqual(['unknown-keyword "foo"']);
  });

  describe('reportUnusedDisableDirectives', () => {
    const opts: LintOptions = { reportUnusedDisableDirectives: true };

    it('reports a directive that suppressed nothing, with a fix that removes it', () => {
      const src = 'global_defs {\n}\n<|# keepalived-lint disable-next-line line-too-long|>\nvrrp_script chk {\n}\n';
      const { text, ranges } = unmark(src);
      const p = parse(text);
      const diags = lintParse(p, opts).filter((d) => d.ruleId === 'unused-disable-directive');
      expect(diags).toHaveLength(1);
      expect(diags[0]!.severity).toBe('warning');
      expect(diags[0]!.message).toMatch(
        /Unused keepalived-lint disable-next-line directive \(no line-too-long finding here\)/,
      );
      expect({ start: diags[0]!.loc.start, end: diags[0]!.loc.end }).toEqual(ranges[0]);
      expect(diags[0]!.fix).toEqual({ file: 0, start: ranges[0]!.start, end: ranges[0]!.end, text: '' });
    });

    it('a used directive is not reported; enable is never reported', () => {
      const code =
        '# keepalived-lint disable unknown-keyword\nfoo 1\n# keepalived-lint enable unknown-keyword\n# keepalived-lint disable-next-line unknown-keyword\nbar 2\n';
      expect(findings(code, opts)).toEqual([]);
    });

    it('is off by default', () => {
      expect(findings('# keepalived-lint disable-next-line line-too-long\nglobal_defs {\n}\n')).toEqual([]);
    });

    it('speaks the locale, like every rule', () => {
      const p = parse('# keepalived-lint disable-next-line line-too-long\nglobal_defs {\n}\n# keepalived-lint disable\n');
      const messages = lintParse(p, { ...opts, locale: 'zh-cn' })
        .filter((d) => d.ruleId === 'unused-disable-directive')
        .map((d) => d.message);
      expect(messages).toEqual([
        '未使用的 keepalived-lint disable-next-line 指令（此处没有 line-too-long 问题）。',
        '未使用的 keepalived-lint disable 指令。',
      ]);
    });
  });

  it('a severity override does not affect suppression', () => {
    const p = parse('# keepalived-lint disable-next-line unknown-keyword\nfoo 1\nbar 2\n');
    const diags = lintParse(p, { rules: { 'unknown-keyword': 'warn' } }).filter((d) => RULES.has(d.ruleId));
    expect(diags.map((d) => [d.ruleId, d.severity])).toEqual([['unknown-keyword', 'warning']]);
  });

  it('"off" turns a rule off', () => {
    expect(findings('foo 1\n', { rules: { 'unknown-keyword': 'off' } })).toEqual([]);
  });

  it('directives in an included file apply to that file', () => {
    const p = parse('include a.conf\nfoo 1\n', {
      files: { '/etc/keepalived/a.conf': '# keepalived-lint disable unknown-keyword\nbar 2\n' },
    });
    expect(lintParse(p).map((d) => p.files[d.loc.file]!.text.slice(d.loc.start, d.loc.end))).toEqual(['foo']);
  });
});
