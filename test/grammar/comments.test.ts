// grammar.md §2 and §5: `#` and `!` comments anywhere outside quotes, `\#`/`\!` escapes (and the
// child-process double-decomment quirk), no line continuation outside definitions.
import { describe, expect, it } from 'vitest';
import { codes, find, parse, shape, textOf } from './helpers';

describe('comments', () => {
  it('# and ! start a comment anywhere, even glued to a word (oracle 06)', () => {
    const p = parse(
      'vrrp_instance VI_1 {\n  virtual_router_id 51#x\n  priority 100!y\n  state BACKUP # trailing\n  ! whole line\n}\n',
    );
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)[0]!.children).toEqual([
      { kw: 'virtual_router_id', args: ['51'] },
      { kw: 'priority', args: ['100'] },
      { kw: 'state', args: ['BACKUP'] },
    ]);
  });

  it('a comment right after a keyword', () => {
    const p = parse('global_defs {\n  smtp_helo_name helo#x\n}\n');
    expect(find(p.body, 'smtp_helo_name')!.args.map((a) => a.text)).toEqual(['helo']);
  });

  it('inside double quotes # and ! are ordinary characters', () => {
    const p = parse('global_defs {\n  router_id "id#with!chars"\n}\n');
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'router_id')!.args[0]!.text).toBe('id#with!chars');
  });

  it('a comment after a quoted word still ends the line', () => {
    const p = parse('global_defs {\n  router_id "a#b" # "odd quote\n}\n');
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'router_id')!.args.map((a) => a.text)).toEqual(['a#b']);
  });

  it('comments are recorded with their range, for suppression directives', () => {
    const p = parse('global_defs { # c1\n  router_id x ! c2\n}\n');
    expect(p.comments.map((c) => textOf(p, c))).toEqual(['# c1', '! c2']);
  });

  it('a comment hides braces', () => {
    const p = parse('global_defs { # }\n  router_id x\n}\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [{ kw: 'router_id', args: ['x'] }] }]);
  });
});

describe('escaped comment characters', () => {
  it('\\# and \\! are literal in global_defs, read by the parent process (oracle 08)', () => {
    const p = parse('global_defs {\n  router_id a\\#b\\!c\n}\n');
    expect(codes(p)).toEqual([]);
    const w = find(p.body, 'router_id')!.args[0]!;
    expect(w.text).toBe('a#b!c');
    expect(textOf(p, w)).toBe('a\\#b\\!c');
  });

  it('in vrrp blocks the child process decomments again: \\# starts a comment (oracles 08, 59)', () => {
    const p = parse('vrrp_instance VI_1 {\n  priority 100\\#junk more\n}\n');
    expect(codes(p)).toEqual([]);
    const prio = find(p.body, 'priority')!;
    expect(prio.args.map((a) => a.text)).toEqual(['100']);
    expect(textOf(p, prio.args[0]!)).toBe('100');
    expect(prio.dropped!.map((w) => w.text)).toEqual(['100#junk', 'more']);
  });

  it('in virtual_server blocks too (checker process)', () => {
    const p = parse('virtual_server 10.0.0.1 80 {\n  delay_loop 6\\!x\n}\n');
    expect(find(p.body, 'delay_loop')!.args.map((a) => a.text)).toEqual(['6']);
  });

  it('and in the data lines of their value blocks', () => {
    const p = parse('vrrp_instance VI_1 {\n  virtual_ipaddress {\n    192.168.1.1\\#foo dev eth0\n    \\#192.168.1.2\n  }\n}\n');
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'virtual_ipaddress')!.entries!.map((e) => e.map((w) => w.text))).toEqual([['192.168.1.1']]);
  });

  it('the data lines of a value block in global_defs keep the escaped character', () => {
    const p = parse('global_defs {\n  notification_email {\n    ops\\#1@example.com\n  }\n}\n');
    expect(find(p.body, 'notification_email')!.entries!.map((e) => e.map((w) => w.text))).toEqual([['ops#1@example.com']]);
  });

  it('an escaped comment character that starts a word drops the whole word', () => {
    const p = parse('vrrp_instance VI_1 {\n  priority 100 \\#200\n}\n');
    expect(find(p.body, 'priority')!.args.map((a) => a.text)).toEqual(['100']);
  });

  it('inside quotes \\# stays two characters', () => {
    const p = parse('global_defs {\n  router_id "a\\#b"\n}\n');
    expect(find(p.body, 'router_id')!.args[0]!.text).toBe('a\\#b');
  });
});

describe('no line continuation', () => {
  it('a backslash glued to a word stays part of it', () => {
    const p = parse('vrrp_instance VI_1 {\n  virtual_router_id\\\n  priority 100\\\n}\n');
    expect(shape(p.body)[0]!.children).toEqual([
      { kw: 'virtual_router_id\\', unknown: true },
      { kw: 'priority', args: ['100\\'] },
    ]);
  });

  // BUG (test/BUGS.md): keepalived removes the blanks before a trailing backslash, so it joins the last word.
  it('a trailing backslash after a blank sticks to the last word (oracle 09)', () => {
    const p = parse('vrrp_instance VI_1 {\n  virtual_router_id \\\n  priority 100 \\\n}\n');
    expect(shape(p.body)[0]!.children).toEqual([
      { kw: 'virtual_router_id\\', unknown: true },
      { kw: 'priority', args: ['100\\'] },
    ]);
    expect(codes(p)).toEqual(['unknown-keyword']);
  });
});

describe('trailing backslash after a comment in a definition (oracle 71)', () => {
  const text = '$X=router_id r1 # comment \\\nglobal_defs {\n  $X\n}\n';

  it('2.2.7 still sees the backslash: the next line joins the definition', () => {
    const p = parse(text, { targetVersion: '2.2.7' });
    expect(p.definitions[0]!.multiline).toBe(true);
    // "global_defs {" was swallowed into $X, which then expands at the top level into
    // "router_id r1" (unknown there, reported at the reference on line 3) and "global_defs {".
    expect(shape(p.body)).toEqual([
      { kw: 'router_id', args: ['r1'], unknown: true },
      { kw: 'global_defs', children: [] },
    ]);
    expect(codes(p)).toEqual(['unknown-keyword']);
    expect(textOf(p, p.problems[0]!.loc)).toBe('$X');
  });

  // A line of the definition whose backslash comes before a comment: the decommented line ends in
  // it, so every version goes on (a public config, checked against keepalived 2.2.7).
  it.each(['2.2.7', '2.4.0'])('a backslash before a comment continues the definition (%s)', (targetVersion) => {
    const p = parse(
      '$S= \\\n\tstate BACKUP \\\t\t# comment\n\tpriority 100 \\ ! note\n\tnopreempt\nvrrp_instance VI_1 {\n  $S\n}\n',
      { targetVersion },
    );
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [{ kw: 'state', args: ['BACKUP'] }, { kw: 'priority', args: ['100'] }, { kw: 'nopreempt' }],
      },
    ]);
  });

  it('2.4.0+ stops at the comment: a one-line definition', () => {
    const p = parse(text, { targetVersion: '2.4.0' });
    expect(p.definitions[0]!.multiline).toBe(false);
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [{ kw: 'router_id', args: ['r1'] }] }]);
  });
});
