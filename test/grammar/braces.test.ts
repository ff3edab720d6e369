// grammar.md §4: brace splitting, block opening and closing, value blocks, the one-line-block
// trap, missing "{", extra "}", unknown-block cascades and recovery.
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../grammar/index';
import { codes, find, parse, problems, shape, textOf } from './helpers';

const VI = (body: string): string => `vrrp_instance VI_1 {\n${body}}\n`;

describe('brace splitting: every brace is its own logical line', () => {
  it('vrrp_instance VI_1 {', () => {
    const p = parse('vrrp_instance VI_1 {\n  state MASTER\n}\n');
    expect(codes(p)).toEqual([]);
    const vi = p.body[0]!;
    expect(textOf(p, vi.open!)).toBe('{');
    expect(textOf(p, vi.close!)).toBe('}');
    expect(vi.open!.start).toBe(19);
  });

  it('glued braces: global_defs{, }vrrp_instance VI_1{, }} (oracle 61)', () => {
    const p = parse(
      'global_defs{\n  router_id r1\n}vrrp_instance VI_1{\n  interface eth0\n  virtual_ipaddress{\n    10.0.0.1/24\n  }}\n',
    );
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([
      { kw: 'global_defs', children: [{ kw: 'router_id', args: ['r1'] }] },
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [
          { kw: 'interface', args: ['eth0'] },
          { kw: 'virtual_ipaddress', entries: [['10.0.0.1/24']] },
        ],
      },
    ]);
  });

  it('every brace has its own exact span, also when glued to words', () => {
    const text = 'global_defs{\n}vrrp_instance VI_1{\n}}\n';
    const p = parse(text);
    const [gd, vi] = p.body as [Statement, Statement];
    expect([gd.open!.start, gd.close!.start, vi.open!.start, vi.close!.start]).toEqual([11, 13, 32, 34]);
    expect([gd.open, gd.close, vi.open, vi.close].map((l) => textOf(p, l!))).toEqual(['{', '}', '{', '}']);
    expect(problems(p).map((x) => [x.code, x.start])).toEqual([['extra-close-brace', 35]]);
    expect(textOf(p, vi.keyword)).toBe('vrrp_instance');
    expect(vi.keyword.start).toBe(14);
  });

  it('"{" on the next line opens the block (oracle 03)', () => {
    const p = parse('vrrp_instance VI_1\n{\n  state MASTER\n}\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([
      { kw: 'vrrp_instance', args: ['VI_1'], children: [{ kw: 'state', args: ['MASTER'] }] },
    ]);
  });

  it('"} foo_bar": foo_bar is a keyword of the enclosing block (oracle 04)', () => {
    const p = parse(VI('  virtual_ipaddress {\n    10.0.0.1/24\n  } priority 100\n').replace(/}\n$/, '} foo_bar\n'));
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [
          { kw: 'virtual_ipaddress', entries: [['10.0.0.1/24']] },
          { kw: 'priority', args: ['100'] },
        ],
      },
      { kw: 'foo_bar', unknown: true },
    ]);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unknown-keyword', 'foo_bar']]);
  });

  it('"smtp_helo_name x{y": x, then "{", then y (oracle 55)', () => {
    const p = parse('global_defs {\n  smtp_helo_name x{y\n}\nvrrp_script chk {\n}\n');
    expect(shape(p.body)).toEqual([
      {
        kw: 'global_defs',
        children: [
          { kw: 'smtp_helo_name', args: ['x'] },
          { kw: 'y', unknown: true },
        ],
      },
      { kw: 'vrrp_script', args: ['chk'], children: [] },
    ]);
    // One root cause: the unexpected "{", whose range runs to the end (the count never resyncs;
    // keepalived adds "There are 1 missing '}'s" at EOF).
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unexpected-open-brace', '{']]);
    expect(p.problems[0]!.data.extentEnd).toBe(p.files[0]!.text.length);
  });

  it('quoted braces do not split (oracle 55)', () => {
    const p = parse('global_defs {\n  router_id "a{b}c"\n}\n');
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'router_id')!.args[0]!.text).toBe('a{b}c');
  });

  it('comment after a brace (oracle 61)', () => {
    const p = parse(VI('  virtual_ipaddress { # comment after brace\n    10.0.0.1/24\n  }\n'));
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'virtual_ipaddress')!.entries!.map((e) => e.map((w) => w.text))).toEqual([['10.0.0.1/24']]);
  });
});

