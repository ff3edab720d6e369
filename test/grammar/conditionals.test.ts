// grammar.md §8 and §10: `@id` / `@^id` conditional lines with and without a config id, and the
// `~SEQ` / `~LST` replication lines.
import { describe, expect, it } from 'vitest';
import { codes, find, parse, problems, shape, textOf, texts } from './helpers';

const ORACLE_24 = [
  'vrrp_instance VI_1 {',
  '  interface eth0',
  '  @node1 virtual_router_id 51',
  '  @node2 virtual_router_id 52',
  '  @^node1 priority 90',
  '  @node1 priority 200',
  '  @node3',
  '  virtual_ipaddress {',
  '    10.0.0.16/24',
  '  }',
  '}',
  '@node2 bogus_only_on_node2 1',
  '@^node1 bogus_not_on_node1 1',
  '',
].join('\n');

const vi = (configId?: string) => {
  const p = parse(ORACLE_24, { configId });
  return {
    p,
    kids: shape(p.body)[0]!.children!,
    rest: shape(p.body)
      .slice(1)
      .map((n) => n.kw),
  };
};

describe('@id conditionals (oracles 24, 25)', () => {
  it('with -i node1: @node1 lines kept, @^node1 dropped', () => {
    const { kids, rest } = vi('node1');
    expect(kids.filter((k) => k.kw !== 'virtual_ipaddress')).toEqual([
      { kw: 'interface', args: ['eth0'] },
      { kw: 'virtual_router_id', args: ['51'] },
      { kw: 'priority', args: ['200'] },
    ]);
    expect(rest).toEqual([]);
  });

  it('with -i node2: @node2 and @^node1 lines kept', () => {
    const { kids, rest } = vi('node2');
    expect(kids.filter((k) => k.kw !== 'virtual_ipaddress')).toEqual([
      { kw: 'interface', args: ['eth0'] },
      { kw: 'virtual_router_id', args: ['52'] },
      { kw: 'priority', args: ['90'] },
    ]);
    expect(rest).toEqual(['bogus_only_on_node2', 'bogus_not_on_node1']);
  });

  it('without a config id the result does not depend on the machine: @id inactive, @^id active', () => {
    const { p, kids, rest } = vi(undefined);
    expect(kids.filter((k) => k.kw !== 'virtual_ipaddress')).toEqual([
      { kw: 'interface', args: ['eth0'] },
      { kw: 'priority', args: ['90'] },
    ]);
    expect(rest).toEqual(['bogus_not_on_node1']);
    // Inactive lines are recorded, for editors to grey out.
    expect(p.inactive.map((l) => textOf(p, l))).toEqual([
      '@node1 virtual_router_id 51',
      '@node2 virtual_router_id 52',
      '@node1 priority 200',
      '@node3',
      '@node2 bogus_only_on_node2 1',
    ]);
  });

  it('a line with nothing after the id is dropped', () => {
    expect(codes(vi('node3').p)).toEqual(['unknown-keyword']);
    expect(vi('node3').kids.map((k) => k.kw)).toEqual(['interface', 'priority', 'virtual_ipaddress']);
  });

  it('@id may prefix braces, definitions and includes (oracle 72)', () => {
    const text =
      '@node1\tglobal_defs {\n  @node1 router_id r1\n  @node2 router_id r2\n  @^node2 smtp_helo_name h1\n@node1 }\n@ bogus_after_empty_id 1\n@^ bogus_after_empty_negated_id 1\n@node1 $X=from_node1\n@node1 include n1.conf\n';
    const p = parse(text, { configId: 'node1', files: { '/etc/keepalived/n1.conf': 'vrrp_script chk {\n}\n' } });
    expect(shape(p.body)).toEqual([
      {
        kw: 'global_defs',
        children: [
          { kw: 'router_id', args: ['r1'] },
          { kw: 'smtp_helo_name', args: ['h1'] },
        ],
      },
      { kw: 'bogus_after_empty_negated_id', args: ['1'], unknown: true },
      { kw: 'vrrp_script', args: ['chk'], children: [] },
    ]);
    expect(p.definitions.map((d) => [d.name, d.value])).toEqual([['X', 'from_node1']]);
    // On node2 the block, its "}", the definition and the include are all inactive.
    const q = parse(text, { configId: 'node2', files: { '/etc/keepalived/n1.conf': 'vrrp_script chk {\n}\n' } });
    expect(shape(q.body)).toEqual([
      { kw: 'router_id', args: ['r2'], unknown: true },
      { kw: 'bogus_after_empty_negated_id', args: ['1'], unknown: true },
    ]);
    expect(q.definitions).toEqual([]);
    expect(q.includes).toEqual([]);
  });

  it('an empty id "@ x" never matches; an empty negated id "@^ x" always does', () => {
    expect(shape(parse('@ foo 1\n@^ bar 2\n', { configId: 'n' }).body).map((n) => n.kw)).toEqual(['bar']);
    expect(shape(parse('@ foo 1\n@^ bar 2\n').body).map((n) => n.kw)).toEqual(['bar']);
  });

  it('the payload keeps its locations', () => {
    const p = parse('vrrp_instance VI_1 {\n  @n1 priority 300\n}\n', { configId: 'n1' });
    const prio = find(p.body, 'priority')!;
    expect(textOf(p, prio.keyword)).toBe('priority');
    expect(textOf(p, prio.args[0]!)).toBe('300');
  });
});

