// The keyword catalogue: every keyword keepalived knows, per block, with its argument shape,
// ranges, deprecation and the version that added it. The data lives in data/keywords.json.
import keywordData from './data/keywords.json';
import removedData from './data/removed-keywords.json';
import { atLeast } from './version';

/** One typed parameter of a keyword. */
export interface ParamSpec {
  name: string;
  type: string;
  required?: boolean;
  min?: number;
  max?: number;
  values?: string[];
  decimals?: number;
  length?: number;
  keys?: Record<string, unknown>;
  case_insensitive?: boolean;
  default_if_absent?: string;
  /** Every later word is another value of this parameter (`vrrp_cpu_affinity 0 1 3`). */
  repeat?: boolean;
  /** Of a repeated choice-or-number parameter: a line whose words are all choices is ignored (`garp_extra_if all`). */
  needsNumber?: boolean;
}

/** A keyword valid in one block. */
export interface KeywordSpec {
  name: string;
  /** Path of the block the keyword belongs to, e.g. 'root > vrrp_instance'. */
  parent: string;
  /** 'keywords' for a block of sub-keywords, 'values' for a block of data lines. */
  block?: 'keywords' | 'values';
  min: number;
  max: number;
  params?: ParamSpec[];
  /** keepalived reports extra words instead of ignoring them. */
  extraError?: boolean;
  deprecated?: boolean;
  replacement?: string;
  /** First release that has the keyword ('head' for unreleased). */
  since: string;
  notInDebian?: boolean;
  /** What keepalived does when a required argument is missing. */
  onMissing?: 'fatal' | 'error' | 'crash' | 'accepted';
  /** keepalived reports problems of this keyword to its log only, which `keepalived -t` does not show. */
  logOnly?: boolean;
  valueSyntax?: string;
}

/** A keyword that an older keepalived accepted and a 2.x release removed. */
export interface RemovedKeyword {
  keyword: string;
  parent_path: string;
  removed_in: string;
  replacement: string | null;
  note?: string;
}

/**
 * The catalogue's objects, every one with the same fields in the same order. Read straight from
 * JSON, entries with different optional fields have different hidden classes in V8, and a rule
 * reading `spec.max` on every statement then goes through a megamorphic lookup; one shape keeps
 * those reads monomorphic (extra-argument: 28 -> 10 ms per pass over 420k statements).
 */
function paramSpec(p: ParamSpec): ParamSpec {
  return {
    name: p.name,
    type: p.type,
    required: p.required,
    min: p.min,
    max: p.max,
    values: p.values,
    decimals: p.decimals,
    length: p.length,
    keys: p.keys,
    case_insensitive: p.case_insensitive,
    default_if_absent: p.default_if_absent,
    repeat: p.repeat,
    needsNumber: p.needsNumber,
  };
}

function keywordSpec(k: KeywordSpec): KeywordSpec {
  return {
    name: k.name,
    parent: k.parent,
    block: k.block,
    min: k.min,
    max: k.max,
    params: k.params?.map(paramSpec),
    extraError: k.extraError,
    deprecated: k.deprecated,
    replacement: k.replacement,
    since: k.since,
    notInDebian: k.notInDebian,
    onMissing: k.onMissing,
    logOnly: k.logOnly,
    valueSyntax: k.valueSyntax,
  };
}

const ALL = (keywordData as KeywordSpec[]).map(keywordSpec);
const REMOVED = removedData as RemovedKeyword[];

/** Path of the root block. */
export const ROOT = 'root';

const byBlock = new Map<string, Map<string, KeywordSpec>>();
const byName = new Map<string, KeywordSpec[]>();
for (const k of ALL) {
  let table = byBlock.get(k.parent);
  if (!table) byBlock.set(k.parent, (table = new Map()));
  table.set(k.name, k);
  const list = byName.get(k.name);
  if (list) list.push(k);
  else byName.set(k.name, [k]);
}

/** Path of a block opened by a keyword inside a parent block. */
export function childPath(parent: string, keyword: string): string {
  // Block paths are looked up once per statement: one shared (already hashed) string per block.
  let kids = pathCache.get(parent);
  if (!kids) pathCache.set(parent, (kids = new Map()));
  let path = kids.get(keyword);
  if (path === undefined) {
    path = `${parent} > ${keyword}`;
    // Only catalogue blocks are kept, so the cache stays as small as the catalogue.
    if (byBlock.has(path)) kids.set(keyword, path);
  }
  return path;
}

const pathCache = new Map<string, Map<string, string>>();

/** Whether a keyword exists in the given version (undefined: any version). */
export function availableIn(spec: KeywordSpec, version: string): boolean {
  if (!atLeast(version, spec.since)) return false;
  if (spec.notInDebian && version === '2.2.7') return false;
  return true;
}

/** Every keyword of a block by name (any version), or undefined for a path that is no block. */
export function blockTable(parent: string): ReadonlyMap<string, KeywordSpec> | undefined {
  return byBlock.get(parent);
}

/** The catalogue entry of a keyword in a block (any version). */
export function findKeyword(parent: string, name: string): KeywordSpec | undefined {
  return byBlock.get(parent)?.get(name);
}

/** All keywords of a block (every version). */
export function blockKeywords(parent: string): KeywordSpec[] {
  const t = byBlock.get(parent);
  return t ? [...t.values()] : [];
}

/** Every block in which a keyword of this name is valid. */
export function keywordEverywhere(name: string): KeywordSpec[] {
  return byName.get(name) ?? [];
}

/** Keywords that older versions accepted in a block and that are gone now. */
export function findRemoved(parent: string, name: string): RemovedKeyword | undefined {
  return REMOVED.find((r) => r.keyword === name && (r.parent_path === parent || r.parent_path === '*'));
}

/** Every removed keyword of any block with this name. */
export function removedEverywhere(name: string): RemovedKeyword[] {
  return REMOVED.filter((r) => r.keyword === name);
}

/** Argument shapes that differ in releases older than `before`. */
const PARAM_OVERRIDES: Array<{ parent: string; name: string; before: string; params: ParamSpec[] }> = [
  // Up to 2.2.x a vrrp_script's interval and timeout are whole seconds.
  { parent: 'root > vrrp_script', name: 'interval', before: '2.2.8', params: [paramSpec({ name: 'seconds', type: 'uint', min: 1, max: 4294 })] },
  { parent: 'root > vrrp_script', name: 'timeout', before: '2.2.8', params: [paramSpec({ name: 'seconds', type: 'uint', min: 1, max: 4294 })] },
];

/** Typed parameters of a keyword as the given version reads them. */
export function paramsFor(spec: KeywordSpec, version: string): ParamSpec[] | undefined {
  for (const o of PARAM_OVERRIDES) {
    if (o.parent === spec.parent && o.name === spec.name && !atLeast(version, o.before)) return o.params;
  }
  return spec.params;
}

/** The whole catalogue, for tools that list it. */
export function allKeywords(): readonly KeywordSpec[] {
  return ALL;
}

/** Human name of a block path: its last segment ('root' for the top level). */
export function blockName(path: string): string {
  const i = path.lastIndexOf(' > ');
  return i === -1 ? path : path.slice(i + 3);
}
