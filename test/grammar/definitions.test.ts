// grammar.md §7: `$NAME=` definitions (single and multi-line), `$NAME` / `${NAME}` substitution,
// undefined names, re-decommenting after substitution, and the built-ins.
import { describe, expect, it } from 'vitest';
import { codes, find, parse, problems, shape, textOf, texts } from './helpers';

describe('defining', () => {
  it('$NAME=VALUE is consumed and recorded', () => {
    const p = parse('$IFACE=eth0\n$EMPTY=\n$SPACED=   a b  \n');
    expect(p.body).toEqual([]);
    expect(codes(p)).toEqual([]);
    expect(p.definitions.map((d) => [d.name, d.value, d.multiline])).toEqual([
      ['IFACE', 'eth0', false],
      ['EMPTY', '', false],
      ['SPACED', 'a b', false],
    ]);
    expect(textOf(p, p.definitions[0]!.nameLoc)).toBe('$IFACE');
  });

  it('"=" must follow the name directly: $VRID = 51 is an unknown keyword (oracle 21)', () => {
    const p = parse('$VRID = 51\n');
    expect(p.definitions).toEqual([]);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([
      ['undefined-variable', '$VRID'],
      ['unknown-keyword', '$VRID'],
    ]);
  });

  it('a name starting with a digit is not a definition (oracle 60)', () => {
    const p = parse('$9BAD=x\n');
    expect(p.definitions).toEqual([]);
    expect(codes(p)).toEqual(['unknown-keyword']);
  });

  it('a later definition replaces the value for later lines', () => {
    const p = parse('$P=100\nvrrp_instance A {\n  priority $P\n}\n$P=50\nvrrp_instance B {\n  priority $P\n}\n');
    expect(p.body.map((s) => s.children![0]!.args[0]!.text)).toEqual(['100', '50']);
  });

  it('definitions may stand inside blocks', () => {
    const p = parse('vrrp_instance VI_1 {\n  $P=120\n  priority $P\n}\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)[0]!.children).toEqual([{ kw: 'priority', args: ['120'] }]);
  });

  it('multi-line definition: lines ending in \\ continue it (oracle 22)', () => {
    const text = '$CHK=vrrp_script chk {\\\n  script "/bin/true"\\\n  interval 2\\\n}\n$CHK\n';
    const p = parse(text);
    expect(codes(p)).toEqual([]);
    expect(p.definitions[0]!.multiline).toBe(true);
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_script',
        args: ['chk'],
        children: [
          { kw: 'script', args: ['/bin/true'] },
          { kw: 'interval', args: ['2'] },
        ],
      },
    ]);
    // Every line of the expansion points at the reference.
    const interval = find(p.body, 'interval')!;
    expect(textOf(p, interval.keyword)).toBe('$CHK');
  });

  it('a blank line ends a multi-line definition', () => {
    const p = parse('$D=global_defs {\\\n  router_id x\\\n\n}\n$D\n}\n');
    expect(p.definitions[0]!.multiline).toBe(true);
    // The value is "global_defs {", "router_id x"; the blank line ended it, so "}" is a line of its own.
    expect(codes(p)).toEqual(['extra-close-brace']);
  });

  it('a comment-only line ends it as the VRRP and checker processes read it (keepalived 2.2.7)', () => {
    // Their copy of the file has an empty line there; the parent process would read on.
    const p = parse('$D=global_defs {\\\n# a comment\n  router_id x\\\n\n}\n$D\n}\n');
    expect(p.definitions[0]!.multiline).toBe(true);
    expect(codes(p)).toEqual(['definition-split', 'unknown-keyword', 'extra-close-brace']);
  });

  it('nothing before the first \\: the value starts at the next line, and one such line makes a one-line definition', () => {
    // keepalived 2.2.7 accepts this: router_id gets NGINX_BACK (read_line, lib/parser.c).
    const one = parse('$R=\\\nNGINX_BACK\nglobal_defs {\n  router_id $R\n}\n');
    expect(codes(one)).toEqual([]);
    expect(one.definitions[0]!.multiline).toBe(false);
    expect(texts(find(one.body, 'router_id')!.args)).toEqual(['NGINX_BACK']);
    // A one-line definition is used anywhere on a line.
    const mid = parse('$R=\\\nlb1\nglobal_defs {\n  router_id $R x\n}\n');
    expect(texts(find(mid.body, 'router_id')!.args)).toEqual(['lb1', 'x']);
    // With more lines it stays multi-line, without an empty first line.
    const two = parse('$D=\\\nglobal_defs {\\\n  router_id x\\\n}\n$D\n');
    expect(codes(two)).toEqual([]);
    expect(two.definitions[0]!.multiline).toBe(true);
    expect(texts(find(two.body, 'router_id')!.args)).toEqual(['x']);
  });

  it('a continuation line of nothing but \\ adds nothing to the value', () => {
    const p = parse('$D=global_defs {\\\n  \\\n  router_id x\\\n}\n$D\n');
    expect(codes(p)).toEqual([]);
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['x']);
  });

  it('a multi-line definition is expanded only as the last thing on the line', () => {
    const p = parse('$M=a\\\nb\nglobal_defs {\n  router_id $M tail\n}\n');
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['$M', 'tail']);
  });
});

