// A deterministic, seeded generator of realistic operator mistakes in keepalived.conf files, for
// the mutation differential (scripts/mutdiff.mjs). Each mutant applies ONE mistake to a base config
// and keeps the rest of the file intact. Pure functions on text; no vitest import.

/** A config to mutate. */
export interface MutationBase {
  /** Readable id, e.g. "corpus/010.conf". */
  id: string;
  text: string;
  /** Extra keepalived arguments of the base (its .args file). */
  args: string[];
}

/** The kinds of mistakes the generator makes. */
export const MUTATION_KINDS = [
  'misspell',
  'number',
  'address',
  'choice',
  'missing-arg',
  'extra-arg',
  'missing-open-brace',
  'extra-close-brace',
  'missing-close-brace',
  'brace-placement',
  'move-block',
  'dup-keyword',
  'dup-block',
  'delete-setting',
  'open-quote',
  'mid-comment',
  'include-missing',
  'semicolon',
  'equals',
  'quote',
  'join-lines',
  'comment-style',
  'unit',
  'wrong-block',
  'swap-args',
  'line-endings',
  'paste',
  'number-format',
  'vrid-clash',
  'empty-block',
  'value-type',
  'variable',
  'conditional',
  'reference',
  'double',
  'strict',
  'vip-option',
  'instance-setting',
] as const;

/** One kind of mistake. */
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** One generated mutant. */
export interface Mutant {
  /** Stable id: "<index>-<kind>". */
  id: string;
  base: string;
  kind: MutationKind;
  /** A short, readable description of the mistake. */
  description: string;
  /** 1-based line of the base the mistake is at. */
  line: number;
  text: string;
  args: string[];
}

/** A small, fast, seeded PRNG (mulberry32); returns floats in [0, 1). */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T | undefined =>
  items.length ? items[Math.floor(rng() * items.length)] : undefined;

/** One line of a config, as the generator sees it. */
export interface LineInfo {
  /** 0-based index. */
  index: number;
  raw: string;
  /** Words outside comments, braces split off as their own words. */
  words: string[];
  /** Keywords of the enclosing blocks at the start of the line, outermost first. */
  parents: string[];
  /** The keyword of the first block this line opens, if any. */
  opens?: string;
  /** The first word, when it looks like a keyword. */
  keyword?: string;
}

/** Strip a `#` / `!` comment outside double quotes. */
export function stripComment(line: string): string {
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === '#' || c === '!')) return line.slice(0, i);
  }
  return line;
}

const KEYWORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Split a config into lines with their block context (a light brace tracker). */
export function analyze(text: string): LineInfo[] {
  const stack: string[] = [];
  const out: LineInfo[] = [];
  let lastKeyword = '';
  text.split('\n').forEach((raw, index) => {
    const words = stripComment(raw).replace(/[{}]/g, ' $& ').split(/\s+/).filter(Boolean);
    const info: LineInfo = { index, raw, words, parents: [...stack] };
    const first = words[0];
    if (first !== undefined && KEYWORD.test(first)) info.keyword = first;
    for (const w of words) {
      if (w === '{') {
        const owner = info.keyword ?? (words[0] === '{' ? lastKeyword : (words[0] ?? ''));
        info.opens ??= owner;
        stack.push(owner);
      } else if (w === '}') stack.pop();
    }
    if (info.keyword) lastKeyword = info.keyword;
    out.push(info);
  });
  return out;
}

/** Index of the line closing the block opened on line `open` (or -1). */
export function blockEnd(lines: readonly LineInfo[], open: number): number {
  let depth = 0;
  for (let i = open; i < lines.length; i++) {
    for (const w of lines[i]!.words) {
      if (w === '{') depth++;
      else if (w === '}') {
        depth--;
        if (depth === 0) return i;
      }
    }
  }
  return -1;
}

// Blocks whose lines are values (addresses, names), not keywords.
const VALUE_BLOCKS = new Set([
  'virtual_ipaddress',
  'virtual_ipaddress_excluded',
  'virtual_routes',
  'virtual_rules',
  'static_ipaddress',
  'static_routes',
  'static_rules',
  'notification_email',
  'group',
  'unicast_peer',
  'track_script',
  'track_interface',
  'track_process',
  'track_file',
  'track_bfd',
  'virtual_server_group',
]);

const isSettingLine = (l: LineInfo): boolean =>
  l.keyword !== undefined && !VALUE_BLOCKS.has(l.parents[l.parents.length - 1] ?? '');

/** Replace the first occurrence of `word` as a whole word in `raw`. */
function replaceWord(raw: string, word: string, by: string): string {
  const re = new RegExp(`(^|[\\s{}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s{}#!])`);
  return raw.replace(re, (_m, pre: string) => pre + by);
}

const withLine = (lines: readonly LineInfo[], index: number, raw: string | string[]): string =>
  lines.flatMap((l) => (l.index === index ? (Array.isArray(raw) ? raw : [raw]) : [l.raw])).join('\n');

/** A mutation: the new text, a description and the line of the base it is at. */
interface Change {
  text: string;
  description: string;
  line: number;
}

type Mutator = (lines: LineInfo[], rng: Rng) => Change | undefined;

// ------------------------------------------------------------------------------------------------
// Misspelled keywords.
// ------------------------------------------------------------------------------------------------

/** A typo of a keyword: doubled, dropped or swapped letter, `_` -> `-`, wrong case. */
export function misspellWord(word: string, rng: Rng): string {
  const variants: (() => string)[] = [
    () => {
      const i = Math.floor(rng() * word.length);
      return word.slice(0, i + 1) + word[i] + word.slice(i + 1);
    },
    () => {
      const i = Math.floor(rng() * word.length);
      return word.slice(0, i) + word.slice(i + 1);
    },
    () => {
      const i = Math.floor(rng() * (word.length - 1));
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    },
    () => (word.includes('_') ? word.replace('_', '-') : word.toUpperCase()),
    () => word[0]!.toUpperCase() + word.slice(1),
  ];
  for (let tries = 0; tries < 10; tries++) {
    const w = pick(rng, variants)!();
    if (w !== word && w.length > 0) return w;
  }
  return word + 'x';
}

