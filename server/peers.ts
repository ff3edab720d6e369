// Peer analysis: cross-node checks (host/peers.ts lintPeers) over the open keepalived documents
// and the members of the configured peer groups. It never runs on the keystroke path: the
// server schedules it once the editor has been idle for PEER_DELAY_MS, and on save. Findings
// are shown on open documents only; related information points into the other nodes' files.
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { parseFile, type FileAccess, type ParseResult } from '../grammar/index';
import { expandBraces, globOne } from '../grammar/glob';
import { failoverByRoot, lintPeers, type PeerRelated } from '../host/peers';
import type { LintOptions } from '../linter/index';
import { toLspDiagnostic } from './diagnostics';
import { pathToUri, toRange } from './locations';

/** Idle time before a peer run. */
export const PEER_DELAY_MS = 750;
/** Peer group members read from disk at most (a guard against a glob matching a whole tree). */
const MAX_MEMBERS = 500;

/** An open document taking part in the analysis. */
export interface PeerDocument {
  uri: string;
  parse: ParseResult;
}

/** What a peer run needs. */
export interface PeerRequest {
  documents: PeerDocument[];
  /** Peer groups: file globs, absolute or relative to cwd. */
  groups: string[][];
  cwd: string;
  fs: FileAccess;
  options: LintOptions;
}

const diskCache = new Map<string, { key: string; parse: ParseResult }>();

/** Parses a group member from disk, reusing the last parse while the file is unchanged. */
function parseMember(path: string, fs: FileAccess, o: LintOptions): ParseResult | undefined {
  let key: string;
  try {
    const st = statSync(path);
    if (!st.isFile()) return undefined;
    key = `${st.mtimeMs}:${st.size}:${o.targetVersion}:${o.configId}:${o.includeRoot}`;
  } catch {
    return undefined;
  }
  const hit = diskCache.get(path);
  if (hit?.key === key) return hit.parse;
  const parse = parseFile(path, {
    fs,
    targetVersion: o.targetVersion,
    configId: o.configId,
    includeRoot: o.includeRoot,
  });
  diskCache.set(path, { key, parse });
  return parse;
}

/** Files matched by the globs of every group. */
function groupFiles(groups: string[][], cwd: string, fs: FileAccess): string[] {
  const out = new Set<string>();
  for (const g of groups.flat()) {
    const abs = isAbsolute(g) ? g : resolve(cwd, g);
    for (const alt of expandBraces(abs)) {
      for (const p of globOne(fs, alt)) {
        if (out.size >= MAX_MEMBERS) return [...out];
        out.add(p);
      }
    }
  }
  return [...out];
}

/** A root of a peer run. */
type PeerRoot = { parse: ParseResult; diagnostics: [] };

/** The roots of a peer run: the open documents and the group members read from disk, includes left out. */
export function peerRoots(req: PeerRequest): PeerRoot[] {
  const roots: PeerRoot[] = [];
  const byPath = new Map<string, ParseResult>();
  for (const d of req.documents) {
    const path = d.parse.files[0]?.path;
    if (!path || byPath.has(path)) continue;
    byPath.set(path, d.parse);
  }
  for (const p of groupFiles(req.groups, req.cwd, req.fs)) {
    if (byPath.has(p)) continue;
    const parse = parseMember(p, req.fs, req.options);
    if (parse) byPath.set(p, parse);
  }
  // Files that another root includes are analysed through that root only.
  const included = new Set<string>();
  for (const parse of byPath.values()) parse.files.slice(1).forEach((f) => included.add(f.path));
  for (const [path, parse] of byPath) if (!included.has(path)) roots.push({ parse, diagnostics: [] });
  return roots;
}

/**
 * Runs the peer rules; returns LSP diagnostics per open document URI (documents without findings
 * are absent). `roots`: those of the request, when already found.
 */
