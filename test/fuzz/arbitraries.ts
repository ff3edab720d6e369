// fast-check generators of fuzz inputs: mutations of seed files (edits, byte flips, truncation,
// brace storms, huge lines, invalid UTF-8, NULs, BOM, CRLF, splices, include lines) and keyword
// soup / catalogue-shaped configurations. Mutations are data (a list of ops), so fast-check can
// shrink a failing input to the few ops that matter.
import fc from 'fast-check';
import { allKeywords, blockKeywords, childPath, ROOT, type KeywordSpec } from '../../grammar/index';
import type { FuzzInput } from './harness';
import type { Seed } from './seeds';

const enc = new TextEncoder();
const b = (s: string): Uint8Array => enc.encode(s);

/** Words that exercise the reader: macros, conditionals, quotes, escapes, comment characters. */
export const TRICKY = [
  '{',
  '}',
  '{}',
  '}{',
  '"',
  "'",
  '\\',
  '\\#',
  '\\!',
  '#',
  '!',
  ' # c',
  ' ! c',
  '$X',
  '${X}',
  '$X=',
  '$X=$X',
  '$X=$X$X',
  '$X=x${X}',
  '${_RANDOM}',
  '${_HASH}',
  '$',
  '${',
  '${}',
  '~SEQ(i, 1, 3)',
  '~SEQ(i,1,100000000)',
  '~SEQ(',
  '$(i)',
  '${i}',
  '@id ',
  '@^id ',
  '@',
  'include',
  'include inc.conf',
  'include *.conf',
  'include keepalived.conf',
  'include /fuzz/*',
  'include {a,b}.conf',
  'include [',
  'include ../*',
  'include_ok',
  '"a b"',
  '"unterminated',
  'BLOCK',
  'EOB',
  '\t',
  '\v',
  '\f',
  ' ',
  '\u00a0',
  '\u2028',
  'é',
  '😀',
  '\uFFFD',
  '0',
  '-1',
  '4294967296',
  '99999999999999999999',
  '1e309',
  '0x',
  '255',
  '256',
  '10.0.0.1/33',
  'fe80::1%eth0',
  '::',
  '1.2.3.4',
  'eth0',
  'vrrp_strick',
  'lvs_flush_onstop',
  'auth_pass',
  '12345678901',
  // RB-8 (test/ROBUSTNESS-BUGS.md, fixed): this definition used to hang the reader.
  '$X=${X}${X}',
];

const KEYWORDS: readonly KeywordSpec[] = allKeywords();
const NAMES = [...new Set(KEYWORDS.map((k) => k.name))];

/** A token of keyword soup. */
export const soupToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 70000 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const lineEnd = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r', '');

/** Random keyword soup: lines of keywords, values, braces, comments and reader syntax. */
export const keywordSoup: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom('', '  ', '\t', '    '),
      fc.array(soupToken, { maxLength: 8 }),
      fc.constantFrom(' ', '  ', '\t'),
      lineEnd,
    ),
    { maxLength: 60 },
  )
  .map((lines) => lines.map(([ind, toks, sep, end]) => ind + toks.join(sep) + end).join(''));

/** A plausible value for a keyword parameter type. */
function valueFor(type: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  switch (type) {
    case 'uint':
    case 'int':
    case 'timer':
    case 'decimal':
      return pick(['0', '1', '3', '100', '255', '256', '-1', '1.5', '4294967295', 'x']);
    case 'bool':
      return pick(['true', 'false', 'on', 'off', 'yes', 'maybe']);
    case 'ipaddr':
    case 'host_or_ip':
    case 'vs_address':
      return pick(['10.0.0.1', '192.168.1.10/24', 'fe80::1', '300.1.1.1', 'lb.example.com']);
    case 'port':
      return pick(['80', '443', '0', '65536']);
    case 'ifname':
      return pick(['eth0', 'bond0.100', 'a-very-long-interface-name']);
    case 'script':
      return pick(['"/usr/bin/true"', '/etc/keepalived/notify.sh', '"/bin/sh -c \\"exit 0\\""']);
    case 'email':
      return pick(['root@localhost', 'not-an-email']);
    default:
      return pick(['x', 'VI_1', 'chk', '"quoted value"', '1', 'A']);
  }
}

