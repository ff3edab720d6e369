// Project configuration files (.keepalived-lint.json / .yaml / .yml), found by walking up from
// each linted file; the nearest one wins. Shared by the CLI and the language server.
//
//   { "targetVersion": "2.2.8", "configId": "lb1", "includeRoot": "etc",
//     "rules": { "line-too-long": "off" }, "peers": [["lb1/*.conf", "lb2/*.conf"]],
//     "ignorePatterns": ["vendor/**"],
//     "overrides": [{ "files": ["legacy/**"], "targetVersion": "2.2.7", "rules": { "deprecated-keyword": "off" } }] }
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import { isKnownVersion, type FileAccess } from '../grammar/index';
import { expandBraces, globOne } from '../grammar/glob';
import { rules as registeredRules, type SeveritySetting } from '../linter/index';
import { peerRules } from '../linter/peer-registry';

/** File names looked up in each folder, in this order. */
export const CONFIG_FILE_NAMES = ['.keepalived-lint.json', '.keepalived-lint.yaml', '.keepalived-lint.yml'] as const;

/** A severity as written in a configuration file. */
export type RuleSetting = 'off' | 'warn' | 'error';

/** Settings an override may change. */
export interface ConfigSettings {
  targetVersion?: string;
  configId?: string;
  includeRoot?: string;
  rules?: Record<string, RuleSetting>;
}

/** A configuration file's content, validated. */
export interface ConfigFile extends ConfigSettings {
  peers?: string[][];
  ignorePatterns?: string[];
  overrides?: Array<ConfigSettings & { files: string[] }>;
}

/** The settings that apply to one file. Paths are absolute. */
export interface EffectiveConfig {
  targetVersion?: string;
  configId?: string;
  includeRoot?: string;
  rules: Record<string, SeveritySetting>;
  /** Peer groups: glob patterns, absolute. */
  peers: string[][];
  /** Ignore patterns, relative to the configuration file's folder. */
  ignorePatterns: string[];
  /** True when an ignore pattern matches the file. */
  ignored: boolean;
}

/** What loadConfigFor found: the settings and the file they came from (undefined: none). */
export interface ConfigLookup {
  config: EffectiveConfig;
  source: string | undefined;
}

/** Options of a lookup. */
export interface LookupOptions {
  /** Use this file instead of searching (like --config). */
  configFile?: string;
  /** false: no search (like --no-config-lookup). */
  lookup?: boolean;
}

/** A configuration file that cannot be read or is invalid; the message names the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

let extraRuleIds: string[] = [];

/** Adds rule ids besides the linter registry's (peer rules, pseudo-rules) that configs may name. */
export function registerRuleIds(ids: Iterable<string>): void {
  extraRuleIds = [...new Set([...extraRuleIds, ...ids])];
}

/** Rule ids a configuration may name. */
export function knownRuleIds(): Set<string> {
  return new Set([
    ...registeredRules.map((r) => r.id),
    ...peerRules.map((r) => r.id),
    ...extraRuleIds,
    'unused-disable-directive',
  ]);
}

const parsedFiles = new Map<string, ConfigFile>();
const foundInDir = new Map<string, string | undefined>();

/** Forgets cached files and lookups (the server calls this when a config file changes). */
export function clearConfigCache(): void {
  parsedFiles.clear();
  foundInDir.clear();
}