describe('the one-line-block trap (oracle 02)', () => {
  it('one keyword per brace-delimited segment: the rest are arguments', () => {
    const p = parse('vrrp_instance VI_1 { state MASTER interface eth0 virtual_router_id 51 }\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [{ kw: 'state', args: ['MASTER', 'interface', 'eth0', 'virtual_router_id', '51'] }],
      },
    ]);
  });

  it('nested one-line blocks', () => {
    const p = parse('vrrp_instance VI_1 { authentication { auth_type PASS auth_pass x } }\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)[0]!.children).toEqual([
      { kw: 'authentication', children: [{ kw: 'auth_type', args: ['PASS', 'auth_pass', 'x'] }] },
    ]);
  });
});

describe('value blocks', () => {
  it('each line is one entry; the words are its fields', () => {
    const p = parse(VI('  virtual_ipaddress {\n    10.0.0.1/24 dev eth0 label eth0:1\n    10.0.0.2/24\n  }\n'));
    expect(codes(p)).toEqual([]);
    const vip = find(p.body, 'virtual_ipaddress')!;
    expect(vip.children).toBeUndefined();
    expect(vip.entries!.map((e) => e.map((w) => w.text))).toEqual([
      ['10.0.0.1/24', 'dev', 'eth0', 'label', 'eth0:1'],
      ['10.0.0.2/24'],
    ]);
    expect(textOf(p, vip.entries![1]![0]!)).toBe('10.0.0.2/24');
  });

  it('a one-line value block is one entry (oracle 10)', () => {
    const p = parse(VI('  virtual_ipaddress { 10.0.0.1/24 10.0.0.2/24 }\n'));
    expect(find(p.body, 'virtual_ipaddress')!.entries!.map((e) => e.map((w) => w.text))).toEqual([
      ['10.0.0.1/24', '10.0.0.2/24'],
    ]);
  });

  it('a single value on one line works: track_interface { eth0 }', () => {
    const p = parse(VI('  track_interface { eth0 }\n'));
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'track_interface')!.entries).toHaveLength(1);
  });

  it('keywords inside a value block are data, not keywords', () => {
    const p = parse(VI('  virtual_ipaddress {\n    state BACKUP\n  }\n  priority 100\n'));
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)[0]!.children).toEqual([
      { kw: 'virtual_ipaddress', entries: [['state', 'BACKUP']] },
      { kw: 'priority', args: ['100'] },
    ]);
  });

  it('group { VI_1 VI_2 } on one line: read_value_block flattens the words', () => {
    const p = parse('vrrp_sync_group G {\n  group { VI_1 VI_2 }\n}\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([
      { kw: 'vrrp_sync_group', args: ['G'], children: [{ kw: 'group', entries: [['VI_1', 'VI_2']] }] },
    ]);
  });

  it('definitions and substitution inside a value block', () => {
    const p = parse(VI('  virtual_ipaddress {\n    $V=10.0.0.2/24\n    $V dev eth0\n  }\n'));
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'virtual_ipaddress')!.entries!.map((e) => e.map((w) => w.text))).toEqual([
      ['10.0.0.2/24', 'dev', 'eth0'],
    ]);
  });

  it('a "}" after the last value closes the value block', () => {
    const p = parse(VI('  virtual_ipaddress {\n    10.0.0.1/24 }\n  priority 100\n'));
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)[0]!.children).toEqual([
      { kw: 'virtual_ipaddress', entries: [['10.0.0.1/24']] },
      { kw: 'priority', args: ['100'] },
    ]);
  });

  it('root value blocks: static_ipaddress, virtual_server_group NAME', () => {
    const p = parse(
      'static_ipaddress {\n  10.1.1.1/24 dev eth1\n}\nvirtual_server_group VSG {\n  10.0.0.1 80\n  10.0.0.2-10 443\n}\n',
    );
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([
      { kw: 'static_ipaddress', entries: [['10.1.1.1/24', 'dev', 'eth1']] },
      {
        kw: 'virtual_server_group',
        args: ['VSG'],
        entries: [
          ['10.0.0.1', '80'],
          ['10.0.0.2-10', '443'],
        ],
      },
    ]);
  });

  it('a "{" inside a value block is data, and is reported: keepalived still counts it (no nesting)', () => {
    const text = VI('  virtual_ipaddress {\n    10.0.0.1/24 {\n  }\n');
    const p = parse(text);
    expect(find(p.body, 'virtual_ipaddress')!.entries!.map((e) => e.map((w) => w.text))).toEqual([
      ['10.0.0.1/24'],
      ['{'],
    ]);
    expect(problems(p).map((x) => [x.code, x.start])).toEqual([['unexpected-open-brace', text.indexOf('{\n  }')]]);
    expect(p.problems[0]!.data.inValueBlock).toBe('virtual_ipaddress');
  });

  it('a value block whose "{" is missing: the next line is data (logged only by keepalived)', () => {
    const p = parse(VI('  virtual_ipaddress\n    10.0.0.1/24\n  }\n'));
    expect(find(p.body, 'virtual_ipaddress')!.entries!.map((e) => e.map((w) => w.text))).toEqual([['10.0.0.1/24']]);
    expect(codes(p)).toEqual(['missing-open-brace']);
  });
});