describe('substituting', () => {
  it('$NAME before a blank, "," ")" or the end of the line', () => {
    const p = parse(
      '$IF=eth0\nvrrp_instance VI_1 {\n  interface $IF\n  track_interface {\n    $IF weight 10\n  }\n}\n',
    );
    expect(codes(p)).toEqual([]);
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['eth0']);
    expect(find(p.body, 'track_interface')!.entries![0]!.map((w) => w.text)).toEqual(['eth0', 'weight', '10']);
  });

  it('$IFACE.1 and $IFACE-x are not references (oracle 65)', () => {
    const p = parse('$IFACE=eth0\nvrrp_instance VI_1 {\n  interface $IFACE.1\n  use_vmac $IFACE-x\n}\n');
    expect(codes(p)).toEqual([]);
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['$IFACE.1']);
    expect(texts(find(p.body, 'use_vmac')!.args)).toEqual(['$IFACE-x']);
  });

  it('${NAME} is replaced anywhere', () => {
    const p = parse('$IFACE=eth0\n$PRIO=10\nvrrp_instance VI_1 {\n  interface ${IFACE}.1\n  priority ${PRIO}0\n}\n');
    expect(codes(p)).toEqual([]);
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['eth0.1']);
    expect(texts(find(p.body, 'priority')!.args)).toEqual(['100']);
  });

  it('substitution happens inside quotes too', () => {
    const p = parse('$WHO=lb01\nglobal_defs {\n  router_id "node $WHO here"\n}\n');
    expect(find(p.body, 'router_id')!.args[0]!.text).toBe('node lb01 here');
  });

  it('substituted words are marked and located at the reference', () => {
    const p = parse('$IF=eth0\nvrrp_instance VI_1 {\n  interface $IF\n}\n');
    const w = find(p.body, 'interface')!.args[0]!;
    expect(w.substituted).toBe(true);
    expect(textOf(p, w)).toBe('$IF');
    expect(p.references.map((r) => [r.name, textOf(p, r.loc), r.definition?.name, r.builtin])).toEqual([
      ['IF', '$IF', 'IF', false],
    ]);
  });

  it('a value holding a keyword and its argument', () => {
    const p = parse('$PRIO=priority 150\nvrrp_instance VI_1 {\n  $PRIO\n}\n');
    expect(shape(p.body)[0]!.children).toEqual([{ kw: 'priority', args: ['150'] }]);
  });

  it('substitution is recursive', () => {
    const p = parse('$A=eth0\n$B=$A\nvrrp_instance VI_1 {\n  interface $B\n}\n');
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['eth0']);
  });

  it('a self-referencing definition stops expanding; words stay located at the reference', () => {
    const text = '$A=x $A\nglobal_defs {\n  router_id $A\n}\n';
    const p = parse(text);
    const rid = find(p.body, 'router_id')!;
    expect(rid.args[0]!.text).toBe('x');
    for (const w of rid.args) expect(textOf(p, w)).toBe('$A');
  });

  it('braces from a substituted value split the line', () => {
    const p = parse('$OPEN=global_defs {\n$OPEN\n  router_id x\n}\n');
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [{ kw: 'router_id', args: ['x'] }] }]);
  });
});

describe('undefined names', () => {
  it('$UNDEFINED stays as text, with a problem at the reference', () => {
    const p = parse('vrrp_instance VI_1 {\n  interface $NOPE\n}\n');
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['$NOPE']);
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['undefined-variable', '$NOPE']]);
    expect(p.problems[0]!.data).toMatchObject({ name: 'NOPE', braced: false });
  });

  it('an undefined ${X} keeps its braces, which split the line (oracle 21)', () => {
    const p = parse('vrrp_instance VI_1 {\n  virtual_router_id ${VRID}\n  priority 100\n}\nvrrp_script chk {\n}\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([
      ['undefined-variable', '${VRID}'],
      ['unexpected-open-brace', '{'],
    ]);
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [
          { kw: 'virtual_router_id', args: ['$'] },
          { kw: 'VRID', unknown: true },
        ],
      },
      { kw: 'priority', args: ['100'], unknown: true },
      { kw: 'vrrp_script', args: ['chk'], children: [] },
    ]);
  });

  it('a reference before its definition is undefined', () => {
    const p = parse('vrrp_instance VI_1 {\n  interface $IF\n}\n$IF=eth0\n');
    expect(codes(p)).toEqual(['undefined-variable']);
  });

  it('definitions in an included file hold after it', () => {
    const p = parse('include defs.conf\nvrrp_instance VI_1 {\n  interface $IF\n}\n', {
      files: { '/etc/keepalived/defs.conf': '$IF=eth1\n' },
    });
    expect(codes(p)).toEqual([]);
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['eth1']);
  });
});

