// The reader lexes runs of plain lines (nothing for the preprocessor to do) straight from the file
// text; every other line goes through the whole preprocessor. Both ways must read any text alike:
// the same AST, problems, comments and places as reading every line the careful way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../grammar/index';
import { memoryFs, ROOT_PATH, view } from './helpers';

const fs = memoryFs({
  '/etc/keepalived/inc/a.conf': 'vrrp_script chk_a {\n    script /bin/true\n    interval 2\n}\n',
  '/etc/keepalived/inc/b.conf': '    weight 5\n\ttimeout 3 # inside\n',
});

const both = (text: string, targetVersion: string, configId?: string): void => {
  const opts = { fs, targetVersion, configId };
  expect(view(parseText(ROOT_PATH, text, opts))).toEqual(view(parseText(ROOT_PATH, text, { ...opts, lineByLine: true })));
};

const fragment = fc.constantFrom(
  'vrrp_instance',
  'VI_1',
  'real_server',
  '10.0.0.1',
  'weight',
  '1',
  'interval',
  'include',
  'includefoo',
  'include /etc/keepalived/inc/*.conf',
  'include inc/b.conf',
  '@id',
  '@^id',
  '~SEQ(i,1,3)',
  '$X=1',
  '$X',
  '${X}',
  '{',
  '}',
  '"',
  '"a b"',
  '#',
  '!',
  '\\',
  '\\#',
  '\r',
  '\0',
  'é',
  '😀',
  '\udc00',
  'x'.repeat(300),
);
const indent = fc.constantFrom('', ' ', '    ', '\t', '\f', '\v', ' \t ');
const line = fc
  .tuple(indent, fc.array(fragment, { maxLength: 5 }), fc.constantFrom(' ', '\t', '  '))
  .map(([ind, parts, sep]) => ind + parts.join(sep));
const config = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('plain runs', () => {
  it('read like the full preprocessor on generated text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(config, fc.constantFrom('2.2.7', '2.4.3'), fc.constantFrom(undefined, 'id'), (text, version, id) =>
        both(text, version, id),
      ),
      { numRuns: 1500, seed: 20261126 },
    );
  });

  it('read like the full preprocessor on the fixtures and the corpus', { timeout: 60_000 }, () => {
    const dirs = [resolve(__dirname, '../fixtures/valid'), resolve(__dirname, '../fixtures/grammar'), resolve(__dirname, '../../../shared/corpus')];
    let files = 0;
    for (const dir of dirs.filter((d) => existsSync(d))) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.conf'))) {
        both(readFileSync(join(dir, f), 'latin1'), '2.2.7');
        files++;
      }
    }
    expect(files).toBeGreaterThan(10);
  });

  it('keep line numbers and places across blank lines, CRLF and an include in the middle', () => {
    const text = 'global_defs {\r\n\r\n    router_id a\r\n}\r\ninclude inc/a.conf\n\n\nvrrp_script s {\n  script x\n}\n';
    both(text, '2.2.7');
    const p = parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
    expect(p.body.map((s) => s.keyword.text)).toEqual(['global_defs', 'vrrp_script', 'vrrp_script']);
    const routerId = p.body[0]!.children![0]!;
    expect(text.slice(routerId.args[0]!.start, routerId.args[0]!.end)).toBe('a');
    expect(p.body[1]!.keyword.file).toBe(1);
    expect(p.body[2]!.keyword).toMatchObject({ file: 0, start: text.indexOf('vrrp_script s') });
  });
});

describe('plain runs found through the line index', () => {
  it('treat @, ~ and include as line starts only at the start of a line (blanks before them allowed)', () => {
    const text = [
      'global_defs {',
      '  notification_email {',
      '    root@example.com',
      '    ops~team@example.com',
      '  }',
      '  router_id includes_more',
      '}',
      '   @id router_id x',
      '\t~SEQ(i,1,2) vrrp_script s$i { }',
      '  include inc/b.conf',
      'vrrp_script t {',
      '  interval 2',
      '}',
    ].join('\n');
    for (const id of [undefined, 'id', 'other']) both(text, '2.2.7', id);
    const p = parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
    const emails = p.body[0]!.children![0]!.entries!.map((line) => line.map((w) => w.text).join(' '));
    expect(emails).toEqual(['root@example.com', 'ops~team@example.com']);
    expect(p.includes.map((i) => i.pattern)).toEqual(['inc/b.conf']);
    expect(p.replications).toHaveLength(1);
  });

  it('give every statement an argument list of its exact size', () => {
    const lines = Array.from({ length: 7 }, (_, n) => `  x${n} ${Array.from({ length: n }, (_, k) => `a${k}`).join(' ')}`);
    const text = `vrrp_instance V {\n${lines.join('\n')}\n}\n`;
    both(text, '2.2.7');
    const p = parseText(ROOT_PATH, text, { fs, targetVersion: '2.2.7' });
    const children = p.body[0]!.children!;
    expect(children.map((s) => s.args.length)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const s of children) expect(s.args.map((w) => text.slice(w.start, w.end))).toEqual(s.args.map((w) => w.text));
  });

  it('split a line into the words the full preprocessor finds, whatever blanks and braces surround them', () => {
    // Plain runs are lexed a statement at a time (LineRun, WordRun) and split at blanks by the
    // reader; the careful way lexes word by word.
    const lines = [
      'a b',
      'a\tb\fc\vd\re',
      '  a   b  ',
      'a{b}c',
      'a {b} c { d e } f',
      '{a',
      '}a b',
      '  { } {}',
      'a \udc00b \udc00 c\udc00',
      '\udc00',
      '\ud83d\ude00 x \ud83d',
      'é à',
      'x'.repeat(40) + ' ' + 'y'.repeat(12) + ' ' + 'z'.repeat(13),
      '\v\f a',
      'a \r',
      ' \r',
    ];
    const text = ['vrrp_instance V {', ...lines, '}', 'virtual_server 10.0.0.1 80 {', ...lines, '}', ''].join('\n');
    both(text, '2.2.7');
    both(text.replace(/\n/g, '\r\n'), '2.2.7');
    const p = parseText(ROOT_PATH, 'vrrp_instance V {\n  a\tb\fc\vd\re  {x y}z\n}\n', { fs, targetVersion: '2.2.7' });
    const words = p.body[0]!.children!.map((s) => [s.keyword.text, ...s.args.map((w) => w.text)]);
    expect(words[0]).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('read a last line without a line break, an empty text and a text of blank lines', () => {
    for (const text of ['', '\n', '\n\n  \n', 'vrrp_script s {\n  interval 2\n}', '  @id x\n  y', 'include inc/b.conf']) both(text, '2.2.7', 'id');
  });
});