export function analyzePeers(req: PeerRequest, roots = peerRoots(req)): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>();
  if (roots.length < 2) return out;

  // Where any file of any root is, for related locations in other nodes.
  const fileOf = new Map<string, { parse: ParseResult; index: number }>();
  for (const r of roots)
    r.parse.files.forEach((f, index) => fileOf.has(f.path) || fileOf.set(f.path, { parse: r.parse, index }));

  const found = lintPeers(roots, { ...req.options, peers: req.groups, cwd: req.cwd });
  for (const doc of req.documents) {
    const diags = found.get(doc.parse);
    if (!diags?.length) continue;
    const list: LspDiagnostic[] = [];
    for (const d of diags) {
      if (d.loc.file !== 0) continue;
      const lsp = toLspDiagnostic(doc.parse, { ...d, related: undefined }, doc.uri);
      if (d.related?.length) {
        lsp.relatedInformation = (d.related as PeerRelated[]).map((r) => {
          const where = fileOf.get(r.path);
          const range = where
            ? toRange(where.parse, { ...r.loc, file: where.index })
            : toRange(doc.parse, { file: -1, start: 0, end: 0 });
          return {
            location: { uri: pathToUri(r.path), range },
            message: r.node ? `${r.node}: ${r.message}` : r.message,
          };
        });
      }
      list.push(lsp);
    }
    if (list.length) out.set(doc.uri, list);
  }
  return out;
}

/** A failover table and where an open document names the instance it is about (offsets in its text). */
export interface FailoverHover {
  /** The parse of the document the offsets belong to. */
  parse: ParseResult;
  start: number;
  end: number;
  text: string;
}

/** The failover tables of the open documents' virtual routers, per URI, at the instances' names and VRIDs. */
export function failoverNotes(req: PeerRequest, roots = peerRoots(req)): Map<string, FailoverHover[]> {
  const out = new Map<string, FailoverHover[]>();
  if (roots.length < 2) return out;
  const notes = failoverByRoot(roots, { peers: req.groups, cwd: req.cwd });
  for (const doc of req.documents) {
    const list: FailoverHover[] = [];
    for (const n of notes.get(doc.parse) ?? [])
      for (const l of n.locs)
        if (l.file === 0) list.push({ parse: doc.parse, start: l.start, end: l.end, text: n.text });
    if (list.length) out.set(doc.uri, list);
  }
  return out;
}

/** Debounces peer runs and keeps their latest findings per URI. */
export class PeerScheduler {
  private timer: NodeJS.Timeout | undefined;
  private results = new Map<string, LspDiagnostic[]>();
  private notes = new Map<string, FailoverHover[]>();

  constructor(
    private readonly request: () => PeerRequest | undefined,
    private readonly publish: (uris: string[]) => void,
    private readonly log: (msg: string) => void,
  ) {}

  /** Peer findings currently held for a document. */
  for(uri: string): LspDiagnostic[] {
    return this.results.get(uri) ?? [];
  }

  /**
   * The failover table of the virtual router whose instance a document names at an offset, if any:
   * only while the document is as the last run read it (`parse`), since an edit moves the offsets.
   */
  failoverAt(uri: string, parse: ParseResult, offset: number): FailoverHover | undefined {
    return this.notes.get(uri)?.find((n) => n.parse === parse && n.start <= offset && offset < n.end);
  }

  /** Schedules a run after the idle delay (restarting the wait). */
  schedule(delay = PEER_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  /** Stops pending runs. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private run(): void {
    this.timer = undefined;
    try {
      const req = this.request();
      const before = this.results;
      // One reading of the roots (group members from disk) for the findings and the tables.
      const roots = req ? peerRoots(req) : [];
      this.results = req ? analyzePeers(req, roots) : new Map();
      // The tables only change with the documents the findings come from: no publish of their own.
      this.notes = req ? failoverNotes(req, roots) : new Map();
      const changed = [...new Set([...before.keys(), ...this.results.keys()])].filter(
        (u) => JSON.stringify(before.get(u) ?? []) !== JSON.stringify(this.results.get(u) ?? []),
      );
      if (changed.length) this.publish(changed);
    } catch (e) {
      this.log(`peer analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
}