/** A catalogue-shaped configuration built from a PRNG seed (keywords valid where they stand, mostly). */
export function catalogueConfig(seed: number, size: number): string {
  let s = seed >>> 0 || 1;
  const r = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const out: string[] = [];
  let budget = size;
  const block = (parent: string, depth: number): void => {
    const kws = blockKeywords(parent);
    if (!kws.length) return;
    const n = 1 + Math.floor(r() * 6);
    for (let i = 0; i < n && budget > 0; i++, budget--) {
      const k = kws[Math.floor(r() * kws.length)]!;
      const ind = '  '.repeat(depth);
      const args: string[] = [];
      const params = k.params ?? [];
      const count = Math.min(k.max < 0 ? 3 : k.max, Math.max(k.min, Math.floor(r() * (params.length + 1))));
      for (let j = 0; j < count; j++) args.push(valueFor(params[j]?.type ?? 'string', r));
      if (r() < 0.03) args.push('extra');
      const comment = r() < 0.1 ? '  # note ' + Math.floor(r() * 100) : '';
      if (k.block === 'keywords' && depth < 5) {
        out.push(`${ind}${k.name} ${args.join(' ')} {${comment}`);
        block(childPath(parent, k.name), depth + 1);
        out.push(`${ind}}`);
      } else if (k.block === 'values') {
        out.push(`${ind}${k.name} {`);
        const m = Math.floor(r() * 3);
        for (let j = 0; j < m; j++) out.push(`${ind}  ${valueFor('ipaddr', r)}`);
        out.push(`${ind}}`);
      } else out.push(`${ind}${k.name}${args.length ? ' ' + args.join(' ') : ''}${comment}`);
    }
  };
  block(ROOT, 0);
  return out.join('\n') + '\n';
}

/** One mutation of a byte string. Positions are taken modulo the length when applied. */
export type Mutation =
  | { op: 'insert'; pos: number; bytes: Uint8Array }
  | { op: 'delete'; pos: number; len: number }
  | { op: 'flip'; pos: number; bit: number }
  | { op: 'setByte'; pos: number; byte: number }
  | { op: 'truncate'; pos: number }
  | { op: 'braces'; pos: number; text: string; count: number }
  | { op: 'hugeLine'; pos: number; unit: string; count: number }
  | { op: 'bom' }
  | { op: 'crlf'; mode: 'crlf' | 'cr' | 'lf' }
  | { op: 'duplicate'; from: number; len: number; to: number }
  | { op: 'splice'; seed: number; from: number; len: number; pos: number };

const pos = fc.nat();
const tokenBytes = fc.oneof(
  soupToken.map((t) => b(t)),
  soupToken.map((t) => b(`\n${t} `)),
  fc.constantFrom(
    // invalid UTF-8: stray continuation, lone lead bytes, overlong, surrogate, > U+10FFFF
    new Uint8Array([0x80]),
    new Uint8Array([0xff]),
    new Uint8Array([0xc3]),
    new Uint8Array([0xe2, 0x82]),
    new Uint8Array([0xf0, 0x9f]),
    new Uint8Array([0xc0, 0xaf]),
    new Uint8Array([0xed, 0xa0, 0x80]),
    new Uint8Array([0xf4, 0x90, 0x80, 0x80]),
    new Uint8Array([0]),
    new Uint8Array([0xef, 0xbb, 0xbf]),
    new Uint8Array([0x1b, 0x5b, 0x32, 0x4a]),
    // pasted text: no-break, zero-width and ideographic spaces, typographic and single quotes
    new Uint8Array([0xc2, 0xa0]),
    new Uint8Array([0xe2, 0x80, 0x8b]),
    new Uint8Array([0xe3, 0x80, 0x80]),
    new Uint8Array([0xe2, 0x80, 0x9c]),
    new Uint8Array([0xe2, 0x80, 0x9d]),
    new Uint8Array([0x27]),
  ),
  fc.uint8Array({ maxLength: 16 }),
);

/** A random mutation; `seeds` is the number of seeds (for splices), `huge` the largest huge line. */
export function mutation(seeds: number, huge: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), pos, bytes: tokenBytes }) },
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant('delete' as const), pos, len: fc.integer({ min: 1, max: 200 }) }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), pos, bit: fc.integer({ min: 0, max: 7 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('setByte' as const), pos, byte: fc.integer({ min: 0, max: 255 }) }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), pos }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('braces' as const),
        pos,
        text: fc.constantFrom('{', '}', '{\n', '}\n', '{}', '}{', 'vrrp_instance x {\n', 'a {'),
        count: fc.integer({ min: 1, max: 3000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('hugeLine' as const),
        pos,
        unit: fc.constantFrom('a', 'ab ', '"', '{', '$X', 'é', '😀', '\\', ' ', '#'),
        count: fc.integer({ min: 900, max: huge }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('crlf' as const),
        mode: fc.constantFrom('crlf' as const, 'cr' as const, 'lf' as const),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('duplicate' as const),
        from: pos,
        len: fc.integer({ min: 1, max: 2000 }),
        to: pos,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('splice' as const),
        seed: fc.nat({ max: Math.max(0, seeds - 1) }),
        from: pos,
        len: fc.integer({ min: 1, max: 3000 }),
        pos,
      }),
    },
  );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Applies mutations in order. */
