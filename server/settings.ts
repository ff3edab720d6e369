// Settings under `keepalived.*` (workspace/configuration), validated against one schema that
// mirrors package.json `contributes.configuration`, merged with the nearest
// .keepalived-lint.json (which wins: it is what the CLI and CI see too).
import { isKnownVersion } from '../grammar/index';
import { loadConfigFor } from '../host/config-file';
import { parseLocale, type LintOptions, type Locale, type SeveritySetting } from '../linter/index';

/** Editor settings after validation; anything invalid falls back to the default. */
export interface ServerSettings {
  targetVersion?: string;
  configId?: string;
  includeRoot?: string;
  rules: Record<string, SeveritySetting>;
  peers: string[][];
  peerAnalysis: { enabled: boolean };
  locale: 'auto' | Locale;
}

/** Defaults (also what a client answering null gets). */
export const DEFAULT_SETTINGS: ServerSettings = {
  rules: {},
  peers: [],
  peerAnalysis: { enabled: true },
  locale: 'auto',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const SEVERITIES = new Set(['off', 'warn', 'warning', 'error', 'info']);

/** Validates a raw `keepalived` settings object (null, partial or wrong types are fine). */
export function normalizeSettings(raw: unknown): ServerSettings {
  const out: ServerSettings = { ...DEFAULT_SETTINGS, rules: {}, peers: [], peerAnalysis: { enabled: true } };
  if (!isObject(raw)) return out;
  const version = nonEmpty(raw.targetVersion);
  if (version && isKnownVersion(version)) out.targetVersion = version;
  out.configId = nonEmpty(raw.configId);
  out.includeRoot = nonEmpty(raw.includeRoot);
  if (isObject(raw.rules)) {
    for (const [id, v] of Object.entries(raw.rules))
      if (typeof v === 'string' && SEVERITIES.has(v)) out.rules[id] = v as SeveritySetting;
  }
  if (Array.isArray(raw.peers)) {
    out.peers = raw.peers
      .filter((g): g is unknown[] => Array.isArray(g))
      .map((g) => g.filter((p): p is string => typeof p === 'string' && p !== ''))
      .filter((g) => g.length > 0);
  }
  const pa = isObject(raw.peerAnalysis) ? raw.peerAnalysis.enabled : raw['peerAnalysis.enabled'];
  if (typeof pa === 'boolean') out.peerAnalysis = { enabled: pa };
  if (raw.locale === 'en' || raw.locale === 'zh-cn') out.locale = raw.locale;
  return out;
}

/** Lint options for one document, plus a configuration-file error to show, if any. */
export interface ResolvedOptions {
  options: LintOptions;
  peers: string[][];
  peerAnalysis: boolean;
  configError?: string;
  configSource?: string;
}

/** Merges editor settings, the project configuration file and the client's locale. */
export function resolveOptions(
  path: string | undefined,
  settings: ServerSettings,
  clientLocale: string | undefined,
): ResolvedOptions {
  const locale: Locale = settings.locale !== 'auto' ? settings.locale : parseLocale(clientLocale);
  const options: LintOptions = {
    targetVersion: settings.targetVersion,
    configId: settings.configId,
    includeRoot: settings.includeRoot,
    rules: { ...settings.rules },
    locale,
  };
  const out: ResolvedOptions = { options, peers: settings.peers, peerAnalysis: settings.peerAnalysis.enabled };
  if (!path) return out;
  try {
    const { config, source } = loadConfigFor(path);
    if (source) {
      out.configSource = source;
      if (config.targetVersion !== undefined) options.targetVersion = config.targetVersion;
      if (config.configId !== undefined) options.configId = config.configId;
      if (config.includeRoot !== undefined) options.includeRoot = config.includeRoot;
      options.rules = { ...options.rules, ...config.rules };
      if (config.peers.length) out.peers = config.peers;
    }
  } catch (e) {
    out.configError = e instanceof Error ? e.message : String(e);
  }
  return out;
}