const misspell: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => isSettingLine(x) && x.keyword!.length > 2),
  );
  if (!l) return undefined;
  const typo = misspellWord(l.keyword!, rng);
  return {
    text: withLine(lines, l.index, replaceWord(l.raw, l.keyword!, typo)),
    description: `misspell ${l.keyword} as ${typo} (in ${l.parents.join('>') || 'top level'})`,
    line: l.index + 1,
  };
};

// ------------------------------------------------------------------------------------------------
// Numbers, addresses and choices.
// ------------------------------------------------------------------------------------------------

const NUMBER_VALUES: Record<string, readonly string[]> = {
  priority: ['0', '256', '300', '-1', 'abc', '100.5', '255'],
  virtual_router_id: ['0', '256', '1000', 'x51', '-5'],
  advert_int: ['0', '-1', 'abc', '0.001', '256', '1s'],
  weight: ['300', '-300', '254', '-254', '2.5', 'high'],
  delay_loop: ['0', '-1', 'abc', '1.5'],
  port: ['0', '70000', '65536', 'http'],
  connect_port: ['0', '70000', '-1', 'abc'],
  connect_timeout: ['0', '-1', 'abc', '99999999999'],
  nb_get_retry: ['-1', 'abc', '0'],
  retry: ['-1', 'abc'],
  delay_before_retry: ['-1', 'abc'],
  interval: ['0', '-1', 'abc'],
  fall: ['0', '-1', 'abc'],
  rise: ['0', '-1', 'abc'],
  timeout: ['0', '-1', 'abc'],
  status_code: ['99', '600', 'abc', '20O'],
  persistence_timeout: ['-1', 'abc', '99999999999'],
  smtp_connect_timeout: ['0', '-1', 'abc'],
  garp_master_delay: ['-1', 'abc', '99999'],
  garp_master_refresh: ['-1', 'abc'],
  preempt_delay: ['-1', 'abc', '2000'],
  quorum: ['0', '-1', 'abc'],
  hysteresis: ['-1', 'abc'],
  max_auto_priority: ['-2', '100', 'abc'],
  vrrp_garp_master_delay: ['-1', 'abc'],
};
const GENERIC_NUMBERS = ['0', '-1', '256', '65536', 'abc', '1.5', '99999999999'];

const number: Mutator = (lines, rng) => {
  const candidates: { l: LineInfo; at: number }[] = [];
  for (const l of lines) {
    if (!isSettingLine(l)) continue;
    for (let i = 1; i < l.words.length; i++) {
      if (/^-?\d+(\.\d+)?$/.test(l.words[i]!)) candidates.push({ l, at: i });
    }
  }
  const c = pick(rng, candidates);
  if (!c) return undefined;
  const kw = c.l.keyword!;
  // The port of a virtual_server / real_server opener is its second word.
  const table = NUMBER_VALUES[(kw === 'virtual_server' || kw === 'real_server') && c.at === 2 ? 'port' : kw];
  const value = pick(rng, table ?? GENERIC_NUMBERS)!;
  const old = c.l.words[c.at]!;
  const words = [...c.l.words];
  words[c.at] = value;
  const raw = c.at === 1 ? replaceWord(c.l.raw, old, value) : replaceNth(c.l.raw, old, value, c.l.words, c.at);
  if (raw === c.l.raw) return undefined;
  return {
    text: withLine(lines, c.l.index, raw),
    description: `${kw}: ${old} -> ${value}`,
    line: c.l.index + 1,
  };
};

/** Replace the word at position `at` (which equals `old`) in `raw`. */
function replaceNth(raw: string, old: string, by: string, words: readonly string[], at: number): string {
  const before = words.slice(0, at).filter((w) => w === old).length;
  let from = 0;
  for (let k = 0; k <= before; k++) {
    const i = raw.indexOf(old, from);
    if (i < 0) return raw;
    if (k === before) return raw.slice(0, i) + by + raw.slice(i + old.length);
    from = i + old.length;
  }
  return raw;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/\d{1,3})?$/;

/** A malformed variant of an IPv4 or IPv6 address (with or without a prefix). */
export function badAddress(addr: string, rng: Rng): string {
  const m = IPV4.exec(addr);
  if (m) {
    const [, a, b, c, , prefix] = m;
    const variants = [
      `${a}.${b}.${c}.300${prefix ?? ''}`,
      `${a}.${b}.${c}${prefix ?? ''}`,
      `${a}.${b}..${c}${prefix ?? ''}`,
      `${a}.${b}.${c}.1/33`,
      prefix ? `${a}.${b}.${c}.${m[4]}` : `${a}.${b}.${c}.${m[4]}/24`,
      `${a}.${b}.${c}.${m[4]}/`,
      `${a}.${b}.${c}.${m[4]}${prefix ?? ''}.`,
      `${a},${b}.${c}.${m[4]}${prefix ?? ''}`,
    ];
    return pick(rng, variants)!;
  }
  const variants = [
    addr.replace(':', ':::'),
    addr.replace(/[0-9a-f](?=[^:]*$)/i, 'g'),
    addr.replace(/::/, ':'),
    addr.includes('/') ? addr.replace(/\/\d+/, '/129') : `${addr}/129`,
  ];
  const v = pick(rng, variants)!;
  return v === addr ? `${addr}:` : v;
}

const address: Mutator = (lines, rng) => {
  const candidates: { l: LineInfo; word: string }[] = [];
  for (const l of lines) {
    for (const w of l.words) {
      if (IPV4.test(w) || (IPV6.test(w) && w.includes('::'))) candidates.push({ l, word: w });
    }
  }
  const c = pick(rng, candidates);
  if (!c) return undefined;
  const bad = badAddress(c.word, rng);
  const raw = replaceWord(c.l.raw, c.word, bad);
  if (raw === c.l.raw) return undefined;
  return {
    text: withLine(lines, c.l.index, raw),
    description: `address ${c.word} -> ${bad} (in ${c.l.parents.join('>') || 'top level'})`,
    line: c.l.index + 1,
  };
};

