// Table-driven rule tests. Expected ranges are marked inside the source with `<|…|>`, so nobody
// counts columns: `priority <|300|>` expects one finding covering exactly `300`.
//
//   ruleTester('invalid-number', {
//     valid: ['vrrp_instance VI_1 {\n  priority 100\n}'],
//     invalid: [{ code: 'vrrp_instance VI_1 {\n  priority <|300|>\n}', message: /1\.\.255/ }],
//   });
//
// Only findings of the rule under test count; the others are ignored.
import { describe, expect, it } from 'vitest';
import type { Fix } from '../../grammar/index';
import { applyFixes as applyFixPass } from '../../host/fix';
import { lintParse, rules, type Diagnostic, type LintOptions } from '../../linter/index';
import { parse, ROOT_PATH, type MemEntry } from '../grammar/helpers';

/** A case that must produce no finding of the rule. */
export interface ValidCase {
  code: string;
  options?: LintOptions;
  /** Other files (absolute paths), for includes. */
  files?: Record<string, MemEntry>;
  name?: string;
}

/** A case that must produce exactly the marked findings. */
export interface InvalidCase {
  /** Source with `<|…|>` around each expected range (also allowed in `files`). */
  code: string;
  /** Checked against every finding; a string must match exactly. */
  message?: RegExp | string;
  /** One message per finding, in source order, when they differ. */
  messages?: Array<RegExp | string>;
  messageId?: string;
  /** Defaults to the rule's own severity. */
  severity?: 'error' | 'warning';
  /** Root file text after applying every fix; null asserts that no finding has a fix. */
  output?: string | null;
  options?: LintOptions;
  /** Other files (absolute paths); text files may hold markers too. */
  files?: Record<string, MemEntry>;
  name?: string;
  /** A known core bug (see test/BUGS.md): the case is declared but skipped. */
  bug?: string;
}

/** Cases for one rule. */
export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

interface Marked {
  text: string;
  ranges: Array<{ start: number; end: number }>;
}