describe('~SEQ (oracle 26)', () => {
  it('~SEQ(VAR, START, END) with a multi-line definition creates several blocks', () => {
    const text =
      '$INST=vrrp_instance VI_${VRID} { \\\n  interface eth0 \\\n  virtual_router_id ${VRID} \\\n  virtual_ipaddress { \\\n    10.0.0.${VRID}/24 \\\n  } \\\n}\n\n~SEQ(VRID, 1, 3) $INST\n';
    const p = parse(text);
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual(
      [1, 2, 3].map((n) => ({
        kw: 'vrrp_instance',
        args: [`VI_${n}`],
        children: [
          { kw: 'interface', args: ['eth0'] },
          { kw: 'virtual_router_id', args: [String(n)] },
          { kw: 'virtual_ipaddress', entries: [[`10.0.0.${n}/24`]] },
        ],
      })),
    );
    // Replicated lines point at the line that produced them.
    expect(p.files[0]!.lines.lineOf(p.body[2]!.keyword.start)).toBe(8);
  });

  it('~SEQ(VAR, END) counts from 1; a negative END counts down from -1', () => {
    const kws = (t: string): string[] => shape(parse(t).body).map((n) => n.kw);
    expect(kws('~SEQ(N, 3) k_$N\n')).toEqual(['k_1', 'k_2', 'k_3']);
    expect(kws('~SEQ(N, -2) k_$N\n')).toEqual(['k_-1', 'k_-2']);
  });

  it('explicit step, descending range, ~SEQx in hex', () => {
    const kws = (t: string): string[] => shape(parse(t).body).map((n) => n.kw);
    expect(kws('~SEQ(N, 1, 2, 7) k_$N\n')).toEqual(['k_1', 'k_3', 'k_5', 'k_7']);
    expect(kws('~SEQ(N, 3, 1) k_$N\n')).toEqual(['k_3', 'k_2', 'k_1']);
    expect(kws('~SEQx(H, 9, 2, 13) k_$H\n')).toEqual(['k_9', 'k_b', 'k_d']);
    expect(kws('~SEQ(N, 0x10, 0x11) k_$N\n')).toEqual(['k_16', 'k_17']);
  });

  it('malformed specifications produce nothing and one problem covering the line', () => {
    for (const bad of [
      '~SEQ(N) k_$N',
      '~SEQ(N, 1, 0, 3) k_$N',
      '~SEQ(N, 1, -1, 3) k_$N',
      '~SEQx(N, -3) k_$N',
      '~SEQ(N, 1, 3 k_$N',
      '~SEQ(N, x) k_$N',
      '~SEQUENCE k',
      '~SEQ x(N, 3) k',
    ]) {
      const p = parse(`${bad}\n`);
      expect(
        problems(p).map((x) => [x.code, x.text]),
        bad,
      ).toEqual([['invalid-replication', bad]]);
      expect(p.body, bad).toEqual([]);
    }
  });

  // add_seq (2.2.7), checked against keepalived -t: the name runs to a blank, "," or ")"; blanks
  // may come before the "("; numbers are read by strtol in base 0; definitions in the parameters
  // are substituted first; one END of 0 runs 1, 0.
  it('reads its parameters as keepalived does', () => {
    const words = (text: string): string[] => parse(text).body.map((st) => st.keyword.text);
    expect(words('~SEQ(9N, 3) k\n')).toEqual(['k', 'k', 'k']);
    expect(words('~SEQ (N, 2) k_$N\n')).toEqual(['k_1', 'k_2']);
    expect(words('~SEQ(N, 010) k\n')).toHaveLength(8);
    expect(words('~SEQ(N, 0x3) k_$N\n')).toEqual(['k_1', 'k_2', 'k_3']);
    expect(words('~SEQ(N, 0) k_$N\n')).toEqual(['k_1', 'k_0']);
    expect(words('$S=2\n$E=4\n~SEQ(N, $S, $E) k_$N\n')).toEqual(['k_2', 'k_3', 'k_4']);
    expect(codes(parse('$S=2\n$E=4\n~SEQ(N, $S, $E) k_$N\n')).filter((c) => c !== 'unknown-keyword')).toEqual([]);
  });

  it('a multi-line definition as a parameter (never substituted there), or parameters past 63 characters, are refused', () => {
    const multi = parse('$M=1 \\\n2\n~SEQ(N, 1, $M) k\n');
    expect(multi.problems.map((x) => [x.code, x.data.reason])).toEqual([['invalid-replication', 'spec']]);
    const long = parse(`~SEQ(N, 1, ${'0'.repeat(60)}3) k\n`);
    expect(long.problems.map((x) => [x.code, x.data.reason])).toEqual([['invalid-replication', 'long']]);
  });

  it('a line starting with ~ that is neither is an ordinary keyword', () => {
    expect(problems(parse('~FOO(1) x\n')).map((x) => [x.code, x.text])).toEqual([['unknown-keyword', '~FOO(1)']]);
  });
});