const CHOICES: Record<string, readonly string[]> = {
  state: ['MASTR', 'master', 'BACKUPP', 'SLAVE', 'EQUAL'],
  lb_kind: ['NATT', 'nat', 'DRR', 'TUNNEL', 'FNAT'],
  lvs_method: ['NATT', 'dr', 'DRR'],
  lb_algo: ['rrr', 'RR', 'wrrr', 'lc1', 'round-robin'],
  lvs_sched: ['rrr', 'RR', 'wlcc'],
  protocol: ['UDPP', 'tcp', 'SCTPP', 'ICMP'],
  auth_type: ['PAS', 'pass', 'AH1', 'MD5'],
  ops: ['1', 'yes'],
  use_vmac: ['vrrp.51'],
  smtp_alert: ['yes', 'true', 'on'],
  nopreempt: ['yes', 'false'],
  version: ['4', 'v3', '2.0'],
};

const choice: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => isSettingLine(x) && CHOICES[x.keyword!] && x.words.length >= 1),
  );
  if (!l) return undefined;
  const kw = l.keyword!;
  const value = pick(rng, CHOICES[kw]!)!;
  const old = l.words[1];
  const raw =
    old !== undefined && old !== '{' ? replaceNth(l.raw, old, value, l.words, 1) : l.raw.replace(kw, `${kw} ${value}`);
  if (raw === l.raw) return undefined;
  return {
    text: withLine(lines, l.index, raw),
    description: `${kw}: ${old ?? '(none)'} -> ${value}`,
    line: l.index + 1,
  };
};

// ------------------------------------------------------------------------------------------------
// Arguments.
// ------------------------------------------------------------------------------------------------

const missingArg: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => isSettingLine(x) && x.words.length >= 2 && x.words[1] !== '{'),
  );
  if (!l) return undefined;
  const kw = l.keyword!;
  const code = stripComment(l.raw);
  const comment = l.raw.slice(code.length);
  const indent = /^\s*/.exec(l.raw)![0];
  let raw: string;
  let what: string;
  if (l.opens !== undefined && l.words.includes('{')) {
    // Drop the last argument of a block opener (e.g. the port of a real_server).
    const args = l.words.slice(1, l.words.indexOf('{'));
    if (args.length === 0) return undefined;
    const kept = args.slice(0, -1);
    raw = `${indent}${[kw, ...kept, ...l.words.slice(l.words.indexOf('{'))].join(' ')}${comment}`;
    what = `drop ${args[args.length - 1]} of ${kw}`;
  } else {
    raw = `${indent}${kw}${comment}`;
    what = `${kw} without its value(s) ${l.words.slice(1).join(' ')}`;
  }
  return { text: withLine(lines, l.index, raw), description: what, line: l.index + 1 };
};

const extraArg: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => isSettingLine(x) && !x.words.includes('{') && !x.words.includes('}')),
  );
  if (!l) return undefined;
  const extra = pick(rng, ['10', 'yes', 'extra', l.words[l.words.length - 1]!, '0'])!;
  const code = stripComment(l.raw);
  const raw = `${code.trimEnd()} ${extra}${l.raw.slice(code.length)}`;
  return {
    text: withLine(lines, l.index, raw),
    description: `extra argument ${extra} after ${l.keyword}`,
    line: l.index + 1,
  };
};

// ------------------------------------------------------------------------------------------------
// Braces and blocks.
// ------------------------------------------------------------------------------------------------

const openers = (lines: readonly LineInfo[]): LineInfo[] =>
  lines.filter((l) => l.opens !== undefined && l.keyword !== undefined && l.words.includes('{'));

const missingOpenBrace: Mutator = (lines, rng) => {
  const l = pick(rng, openers(lines));
  if (!l) return undefined;
  const raw = l.raw.replace(/\s*\{/, '');
  return { text: withLine(lines, l.index, raw), description: `no { after ${l.keyword}`, line: l.index + 1 };
};

const extraCloseBrace: Mutator = (lines, rng) => {
  const inside = lines.filter((l) => l.parents.length > 0 && l.words.length > 0);
  const l = pick(rng, inside);
  if (!l) return undefined;
  const indent = /^\s*/.exec(l.raw)![0];
  return {
    text: withLine(lines, l.index, [l.raw, `${indent}}`]),
    description: `extra } after line ${l.index + 1} (in ${l.parents.join('>')})`,
    line: l.index + 2,
  };
};

const missingCloseBrace: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => x.words.length === 1 && x.words[0] === '}'),
  );
  if (!l) return undefined;
  return {
    text: withLine(lines, l.index, []),
    description: `delete the } closing ${l.parents[l.parents.length - 1] ?? '?'}`,
    line: l.index + 1,
  };
};

const bracePlacement: Mutator = (lines, rng) => {
  const own = lines.filter((l) => l.words.length === 1 && l.words[0] === '{' && l.index > 0);
  const inline = openers(lines).filter((l) => l.words[l.words.length - 1] === '{');
  if (own.length && rng() < 0.5) {
    const l = pick(rng, own)!;
    const prev = lines[l.index - 1]!;
    const merged = lines
      .filter((x) => x.index !== l.index)
      .map((x) => (x.index === prev.index ? `${stripComment(x.raw).trimEnd()} {` : x.raw));
    return { text: merged.join('\n'), description: `join the lone { onto line ${prev.index + 1}`, line: l.index };
  }
  const l = pick(rng, inline);
  if (!l) return undefined;
  const indent = /^\s*/.exec(l.raw)![0];
  const code = stripComment(l.raw);
  const variants = [
    [code.replace(/\s*\{\s*$/, ''), `${indent}{`],
    [code.replace(/\s*\{\s*$/, '{')],
    [code.replace(/\s*\{\s*$/, ''), '', `${indent}{`],
  ];
  const v = pick(rng, variants)!;
  return {
    text: withLine(lines, l.index, v),
    description: v.length === 1 ? `no blank before { of ${l.keyword}` : `{ of ${l.keyword} on its own line`,
    line: l.index + 1,
  };
};

const moveBlock: Mutator = (lines, rng) => {
  const nested = openers(lines).filter((l) => l.parents.length > 0);
  const top = openers(lines).filter((l) => l.parents.length === 0);
  const l = pick(rng, nested);
  if (!l) return undefined;
  const end = blockEnd(lines, l.index);
  if (end < 0) return undefined;
  const block = lines.slice(l.index, end + 1).map((x) => x.raw);
  const rest = lines.filter((x) => x.index < l.index || x.index > end);
  const targets = top.filter((t) => t.keyword !== l.parents[0] && t.index !== l.index);
  const target = rng() < 0.5 ? pick(rng, targets) : undefined;
  if (target) {
    const out = rest.flatMap((x) => (x.index === target.index ? [x.raw, ...block] : [x.raw]));
    return {
      text: out.join('\n'),
      description: `move ${l.keyword} (from ${l.parents.join('>')}) into ${target.keyword} at line ${target.index + 1}`,
      line: l.index + 1,
    };
  }
  return {
    text: [...rest.map((x) => x.raw), ...block].join('\n'),
    description: `move ${l.keyword} (from ${l.parents.join('>')}) to the top level`,
    line: l.index + 1,
  };
};

const dupKeyword: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => isSettingLine(x) && !x.words.includes('{') && !x.words.includes('}')),
  );
  if (!l) return undefined;
  return {
    text: withLine(lines, l.index, [l.raw, l.raw]),
    description: `duplicate ${l.keyword} line`,
    line: l.index + 1,
  };
};

