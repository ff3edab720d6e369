import { describe, expect, it } from 'vitest';
import keywordData from '../../grammar/data/keywords.json';
import { allKeywords, findKeyword, paramsFor } from '../../grammar/index';

describe('keyword catalogue', () => {
  it('gives every entry the same fields in the same order (one hidden class for the rules to read)', () => {
    const shapes = new Set(allKeywords().map((k) => Object.keys(k).join(',')));
    expect([...shapes]).toHaveLength(1);
    const params = new Set(allKeywords().flatMap((k) => (k.params ?? []).map((p) => Object.keys(p).join(','))));
    expect([...params]).toHaveLength(1);
    // Version overrides are built the same way.
    const interval = findKeyword('root > vrrp_script', 'interval')!;
    expect(Object.keys(paramsFor(interval, '2.2.7')![0]!).join(',')).toBe([...params][0]);
  });

  it('keeps every value of the data file', () => {
    const data = keywordData as unknown as Array<Record<string, unknown>>;
    expect(allKeywords()).toHaveLength(data.length);
    allKeywords().forEach((k, i) => {
      for (const [key, value] of Object.entries(data[i]!)) {
        expect((k as unknown as Record<string, unknown>)[key], `${k.parent} > ${k.name}: ${key}`).toEqual(value);
      }
      // And adds no value of its own: the other fields are undefined.
      const extra = Object.entries(k).filter(([key, value]) => !(key in data[i]!) && value !== undefined);
      expect(extra, `${k.parent} > ${k.name}`).toEqual([]);
    });
  });
});
