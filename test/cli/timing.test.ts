import { describe, expect, it } from 'vitest';
import { timingRows, timingTable } from '../../cli/timing';

describe('timingTable', () => {
  const timing = { 'invalid-number': 4, 'unknown-keyword': 12, 'extra-argument': 0.5, '(finalize)': 3.5 };

  it('lists the slowest rules first with their share of the total', () => {
    expect(timingTable(timing, '1')).toBe(
      [
        '',
        'Rule            | Time (ms) | Relative',
        ':---------------|----------:|--------:',
        'unknown-keyword |    12.000 |    60.0%',
        'invalid-number  |     4.000 |    20.0%',
        '(finalize)      |     3.500 |    17.5%',
        'extra-argument  |     0.500 |     2.5%',
        '',
      ].join('\n'),
    );
  });

  it('takes TIMING=all for every rule, a number above 10 for that many rows, anything else for 10 (as ESLint)', () => {
    expect(timingRows('20')).toBe(20);
    expect(timingRows('ALL')).toBe(Infinity);
    expect(timingRows('3')).toBe(10);
    expect(timingRows('yes')).toBe(10);
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`rule-${k}`, k]));
    expect(timingTable(many, '1').trim().split('\n')).toHaveLength(12);
    expect(timingTable(many, '12').trim().split('\n')).toHaveLength(14);
    expect(timingTable(many, 'all').trim().split('\n')).toHaveLength(32);
  });
});