describe('~LST (oracle 27)', () => {
  it('iterates over values', () => {
    expect(shape(parse('~LST(C, p, q) bogus2_$C\n').body).map((n) => n.kw)).toEqual(['bogus2_p', 'bogus2_q']);
  });

  it('iterates over tuples; $A_ is the name A_, so ${A} is needed before "_"', () => {
    const p = parse('~LST({A, B}, {1, x}, {2, y}) k_${A}_${B} $A_\n');
    expect(shape(p.body).map((n) => [n.kw, n.args])).toEqual([
      ['k_1_x', ['$A_']],
      ['k_2_y', ['$A_']],
    ]);
  });

  it('a missing tuple value becomes empty', () => {
    expect(shape(parse('~LST({A, B}, {1}, {2, y}) k_${A}_${B}\n').body).map((n) => n.kw)).toEqual(['k_1_', 'k_2_y']);
  });

  it('definitions made by ~LST/~SEQ stay defined afterwards', () => {
    const p = parse('~LST(IF, eth0, eth1) $LAST=$IF\nvrrp_instance VI_1 {\n  interface $LAST\n}\n');
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['eth1']);
  });

  it('a malformed ~LST', () => {
    expect(codes(parse('~LST(X) foo\n'))).toEqual(['invalid-replication']);
  });
});
