// statementsWhere visits only the keyword groups whose catalogue entry a rule wants, and must give
// them in the order of the whole statement list, whatever the reading did: includes, `~SEQ` copies
// (which share their line's place), multi-line `$NAME` definitions (whose lines share the place of
// the use).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKeywords, parseText, type KeywordSpec } from '../../grammar/index';
import { allStatements, statementsWhere } from '../../linter/types';
import { memoryFs, ROOT_PATH } from '../grammar/helpers';

const fs = memoryFs({
  '/etc/keepalived/inc/a.conf': 'vrrp_script chk_a {\n    script /bin/a\n}\nnotify /bin/inc\n',
});

const takesScript = (spec: KeywordSpec): boolean => spec.params?.[0]?.type === 'script';
const weighted = (spec: KeywordSpec): boolean => spec.name === 'weight' || spec.name === 'priority';
const deprecated = (spec: KeywordSpec): boolean => spec.deprecated === true;
const PREDICATES = [takesScript, weighted, deprecated];

/** What picking them out of the whole list gives. */
function filtered(text: string, wanted: (spec: KeywordSpec) => boolean) {
  const p = parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
  // Every keyword with such an entry in some block: callers check each statement's own entry.
  const names = new Set(
    allKeywords()
      .filter(wanted)
      .map((k) => k.name),
  );
  return { got: statementsWhere(p.body, wanted), want: allStatements(p.body).filter((s) => names.has(s.keyword.text)) };
}

const words = (list: readonly { keyword: { text: string }; args: Array<{ text: string }> }[]): string[] =>
  list.map((s) => [s.keyword.text, ...s.args.map((a) => a.text)].join(' '));

describe('statementsWhere', () => {
  it('gives the statements of several keywords in file order', () => {
    const text =
      'vrrp_script s {\n  script /bin/s\n  weight 2\n}\nvrrp_instance V {\n  notify_master /bin/m\n  priority 100\n  notify /bin/n\n}\n';
    expect(words(filtered(text, takesScript).got)).toEqual(['script /bin/s', 'notify_master /bin/m', 'notify /bin/n']);
    expect(words(filtered(text, weighted).got)).toEqual(['weight 2', 'priority 100']);
  });

  it('keeps the order of the whole list across an include, a ~SEQ line and a multi-line $NAME', () => {
    const cases = [
      // The included file's statements come where the include stands (at smaller offsets of theirs).
      `global_defs {\n  router_id ${'r'.repeat(80)}\n}\nvrrp_instance V {\n  notify /bin/first\n}\ninclude inc/a.conf\nvrrp_instance W {\n  notify_master /bin/last\n}\n`,
      // Copies of one line share its places: script, notify, script, notify.
      '~SEQ(i,1,2) vrrp_script s$i { script /bin/s$i } vrrp_instance V$i { notify /bin/n$i }\n',
      // A definition of several lines: its statements all sit at the place of the use.
      '$B=notify_backup /bin/b \\\nnotify_master /bin/m\nvrrp_instance V {\n  notify /bin/n\n  $B\n}\n',
    ];
    for (const text of cases) {
      const { got, want } = filtered(text, takesScript);
      expect(want.length).toBeGreaterThan(2);
      expect(words(got)).toEqual(words(want));
      expect(got).toEqual(want);
    }
  });

  it('is the whole list filtered, on the fixtures and the corpus', () => {
    const dirs = [
      resolve(__dirname, '../fixtures/valid'),
      resolve(__dirname, '../fixtures/invalid'),
      resolve(__dirname, '../../../shared/corpus'),
    ];
    let files = 0;
    for (const dir of dirs.filter((d) => existsSync(d)))
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.conf'))) {
        const text = readFileSync(join(dir, f), 'latin1');
        for (const wanted of PREDICATES) {
          const { got, want } = filtered(text, wanted);
          expect(got.length).toBe(want.length);
          for (let i = 0; i < want.length; i++) expect(got[i]).toBe(want[i]);
        }
        files++;
      }
    expect(files).toBeGreaterThan(10);
  });

  it('is the whole list filtered, on generated text', () => {
    const line = fc.constantFrom(
      'vrrp_script s {',
      'script /bin/x',
      'weight 3',
      'vrrp_instance V {',
      'notify /bin/n',
      'notify_master /bin/m',
      'priority 10',
      '}',
      'include inc/a.conf',
      '~SEQ(i,1,3) notify /bin/$i',
      '~SEQ(i,1,2) vrrp_script q$i { script /bin/q$i }',
      '$D=notify_fault /bin/f \\',
      'notify_stop /bin/s',
      '$D',
      'virtual_server 10.0.0.1 80 {',
      'lb_kind NAT',
      'lvs_method NAT',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom(...PREDICATES), (lines, wanted) => {
        const { got, want } = filtered(lines.join('\n'), wanted);
        expect(got.length).toBe(want.length);
        for (let i = 0; i < want.length; i++) expect(got[i]).toBe(want[i]);
      }),
      { numRuns: 800, seed: 20261126 },
    );
  });
});