export function applyMutations(base: Uint8Array, muts: readonly Mutation[], seeds: readonly Seed[]): Uint8Array {
  let x = base;
  for (const m of muts) {
    const at = (p: number): number => p % (x.length + 1);
    switch (m.op) {
      case 'insert': {
        const p = at(m.pos);
        x = concat(x.subarray(0, p), m.bytes, x.subarray(p));
        break;
      }
      case 'delete': {
        const p = at(m.pos);
        x = concat(x.subarray(0, p), x.subarray(Math.min(x.length, p + m.len)));
        break;
      }
      case 'flip':
        if (x.length) {
          x = x.slice();
          x[m.pos % x.length]! ^= 1 << m.bit;
        }
        break;
      case 'setByte':
        if (x.length) {
          x = x.slice();
          x[m.pos % x.length] = m.byte;
        }
        break;
      case 'truncate':
        x = x.subarray(0, at(m.pos));
        break;
      case 'braces': {
        const p = at(m.pos);
        x = concat(x.subarray(0, p), b(m.text.repeat(m.count)), x.subarray(p));
        break;
      }
      case 'hugeLine': {
        const p = at(m.pos);
        x = concat(x.subarray(0, p), b('\n' + m.unit.repeat(m.count) + '\n'), x.subarray(p));
        break;
      }
      case 'bom':
        x = concat(new Uint8Array([0xef, 0xbb, 0xbf]), x);
        break;
      case 'crlf': {
        const s = Buffer.from(x).toString('latin1').replace(/\r\n/g, '\n');
        const t = m.mode === 'crlf' ? s.replace(/\n/g, '\r\n') : m.mode === 'cr' ? s.replace(/\n/g, '\r') : s;
        x = new Uint8Array(Buffer.from(t, 'latin1'));
        break;
      }
      case 'duplicate': {
        const f = at(m.from);
        const piece = x.slice(f, Math.min(x.length, f + m.len));
        const p = at(m.to);
        x = concat(x.subarray(0, p), piece, x.subarray(p));
        break;
      }
      case 'splice': {
        const src = seeds[m.seed % seeds.length]!.bytes;
        const f = m.from % (src.length + 1);
        const p = at(m.pos);
        x = concat(x.subarray(0, p), src.subarray(f, Math.min(src.length, f + m.len)), x.subarray(p));
        break;
      }
    }
  }
  return x;
}

/** Lint options a fuzz case may use. */
export const lintOptions = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record({
      targetVersion: fc.constantFrom('2.2.7', '2.2.8', '2.3.1', '2.4.0', '2.4.3'),
      configId: fc.constantFrom(undefined, 'id', 'lb1'),
    }),
  },
);

/** A seed-mutation fuzz case. */
export interface MutationCase {
  seed: number;
  mutations: Mutation[];
  /** Mutations of a second file, `inc.conf`, that include lines may reach. */
  include?: { seed: number; mutations: Mutation[] };
  options: FuzzInput['options'];
}

/** Seed-mutation cases. `maxMutations` bounds the ops per case, `huge` the huge-line length. */
export function mutationCase(seeds: readonly Seed[], maxMutations = 8, huge = 20000): fc.Arbitrary<MutationCase> {
  const muts = fc.array(mutation(seeds.length, huge), { minLength: 1, maxLength: maxMutations });
  return fc.record({
    seed: fc.nat({ max: seeds.length - 1 }),
    mutations: muts,
    include: fc.option(
      fc.record({
        seed: fc.nat({ max: seeds.length - 1 }),
        mutations: fc.array(mutation(seeds.length, huge), { maxLength: 3 }),
      }),
      {
        freq: 4,
        nil: undefined,
      },
    ),
    options: lintOptions,
  });
}

/** The input a mutation case stands for. */
export function mutationInput(seeds: readonly Seed[], c: MutationCase): FuzzInput {
  const root = applyMutations(seeds[c.seed]!.bytes, c.mutations, seeds);
  const others: Record<string, Uint8Array> = {};
  if (c.include) {
    others['inc.conf'] = applyMutations(seeds[c.include.seed]!.bytes, c.include.mutations, seeds);
  }
  return { root, others, options: c.options };
}

/** Keyword-soup and catalogue-shaped cases, optionally mutated a little. */
export function generatedInput(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const text = fc.oneof(
    keywordSoup,
    fc.tuple(fc.noShrink(fc.integer()), fc.integer({ min: 1, max: 120 })).map(([s, n]) => catalogueConfig(s, n)),
  );
  return fc
    .record({ text, muts: fc.array(mutation(seeds.length, 5000), { maxLength: 3 }), options: lintOptions })
    .map(({ text, muts, options }) => ({ root: applyMutations(b(text), muts, seeds), others: {}, options }));
}