describe('re-decommenting after substitution (oracle 23)', () => {
  it('${_HASH} starts a comment: vrrp_instance VI_${_HASH}x { loses its "{"', () => {
    const p = parse('vrrp_instance VI_${_HASH}x {\n  state MASTER\n}\n');
    expect(p.body[0]!.args.map((a) => a.text)).toEqual(['VI_']);
    expect(codes(p)).toEqual(['missing-open-brace']);
  });

  it('${_BANG} too', () => {
    const p = parse('global_defs {\n  router_id a${_BANG}b\n}\n');
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['a']);
  });

  it('a user value holding # starts a comment', () => {
    const p = parse('$V=lb01 # note\nglobal_defs {\n  router_id $V\n}\n');
    // The comment was already stripped from the definition line itself.
    expect(p.definitions[0]!.value).toBe('lb01');
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['lb01']);
  });
});

describe('built-ins', () => {
  it('_PWD, _INSTANCE, _RANDOM and _ENV are opaque values, never errors', () => {
    const p = parse(
      'global_defs {\n  router_id ${_INSTANCE}\n  smtp_helo_name ${_PWD}\n  notification_email_from ${_ENV MAILFROM}\n}\nvrrp_instance VI_1 {\n  priority ${_RANDOM 1 200}\n}\n',
    );
    expect(codes(p)).toEqual([]);
    expect(find(p.body, 'router_id')!.args[0]!.opaque).toBe(true);
    expect(find(p.body, 'smtp_helo_name')!.args[0]!.opaque).toBe(true);
    expect(find(p.body, 'notification_email_from')!.args[0]!.opaque).toBe(true);
    expect(find(p.body, 'priority')!.args[0]!.opaque).toBe(true);
    expect(p.references.every((r) => r.builtin)).toBe(true);
  });

  it('${_INSTANCE} is the config id when one is given', () => {
    const p = parse('global_defs {\n  router_id ${_INSTANCE}\n}\n', { configId: 'node1' });
    const w = find(p.body, 'router_id')!.args[0]!;
    expect(w.text).toBe('node1');
    expect(w.opaque).toBeFalsy();
  });

  it('${_ENV NAME} is undefined before 2.4.0: its braces split the line (oracle 23)', () => {
    const p = parse('global_defs {\n  router_id ${_ENV HOME}\n}\n', { targetVersion: '2.2.7' });
    expect(codes(p)[0]).toBe('undefined-variable');
    expect(p.problems[0]!.data).toMatchObject({ name: '_ENV', builtin: true, braced: true });
    expect(codes(parse('global_defs {\n  router_id ${_ENV HOME}\n}\n', { targetVersion: '2.4.0' }))).toEqual([]);
  });

  it('${_RANDOM} needs numeric parameters', () => {
    const p = parse('vrrp_instance VI_1 {\n  priority ${_RANDOM a}\n}\n');
    expect(codes(p)[0]).toBe('undefined-variable');
  });

  it('a built-in can be overridden by a definition', () => {
    const p = parse('$_INSTANCE=mine\nglobal_defs {\n  router_id $_INSTANCE\n}\n');
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['mine']);
  });

  it('${NAME } leaves its "}" in the line, which closes the block (replace_param)', () => {
    const p = parse('$IF=eth1\nvrrp_instance VI_1 {\n  interface ${IF }\n  priority 100\n}\n');
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['eth1']);
    // priority is read at the top level, and the last "}" is one too many.
    expect(codes(p)).toEqual(['reference-blank', 'unknown-keyword', 'extra-close-brace']);
    // Two blanks: the second one stays too.
    const q = parse('$IF=eth1\nvrrp_instance VI_1 {\n  interface ${IF  }\n}\n}\n');
    expect(texts(find(q.body, 'interface')!.args)).toEqual(['eth1']);
  });

  it('${ NAME} is no reference: nothing may come between "{" and the name, nor a tab after it', () => {
    const p = parse('$IF=eth1\nvrrp_instance VI_1 {\n  interface ${ IF}\n}\n');
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['$']);
    const q = parse('$IF=eth1\nvrrp_instance VI_1 {\n  interface ${IF\t}\n}\n');
    expect(texts(find(q.body, 'interface')!.args)).toEqual(['$']);
  });

  it('built-ins without parameters take none, and ${_RANDOM} digits only', () => {
    for (const ref of ['${_HASH 1}', '${_RANDOM -1 5}', '${_RANDOM 1 5 }']) {
      const p = parse(`global_defs {\n  router_id a${ref}\n}\n`);
      expect(texts(find(p.body, 'router_id')!.args), ref).toEqual(['a$']);
    }
    const ok = parse('global_defs {\n  router_id a${_HASH }b\n}\n');
    // `${_HASH }` is a reference whose "}" stays, but "a#}b" is "a" and a comment.
    expect(texts(find(ok.body, 'router_id')!.args)).toEqual(['a']);
    expect(codes(ok)).toEqual([]);
  });
});
