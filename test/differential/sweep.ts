// Keyword and value sweep: for every keyword of the inventory (keywords.json) present in Debian
// 2.2.7, small configs that place the keyword in a minimal valid context and give it typical,
// boundary, odd, missing and extra values. Pure functions (no I/O, no vitest): scripts/sweep.mjs
// bundles this file together with the differential harness, writes the cases and compares.

import { makeRng } from './mutate';

/** One parameter of a keyword, as in keywords.json. */
export interface InventoryParam {
  name: string;
  type: string;
  required: boolean;
  min?: number;
  max?: number;
  values?: string[];
  decimals?: number;
  keys?: Record<string, [number, number]>;
  default_if_absent?: string;
}

/** One keyword of keywords.json (only the fields the sweep uses). */
export interface InventoryKeyword {
  keyword: string;
  parent_path: string;
  opens_block: boolean;
  block_kind: 'keywords' | 'values' | null;
  args: { min: number; max: number | null; params: InventoryParam[]; extra_words?: string };
  deprecated?: boolean;
  in_debian_2_2_7: boolean;
  missing_arg_behaviour?: string;
}

/** One generated config. */
export interface SweepCase {
  /** Stable id, also the file name stem. */
  id: string;
  keyword: string;
  parentPath: string;
  /** What is being tried: typical, boundary, odd, enum, missing, extra, block, context. */
  kind: string;
  /** The parameter the variant applies to, if any. */
  param?: string;
  /** The argument words of the keyword line (after the keyword). */
  args: string[];
  /** 1-based line of the keyword in the config. */
  line: number;
  text: string;
}

/** Marker line in a context template where the keyword under test is inserted. */
const MARK = '@@';

/** Preamble for contexts that run scripts: keeps script security and the script user quiet. */
const SCRIPT_DEFS = ['global_defs {', '  script_user root', '  enable_script_security', '}'];

const VRRP = (extra: string[] = [], name = 'VI_1', vrid = '51'): string[] => [
  `vrrp_instance ${name} {`,
  '  interface eth0',
  `  virtual_router_id ${vrid}`,
  '  priority 100',
  '  virtual_ipaddress {',
  `    10.0.0.${vrid === '51' ? 1 : 2}/24`,
  '  }',
  ...extra.map((l) => `  ${l}`),
  '}',
];

const VS = (inner: string[], port = '80', proto = 'TCP'): string[] => [
  `virtual_server 10.0.0.1 ${port} {`,
  `  protocol ${proto}`,
  '  lb_algo rr',
  '  lb_kind NAT',
  `  real_server 10.0.0.2 ${port} {`,
  ...inner.map((l) => `    ${l}`),
  '  }',
  '}',
];