const dupBlock: Mutator = (lines, rng) => {
  const blocks = openers(lines).filter(
    (l) => l.parents.length === 0 || l.keyword === 'real_server' || l.keyword === 'url',
  );
  const l = pick(rng, blocks);
  if (!l) return undefined;
  const end = blockEnd(lines, l.index);
  if (end < 0) return undefined;
  let block = lines.slice(l.index, end + 1).map((x) => x.raw);
  let what = `duplicate ${l.keyword} block`;
  if (l.keyword === 'vrrp_instance' && rng() < 0.5) {
    // Same VRID and interface under another name.
    const name = l.words[1] ?? 'VI';
    block = [replaceWord(block[0]!, name, `${name}_copy`), ...block.slice(1)];
    what = `copy vrrp_instance ${name} as ${name}_copy (same VRID and interface)`;
  }
  return {
    text: withLine(lines, end, [lines[end]!.raw, ...block]),
    description: what,
    line: l.index + 1,
  };
};

const REQUIRED = new Set([
  'interface',
  'virtual_router_id',
  'priority',
  'state',
  'auth_type',
  'auth_pass',
  'lb_kind',
  'lb_algo',
  'delay_loop',
  'protocol',
  'script',
  'path',
  'status_code',
  'digest',
  'connect_port',
  'virtual_ipaddress',
  'authentication',
  'url',
  'router_id',
  'group',
  'real_server',
]);

const deleteSetting: Mutator = (lines, rng) => {
  const required = lines.filter((l) => isSettingLine(l) && REQUIRED.has(l.keyword!));
  const any = lines.filter((l) => isSettingLine(l));
  const l = pick(rng, required.length && rng() < 0.8 ? required : any);
  if (!l) return undefined;
  const end = l.opens !== undefined && l.words.includes('{') ? blockEnd(lines, l.index) : l.index;
  if (end < 0) return undefined;
  const text = lines
    .filter((x) => x.index < l.index || x.index > end)
    .map((x) => x.raw)
    .join('\n');
  return {
    text,
    description: `delete ${l.keyword}${end > l.index ? ' block' : ''} (in ${l.parents.join('>') || 'top level'})`,
    line: l.index + 1,
  };
};

// ------------------------------------------------------------------------------------------------
// Quotes, comments, includes.
// ------------------------------------------------------------------------------------------------

const openQuote: Mutator = (lines, rng) => {
  const quoted = lines.filter((l) => /"[^"]*"/.test(stripComment(l.raw)));
  if (quoted.length && rng() < 0.6) {
    const l = pick(rng, quoted)!;
    const i = l.raw.lastIndexOf('"');
    return {
      text: withLine(lines, l.index, l.raw.slice(0, i) + l.raw.slice(i + 1)),
      description: `closing quote dropped in ${l.keyword ?? l.words[0]}`,
      line: l.index + 1,
    };
  }
  const l = pick(
    rng,
    lines.filter((x) => isSettingLine(x) && x.words.length >= 2 && x.words[1] !== '{'),
  );
  if (!l) return undefined;
  return {
    text: withLine(lines, l.index, replaceNth(l.raw, l.words[1]!, `"${l.words[1]}`, l.words, 1)),
    description: `open quote before the value of ${l.keyword}`,
    line: l.index + 1,
  };
};

const midComment: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => isSettingLine(x) && x.words.length >= 2),
  );
  if (!l) return undefined;
  const kw = l.keyword!;
  const mark = pick(rng, ['#', '!'])!;
  const variants: [string, string][] = [
    [replaceWord(l.raw, kw, `${kw} ${mark} was:`), `${mark} comment between ${kw} and its value`],
    [replaceWord(l.raw, kw, `${kw}${mark}`), `${mark} glued to ${kw}`],
    [
      `${stripComment(l.raw).trimEnd()}${mark}note${l.raw.slice(stripComment(l.raw).length)}`,
      `${mark} glued after the value of ${kw}`,
    ],
    [`${mark} ${l.raw.trimStart()}`, `line of ${kw} commented out`],
  ];
  const [raw, what] = pick(rng, variants)!;
  if (raw === l.raw) return undefined;
  return { text: withLine(lines, l.index, raw), description: what, line: l.index + 1 };
};

const includeMissing: Mutator = (lines, rng) => {
  const target = pick(rng, [
    '/etc/keepalived/conf.d/missing.conf',
    'conf.d/*.conf',
    'missing-vrrp.conf',
    '/etc/keepalived/nonexistent/*.conf',
  ])!;
  const tops = openers(lines).filter((l) => l.parents.length === 0);
  const inBlock = rng() < 0.3 ? pick(rng, tops) : undefined;
  if (inBlock) {
    return {
      text: withLine(lines, inBlock.index, [inBlock.raw, `    include ${target}`]),
      description: `include ${target} inside ${inBlock.keyword}`,
      line: inBlock.index + 2,
    };
  }
  const at = rng() < 0.5 ? 0 : lines.length;
  const out = lines.map((l) => l.raw);
  out.splice(at, 0, `include ${target}`);
  return { text: out.join('\n'), description: `include ${target} (missing)`, line: at + 1 };
};

