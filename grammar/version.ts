// keepalived versions the tools know, oldest first. 'head' is upstream after the newest release.

/** Releases whose reading and keyword set the catalogue describes. */
export const KNOWN_VERSIONS = [
  '2.2.7',
  '2.2.8',
  '2.3.0',
  '2.3.1',
  '2.3.2',
  '2.3.3',
  '2.3.4',
  '2.4.0',
  '2.4.1',
  '2.4.2',
  '2.4.3',
] as const;

/** The default target: the newest release. */
export const NEWEST_VERSION = '2.4.3';

/** Parses 'x.y.z' (or 'head') into a comparable number. */
const parsed = new Map<string, number>();

export function versionNumber(v: string): number {
  let n = parsed.get(v);
  if (n === undefined) parsed.set(v, (n = parseVersion(v)));
  return n;
}

function parseVersion(v: string): number {
  if (v === 'head') return 1e9;
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) return NaN;
  return Number(m[1]) * 1e6 + Number(m[2]) * 1e3 + Number(m[3] ?? 0);
}

/** True when version a is at least version b. */
export function atLeast(a: string, b: string): boolean {
  return versionNumber(a) >= versionNumber(b);
}

/** Whether a target version string is one we accept. */
export function isKnownVersion(v: string): boolean {
  return v === 'head' || (KNOWN_VERSIONS as readonly string[]).includes(v);
}