/** The nearest configuration file for a path, walking up to the filesystem root. */
export function findConfigFile(filePath: string): string | undefined {
  const visited: string[] = [];
  let dir = dirname(resolve(filePath));
  let found: string | undefined;
  for (;;) {
    if (foundInDir.has(dir)) {
      found = foundInDir.get(dir);
      break;
    }
    visited.push(dir);
    found = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find(isFile);
    if (found) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const d of visited) foundInDir.set(d, found);
  return found;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Reads and validates a configuration file (cached). Throws ConfigError. */
export function readConfigFile(path: string): ConfigFile {
  const abs = resolve(path);
  const cached = parsedFiles.get(abs);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `${abs}: cannot read the configuration file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const config = parseConfigText(text, abs);
  parsedFiles.set(abs, config);
  return config;
}

/** Parses configuration text (JSON for *.json, else YAML) and validates it. `where` names it in errors. */
export function parseConfigText(text: string, where: string): ConfigFile {
  let data: unknown;
  try {
    if (where.endsWith('.json')) data = JSON.parse(text.replace(/^\uFEFF/, ''));
    else data = parseYaml(text, { prettyErrors: false });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    throw new ConfigError(`${where}: not valid ${where.endsWith('.json') ? 'JSON' : 'YAML'}: ${msg}`);
  }
  if (data === null || data === undefined) data = {};
  return validateConfig(data, where);
}

const SETTINGS_KEYS = ['targetVersion', 'configId', 'includeRoot', 'rules'];
const TOP_KEYS = [...SETTINGS_KEYS, 'peers', 'ignorePatterns', 'overrides', '$schema'];
const OVERRIDE_KEYS = ['files', ...SETTINGS_KEYS];

/** Validates parsed configuration data strictly. Throws ConfigError naming the file and key. */
export function validateConfig(data: unknown, where: string): ConfigFile {
  const fail = (key: string, msg: string): never => {
    throw new ConfigError(`${where}: ${key ? `"${key}" ` : ''}${msg}`);
  };
  const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const stringList = (v: unknown, key: string): string[] => {
    if (!Array.isArray(v)) return fail(key, `must be a list of strings, not ${show(v)}`);
    v.forEach((s, i) => {
      if (typeof s !== 'string' || s === '') fail(`${key}[${i}]`, `must be a non-empty string, not ${show(s)}`);
    });
    return v as string[];
  };
  const known = knownRuleIds();
  const settings = (o: Record<string, unknown>, prefix: string, allowed: string[]): ConfigSettings => {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k))
        fail(
          `${prefix}${k}`,
          `is not a known setting (expected one of: ${allowed.filter((a) => a !== '$schema').join(', ')})`,
        );
    }
    const out: ConfigSettings = {};
    if (o.targetVersion !== undefined) {
      if (typeof o.targetVersion !== 'string' || !isKnownVersion(o.targetVersion)) {
        fail(`${prefix}targetVersion`, `has an unknown keepalived version ${show(o.targetVersion)}`);
      }
      out.targetVersion = o.targetVersion as string;
    }
    if (o.configId !== undefined) {
      if (typeof o.configId !== 'string' || o.configId === '')
        fail(`${prefix}configId`, `must be a non-empty string, not ${show(o.configId)}`);
      out.configId = o.configId as string;
    }
    if (o.includeRoot !== undefined) {
      if (typeof o.includeRoot !== 'string' || o.includeRoot === '')
        fail(`${prefix}includeRoot`, `must be a folder path, not ${show(o.includeRoot)}`);
      out.includeRoot = o.includeRoot as string;
    }
    if (o.rules !== undefined) {
      if (!isObject(o.rules))
        fail(`${prefix}rules`, `must be an object mapping rule ids to "off", "warn" or "error", not ${show(o.rules)}`);
      const r = o.rules as Record<string, unknown>;
      for (const [id, v] of Object.entries(r)) {
        if (!known.has(id)) fail(`${prefix}rules.${id}`, `is not a known rule id (see keepalived-lint --list-rules)`);
        if (v !== 'off' && v !== 'warn' && v !== 'error')
          fail(`${prefix}rules.${id}`, `must be "off", "warn" or "error", not ${show(v)}`);
      }
      out.rules = r as Record<string, RuleSetting>;
    }
    return out;
  };
  if (!isObject(data)) return fail('', `must hold an object (a mapping of settings), not ${show(data)}`);
  const config: ConfigFile = settings(data, '', TOP_KEYS);
  if (data.peers !== undefined) {
    if (!Array.isArray(data.peers))
      fail('peers', `must be a list of groups (lists of file globs), not ${show(data.peers)}`);
    config.peers = (data.peers as unknown[]).map((g, i) => {
      const list = stringList(g, `peers[${i}]`);
      if (list.length === 0) fail(`peers[${i}]`, 'must name at least one file');
      return list;
    });
  }
  if (data.ignorePatterns !== undefined) config.ignorePatterns = stringList(data.ignorePatterns, 'ignorePatterns');
  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) fail('overrides', `must be a list of objects, not ${show(data.overrides)}`);
    config.overrides = (data.overrides as unknown[]).map((o, i) => {
      if (!isObject(o)) return fail(`overrides[${i}]`, `must be an object, not ${show(o)}`);
      if (o.files === undefined) fail(`overrides[${i}].files`, 'is required');
      const files = stringList(o.files, `overrides[${i}].files`);
      if (files.length === 0) fail(`overrides[${i}].files`, 'must name at least one glob');
      return { files, ...settings(o, `overrides[${i}].`, OVERRIDE_KEYS) };
    });
  }
  return config;
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** Whether a glob (relative to base) matches an absolute path. Globs without "/" match at any depth. */
export function globMatches(glob: string, base: string, absPath: string): boolean {
  const rel = toPosix(relative(base, absPath));
  if (rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return false;
  const g = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
  return (
    minimatch(rel, g, { dot: true, matchBase: !g.includes('/') }) ||
    minimatch(rel, `${g}/**`, { dot: true, matchBase: !g.includes('/') })
  );
}

/** Settings for a file from a parsed configuration file found at `source`. */
export function effectiveConfig(config: ConfigFile, source: string | undefined, filePath: string): EffectiveConfig {
  const base = source ? dirname(source) : dirname(resolve(filePath));
  const abs = resolve(filePath);
  const out: EffectiveConfig = { rules: {}, peers: [], ignorePatterns: config.ignorePatterns ?? [], ignored: false };
  const apply = (s: ConfigSettings): void => {
    if (s.targetVersion !== undefined) out.targetVersion = s.targetVersion;
    if (s.configId !== undefined) out.configId = s.configId;
    if (s.includeRoot !== undefined) out.includeRoot = resolve(base, s.includeRoot);
    for (const [id, v] of Object.entries(s.rules ?? {})) out.rules[id] = v;
  };
  apply(config);
  for (const o of config.overrides ?? []) if (o.files.some((g) => globMatches(g, base, abs))) apply(o);
  out.peers = (config.peers ?? []).map((g) => g.map((p) => toPosix(resolve(base, p))));
  out.ignored = out.ignorePatterns.some((g) => globMatches(g, base, abs));
  return out;
}

/** The configuration that applies to a file: the nearest configuration file's, or defaults. Throws ConfigError. */
export function loadConfigFor(filePath: string, options: LookupOptions = {}): ConfigLookup {
  const source = options.configFile
    ? resolve(options.configFile)
    : options.lookup === false
      ? undefined
      : findConfigFile(filePath);
  const config = source ? readConfigFile(source) : {};
  return { config: effectiveConfig(config, source, filePath), source };
}

/** The files of each peer group: absolute globs (glob(3): `*`, `?`, `[...]`, `{a,b}`) expanded to regular files, in order. */
export function peerGroupFiles(groups: string[][], fs: FileAccess): string[][] {
  return groups.map((globs) => {
    const files: string[] = [];
    for (const g of globs) {
      for (const alt of expandBraces(g)) {
        for (const p of globOne(fs, alt)) if (fs.stat(p).kind === 'file' && !files.includes(p)) files.push(p);
      }
    }
    return files;
  });
}