// ------------------------------------------------------------------------------------------------
// Habits from other configuration languages, and text pasted from elsewhere.
// ------------------------------------------------------------------------------------------------

/** Setting lines without braces: the lines a habit from another language lands on. */
const plainSettings = (lines: readonly LineInfo[]): LineInfo[] =>
  lines.filter((x) => isSettingLine(x) && !x.words.includes('{') && !x.words.includes('}'));

/** The line with `suffix` after its last word, before any comment. */
const appendToCode = (raw: string, suffix: string): string => {
  const code = stripComment(raw).trimEnd();
  return code + suffix + raw.slice(code.length);
};

const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const semicolon: Mutator = (lines, rng) => {
  // A setting, a data line of a value block, or a closing brace (`};`).
  const l = pick(
    rng,
    lines.filter(
      (x) =>
        x.words.length > 0 &&
        !x.words.includes('{') &&
        (x.words.length > 1 || x.words[0] === '}' || x.parents.length > 0),
    ),
  );
  if (!l) return undefined;
  return {
    text: withLine(lines, l.index, appendToCode(l.raw, ';')),
    description: `";" after ${l.words.join(' ')}`,
    line: l.index + 1,
  };
};

const equals: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    plainSettings(lines).filter((x) => x.words.length >= 2),
  );
  if (!l) return undefined;
  const kw = l.keyword!;
  const glue = pick(rng, ['=', ' = ', ' =', '= ', ': '])!;
  const raw = l.raw.replace(new RegExp(`(^|\\s)${escapeRe(kw)}[ \\t]+`), (_m, pre: string) => `${pre}${kw}${glue}`);
  if (raw === l.raw) return undefined;
  return { text: withLine(lines, l.index, raw), description: `${kw}${glue}${l.words[1]}`, line: l.index + 1 };
};

const quote: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    plainSettings(lines).filter((x) => x.words.length >= 2 && !stripComment(x.raw).includes('"')),
  );
  if (!l) return undefined;
  const at = rng() < 0.2 ? 0 : 1 + Math.floor(rng() * (l.words.length - 1));
  const word = l.words[at]!;
  const [open, close, what] = pick(rng, [
    ['"', '"', 'double quotes'],
    ["'", "'", 'single quotes'],
    ['"', '', 'an opening quote only'],
    ['""', '', 'an empty string before'],
  ] as const)!;
  const raw = replaceNth(l.raw, word, `${open}${word}${close}`, l.words, at);
  if (raw === l.raw) return undefined;
  return {
    text: withLine(lines, l.index, raw),
    description: `${what} around "${word}" of ${l.keyword}`,
    line: l.index + 1,
  };
};

const joinLines: Mutator = (lines, rng) => {
  const settings = plainSettings(lines);
  const pairs = settings.filter((x) => {
    const next = lines[x.index + 1];
    return (
      next !== undefined &&
      isSettingLine(next) &&
      !next.words.includes('{') &&
      !next.words.includes('}') &&
      next.parents.join('>') === x.parents.join('>')
    );
  });
  const l = pick(rng, pairs);
  if (!l) return undefined;
  const next = lines[l.index + 1]!;
  const sep = pick(rng, [' ', '; ', ', ', '\t'])!;
  const joined = stripComment(l.raw).trimEnd() + sep + next.raw.trimStart();
  const text = lines
    .flatMap((x) => (x.index === l.index ? [joined] : x.index === next.index ? [] : [x.raw]))
    .join('\n');
  return {
    text,
    description: `${l.keyword} and ${next.keyword} on one line (joined by ${JSON.stringify(sep)})`,
    line: l.index + 1,
  };
};

const commentStyle: Mutator = (lines, rng) => {
  const l = pick(rng, plainSettings(lines));
  if (!l) return undefined;
  const variants: [string | string[], string][] = [
    [appendToCode(l.raw, ' // note'), '// comment after the value'],
    [appendToCode(l.raw, ' ; note'), '; comment after the value'],
    [appendToCode(l.raw, ' /* note */'), '/* */ comment after the value'],
    [`// ${l.raw.trimStart()}`, `line of ${l.keyword} commented out with //`],
    [`; ${l.raw.trimStart()}`, `line of ${l.keyword} commented out with ;`],
    [['/*', l.raw, '*/'], `line of ${l.keyword} inside /* */`],
    [`-- ${l.raw.trimStart()}`, `line of ${l.keyword} commented out with --`],
  ];
  const [raw, what] = pick(rng, variants)!;
  return { text: withLine(lines, l.index, raw), description: what, line: l.index + 1 };
};

const unit: Mutator = (lines, rng) => {
  const candidates: { l: LineInfo; at: number }[] = [];
  for (const l of plainSettings(lines)) {
    for (let i = 1; i < l.words.length; i++) if (/^\d+$/.test(l.words[i]!)) candidates.push({ l, at: i });
  }
  const c = pick(rng, candidates);
  if (!c) return undefined;
  const old = c.l.words[c.at]!;
  const suffix = pick(rng, ['s', 'sec', 'ms', 'm', ' s', 'k', '%', 'px'])!;
  const raw = replaceNth(c.l.raw, old, old + suffix, c.l.words, c.at);
  if (raw === c.l.raw) return undefined;
  return {
    text: withLine(lines, c.l.index, raw),
    description: `${c.l.keyword}: ${old} -> ${old}${suffix}`,
    line: c.l.index + 1,
  };
};

const wrongBlock: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    plainSettings(lines).filter((x) => x.parents.length > 0),
  );
  if (!l) return undefined;
  const here = l.parents[l.parents.length - 1];
  const target = pick(
    rng,
    openers(lines).filter((o) => o.opens !== here && !VALUE_BLOCKS.has(o.opens!) && o.index !== l.index),
  );
  if (!target) return undefined;
  const out = lines.flatMap((x) => (x.index === l.index ? [] : x.index === target.index ? [x.raw, l.raw] : [x.raw]));
  return {
    text: out.join('\n'),
    description: `${l.keyword} moved from ${here} into ${target.opens}`,
    line: target.index + (target.index < l.index ? 2 : 1),
  };
};