/** Minimal contexts keepalived accepts, by parent path; MARK is where the keyword goes. */
export const CONTEXTS: Record<string, string[]> = {
  root: [MARK],
  'root > global_defs': ['global_defs {', `  ${MARK}`, '}'],
  'root > SSL': ['SSL {', `  ${MARK}`, '}'],
  'root > bfd_instance': ['bfd_instance B1 {', '  neighbor_ip 10.0.0.2', `  ${MARK}`, '}'],
  'root > garp_group': ['garp_group {', '  garp_interval 1', '  interface eth0', `  ${MARK}`, '}'],
  'root > track_file': ['track_file TF {', '  file /tmp/sweep/trackfile', `  ${MARK}`, '}'],
  'root > vrrp_track_file': ['vrrp_track_file TF {', '  file /tmp/sweep/trackfile', `  ${MARK}`, '}'],
  'root > track_group': ['track_group G {', '  group {', '    VI_1', '  }', `  ${MARK}`, '}', ...VRRP()],
  'root > vrrp_instance': [...SCRIPT_DEFS, ...VRRP([MARK])],
  'root > vrrp_instance > authentication': [
    ...VRRP(['authentication {', '  auth_type PASS', '  auth_pass secret', `  ${MARK}`, '}']),
  ],
  'root > vrrp_script': [
    ...SCRIPT_DEFS,
    'vrrp_script S1 {',
    '  script /bin/true',
    `  ${MARK}`,
    '}',
    ...VRRP(['track_script {', '  S1', '}']),
  ],
  'root > vrrp_sync_group': [
    ...SCRIPT_DEFS,
    ...VRRP(),
    ...VRRP([], 'VI_2', '52'),
    'vrrp_sync_group G1 {',
    '  group {',
    '    VI_1',
    '    VI_2',
    '  }',
    `  ${MARK}`,
    '}',
  ],
  'root > vrrp_track_process': ['vrrp_track_process P1 {', '  process keepalived', `  ${MARK}`, '}'],
  'root > virtual_server': [
    ...SCRIPT_DEFS,
    'virtual_server 10.0.0.1 80 {',
    '  protocol TCP',
    '  lb_algo rr',
    '  lb_kind NAT',
    '  real_server 10.0.0.2 80 {',
    '  }',
    `  ${MARK}`,
    '}',
  ],
  'root > virtual_server > real_server': [...SCRIPT_DEFS, ...VS([MARK])],
  'root > virtual_server > real_server > TCP_CHECK': VS(['TCP_CHECK {', `  ${MARK}`, '}']),
  'root > virtual_server > real_server > PING_CHECK': VS(['PING_CHECK {', `  ${MARK}`, '}']),
  'root > virtual_server > real_server > UDP_CHECK': VS(['UDP_CHECK {', `  ${MARK}`, '}'], '53', 'UDP'),
  'root > virtual_server > real_server > DNS_CHECK': VS(
    ['DNS_CHECK {', '  name example.com', `  ${MARK}`, '}'],
    '53',
    'UDP',
  ),
  'root > virtual_server > real_server > MISC_CHECK': [
    ...SCRIPT_DEFS,
    ...VS(['MISC_CHECK {', '  misc_path /bin/true', `  ${MARK}`, '}']),
  ],
  'root > virtual_server > real_server > HTTP_GET': VS([
    'HTTP_GET {',
    '  url {',
    '    path /',
    '  }',
    `  ${MARK}`,
    '}',
  ]),
  'root > virtual_server > real_server > HTTP_GET > url': VS([
    'HTTP_GET {',
    '  url {',
    '    path /',
    `    ${MARK}`,
    '  }',
    '}',
  ]),
  'root > virtual_server > real_server > SSL_GET': [
    'SSL {',
    '}',
    ...VS(['SSL_GET {', '  url {', '    path /', '  }', `  ${MARK}`, '}'], '443'),
  ],
  'root > virtual_server > real_server > SSL_GET > url': [
    'SSL {',
    '}',
    ...VS(['SSL_GET {', '  url {', '    path /', `    ${MARK}`, '  }', '}'], '443'),
  ],
  'root > virtual_server > real_server > SMTP_CHECK': VS(
    ['SMTP_CHECK {', '  host {', '    connect_ip 10.0.0.2', '  }', `  ${MARK}`, '}'],
    '25',
  ),
  'root > virtual_server > real_server > SMTP_CHECK > host': VS(
    ['SMTP_CHECK {', '  host {', '    connect_ip 10.0.0.2', `    ${MARK}`, '  }', '}'],
    '25',
  ),
  'root > virtual_server > real_server > FILE_CHECK': [
    'track_file TF {',
    '  file /tmp/sweep/trackfile',
    '}',
    ...VS(['FILE_CHECK {', '  track_file TF', `  ${MARK}`, '}']),
  ],
  'root > virtual_server > real_server > BFD_CHECK': [
    'bfd_instance B1 {',
    '  neighbor_ip 10.0.0.2',
    '}',
    ...VS(['BFD_CHECK {', '  name B1', `  ${MARK}`, '}']),
  ],
};

/** Typical argument words per parameter type. */
const TYPICAL: Record<string, string> = {
  name: 'N1',
  string: 'abc',
  path: '/tmp/sweep/file',
  script: '/bin/true',
  user: 'root',
  group: 'root',
  email: 'root@localhost',
  host_or_ip: '127.0.0.1',
  ipaddr: '10.0.0.9',
  ipv4_multicast: '224.0.0.18',
  ipv6_multicast: 'ff02::12',
  multicast_ip: '224.0.0.18',
  ifname: 'eth0',
  port: '80',
  hex_string: '0a0b0c',
  hex: '0123456789abcdef0123456789abcdef',
  hostname: 'example.com',
  dns_name: 'example.com',
  status_code_or_range: '200',
  quoted_escaped_string: '"^ok"',
  umask: '022',
  hmac_key: 'hex:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  vs_address: '10.0.0.1',
  netmask_or_prefix: '255.255.255.0',
  bool: 'true',
};

