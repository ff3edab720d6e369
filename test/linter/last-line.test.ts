// keepalived counts a line when it reads its line break, so its first pass gives a last line
// without one the number of the line before (`(Line 3) Extra '}' found` for line 4). Findings on
// such a line start at the end of the line before, and so cover the line keepalived names.
import { describe, expect, it } from 'vitest';
import { lintParse } from '../../linter/index';
import { parse } from '../grammar/helpers';

/** Findings of one rule as `start-end "covered text"`. */
function ranges(code: string, ruleId: string): string[] {
  const p = parse(code);
  return lintParse(p)
    .filter((d) => d.ruleId === ruleId)
    .map((d) => `${d.loc.start}-${d.loc.end} ${JSON.stringify(code.slice(d.loc.start, d.loc.end))}`);
}

describe('a last line without a line break', () => {
  it('a finding on it starts at the end of the line before', () => {
    const code = 'global_defs {\n    router_id a\n}\n}';
    expect(ranges(code, 'extra-close-brace')).toEqual(['31-33 "\\n}"']);
  });

  it('the same file with a final line break keeps the exact range', () => {
    const code = 'global_defs {\n    router_id a\n}\n}\n';
    expect(ranges(code, 'extra-close-brace')).toEqual(['32-33 "}"']);
  });

  it('findings on earlier lines are not moved, and the fix is untouched', () => {
    const code = 'foo 1\nglobal_defs {\n    router_id a\n}';
    expect(ranges(code, 'unknown-keyword')).toEqual(['0-3 "foo"']);
    const p = parse('global_defs {\n}\n}');
    const d = lintParse(p).find((x) => x.ruleId === 'extra-close-brace')!;
    expect(d.loc.start).toBe(15);
    expect(d.fix).toMatchObject({ start: 16, end: 17, text: '' });
  });

  it('a file of one line without a line break has no line before', () => {
    expect(ranges('}', 'extra-close-brace')).toEqual(['0-1 "}"']);
  });

  it('CRLF: the range starts at the line feed of the line before', () => {
    const code = 'global_defs {\r\n}\r\n}';
    expect(ranges(code, 'extra-close-brace')).toEqual(['17-19 "\\n}"']);
  });
});