describe('blocks keepalived skips without reading them', () => {
  it('a vrrp_instance without a name, with two names, or with a name already used', () => {
    const p = parse(
      'vrrp_instance {\n}\nvrrp_instance A B {\n}\nvrrp_instance C {\n}\nvrrp_instance C {\n  priority 300\n}\n',
    );
    expect(p.body.map((s) => s.skipped)).toEqual(['no-name', 'extra-name', undefined, 'duplicate']);
    // The contents are still in the AST (an editor shows them), but no rule reads them.
    expect(shape([p.body[3]!])).toEqual([
      { kw: 'vrrp_instance', args: ['C'], children: [{ kw: 'priority', args: ['300'] }] },
    ]);
  });

  it('vrrp_sync_group and track_group names; other kinds are not skipped', () => {
    const p = parse(
      'vrrp_sync_group G H {\n}\ntrack_group T {\n}\ntrack_group T {\n}\nvrrp_script s {\n}\nvrrp_script s {\n}\n',
    );
    expect(p.body.map((s) => s.skipped)).toEqual(['extra-name', undefined, 'duplicate', undefined, undefined]);
  });

  it('a name is only a duplicate among objects of the same kind', () => {
    const p = parse('vrrp_instance X {\n}\nvrrp_sync_group X {\n}\n');
    expect(p.body.map((s) => s.skipped)).toEqual([undefined, undefined]);
  });

  it('a skipped block is only counted: the "{" of an unknown keyword in it opens nothing and cascades nowhere', () => {
    const text = 'vrrp_instance A {\n}\nvrrp_instance A {\n  foo {\n    bar 1\n  }\n  priority 50\n}\nvrrp_instance B {\n  priority 90\n}\n';
    const p = parse(text);
    expect(codes(p)).toEqual([]);
    expect(p.body.map((s) => [s.keyword.text, s.args[0]?.text, s.skipped])).toEqual([
      ['vrrp_instance', 'A', undefined],
      ['vrrp_instance', 'A', 'duplicate'],
      ['vrrp_instance', 'B', undefined],
    ]);
    // Its lines stay in the tree for the editor, flat; those right in the block keep their entry.
    expect(p.body[1]!.children!.map((c) => [c.keyword.text, c.spec?.name])).toEqual([
      ['foo', undefined],
      ['bar', undefined],
      ['priority', 'priority'],
    ]);
    expect(p.body[1]!.close!.start).toBe(text.indexOf('}\nvrrp_instance B'));
  });

  it('a quoted brace counts in a skipped block, though the reader does not count it as a brace', () => {
    const p = parse('vrrp_instance A {\n}\nvrrp_instance A {\n  foo "{"\n  priority 50\n}\n}\nvrrp_instance B {\n}\n');
    expect(p.body.map((s) => s.args[0]?.text)).toEqual(['A', 'A', 'B']);
    expect(codes(p)).toEqual(['extra-close-brace']);
    // Two quoted braces: the two "}" after the block's own are extra to the reader (lines 6 and 7), the first still inside the skip.
    const qt = 'vrrp_instance A {\n}\nvrrp_instance A {\n  foo "{" "{"\n}\n}\n}\n';
    const q = parse(qt);
    expect(problems(q).map((x) => [x.code, x.start])).toEqual([
      ['extra-close-brace', qt.indexOf('}\n}\n', qt.indexOf('foo')) + 2],
      ['extra-close-brace', qt.length - 2],
    ]);
  });

  it('a real_server or virtual_server whose address, port or fwmark keepalived cannot read', () => {
    const p = parse(
      'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.300 80 {\n  }\n  real_server 10.0.0.2 99999 {\n  }\n  real_server 10.0.0.3 0 {\n  }\n}\n' +
        'virtual_server 10.0.0.300 80 {\n}\nvirtual_server 10.0.0.1 http {\n}\nvirtual_server fwmark 4294967296 {\n}\nvirtual_server fwmark 1 {\n}\nvirtual_server group G {\n}\n',
    );
    expect(p.body[0]!.children!.map((c) => c.skipped)).toEqual(['invalid', 'invalid', undefined]);
    expect(p.body.map((s) => s.skipped)).toEqual([undefined, 'invalid', 'invalid', 'invalid', undefined, undefined]);
  });

  it('the block of an invalid real_server: a block keyword without its "{" inside it does not shift the reading', () => {
    // keepalived counts the real server's braces: its "}" ends the count one line early, the next
    // "}" ends the virtual server, and the real server after it stands at the top level.
    const text =
      'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.300 80 {\n    HTTP_GET {\n      url\n        path /\n      }\n    }\n  }\n  real_server 10.0.0.3 80 {\n  }\n}\n';
    const p = parse(text);
    expect(p.body.map((s) => s.keyword.text)).toEqual(['virtual_server', 'real_server']);
    expect(p.body[0]!.children!.map((c) => [c.keyword.text, c.skipped])).toEqual([['real_server', 'invalid']]);
    expect(codes(p)).toEqual(['unknown-keyword', 'extra-close-brace']);
  });

  it('a skipped real_server without its "{": keepalived skips nothing and reads its lines', () => {
    const p = parse('virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.300 80\n    weight 2\n}\n');
    expect(codes(p)).toContain('missing-open-brace');
    expect(find(p.body, 'weight')?.spec?.name).toBe('weight');
  });
});