/** Typical argument words for specific keywords (by "parent > keyword"), where the generic one is wrong. */
export const TYPICAL_ARGS: Record<string, string[]> = {
  'root > vrrp_instance > track_script': ['S1'],
  'root > virtual_server > real_server > FILE_CHECK > track_file': ['TF'],
  'root > virtual_server > real_server > BFD_CHECK > name': ['B1'],
  'root > vrrp_instance > authentication > auth_type': ['PASS'],
  'root > vrrp_instance > state': ['BACKUP'],
  'root > virtual_server > real_server': ['10.0.0.3', '80'],
  'root > virtual_server': ['10.0.0.5', '80'],
  'root > global_defs > lvs_sync_daemon': ['eth0', 'VI_1'],
  'root > global_defs > vrrp_rx_bufs_policy': ['MTU'],
  'root > vrrp_instance > use_vmac': [],
  'root > vrrp_instance > use_ipvlan': [],
};

/** First data line of each value block, by keyword. */
export const VALUE_BLOCK_SAMPLE: Record<string, string> = {
  static_ipaddress: '10.0.0.9/24 dev eth0',
  static_routes: '10.1.0.0/16 via 10.0.0.254 dev eth0',
  static_rules: 'from 10.0.0.9 table 100',
  linkbeat_interfaces: 'eth0',
  interface_up_down_delays: 'eth0 1 1',
  virtual_server_group: '10.0.0.1 80',
  notification_email: 'root@localhost',
  group: 'VI_1',
  track_interface: 'eth0',
  track_script: 'S1',
  track_file: 'TF',
  track_process: 'P1',
  track_bfd: 'B1',
  interfaces: 'eth0',
  virtual_ipaddress: '10.0.0.7/24',
  virtual_ipaddress_excluded: '10.0.0.8/24',
  virtual_routes: '10.2.0.0/16 via 10.0.0.254',
  virtual_rules: 'from 10.0.0.7 table 100',
  unicast_peer: '10.0.0.3',
};

