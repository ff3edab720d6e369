// Lints files the way `lintRoots` does, but with settings per file (from the nearest
// configuration file): files included by another linted file are analysed only through it;
// peer groups (several nodes of one cluster) are compared by the peer rules.
import { setFlagsFromString } from 'node:v8';
import { parseFile, type FileAccess, type ParseOptions } from '../grammar/index';
import type { RootResult } from '../host/project';
import { peerGroupFiles } from '../host/config-file';
import { explainFailover, lintPeers } from '../host/peers';
import { lintParse, streamLint, type LintOptions } from '../linter/index';

/** How a file is read under its lint options. */
function readOptions(fs: FileAccess, o: LintOptions): ParseOptions {
  return { fs, targetVersion: o.targetVersion, configId: o.configId, includeRoot: o.includeRoot };
}

/**
 * A single file at least this large is linted while it is read (linter/stream.ts): below it the
 * tree costs too little to gain from letting go of most of it.
 */
export const STREAM_MIN_BYTES = 1024 * 1024;

/**
 * Parses and lints every root with its own options; files included by another root are not roots.
 * `alone`: the roots are all the run compares (no peer analysis reads their trees), so a single
 * large file may be linted while it is read.
 */
export function lintTargets(
  paths: string[],
  fs: FileAccess,
  optionsFor: (path: string) => LintOptions,
  alone = false,
): RootResult[] {
  if (alone && paths.length === 1) {
    const p = paths[0]!;
    const st = fs.stat(p);
    if (st.kind === 'file' && st.size >= STREAM_MIN_BYTES) {
      // Linting while reading lets go of most of the tree as it goes, so V8's pretenuring (which
      // cli/bin.ts sets up for a tree that lives to the end) would only fill the old generation
      // with garbage no collection comes for: peak RSS 240-246 against 161-168 MB on the 553k-line
      // benchmark, and 2-4 % slower (24 alternating pairs; bench/RESULTS.md). V8 reads the flag at
      // each collection.
      setFlagsFromString('--no-allocation-site-pretenuring');
      const o = optionsFor(p);
      const streamed = streamLint(p, readOptions(fs, o), o);
      if (streamed) return [streamed];
      // Read again the usual way, with the whole tree kept: pretenured again.
      setFlagsFromString('--allocation-site-pretenuring');
    }
  }
  const parses = paths.map((p) => {
    const o = optionsFor(p);
    return {
      o,
      parse: parseFile(p, readOptions(fs, o)),
    };
  });
  const included = new Set<string>();
  for (const { parse } of parses) parse.files.slice(1).forEach((f) => included.add(f.path));
  return parses
    .filter(({ parse }) => !included.has(parse.files[0]!.path))
    .map(({ o, parse }) => ({ parse, diagnostics: lintParse(parse, o) }));
}

/**
 * Adds the peer rules' findings (host/peers.ts: the explicit groups, plus one automatic group of
 * every other root) to the roots. Members of an explicit group that were not given are read for
 * the comparison, but only the roots given get findings.
 */
export function addPeerFindings(
  roots: RootResult[],
  peers: string[][],
  fs: FileAccess,
  optionsFor: (path: string) => LintOptions,
  cwd: string,
): void {
  if (roots.length === 0) return;
  const have = new Set(roots.map((r) => r.parse.files[0]!.path));
  const context: RootResult[] = [];
  for (const files of peerGroupFiles(peers, fs)) {
    for (const f of files) {
      if (have.has(f)) continue;
      have.add(f);
      const o = optionsFor(f);
      context.push({
        parse: parseFile(f, readOptions(fs, o)),
        diagnostics: [],
      });
    }
  }
  const found = lintPeers([...roots, ...context], { ...optionsFor(roots[0]!.parse.files[0]!.path), peers, cwd });
  for (const r of roots) {
    const d = found.get(r.parse);
    if (!d?.length) continue;
    r.diagnostics.push(...d);
    r.diagnostics.sort((a, b) => a.loc.file - b.loc.file || a.loc.start - b.loc.start || a.loc.end - b.loc.end);
  }
}

/** The failover tables (host/peers.ts) of the roots and the given peer groups. */
export function failoverTables(roots: RootResult[], peers: string[][], cwd: string): string {
  return explainFailover(roots, { peers, cwd });
}