describe('missing "{" (oracle 11)', () => {
  it('the next line is read as a sub-keyword; one problem spans the cascade', () => {
    const text =
      'vrrp_instance VI_1\n  interface eth0\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\nvrrp_script chk {\n}\n';
    const p = parse(text);
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [
          { kw: 'interface', args: ['eth0'] },
          { kw: 'virtual_ipaddress', entries: [['10.0.0.1/24']] },
        ],
      },
      { kw: 'vrrp_script', args: ['chk'], children: [] },
    ]);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['missing-open-brace', 'vrrp_instance']]);
    // The keepalived "Extra '}' found" on the last "}" of the instance belongs to this cascade.
    expect(p.problems[0]!.data.extentEnd).toBe(text.indexOf('}\nvrrp_script') + 1);
  });

  it('at the end of the file', () => {
    const p = parse('global_defs\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['missing-open-brace', 'global_defs']]);
  });

  describe('a value block of global_defs without "{": the readings of the processes part', () => {
    // The parent reads the lines up to global_defs' "}" as data and what follows inside global_defs;
    // the VRRP, checker and BFD processes skip global_defs by its braces and read on at the top level.
    const text =
      'global_defs {\n  notification_email a@b\n  router_id r1\n}\n' +
      'vrrp_instance VI_1 {\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n' +
      'global_defs {\n  router_id r2\n}\nvrrp_script chk {\n}\n';

    it('global_defs as the parent reads it, the instance as the VRRP process reads it', () => {
      const p = parse(text);
      expect(shape(p.body)).toEqual([
        {
          kw: 'global_defs',
          children: [
            { kw: 'notification_email', args: ['a@b'], entries: [['router_id', 'r1']] },
            { kw: 'vrrp_instance', args: ['VI_1'], unknown: true },
            { kw: 'priority', args: ['100'], unknown: true },
            { kw: 'virtual_ipaddress', unknown: true },
            { kw: '10.0.0.1/24', unknown: true },
          ],
        },
        {
          kw: 'vrrp_instance',
          args: ['VI_1'],
          children: [
            { kw: 'priority', args: ['100'] },
            { kw: 'virtual_ipaddress', entries: [['10.0.0.1/24']] },
          ],
        },
        { kw: 'global_defs', children: [{ kw: 'router_id', args: ['r2'] }] },
        { kw: 'vrrp_script', args: ['chk'], children: [] },
      ]);
      // One problem for the parent's cascade, from the value block to the "}" where it ends.
      expect(problems(p).map((x) => [x.code, x.text])).toEqual([['missing-open-brace', 'notification_email']]);
      expect(p.problems[0]!.data.extentEnd).toBe(text.indexOf('}\nglobal_defs') + 1);
    });

    it('the instance is one object (its name is not taken twice)', () => {
      const p = parse(text);
      expect(p.body.filter((s) => s.keyword.text === 'vrrp_instance').map((s) => s.skipped)).toEqual([undefined]);
    });

    it('no parting when the "}" that ends their skip ends global_defs for the parent too', () => {
      const p = parse('global_defs {\n  notification_email {\n    a@b\n  }\n}\nvrrp_instance VI_1 {\n}\n');
      expect(codes(p)).toEqual([]);
      expect(p.body.map((s) => s.keyword.text)).toEqual(['global_defs', 'vrrp_instance']);
    });
  });
});