const swapArgs: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter(
      (x) =>
        isSettingLine(x) &&
        x.words.length >= 3 &&
        x.words[1] !== '{' &&
        x.words[2] !== '{' &&
        x.words[1] !== x.words[2],
    ),
  );
  if (!l) return undefined;
  const [a, b] = [l.words[1]!, l.words[2]!];
  const re = new RegExp(`${escapeRe(a)}([ \\t]+)${escapeRe(b)}`);
  const raw = l.raw.replace(re, (_m, gap: string) => `${b}${gap}${a}`);
  if (raw === l.raw) return undefined;
  return { text: withLine(lines, l.index, raw), description: `${l.keyword} ${a} ${b} -> ${b} ${a}`, line: l.index + 1 };
};

const lineEndings: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => x.words.length > 0),
  );
  if (!l) return undefined;
  const all = lines.map((x) => x.raw);
  switch (Math.floor(rng() * 5)) {
    case 0:
      return { text: all.join('\r\n'), description: 'CRLF line endings throughout', line: 1 };
    case 1:
      return {
        text: withLine(lines, l.index, `${l.raw}\r`),
        description: `CRLF on the line of ${l.words[0]}`,
        line: l.index + 1,
      };
    case 2: {
      // A lone CR (classic Mac) joins this line and the next for keepalived.
      const next = lines[l.index + 1];
      if (!next) return undefined;
      const text = lines
        .flatMap((x) => (x.index === l.index ? [`${l.raw}\r${next.raw}`] : x.index === next.index ? [] : [x.raw]))
        .join('\n');
      return { text, description: `lone CR after the line of ${l.words[0]}`, line: l.index + 1 };
    }
    case 3:
      return {
        text: withLine(
          lines,
          l.index,
          l.raw.replace(/^[ \t]*/, (ws) => ws + '\f'),
        ),
        description: `form feed before ${l.words[0]}`,
        line: l.index + 1,
      };
    default:
      return {
        text: `${all.join('\n').replace(/\n+$/, '')}`,
        description: 'no line break at the end',
        line: lines.length,
      };
  }
};

const paste: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    plainSettings(lines).filter((x) => x.words.length >= 2),
  );
  if (!l) return undefined;
  const kw = l.keyword!;
  const value = l.words[1]!;
  const variants: [string, string][] = [
    [
      l.raw.replace(new RegExp(`(^|\\s)${escapeRe(kw)}[ \\t]+`), (_m, pre: string) => `${pre}${kw}\u00a0`),
      `no-break space after ${kw}`,
    ],
    [replaceNth(l.raw, value, `\u201c${value}\u201d`, l.words, 1), `typographic quotes around the value of ${kw}`],
    [replaceNth(l.raw, value, value.replace(/^-/, '\u2013'), l.words, 1), `en dash for the minus of ${kw}`],
    [replaceWord(l.raw, kw, `\u200b${kw}`), `zero-width space before ${kw}`],
    [replaceWord(l.raw, kw, kw.replace(/_/g, '\u2011')), `non-breaking hyphens in ${kw}`],
    [l.raw.replace(/^[ \t]*/, (ws) => ws + '\u00a0'), `no-break space indenting ${kw}`],
  ];
  const [raw, what] = pick(rng, variants)!;
  if (raw === l.raw) return undefined;
  return { text: withLine(lines, l.index, raw), description: what, line: l.index + 1 };
};

const numberFormat: Mutator = (lines, rng) => {
  const candidates: { l: LineInfo; at: number }[] = [];
  for (const l of plainSettings(lines)) {
    for (let i = 1; i < l.words.length; i++) if (/^\d+(\.\d+)?$/.test(l.words[i]!)) candidates.push({ l, at: i });
  }
  const c = pick(rng, candidates);
  if (!c) return undefined;
  const old = c.l.words[c.at]!;
  const n = Number(old);
  const value = pick(rng, [
    `+${old}`,
    `0${old}`,
    `00${old}`,
    Number.isInteger(n) ? `0x${n.toString(16)}` : `${old}0`,
    `${old}.`,
    `.${old}`,
    `${old}e0`,
    `${old}.0`,
    `${old}.00000`,
    ` ${old}`.replace(' ', '-0'),
    `${n * 1000}`,
    `${old},0`,
    `${old}_0`,
  ])!;
  const raw = replaceNth(c.l.raw, old, value, c.l.words, c.at);
  if (raw === c.l.raw) return undefined;
  return {
    text: withLine(lines, c.l.index, raw),
    description: `${c.l.keyword}: ${old} -> ${value}`,
    line: c.l.index + 1,
  };
};

const vridClash: Mutator = (lines, rng) => {
  const vrids = lines.filter((l) => l.keyword === 'virtual_router_id' && l.words.length >= 2);
  if (vrids.length < 2) return undefined;
  const a = pick(rng, vrids)!;
  const b = pick(
    rng,
    vrids.filter((x) => x.index !== a.index && x.words[1] !== a.words[1]),
  );
  if (!b) return undefined;
  const raw = replaceNth(a.raw, a.words[1]!, b.words[1]!, a.words, 1);
  return {
    text: withLine(lines, a.index, raw),
    description: `virtual_router_id ${a.words[1]} -> ${b.words[1]} (as on line ${b.index + 1})`,
    line: a.index + 1,
  };
};

const emptyBlock: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    openers(lines).filter((o) => o.words[o.words.length - 1] === '{'),
  );
  if (!l) return undefined;
  const end = blockEnd(lines, l.index);
  if (end <= l.index) return undefined;
  const indent = /^[ \t]*/.exec(l.raw)![0];
  const variants: [string[], string][] = [
    [[`${stripComment(l.raw).trimEnd()}}`], `${l.opens} emptied to "{}" on one line`],
    [[l.raw, `${indent}}`], `${l.opens} emptied`],
  ];
  const [block, what] = pick(rng, variants)!;
  const text = lines
    .flatMap((x) => (x.index === l.index ? block : x.index > l.index && x.index <= end ? [] : [x.raw]))
    .join('\n');
  return { text, description: what, line: l.index + 1 };
};

const TYPE_SWAPS: readonly string[] = [
  '10.0.0.1',
  '100',
  'eth0',
  'yes',
  'on',
  '-1',
  '/etc/keepalived/x.sh',
  'fe80::1',
  '255.255.255.0',
  'MASTER',
];

