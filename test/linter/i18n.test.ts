// The Simplified Chinese catalogue covers exactly the registered rules' messages and descriptions
// (and those of the linter's own findings, the pseudo rules),
// with the same {placeholders} as the English templates.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue, format, pseudoRules, rules, template } from '../../linter/index';

interface Described {
  id: string;
  description: string;
  messages: Record<string, string>;
}

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** Registry rules plus peer rules when linter/peer-registry.ts exists. */
async function allRules(): Promise<Described[]> {
  const out: Described[] = [...rules, ...pseudoRules];
  const peerPath = fileURLToPath(new URL('../../linter/peer-registry.ts', import.meta.url));
  if (existsSync(peerPath)) {
    const mod = (await import(/* @vite-ignore */ peerPath)) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      if (!Array.isArray(v)) continue;
      for (const r of v as Described[])
        if (r && typeof r.id === 'string' && r.messages && !out.some((x) => x.id === r.id)) out.push(r);
    }
  }
  return out;
}

describe('zh-cn message catalogue', () => {
  const zh = catalogue('zh-cn');

  it('has exactly one entry per rule message and description', async () => {
    const expected = new Set<string>();
    for (const r of await allRules()) {
      expected.add(`${r.id}/description`);
      for (const m of Object.keys(r.messages)) expected.add(`${r.id}/${m}`);
    }
    const have = new Set(Object.keys(zh));
    expect([...expected].filter((k) => !have.has(k)).sort(), 'missing translations').toEqual([]);
    expect([...have].filter((k) => !expected.has(k)).sort(), 'entries for no rule message').toEqual([]);
  });

  it('keeps the English placeholders', async () => {
    const bad: string[] = [];
    for (const r of await allRules()) {
      const pairs: Array<[string, string]> = [
        [`${r.id}/description`, r.description],
        ...Object.entries(r.messages).map(([m, t]): [string, string] => [`${r.id}/${m}`, t]),
      ];
      for (const [key, english] of pairs) {
        const t = zh[key];
        if (t !== undefined && placeholders(t).join() !== placeholders(english).join())
          bad.push(`${key}: ${placeholders(english)} vs ${placeholders(t)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('translates rather than copies, and has no empty entries', async () => {
    const english = new Map<string, string>();
    for (const r of await allRules()) {
      english.set(`${r.id}/description`, r.description);
      for (const [m, t] of Object.entries(r.messages)) english.set(`${r.id}/${m}`, t);
    }
    for (const [key, t] of Object.entries(zh)) {
      expect(t.trim(), key).not.toBe('');
      // Templates that are only placeholders and punctuation ("{node}: {value}") have no words to translate.
      const words = (english.get(key) ?? '').replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/);
      if (words) expect(/[\u4e00-\u9fff]/.test(t), `${key} has no Chinese text`).toBe(true);
    }
  });

  it('is used for zh-cn and falls back to English', () => {
    const r = rules.find((x) => x.id === 'unknown-keyword')!;
    const zhText = format(template(r.id, 'didYouMean', r.messages.didYouMean!, 'zh-cn'), {
      keyword: 'vrrp_strick',
      block: 'global_defs',
      suggestion: 'vrrp_strict',
    });
    expect(zhText).toContain('vrrp_strict');
    expect(zhText).toMatch(/[\u4e00-\u9fff]/);
    expect(template(r.id, 'no-such-message', 'English', 'zh-cn')).toBe('English');
    expect(template(r.id, 'didYouMean', 'English', 'en')).toBe('English');
  });
});

describe('format', () => {
  it('fills every placeholder, repeated ones too, and leaves those without data as they are', () => {
    expect(format('"{value}" for {keyword}: {value}', { value: 'x', keyword: 'weight' })).toBe('"x" for weight: x');
    expect(format('{a}{b}{c}', { a: 1, c: false })).toBe('1{b}false');
    expect(format('no placeholders')).toBe('no placeholders');
    expect(format('{not a name} {}', { 'not a name': 1 })).toBe('{not a name} {}');
    expect(format('{x}', { x: '{y}', y: 2 })).toBe('{y}');
  });
});