/** A labelled argument word. */
export interface Variant {
  label: string;
  value: string;
  kind: string;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Format a number as keepalived would read it (no exponent, at most `decimals` places). */
export function fmtNum(n: number, decimals = 0): string {
  if (decimals <= 0 || Number.isInteger(n)) return Number.isInteger(n) ? BigInt(Math.round(n)).toString() : String(n);
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

/** A value comfortably inside [min, max]. */
function typicalNumber(p: InventoryParam, decimal: boolean): number {
  const lo = isNum(p.min) ? p.min : 0;
  const hi = isNum(p.max) ? p.max : lo + 100;
  for (const cand of [1, 2, 10, 100]) if (cand >= lo && cand <= hi) return cand;
  return decimal ? lo : Math.ceil(lo);
}

/** Typical word for a parameter. */
export function typicalValue(p: InventoryParam): string {
  switch (p.type) {
    case 'uint':
    case 'int':
      return fmtNum(typicalNumber(p, false));
    case 'timer':
    case 'decimal':
      return fmtNum(typicalNumber(p, true), p.decimals ?? 6);
    case 'enum':
    case 'enum_or_uint':
      return p.values?.[0] ?? 'x';
    case 'keyword_value_pairs': {
      const [k, range] = Object.entries(p.keys ?? { x: [0, 1] })[0]!;
      return `${k} ${Math.max(1, range[0])}`;
    }
    case 'vmac_options':
    case 'ipvlan_options':
      return '';
    default:
      return TYPICAL[p.type] ?? 'x';
  }
}

/** Swap the case of a word in a way that differs from it (Master / MASTER / master). */
export function caseVariant(v: string): string | undefined {
  const cands = [v.charAt(0).toUpperCase() + v.slice(1).toLowerCase(), v.toUpperCase(), v.toLowerCase()];
  return cands.find((c) => c !== v);
}

/** Variants for a parameter: typical, boundaries, odd forms, enum values and case variants. */
export function variantsFor(p: InventoryParam): Variant[] {
  const out: Variant[] = [];
  const add = (kind: string, label: string, value: string): void => {
    if (!out.some((o) => o.value === value)) out.push({ kind, label, value });
  };
  const t = p.type;
  if (t === 'uint' || t === 'int' || t === 'timer' || t === 'decimal') {
    const decimal = t === 'timer' || t === 'decimal';
    const dec = p.decimals ?? (decimal ? 6 : 0);
    const step = decimal ? Math.pow(10, -dec) : 1;
    const typ = typicalNumber(p, decimal);
    add('typical', 'typical', fmtNum(typ, dec));
    if (isNum(p.min)) {
      add('boundary', 'min', fmtNum(p.min, dec));
      add('boundary', 'min-1', fmtNum(p.min - (decimal ? Math.max(step, p.min > 0 ? p.min : step) : 1), dec));
    }
    if (isNum(p.max)) {
      add('boundary', 'max', fmtNum(p.max, dec));
      add('boundary', 'max+1', fmtNum(p.max + (decimal ? Math.max(step, 1) : 1), dec));
    }
    const n = fmtNum(typ, dec);
    add('odd', 'plus', `+${n}`);
    add('odd', 'leading-zero', `0${n}`);
    add('odd', 'hex', '0x10');
    add('odd', 'trailing-garbage', `${n}abc`);
    add('odd', 'negative', `-${n === '0' ? '1' : n}`);
    add('odd', 'huge', '99999999999');
    if (decimal) {
      add('odd', 'too-many-decimals', `${Math.floor(typ)}.${'1'.repeat(dec + 1)}`);
      add('odd', 'exponent', '1e1');
      add('odd', 'fraction', '1.5');
    } else {
      add('odd', 'fraction', `${n}.5`);
    }
    return out;
  }
  if (t === 'bool' || t === 'enum' || t === 'enum_or_uint') {
    const values = p.values ?? [];
    for (const v of values) add('enum', `value ${v}`, v);
    for (const v of values) {
      const c = caseVariant(v);
      if (c) add('enum', `case ${c}`, c);
    }
    add('enum', 'wrong', t === 'bool' ? 'maybe' : 'bogus_value');
    if (t === 'enum_or_uint') {
      add('boundary', 'number', '1024');
      add('odd', 'negative', '-1');
    }
    return out;
  }
  if (t === 'port') {
    add('typical', 'typical', '80');
    for (const [l, v] of [
      ['min', '0'],
      ['max', '65535'],
      ['max+1', '65536'],
      ['negative', '-1'],
      ['hex', '0x50'],
      ['name', 'http'],
    ])
      add(l === 'min' || l === 'max' || l === 'max+1' ? 'boundary' : 'odd', l!, v!);
    return out;
  }
  if (t === 'ipaddr' || t === 'host_or_ip') {
    add('typical', 'typical', typicalValue(p));
    add('odd', 'ipv6', '2001:db8::9');
    add('odd', 'bad octet', '10.0.0.256');
    add('odd', 'word', 'bogus');
    add('odd', 'with prefix', '10.0.0.9/24');
    return out;
  }
  const typ = typicalValue(p);
  if (typ !== '') add('typical', 'typical', typ);
  return out;
}

/** Argument words of a keyword with every parameter up to index `upto` (exclusive) typical. */
function typicalArgs(kw: InventoryKeyword, upto: number): string[] {
  const key = `${kw.parent_path} > ${kw.keyword}`;
  const override = TYPICAL_ARGS[key];
  const out: string[] = [];
  kw.args.params.slice(0, upto).forEach((p, i) => {
    const v = override?.[i] ?? typicalValue(p);
    if (v !== '') out.push(v);
  });
  return out;
}

const indentOf = (l: string): number => /^ */.exec(l)![0].length;
const firstWord = (l: string): string => l.trim().split(/\s+/)[0] ?? '';

/**
 * Put `lines` (the keyword line, or a block) at the marker of a context. Lines of the innermost
 * block that set the same (non-block) keyword are dropped so the keyword is tried on its own.
 */
export function place(
  context: string[],
  keyword: string | ReadonlySet<string>,
  lines: string[],
  dropSame: boolean,
): { text: string; line: number } {
  const same = typeof keyword === 'string' ? new Set([keyword]) : keyword;
  const m = context.findIndex((l) => l.trim() === MARK);
  if (m < 0) throw new Error('context without marker');
  const ind = indentOf(context[m]!);
  // the innermost block: the lines before the marker indented at least as deep
  let start = m;
  while (start > 0) {
    const prev = context[start - 1]!;
    if (indentOf(prev) < ind) break;
    start--;
  }
  const out: string[] = [];
  let line = 0;
  context.forEach((l, i) => {
    if (i === m) {
      line = out.length + 1;
      for (const x of lines) out.push(' '.repeat(ind) + x);
      return;
    }
    if (
      dropSame &&
      i >= start &&
      i < m &&
      indentOf(l) === ind &&
      same.has(firstWord(l)) &&
      !l.trimEnd().endsWith('{')
    ) {
      return;
    }
    out.push(l);
  });
  return { text: out.join('\n') + '\n', line };
}

const slug = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9_.+-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);

/** Build the block lines for a block-opening keyword with header words `args`. */
function blockLines(kw: InventoryKeyword, args: string[]): string[] {
  const head = [kw.keyword, ...args].join(' ');
  if (kw.block_kind === 'values') {
    return [`${head} {`, `  ${VALUE_BLOCK_SAMPLE[kw.keyword] ?? 'x'}`, '}'];
  }
  return [`${head} {`, '}'];
}

/**
 * For a block keyword with its own context (e.g. "root > vrrp_instance"), the context with the
 * header words replaced; else undefined.
 */
function ownContext(kw: InventoryKeyword, args: string[]): { text: string; line: number } | undefined {
  const ctx = CONTEXTS[`${kw.parent_path} > ${kw.keyword}`];
  if (!ctx) return undefined;
  const m = ctx.findIndex((l) => l.trim() === MARK);
  const ind = indentOf(ctx[m]!);
  let h = m - 1;
  while (h >= 0 && !(indentOf(ctx[h]!) < ind && ctx[h]!.trimEnd().endsWith('{'))) h--;
  if (h < 0 || firstWord(ctx[h]!) !== kw.keyword) return undefined;
  const out = ctx.filter((_, i) => i !== m);
  out[h] = ' '.repeat(indentOf(ctx[h]!)) + [kw.keyword, ...args, '{'].join(' ');
  return { text: out.join('\n') + '\n', line: h + 1 };
}

/** Every sweep case for the inventory. */
export function generateCases(inventory: readonly InventoryKeyword[]): SweepCase[] {
  const cases: SweepCase[] = [];
  const seen = new Set<string>();
  const push = (kw: InventoryKeyword, kind: string, label: string, args: string[], param?: string): void => {
    let placed: { text: string; line: number } | undefined;
    if (kw.opens_block) {
      placed = ownContext(kw, args);
      if (!placed) {
        const ctx = CONTEXTS[kw.parent_path];
        if (!ctx) return;
        placed = place(ctx, kw.keyword, blockLines(kw, args), false);
      }
    } else {
      const ctx = CONTEXTS[kw.parent_path];
      if (!ctx) return;
      placed = place(ctx, kw.keyword, [[kw.keyword, ...args].join(' ')], true);
    }
    if (seen.has(placed.text)) return;
    seen.add(placed.text);
    const n = String(cases.length + 1).padStart(5, '0');
    const where = kw.parent_path.replace(/^root( > )?/, '').replace(/ > /g, '.');
    cases.push({
      id: `${n}-${slug(`${where ? where + '.' : ''}${kw.keyword}-${kind}-${label}`)}`,
      keyword: kw.keyword,
      parentPath: kw.parent_path,
      kind,
      param,
      args,
      line: placed.line,
      text: placed.text,
    });
  };

  // The contexts on their own: each must be accepted by keepalived.
  for (const [p, ctx] of Object.entries(CONTEXTS)) {
    const text = ctx.filter((l) => l.trim() !== MARK).join('\n') + '\n';
    seen.add(text);
    cases.push({
      id: `${String(cases.length + 1).padStart(5, '0')}-${slug(`context-${p.replace(/ > /g, '.')}`)}`,
      keyword: '',
      parentPath: p,
      kind: 'context',
      args: [],
      line: 1,
      text,
    });
  }

  for (const kw of inventory) {
    if (!kw.in_debian_2_2_7) continue;
    const params = kw.args.params;
    const all = typicalArgs(kw, params.length);
    const required = typicalArgs(
      kw,
      params.filter((p) => p.required).length || (kw.args.min > 0 ? Math.min(kw.args.min, params.length) : 0),
    );
    push(kw, 'typical', 'required', required);
    push(kw, 'typical', 'all', all);
    params.forEach((p, i) => {
      const before = typicalArgs(kw, i);
      for (const v of variantsFor(p)) push(kw, v.kind, `${p.name}-${v.label}`, [...before, v.value], p.name);
    });
    push(kw, 'missing', 'none', []);
    push(kw, 'extra', 'one', [...(all.length ? all : []), 'extra']);
  }
  return cases;
}

/**
 * Settings the combination cases leave out or as their context has them: a track file's path
 * must name the regular file the sweep writes (the typical path of a path parameter may be a
 * folder some other case made, which keepalived reports as the host's state).
 */
const COMBO_KEEP: ReadonlySet<string> = new Set([
  'root > track_file > file',
  'root > vrrp_track_file > file',
]);

/**
 * Cases with two to `size` settings of one block at once, each with all its arguments typical or,
 * one time in three, one parameter given a variant (boundary, odd, another enum value): the
 * checks keepalived makes across the settings of a block (nopreempt with state MASTER, a unicast
 * source of the other family, ...) that the one-keyword sweep cannot reach. With `withBlocks`,
 * blocks of the context are among the settings: value blocks with a sample line, keyword blocks
 * empty or, mostly, with a few settings (and blocks) of their own. `only` keeps the cases to one
 * block path ('root': top-level objects together). Deterministic for a seed.
 */
export function generateComboCases(
  inventory: readonly InventoryKeyword[],
  count: number,
  seed: number,
  size = 3,
  withBlocks = false,
  only?: string,
): SweepCase[] {
  // Every keyword of each block (for filling blocks), and the ones a case may start from: those
  // of a block with a context, blocks only when asked for.
  const children = new Map<string, InventoryKeyword[]>();
  for (const kw of inventory) {
    if (!kw.in_debian_2_2_7 || COMBO_KEEP.has(`${kw.parent_path} > ${kw.keyword}`)) continue;
    const list = children.get(kw.parent_path) ?? [];
    list.push(kw);
    children.set(kw.parent_path, list);
  }
  const byPath = new Map<string, InventoryKeyword[]>();
  for (const [path, list] of children) {
    if (CONTEXTS[path]) byPath.set(path, withBlocks ? list : list.filter((kw) => !kw.opens_block));
  }
  const paths = [...byPath.keys()]
    .filter((p) => byPath.get(p)!.length >= 2 && (only === undefined || p === only))
    .sort();
  if (paths.length === 0) return [];
  const rand = makeRng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  /** A keyword's lines: its arguments typical or one of them a variant; a keyword block filled with a few of its own settings. */
  const linesOf = (kw: InventoryKeyword, depth: number): string[] => {
    const params = kw.args.params;
    let args = typicalArgs(kw, params.length);
    if (params.length > 0 && rand() < 1 / 3) {
      const i = Math.floor(rand() * params.length);
      const variants = variantsFor(params[i]!);
      if (variants.length > 0) args = [...typicalArgs(kw, i), pick(variants).value];
    }
    if (!kw.opens_block) return [[kw.keyword, ...args].join(' ')];
    const inner = children.get(`${kw.parent_path} > ${kw.keyword}`) ?? [];
    if (kw.block_kind !== 'keywords' || depth >= 2 || inner.length === 0 || rand() < 0.3) return blockLines(kw, args);
    const pool = [...inner];
    const body: string[] = [];
    for (let k = 1 + Math.floor(rand() * Math.min(4, pool.length)); k > 0; k--)
      body.push(...linesOf(pool.splice(Math.floor(rand() * pool.length), 1)[0]!, depth + 1).map((l) => `  ${l}`));
    return [[kw.keyword, ...args, '{'].join(' '), ...body, '}'];
  };
  const cases: SweepCase[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; cases.length < count && attempt < count * 10; attempt++) {
    const path = pick(paths);
    const pool = [...byPath.get(path)!];
    const n = Math.min(pool.length, 2 + Math.floor(rand() * (size - 1)));
    const chosen: InventoryKeyword[] = [];
    while (chosen.length < n) chosen.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
    const lines = chosen.map((kw) => linesOf(kw, 0));
    const placed = place(CONTEXTS[path]!, new Set(chosen.map((k) => k.keyword)), lines.flat(), true);
    if (seen.has(placed.text)) continue;
    seen.add(placed.text);
    const names = chosen.map((k) => k.keyword).join('+');
    cases.push({
      id: `${String(cases.length + 1).padStart(5, '0')}-${slug(`combo-${path.replace(/^root( > )?/, '').replace(/ > /g, '.')}-${names}`)}`,
      keyword: names,
      parentPath: path,
      kind: 'combo',
      args: lines.map((l) => l[0]!),
      line: placed.line,
      text: placed.text,
    });
  }
  return cases;
}
