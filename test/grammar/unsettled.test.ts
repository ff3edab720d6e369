// ParseResult.unsettled: the top-level statements not read from rest to rest. Every other one must
// read the same from its own lines alone; the lint cache keeps findings by that text (see
// linter/block-cache.ts), so a wrong "settled" would hand out stale findings.
import { describe, expect, it } from 'vitest';
import { parseText, unsettledBlocks, type ParseResult, type Statement } from '../../grammar/index';
import { lineEnd, lastEnd, lineStart } from '../../linter/block-cache';
import { configTexts } from '../linter/configs';
import { memoryFs, ROOT_PATH, stmt } from './helpers';

const opts = { fs: memoryFs({}), targetVersion: '2.4.3' };

/** The keywords of the unsettled top-level statements, in order. */
function unsettled(text: string): string[] {
  const parse = parseText(ROOT_PATH, text, opts);
  return parse.body.filter((s) => parse.unsettled!.has(s)).map((s) => s.keyword.text);
}

/** The text with everything outside [start, end) blanked (line breaks kept: same offsets, same lines). */
function alone(text: string, start: number, end: number): string {
  return text.slice(0, start).replace(/[^\n]/g, ' ') + text.slice(start, end);
}

describe('unsettled top-level statements', () => {
  it('are none in a config read at rest throughout', () => {
    expect(
      unsettled('global_defs {\n    router_id a\n}\nvrrp_script s {\n    script "/bin/true"\n}\nfoo bar\n'),
    ).toEqual([]);
  });

  it('are those a cascade reads, and the one it starts from', () => {
    // The misspelt block keyword's "{" is ignored: its lines are read at the top level until its "}".
    const text =
      'vrrp_script a {\n    interval 1\n}\nvrrp_scrpt b {\n    interval 2\n    fall 3\n}\nvrrp_script c {\n    interval 4\n}\n';
    expect(unsettled(text)).toEqual(['vrrp_scrpt', 'interval', 'fall']);
  });

  it('include a block without its "{", a block left open at the end, and one after stray braces', () => {
    expect(unsettled('vrrp_script a\n    interval 1\n}\nvrrp_script b {\n    interval 2\n}\n')).toEqual([]);
    expect(unsettled('vrrp_script a {\n    interval 1\n}\nvrrp_script b {\n    interval 2\n')).toEqual(['vrrp_script']);
    // A "{" in a value block is counted: the brace count stays one up after the block.
    const stray =
      'vrrp_instance a {\n    virtual_ipaddress {\n        10.0.0.1 {\n    }\n}\nvrrp_script b {\n    interval 2\n}\n';
    expect(unsettled(stray)).toEqual(['vrrp_instance', 'vrrp_script']);
    // Back in step by the next statement (an extra "}" line), but not right after the block's "}".
    expect(unsettled(stray.replace('}\nvrrp_script', '}\n}\nvrrp_script'))).toEqual(['vrrp_instance']);
  });

  it('are each read the same from their own lines alone when settled', () => {
    let checked = 0;
    for (const text of configTexts('unsettled')) {
      const parse = parseText(ROOT_PATH, text, opts);
      const marks = unsettledBlocks(parse);
      if (!marks) continue;
      const body = parse.body;
      for (let i = 0; i < body.length; i++) {
        const s = body[i]!;
        if (marks.has(s) || s.skipped) continue;
        const start = lineStart(text, s.keyword.start);
        const end = lineEnd(text, lastEnd(s));
        // Blocks that share a line have no text of their own (the cache keeps nothing for them).
        if (sharesLine(text, body, i)) continue;
        const again: ParseResult = parseText(ROOT_PATH, alone(text, start, end), opts);
        expect(again.body.map(stmt), text.slice(start, end)).toEqual([stmt(s)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

function sharesLine(text: string, body: Statement[], i: number): boolean {
  const start = lineStart(text, body[i]!.keyword.start);
  const end = lineEnd(text, lastEnd(body[i]!));
  return (
    (i > 0 && lineEnd(text, lastEnd(body[i - 1]!)) > start) ||
    (i + 1 < body.length && lineStart(text, body[i + 1]!.keyword.start) < end)
  );
}
