// Peer analysis for the CLI and the server: builds peer nodes from root results, splits them into
// segments (explicit `peers` groups of file globs, plus one automatic segment with every other
// root) and runs the peer rules and the failover explanation on each segment.
//
// API:
//   lintPeers(roots, { peers?, cwd?, ...LintOptions }) -> Map<ParseResult, PeerDiagnostic[]>
//     Peer findings per root parse; `loc.file` indexes that parse's files (like single-file
//     diagnostics); each related location carries `path` (absolute file) and `node` (its name),
//     since it may lie in another root's files. Roots with no finding are absent from the map.
//   explainFailover(roots, { peers?, cwd? }) -> string
//     Plain-text failover tables (nodes x failure scenarios x effective priorities x master), one
//     per virtual router of each segment.
//   failoverByRoot(roots, { peers?, cwd? }) -> Map<ParseResult, FailoverNote[]>
//     The same tables for editors: per root parse, where each of its instances is named (the
//     instance's name and its virtual_router_id value, in that parse's files) and the table of the
//     virtual router it belongs to. Only virtual routers with members on two nodes or more.
//   peerSegments(roots, { peers?, cwd? }) -> PeerNode[][]
//     The segments the functions above analyse.
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import type { Loc, ParseResult } from '../grammar/index';
import type { LintOptions, PeerNode } from '../linter/index';
import { explainFailover as explainNodes, failoverTables } from '../linter/peer/failover';
import { vridLoc } from '../linter/peer/helpers';
import { lintPeerNodes, type PeerDiagnostic } from '../linter/peer/lint-peers';
import type { RootResult } from './project';

export type { PeerDiagnostic, PeerRelated } from '../linter/peer/lint-peers';

/** How roots are grouped into peers. */
export interface PeerOptions {
  /** Explicit groups of peer nodes, each a list of file globs (absolute, or relative to cwd). */
  peers?: string[][];
  /** Folder that relative globs and node names are resolved against (default: process.cwd()). */
  cwd?: string;
}

/**
 * Short, unique node names: the file name without `.conf`; for files of one name, the folders
 * that tell them apart (`lb1/keepalived.conf` and `lb2/keepalived.conf` are lb1 and lb2; `a/lb1.conf`
 * and `b/lb1.conf` are a/lb1 and b/lb1); failing that, the path from cwd.
 */
function nodeNames(paths: string[], cwd: string): string[] {
  const stem = (p: string): string => basename(p).replace(/\.conf$/, '');
  const short = paths.map(stem);
  const fromCwd = (p: string): string => {
    const rel = relative(cwd, p);
    return rel.startsWith('..') ? `${basename(dirname(p))}/${basename(p)}` : rel;
  };
  // A file's folders from cwd when it is under cwd, else from the root.
  const folders = (q: string): string[] => {
    const dir = dirname(resolve(cwd, q));
    const rel = relative(cwd, dir);
    return (rel.startsWith('..') ? dir : rel).split(sep).filter(Boolean);
  };
  const names = paths.map((p, i) => {
    const mine = short[i]!;
    const same = paths.filter((_, j) => short[j] === mine);
    if (same.length === 1 && mine) return mine;
    const own = folders(p);
    const others = same.filter((q) => q !== p).map(folders);
    // The fewest trailing folders that no other file of this name shares.
    for (let k = 1; k <= own.length; k++) {
      const tail = own.slice(-k).join('/');
      if (others.some((f) => f.slice(-k).join('/') === tail)) continue;
      return mine && mine !== 'keepalived' ? `${tail}/${mine}` : tail;
    }
    return fromCwd(p);
  });
  // A folder's name may be another file's (`a/keepalived.conf` beside `a.conf`): those by path.
  return names.map((n, i) => (names.indexOf(n) === names.lastIndexOf(n) ? n : fromCwd(paths[i]!)));
}

function matches(path: string, glob: string, cwd: string): boolean {
  const abs = resolve(cwd, glob);
  return (
    minimatch(path, abs, { dot: true }) ||
    (!glob.includes('/') && minimatch(path, glob, { dot: true, matchBase: true }))
  );
}

/** The peer segments of a set of roots: each explicit group, then every root in no group. */
export function peerSegments(roots: RootResult[], options: PeerOptions = {}): PeerNode[][] {
  const cwd = options.cwd ?? process.cwd();
  const paths = roots.map((r) => r.parse.files[0]?.path ?? '');
  const names = nodeNames(paths, cwd);
  const nodes: PeerNode[] = roots.map((r, i) => ({ name: names[i]!, parse: r.parse }));
  const grouped = new Set<PeerNode>();
  const segments: PeerNode[][] = [];
  for (const group of options.peers ?? []) {
    const members = nodes.filter((_, i) => group.some((g) => matches(paths[i]!, g, cwd)));
    members.forEach((n) => grouped.add(n));
    if (members.length) segments.push(members);
  }
  const rest = nodes.filter((n) => !grouped.has(n));
  if (rest.length) segments.push(rest);
  return segments;
}

/** Runs the peer rules on every segment; findings per root parse (see the API note above). */
export function lintPeers(
  roots: RootResult[],
  options: PeerOptions & LintOptions = {},
): Map<ParseResult, PeerDiagnostic[]> {
  const out = new Map<ParseResult, PeerDiagnostic[]>();
  for (const segment of peerSegments(roots, options)) {
    for (const [node, diags] of lintPeerNodes(segment, options)) {
      if (!diags.length) continue;
      const list = out.get(node.parse) ?? [];
      const seen = new Set(list.map((d) => `${d.ruleId}|${d.loc.file}|${d.loc.start}|${d.message}`));
      for (const d of diags) if (!seen.has(`${d.ruleId}|${d.loc.file}|${d.loc.start}|${d.message}`)) list.push(d);
      out.set(node.parse, list);
    }
  }
  return out;
}

/** Failover tables for every virtual router of every segment (plain text). */
export function explainFailover(roots: RootResult[], options: PeerOptions = {}): string {
  return peerSegments(roots, options)
    .map((segment) => explainNodes(segment))
    .join('\n');
}

/** A virtual router's failover table and the places in one root where its instance is named. */
export interface FailoverNote {
  locs: Loc[];
  text: string;
}

/** Failover tables per root parse, at each of its instances (see the API note above). */
export function failoverByRoot(roots: RootResult[], options: PeerOptions = {}): Map<ParseResult, FailoverNote[]> {
  const out = new Map<ParseResult, FailoverNote[]>();
  for (const segment of peerSegments(roots, options)) {
    if (segment.length < 2) continue;
    for (const { router, text } of failoverTables(segment)) {
      if (new Set(router.members.map((m) => m.node)).size < 2) continue;
      for (const m of router.members) {
        const list = out.get(m.node.parse) ?? [];
        list.push({ locs: [m.inst.nameLoc, vridLoc(m)], text });
        out.set(m.node.parse, list);
      }
    }
  }
  return out;
}
