// grammar.md §1: physical lines, CRLF, the 1023-byte line buffer (bytes, not characters), NUL
// bytes, blank lines, and the BOM.
import { describe, expect, it } from 'vitest';
import { encodeText, looksBinary, parseFile } from '../../grammar/index';
import { codes, memoryFs, parse, problems, shape, textOf } from './helpers';

const enc = (s: string): number[] => [...new TextEncoder().encode(s)];

describe('physical lines', () => {
  it('CRLF line ends are stripped (oracle 29)', () => {
    const p = parse('global_defs {\r\n  router_id lb01\r\n}\r\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [{ kw: 'router_id', args: ['lb01'] }] }]);
    const rid = p.body[0]!.children![0]!;
    expect(textOf(p, rid.args[0]!)).toBe('lb01');
  });

  it('several trailing \\r are all removed', () => {
    const p = parse('global_defs {\r\r\n  router_id lb01\r\r\r\n}\n');
    expect(shape(p.body)[0]!.children).toEqual([{ kw: 'router_id', args: ['lb01'] }]);
  });

  it('tabs and blanks separate words; blank and comment-only lines are skipped', () => {
    const p = parse('\n\t\nglobal_defs\t{\n\n   \t  \n\trouter_id\t\tlb01  \n  # only a comment\n}\n\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [{ kw: 'router_id', args: ['lb01'] }] }]);
  });

  it('a last line without a newline is read', () => {
    const p = parse('global_defs {\n  router_id lb01\n}');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [{ kw: 'router_id', args: ['lb01'] }] }]);
  });

  it('an empty file gives an empty AST', () => {
    const p = parse('');
    expect(p.body).toEqual([]);
    expect(codes(p)).toEqual([]);
  });

  it('a U+FEFF at the start of a text is part of the first word, as keepalived reads it', () => {
    const p = parse('\ufeffglobal_defs {\n}\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unknown-keyword', '\ufeffglobal_defs']]);
  });

  it('a file with a UTF-8 BOM keeps it as U+FEFF, so writing the text back gives the same bytes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('global_defs {\n}\n')]);
    const p = parseFile('/etc/keepalived/keepalived.conf', {
      fs: memoryFs({ '/etc/keepalived/keepalived.conf': bytes }),
    });
    expect(p.files[0]!.text.startsWith('\ufeffglobal_defs')).toBe(true);
    expect([...encodeText({ text: p.files[0]!.text, encoding: 'utf-8', bom: false })]).toEqual([...bytes]);
  });

  // keepalived 2.2.7 does not skip a BOM: `Unknown keyword '\ufeffglobal_defs'`, `Unexpected '{' -
  // ignoring`, ... (checked with keepalived -t); the linter reports it at the start of the file.
  it('a file with a UTF-8 BOM gets a problem at its start', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('global_defs {\n  router_id x\n}\n')]);
    const p = parseFile('/etc/keepalived/keepalived.conf', {
      fs: memoryFs({ '/etc/keepalived/keepalived.conf': bytes }),
    });
    expect(p.problems.length).toBeGreaterThan(0);
    expect(p.problems[0]!.loc.start).toBe(0);
  });

  it('non-ASCII text keeps UTF-16 offsets', () => {
    const p = parse('global_defs {\n  router_id "lb é 😀"\n}\nfoo_é 1\n');
    const unknown = problems(p).find((x) => x.code === 'unknown-keyword')!;
    expect(unknown.text).toBe('foo_é');
    expect(p.body[0]!.children![0]!.args[0]!.text).toBe('lb é 😀');
  });
});