const valueType: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    plainSettings(lines).filter((x) => x.words.length >= 2),
  );
  if (!l) return undefined;
  const at = 1 + Math.floor(rng() * (l.words.length - 1));
  const old = l.words[at]!;
  const value = pick(
    rng,
    TYPE_SWAPS.filter((v) => v !== old),
  )!;
  const raw = replaceNth(l.raw, old, value, l.words, at);
  if (raw === l.raw) return undefined;
  return { text: withLine(lines, l.index, raw), description: `${l.keyword}: ${old} -> ${value}`, line: l.index + 1 };
};

// ------------------------------------------------------------------------------------------------
// Preprocessor features used by hand: $NAME definitions, @id lines, and names that refer elsewhere.
// ------------------------------------------------------------------------------------------------

const variable: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    plainSettings(lines).filter((x) => x.words.length >= 2 && /^[A-Za-z0-9_./:-]+$/.test(x.words[1]!)),
  );
  if (!l) return undefined;
  const value = l.words[1]!;
  const name = pick(rng, ['IFACE', 'VALUE', 'X', 'my_var', 'PRIO1'])!;
  const [ref, def, what] = pick(rng, [
    [`$${name}`, `$${name}=${value}`, 'a $NAME definition used'],
    [`\${${name}}`, `$${name}=${value}`, 'a ${NAME} definition used'],
    [`$${name}x`, `$${name}=${value}`, '$NAME glued to text'],
    [`\${${name}}x`, `$${name}=${value}`, '${NAME} glued to text'],
    [`$${name.slice(0, -1)}`, `$${name}=${value}`, 'a reference with a typo'],
    [`$${name}`, `$${name} = ${value}`, 'a definition with spaces around ='],
    [`$${name}`, `$${name}=${value} `, 'a definition with a trailing space'],
    [`$${name}`, `${name}=${value}`, 'a definition without $'],
    [`"$${name}"`, `$${name}=${value}`, 'a reference in quotes'],
    [`$${name}`, `$${name}=${value} # the value`, 'a definition with a comment'],
    [`$${name}`, `$${name}=\\\n${value}`, 'a multi-line definition'],
  ] as const)!;
  const raw = replaceNth(l.raw, value, ref, l.words, 1);
  if (raw === l.raw) return undefined;
  const after = rng() < 0.2;
  const body = lines.map((x) => (x.index === l.index ? raw : x.raw));
  const text = after ? [...body, def].join('\n') : [def, ...body].join('\n');
  return {
    text,
    description: `${what} for ${l.keyword}${after ? ' (defined after its use)' : ''}`,
    line: l.index + (after ? 1 : 2),
  };
};

const conditional: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter((x) => x.words.length > 0),
  );
  if (!l) return undefined;
  const prefix = pick(rng, [
    '@lb1 ',
    '@^lb1 ',
    '@ lb1 ',
    '@keepalived-oracle ',
    '@^keepalived-oracle ',
    '@',
    '@lb1',
    '@lb1\t',
  ])!;
  const raw = l.raw.replace(/^([ \t]*)/, (ws) => ws + prefix);
  return {
    text: withLine(lines, l.index, raw),
    description: `"${prefix}" before ${l.words.join(' ')}`,
    line: l.index + 1,
  };
};

const REFERENCE_BLOCKS = new Set([
  'track_script',
  'track_interface',
  'track_process',
  'track_file',
  'track_bfd',
  'group',
  'unicast_peer',
]);

const reference: Mutator = (lines, rng) => {
  const l = pick(
    rng,
    lines.filter(
      (x) => x.words.length > 0 && x.words[0] !== '}' && REFERENCE_BLOCKS.has(x.parents[x.parents.length - 1] ?? ''),
    ),
  );
  if (!l) return undefined;
  const word = l.words[0]!;
  const variants = [
    misspellWord(word, rng),
    `${word} weight`,
    `${word} weight 300`,
    `${word} weight -10 reverse`,
    `${word},`,
    `"${word}"`,
  ];
  const by = pick(rng, variants)!;
  const raw = replaceWord(l.raw, word, by);
  if (raw === l.raw) return undefined;
  return {
    text: withLine(lines, l.index, raw),
    description: `${l.parents[l.parents.length - 1]} entry ${word} -> ${by}`,
    line: l.index + 1,
  };
};

/** Two mistakes in one file, of two kinds (other than this one), the second made on the first's result. */
const double: Mutator = (lines, rng) => {
  const kinds = MUTATION_KINDS.filter((k) => k !== 'double');
  const a = pick(rng, kinds)!;
  const b = pick(rng, kinds)!;
  const first = MUTATORS[a](lines, rng);
  if (!first) return undefined;
  const second = MUTATORS[b](analyze(first.text), rng);
  if (!second) return undefined;
  return {
    text: second.text,
    description: `${a}: ${first.description}; then ${b}: ${second.description}`,
    line: first.line,
  };
};

// ------------------------------------------------------------------------------------------------
// Settings keepalived checks when it completes an instance: strict mode, address options, and
// instance settings that interact (version, accept, VMAC...).
// ------------------------------------------------------------------------------------------------

/** vrrp_strict added to global_defs (a new global_defs block when there is none). */
const strict: Mutator = (lines) => {
  if (!lines.some((l) => l.opens === 'vrrp_instance')) return undefined;
  const g = lines.find((l) => l.opens === 'global_defs' && l.parents.length === 0);
  if (g)
    return {
      text: withLine(lines, g.index, [g.raw, '    vrrp_strict']),
      description: 'vrrp_strict added to global_defs',
      line: g.index + 2,
    };
  return {
    text: ['global_defs {', '    vrrp_strict', '}', ...lines.map((l) => l.raw)].join('\n'),
    description: 'global_defs { vrrp_strict } added',
    line: 2,
  };
};

/** Options operators put on addresses, keepalived's and others (iproute2's, typos). */
const VIP_OPTIONS: readonly string[] = [
  'dev eth0',
  'dev eth0 dev eth1',
  'scope link',
  'scope global',
  'scope universe',
  'brd +',
  'brd -',
  'brd 10.0.0.255',
  'broadcast 300.1.1.1',
  'label eth0:1',
  'label',
  'peer 10.9.9.9',
  'peer 10.9.9.9/24',
  'peer fd00::9',
  'home',
  '-nodad',
  'nodad',
  'mngtmpaddr',
  'noprefixroute',
  'autojoin',
  'no_track',
  'use_vmac',
  'preferred_lft forever',
  'preferred_lft 0',
  'preferred_lft soon',
  'protocol 5',
  'track_group TG',
  'metric 5',
];