describe('extra "}" (oracle 12)', () => {
  it('a "}" at the top level is reported once, where it stands', () => {
    const p = parse('global_defs {\n}\n}\nvrrp_script chk {\n}\n');
    expect(problems(p).map((x) => [x.code, x.start])).toEqual([['extra-close-brace', 16]]);
    expect(shape(p.body)).toEqual([
      { kw: 'global_defs', children: [] },
      { kw: 'vrrp_script', args: ['chk'], children: [] },
    ]);
  });

  it('"}}" closes two blocks, the third is extra', () => {
    const text = 'vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n  }}}\n';
    const p = parse(text);
    expect(problems(p).map((x) => [x.code, x.text, x.start])).toEqual([
      ['extra-close-brace', '}', text.lastIndexOf('}')],
    ]);
  });
});

describe('missing "}" at the end (oracle 13)', () => {
  it('each open block is reported, innermost last; the AST keeps their contents', () => {
    const p = parse('vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([
      ['unclosed-block', 'virtual_ipaddress {'],
      ['unclosed-block', 'vrrp_instance VI_1 {'],
    ]);
    expect(shape(p.body)).toEqual([
      { kw: 'vrrp_instance', args: ['VI_1'], children: [{ kw: 'virtual_ipaddress', entries: [['10.0.0.1/24']] }] },
    ]);
  });
});

describe('unclosed blocks whose "{" is not after their keyword (RB-19)', () => {
  it('a ~SEQ line whose copies open each other\'s blocks: the range is the keyword', () => {
    const text = '~SEQ(i, 1, 3) { vrrp_instance VI_$i\n';
    const p = parse(text, { targetVersion: '2.4.3' });
    const unclosed = p.problems.filter((x) => x.code === 'unclosed-block');
    expect(unclosed.length).toBeGreaterThan(0);
    for (const x of unclosed) {
      expect(x.loc.end).toBeGreaterThanOrEqual(x.loc.start);
      expect(text.slice(x.loc.start, x.loc.end)).toBe('vrrp_instance');
    }
  });

  it('a "{" that comes from an included file: the range stays in the keyword\'s file', () => {
    const files = { '/etc/keepalived/brace.conf': '{\n  interface eth0\n' };
    const text = 'vrrp_instance VI_1\ninclude brace.conf\n';
    const p = parse(text, { files });
    const unclosed = p.problems.find((x) => x.code === 'unclosed-block')!;
    expect(unclosed.loc).toEqual({ file: 0, start: 0, end: 'vrrp_instance'.length });
  });
});

