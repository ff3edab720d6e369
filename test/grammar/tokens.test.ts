// grammar.md §3: how a logical line is split into words (lib/parser.c alloc_strvec_r).
import { describe, expect, it } from 'vitest';
import { codes, find, parse, problems, texts, textOf } from './helpers';

const argsOf = (code: string, kw: string): string[] => texts(find(parse(code).body, kw)!.args);

describe('words', () => {
  it('blanks of any kind separate words: space, tab, \\f, \\v', () => {
    expect(argsOf('global_defs {\n  notification_email_from \t\f\va@b.c\n}\n', 'notification_email_from')).toEqual([
      'a@b.c',
    ]);
  });

  it('a quoted word keeps its blanks and loses its quotes', () => {
    const p = parse('global_defs {\n  router_id "my router id"\n}\n');
    const w = find(p.body, 'router_id')!.args[0]!;
    expect(w.text).toBe('my router id');
    expect(w.quoted).toBe(true);
    expect(textOf(p, w)).toBe('"my router id"');
  });

  it('a quote inside a word ends it and starts a quoted word: "a b"@x (oracle 05)', () => {
    expect(
      argsOf('global_defs {\n  notification_email_from "a b"@example.com\n}\n', 'notification_email_from'),
    ).toEqual(['a b', '@example.com']);
  });

  it('5"1" is the words 5 and 1 (oracle 70)', () => {
    const p = parse('vrrp_instance VI_1 {\n  virtual_router_id 5"1"\n}\n');
    const args = find(p.body, 'virtual_router_id')!.args;
    expect(texts(args)).toEqual(['5', '1']);
    expect(args.map((a) => textOf(p, a))).toEqual(['5', '"1"']);
  });

  it('"" is an empty word (oracle 70)', () => {
    const p = parse('vrrp_instance VI_1 {\n  advert_int ""\n}\n');
    const args = find(p.body, 'advert_int')!.args;
    expect(args).toHaveLength(1);
    expect(args[0]!.text).toBe('');
    expect(textOf(p, args[0]!)).toBe('""');
  });

  it("single quotes are ordinary characters: '100' (oracle 70)", () => {
    expect(argsOf("vrrp_instance VI_1 {\n  priority '100'\n}\n", 'priority')).toEqual(["'100'"]);
  });

  it('no escapes inside quotes: "a\\"b" is a\\ then b then an open quote (oracle 62)', () => {
    const p = parse('global_defs {\n  router_id "a\\"b"\n}\n');
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['a\\', 'b']);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unmatched-quote', '"']]);
  });

  it('a quoted keyword is the keyword (oracle 61)', () => {
    const p = parse('"vrrp_instance" VI_2 {\n  "state" BACKUP\n}\n');
    expect(codes(p)).toEqual([]);
    expect(p.body[0]!.keyword.text).toBe('vrrp_instance');
    expect(p.body[0]!.children![0]!.keyword.text).toBe('state');
  });

  it('keywords are case-sensitive (oracle 16)', () => {
    const p = parse('VRRP_INSTANCE VI_1 {\n}\nvrrp_instance VI_2 {\n  State MASTER\n  Interface eth0\n}\n');
    expect(
      problems(p)
        .filter((x) => x.code === 'unknown-keyword')
        .map((x) => x.text),
    ).toEqual(['VRRP_INSTANCE', 'State', 'Interface']);
  });

  it('script keywords: the quoted command keeps its single quotes for the script parser (§9)', () => {
    const p = parse('vrrp_instance VI_1 {\n  notify_master "/path/script.sh \'arg with space\'" root\n}\n');
    expect(codes(p)).toEqual([]);
    expect(texts(find(p.body, 'notify_master')!.args)).toEqual(["/path/script.sh 'arg with space'", 'root']);
  });

  it('Unicode blanks are not separators', () => {
    expect(argsOf('global_defs {\n  router_id a\u00a0b\n}\n', 'router_id')).toEqual(['a\u00a0b']);
  });
});

describe('unterminated quotes', () => {
  it('an odd number of quotes: the line and the open quote are reported, the rest is dropped (oracle 07)', () => {
    const p = parse('global_defs {\n  router_id "abc def\n  smtp_server 10.0.0.1\n}\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([
      ['unterminated-quote', 'router_id "abc def'],
      ['unmatched-quote', '"abc def'],
    ]);
    const rid = find(p.body, 'router_id')!;
    expect(rid.args).toEqual([]);
    // The next line is read normally.
    expect(texts(find(p.body, 'smtp_server')!.args)).toEqual(['10.0.0.1']);
  });

  it('a data line of a value block loses its words from the open quote on', () => {
    const p = parse('vrrp_sync_group G {\n  group {\n    "VI_1\n    VI_2 "VI_3\n  }\n}\n');
    expect(find(p.body, 'group')!.entries!.map(texts)).toEqual([['VI_2']]);
  });

  it('a quote opened in the middle of a word', () => {
    const p = parse('global_defs {\n  router_id a"b c\n}\n');
    expect(codes(p)).toEqual(['unterminated-quote', 'unmatched-quote']);
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['a']);
  });

  it('a quote inside a comment does not count', () => {
    expect(codes(parse('global_defs {\n  router_id a # it"s\n}\n'))).toEqual([]);
  });
});