/** An option appended to an address of a VIP block. */
const vipOption: Mutator = (lines, rng) => {
  const entries = lines.filter(
    (l) =>
      ['virtual_ipaddress', 'virtual_ipaddress_excluded', 'static_ipaddress'].includes(
        l.parents[l.parents.length - 1] ?? '',
      ) &&
      l.words.length > 0 &&
      /^[0-9a-fA-F:.]+(\/\d+)?$/.test(l.words[0]!) &&
      !l.words.includes('{') &&
      !l.words.includes('}'),
  );
  const l = pick(rng, entries);
  if (!l) return undefined;
  const option = pick(rng, VIP_OPTIONS)!;
  return {
    text: withLine(lines, l.index, appendToCode(l.raw, ` ${option}`)),
    description: `address option "${option}"`,
    line: l.index + 1,
  };
};

/** vrrp_instance settings that keepalived checks against each other and the instance. */
const INSTANCE_SETTINGS: readonly string[] = [
  'version 2',
  'version 3',
  'accept',
  'no_accept',
  'down_timer_adverts 5',
  'garp_lower_prio_repeat 2',
  'garp_lower_prio_delay 3',
  'lower_prio_no_advert false',
  'higher_prio_send_advert',
  'strict_mode',
  'strict_mode off',
  'promote_secondaries',
  'use_vmac',
  'use_vmac vrrp.99 02:11:22:33:44:55',
  'vmac_xmit_base',
  'native_ipv6',
  'owner_ignore_adverts',
  'state MASTER',
  'state BACKUP',
  'priority 255',
  'nopreempt',
  'preempt_delay 10',
  'mcast_dst_ip 224.0.0.19',
  'advert_int 1.5',
  'unicast_ttl 10',
];

/** A setting added at the start or the end of a vrrp_instance block. */
const instanceSetting: Mutator = (lines, rng) => {
  const inst = pick(
    rng,
    lines.filter((l) => l.opens === 'vrrp_instance' && l.words[l.words.length - 1] === '{'),
  );
  if (!inst) return undefined;
  const end = blockEnd(lines, inst.index);
  if (end <= inst.index) return undefined;
  const setting = pick(rng, INSTANCE_SETTINGS)!;
  const at = rng() < 0.5 ? inst.index : end - 1;
  const line = lines[at]!;
  if (at !== inst.index && line.opens) return undefined;
  return {
    text: withLine(lines, at, [line.raw, `    ${setting}`]),
    description: `"${setting}" added to vrrp_instance ${inst.words[1] ?? ''}`,
    line: at + 2,
  };
};

const MUTATORS: Record<MutationKind, Mutator> = {
  misspell,
  number,
  address,
  choice,
  'missing-arg': missingArg,
  'extra-arg': extraArg,
  'missing-open-brace': missingOpenBrace,
  'extra-close-brace': extraCloseBrace,
  'missing-close-brace': missingCloseBrace,
  'brace-placement': bracePlacement,
  'move-block': moveBlock,
  'dup-keyword': dupKeyword,
  'dup-block': dupBlock,
  'delete-setting': deleteSetting,
  'open-quote': openQuote,
  'mid-comment': midComment,
  'include-missing': includeMissing,
  semicolon,
  equals,
  quote,
  'join-lines': joinLines,
  'comment-style': commentStyle,
  unit,
  'wrong-block': wrongBlock,
  'swap-args': swapArgs,
  'line-endings': lineEndings,
  paste,
  'number-format': numberFormat,
  'vrid-clash': vridClash,
  'empty-block': emptyBlock,
  'value-type': valueType,
  variable,
  conditional,
  reference,
  double,
  strict,
  'vip-option': vipOption,
  'instance-setting': instanceSetting,
};

/** Apply one mistake of the given kind to a base; undefined when the base offers no place for it. */
export function mutate(base: MutationBase, kind: MutationKind, rng: Rng): Omit<Mutant, 'id'> | undefined {
  const change = MUTATORS[kind](analyze(base.text), rng);
  if (!change || change.text === base.text) return undefined;
  return { base: base.id, kind, args: base.args, ...change };
}

/**
 * Generate `count` mutants from the bases; deterministic for a given seed and base list. With
 * `stack` above 1, each mutant has that many mistakes, one after the other (the later ones of any
 * active kind; the mutant is filed under the first).
 */
export function generateMutants(
  bases: readonly MutationBase[],
  count: number,
  seed: number,
  kinds: readonly MutationKind[] = MUTATION_KINDS,
  stack = 1,
): Mutant[] {
  const out: Mutant[] = [];
  const seen = new Set<string>();
  // A kind that finds no new mistake for a while has used up its places in these bases: the
  // others go on without it.
  const active = [...kinds];
  const misses = new Map<MutationKind, number>();
  if (bases.length === 0 || kinds.length === 0) return out;
  for (let i = 0, attempts = 0; out.length < count && active.length > 0 && attempts < count * 20; attempts++, i++) {
    const rng = makeRng((seed * 1_000_003 + i) >>> 0);
    const kind = active[out.length % active.length]!;
    const base = pick(rng, bases)!;
    let m = mutate(base, kind, rng);
    for (let k = 1; m && k < stack; k++) {
      const more = pick(rng, active)!;
      const next = mutate({ ...base, text: m.text }, more, rng);
      if (next)
        m = {
          ...m,
          text: next.text,
          description: `${m.description} | then ${more}, line ${next.line}: ${next.description}`,
        };
    }
    if (!m || seen.has(m.text)) {
      const n = (misses.get(kind) ?? 0) + 1;
      misses.set(kind, n);
      if (n >= 200) active.splice(active.indexOf(kind), 1);
      continue;
    }
    misses.set(kind, 0);
    seen.add(m.text);
    out.push({ id: `${String(out.length).padStart(5, '0')}-${kind}`, ...m });
  }
  return out;
}