describe('unknown blocks cascade (oracles 14, 15)', () => {
  it('unknown root block: its contents are read at the top level; one problem spanning the cascade', () => {
    const text = 'foo_block {\n  bar 1\n  baz {\n    qux\n  }\n}\nvrrp_instance VI_1 {\n  interface eth0\n}\n';
    const p = parse(text);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unknown-keyword', 'foo_block']]);
    expect(p.problems[0]!.data).toMatchObject({ opensBlock: true, extentEnd: text.indexOf('}\nvrrp') + 1 });
    expect(shape(p.body)).toEqual([
      { kw: 'foo_block', unknown: true },
      { kw: 'bar', args: ['1'], unknown: true },
      { kw: 'baz', unknown: true },
      { kw: 'qux', unknown: true },
      { kw: 'vrrp_instance', args: ['VI_1'], children: [{ kw: 'interface', args: ['eth0'] }] },
    ]);
  });

  it('unknown block inside vrrp_instance: its "}" closes the instance, later keywords fall to the top level', () => {
    const text =
      'global_defs {\n  router_id r1\n  no_such_global 1\n}\nvrrp_instance VI_1 {\n  interface eth0\n  unknown_kw {\n    a b\n  }\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\nvrrp_script chk {\n}\n';
    const p = parse(text);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([
      ['unknown-keyword', 'no_such_global'],
      ['unknown-keyword', 'unknown_kw'],
    ]);
    // The cascade ends at the last "}" of the instance, where the count and the depth agree again.
    expect(p.problems[1]!.data.extentEnd).toBe(text.indexOf('}\nvrrp_script') + 1);
    expect(shape(p.body)).toEqual([
      {
        kw: 'global_defs',
        children: [
          { kw: 'router_id', args: ['r1'] },
          { kw: 'no_such_global', args: ['1'], unknown: true },
        ],
      },
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [
          { kw: 'interface', args: ['eth0'] },
          { kw: 'unknown_kw', unknown: true },
          { kw: 'a', args: ['b'], unknown: true },
        ],
      },
      { kw: 'virtual_ipaddress', unknown: true },
      { kw: '10.0.0.1/24', unknown: true },
      { kw: 'vrrp_script', args: ['chk'], children: [] },
    ]);
  });

  it('a keyword valid only in another block is unknown where it stands', () => {
    const p = parse('global_defs {\n  priority 100\n}\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unknown-keyword', 'priority']]);
    expect(p.problems[0]!.data.block).toBe('root > global_defs');
  });
});

describe('unexpected "{"', () => {
  it('inside a block: ignored, the matching "}" closes the enclosing block', () => {
    const text = VI('  state MASTER\n  {\n  priority 100\n  }\n  advert_int 1\n');
    const p = parse(text);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unexpected-open-brace', '{']]);
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [
          { kw: 'state', args: ['MASTER'] },
          { kw: 'priority', args: ['100'] },
        ],
      },
      { kw: 'advert_int', args: ['1'], unknown: true },
    ]);
  });
});

describe('recovery: a broken line never hides the rest of the file', () => {
  it('later blocks are in the AST after an unterminated quote, a missing brace and an unknown block', () => {
    const text = [
      'global_defs {',
      '  router_id "unterminated',
      '}',
      'vrrp_script chk',
      '  script "/bin/true"',
      '}',
      'bogus_block {',
      '  x 1',
      '}',
      'vrrp_instance VI_1 {',
      '  state BACKUP',
      '  priority 100',
      '}',
      'virtual_server 10.0.0.1 80 {',
      '  real_server 10.0.0.2 80 {',
      '    TCP_CHECK {',
      '      connect_timeout 3',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const p = parse(text);
    expect(codes(p)).toEqual(['unterminated-quote', 'unmatched-quote', 'missing-open-brace', 'unknown-keyword']);
    const kws = shape(p.body).map((n) => n.kw);
    expect(kws).toEqual(['global_defs', 'vrrp_script', 'bogus_block', 'x', 'vrrp_instance', 'virtual_server']);
    expect(find(p.body, 'priority')!.args[0]!.text).toBe('100');
    expect(find(p.body, 'connect_timeout')!.parentPath).toBe('root > virtual_server > real_server > TCP_CHECK');
  });

  it('deep nesting does not overflow anything', () => {
    const depth = 50000;
    const text = `${'foo {\n'.repeat(depth)}${'}\n'.repeat(depth)}global_defs {\n}\n`;
    const p = parse(text);
    expect(p.body[p.body.length - 1]!.keyword.text).toBe('global_defs');
    expect(p.problems).toHaveLength(1);
  });

  it('parent paths and locations of nested statements', () => {
    const text = 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight 2\n  }\n}\n';
    const p = parse(text);
    const w = find(p.body, 'weight')!;
    expect(w.parentPath).toBe('root > virtual_server > real_server');
    expect(w.parent!.keyword.text).toBe('real_server');
    expect(w.spec!.name).toBe('weight');
    expect(textOf(p, w.keyword)).toBe('weight');
    expect(w.keyword.start).toBe(text.indexOf('weight'));
  });
});