describe('long lines: keepalived reads at most 1023 bytes per line', () => {
  const prefix = '  router_id '; // 12 bytes

  it('1023 bytes is fine', () => {
    const p = parse(`global_defs {\n${prefix}${'a'.repeat(1011)}\n}\n`);
    expect(codes(p)).toEqual([]);
  });

  it('1024 bytes: 2.2.7 reads the tail as the next line (oracle 63)', () => {
    const text = `global_defs {\n${prefix}${'a'.repeat(1011)}xyz\n}\n`;
    const p = parse(text, { targetVersion: '2.2.7' });
    expect(problems(p).map((x) => [x.code, x.text.length])).toEqual([
      ['line-too-long', 1026],
      ['unknown-keyword', 3],
    ]);
    expect(p.problems[0]!.data).toMatchObject({ bytes: 1026, limit: 1023 });
    expect(problems(p)[1]!.text).toBe('xyz');
    expect(shape(p.body)[0]!.children!.map((c) => c.kw)).toEqual(['router_id', 'xyz']);
    expect(p.body[0]!.children![0]!.args[0]!.text).toBe('a'.repeat(1011));
  });

  it('1024 bytes: 2.4.0+ drops the first 1023 bytes and still parses the tail', () => {
    const p = parse(`global_defs {\n${prefix}${'a'.repeat(1011)}xyz\n}\n`, { targetVersion: '2.4.0' });
    expect(codes(p)).toEqual(['line-too-long', 'unknown-keyword']);
    expect(shape(p.body)[0]!.children).toEqual([{ kw: 'xyz', unknown: true }]);
  });

  it('multi-byte UTF-8 counts bytes: 505 × "é" fits, 506 does not', () => {
    expect(codes(parse(`global_defs {\n${prefix}${'é'.repeat(505)}\n}\n`))).toEqual([]);
    const p = parse(`global_defs {\n${prefix}${'é'.repeat(506)}\n}\n`, { targetVersion: '2.2.7' });
    expect(p.problems[0]!.code).toBe('line-too-long');
    expect(p.problems[0]!.data.bytes).toBe(1024);
    // The cut falls after 1011 bytes of "é": 505 characters plus one byte, which keepalived would split
    // mid-character; the linter cuts at a character boundary.
    expect(p.body[0]!.children![0]!.args[0]!.text.length).toBeGreaterThanOrEqual(505);
  });

  it('a 4-byte character (surrogate pair in UTF-16) counts 4 bytes', () => {
    expect(codes(parse(`global_defs {\n${prefix}${'😀'.repeat(252)}aaa\n}\n`))).toEqual([]); // 12 + 1008 + 3 = 1023
    expect(codes(parse(`global_defs {\n${prefix}${'😀'.repeat(252)}aaaa\n}\n`))[0]).toBe('line-too-long');
  });

  it('Latin-1 files: one byte per character', () => {
    const bytes = new Uint8Array([...enc(`global_defs {\n${prefix}`), ...new Array(1011).fill(0xe9), ...enc('\n}\n')]);
    const p = parseFile('/etc/keepalived/keepalived.conf', {
      fs: memoryFs({ '/etc/keepalived/keepalived.conf': bytes }),
    });
    expect(p.files[0]!.encoding).toBe('latin1');
    expect(codes(p)).toEqual([]);
    expect(p.body[0]!.children![0]!.args[0]!.text).toBe('é'.repeat(1011));

    const longer = new Uint8Array([...enc(`global_defs {\n${prefix}`), ...new Array(1012).fill(0xe9), ...enc('\n}\n')]);
    const q = parseFile('/etc/keepalived/keepalived.conf', {
      fs: memoryFs({ '/etc/keepalived/keepalived.conf': longer }),
      targetVersion: '2.2.7',
    });
    expect(problems(q).map((x) => [x.code, x.text])).toEqual([
      ['line-too-long', `${prefix}${'é'.repeat(1012)}`],
      ['unknown-keyword', 'é'],
    ]);
  });

  it('the \\r of CRLF is not counted', () => {
    expect(codes(parse(`global_defs {\r\n${prefix}${'a'.repeat(1011)}\r\n}\r\n`))).toEqual([]);
  });

  it('a long comment line: the tail after 1023 bytes is a new line, outside the comment', () => {
    const p = parse(`# ${'a'.repeat(1100)}\n`);
    expect(codes(p)).toEqual(['line-too-long', 'unknown-keyword']);
    expect(problems(p)[1]!.text).toBe('a'.repeat(1102 - 1023));
  });
});

describe('binary files', () => {
  it('control characters make a text binary only from 32 of them on, at over 10 %', () => {
    expect(looksBinary('\u0001'.repeat(32) + 'x'.repeat(200))).toBe(true);
    expect(looksBinary('\u0001'.repeat(32) + 'x'.repeat(400))).toBe(false);
    // RB-14: two stray characters in a short file are no binary, however high their share.
    expect(looksBinary('SSL x {\n}\u0016\u0003P7\n')).toBe(false);
    expect(looksBinary('global_defs {\n}\n\u0000')).toBe(true);
  });
});

describe('NUL bytes', () => {
  it('a text with NULs near its start is binary and not analysed', () => {
    const p = parse('global_defs {\n}\n\u0000\n');
    expect(codes(p)).toEqual(['binary-file']);
    expect(p.body).toEqual([]);
  });

  const late = `${'# padding padding padding padding padding padding\n'.repeat(200)}global_defs {\n  router_id lb01\u0000junk\n  notification_email_from a@b.c\n}\n`;

  it('2.2.7 cuts a line at a NUL (fgets + strlen)', () => {
    const p = parse(late, { targetVersion: '2.2.7' });
    expect(codes(p)).toEqual(['embedded-nul']);
    expect(shape(p.body)).toEqual([
      {
        kw: 'global_defs',
        children: [
          { kw: 'router_id', args: ['lb01'] },
          { kw: 'notification_email_from', args: ['a@b.c'] },
        ],
      },
    ]);
  });

  it('2.4.0+ ignores the whole line', () => {
    const p = parse(late, { targetVersion: '2.4.0' });
    expect(codes(p)).toEqual(['embedded-nul']);
    expect(shape(p.body)).toEqual([
      { kw: 'global_defs', children: [{ kw: 'notification_email_from', args: ['a@b.c'] }] },
    ]);
    expect(textOf(p, p.problems[0]!.loc)).toBe('\u0000');
  });
});