/** Removes `<|` `|>` markers and returns the clean text and the ranges they marked. */
export function unmark(src: string): Marked {
  const ranges: Marked['ranges'] = [];
  let text = '';
  const open: number[] = [];
  let i = 0;
  while (i < src.length) {
    if (src.startsWith('<|', i)) {
      open.push(text.length);
      i += 2;
    } else if (src.startsWith('|>', i) && open.length) {
      ranges.push({ start: open.pop()!, end: text.length });
      i += 2;
    } else text += src[i++];
  }
  if (open.length) throw new Error(`unbalanced <| marker in ${JSON.stringify(src)}`);
  return { text, ranges: ranges.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/**
 * Applies a rule's fixes as one pass of `--fix` does (host/fix.ts): of overlapping fixes, and of
 * two at one point, the first in the file is applied and the others wait for the next pass.
 */
export function applyFixes(text: string, fixes: Fix[]): string {
  return applyFixPass(text, fixes).text;
}

function lintCase(
  ruleId: string,
  code: string,
  files: Record<string, MemEntry> | undefined,
  options: LintOptions | undefined,
) {
  const others: Record<string, MemEntry> = {};
  const marks = new Map<string, Marked>();
  for (const [p, t] of Object.entries(files ?? {})) {
    if (typeof t !== 'string') {
      others[p] = t;
      continue;
    }
    const m = unmark(t);
    marks.set(p, m);
    others[p] = m.text;
  }
  const root = unmark(code);
  marks.set(ROOT_PATH, root);
  const result = parse(root.text, {
    files: others,
    targetVersion: options?.targetVersion,
    configId: options?.configId,
    includeRoot: options?.includeRoot,
  });
  const diags = lintParse(result, options ?? {}).filter((d) => d.ruleId === ruleId);
  return { result, diags, root, marks };
}

const label = (c: { code: string; name?: string }): string =>
  c.name ?? JSON.stringify(c.code.length > 70 ? `${c.code.slice(0, 67)}...` : c.code);

const matches = (m: RegExp | string, text: string): void => {
  if (typeof m === 'string') expect(text).toBe(m);
  else expect(text).toMatch(m);
};

/** Declares the valid and invalid cases of one rule. */
export function ruleTester(ruleId: string, tests: RuleTests): void {
  describe(ruleId, () => {
    const rule = rules.find((r) => r.id === ruleId);
    it('is registered', () => {
      expect(rule, `rule ${ruleId} is not in linter/registry.ts`).toBeDefined();
    });
    if (!rule) return;

    describe('valid', () => {
      for (const v of tests.valid) {
        const c: ValidCase = typeof v === 'string' ? { code: v } : v;
        it(label(c), () => {
          const { diags } = lintCase(ruleId, c.code, c.files, c.options);
          expect(diags.map((d) => `${d.message} @${d.loc.start}-${d.loc.end}`)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of tests.invalid) {
        (c.bug && !process.env.RUN_BUGS ? it.skip : it)(c.bug ? `${label(c)} [BUG: ${c.bug}]` : label(c), () => {
          const { result, diags, marks } = lintCase(ruleId, c.code, c.files, c.options);
          const pathOf = (d: Diagnostic): string => result.files[d.loc.file]!.path;
          const expected: string[] = [];
          for (const [p, m] of marks)
            for (const r of m.ranges)
              expected.push(`${p}:${r.start}-${r.end} ${JSON.stringify(m.text.slice(r.start, r.end))}`);
          const actual = diags.map(
            (d) =>
              `${pathOf(d)}:${d.loc.start}-${d.loc.end} ${JSON.stringify(result.files[d.loc.file]!.text.slice(d.loc.start, d.loc.end))}`,
          );
          expect(
            actual.sort(),
            `ranges of ${ruleId} findings (messages: ${diags.map((d) => d.message).join(' | ')})`,
          ).toEqual(expected.sort());
          const ordered = [...diags].sort((a, b) => a.loc.file - b.loc.file || a.loc.start - b.loc.start);
          ordered.forEach((d, i) => {
            expect(d.ruleId).toBe(ruleId);
            expect(d.severity).toBe(c.severity ?? rule.meta.severity);
            if (c.message !== undefined) matches(c.message, d.message);
            const m = c.messages?.[i];
            if (m !== undefined) matches(m, d.message);
            if (c.messageId !== undefined) expect(d.messageId).toBe(c.messageId);
            expect(d.message).not.toMatch(/\{[a-z]\w*\}/); // every placeholder was filled
            // Ranges and fixes lie inside their files.
            const len = result.files[d.loc.file]!.text.length;
            expect(
              d.loc.start >= 0 && d.loc.start <= d.loc.end && d.loc.end <= len,
              `loc ${d.loc.start}-${d.loc.end} of ${len}`,
            ).toBe(true);
            if (d.fix) {
              const flen = result.files[d.fix.file]!.text.length;
              expect(
                d.fix.start >= 0 && d.fix.start <= d.fix.end && d.fix.end <= flen,
                `fix ${d.fix.start}-${d.fix.end}`,
              ).toBe(true);
            }
          });
          if (c.output === null) expect(diags.filter((d) => d.fix)).toEqual([]);
          else if (c.output !== undefined) {
            expect(rule.meta.fixable, `${ruleId} has an output case but is not marked fixable`).toBe(true);
            const fixes = diags.map((d) => d.fix).filter((f): f is Fix => f !== undefined && f.file === 0);
            expect(fixes.length, 'at least one fix').toBeGreaterThan(0);
            expect(applyFixes(marks.get(ROOT_PATH)!.text, fixes)).toBe(c.output);
            // A fix must make progress: the fixed text has fewer findings of this rule.
            const again = lintCase(ruleId, c.output, c.files, c.options).diags;
            expect(
              again.length,
              `findings of ${ruleId} after the fix: ${again.map((d) => d.message).join(' | ')}`,
            ).toBeLessThan(diags.length);
          }
        });
      }
    });
  });
}
