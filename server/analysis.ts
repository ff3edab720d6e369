// Open documents and their last analysis. One parse per document version, shared by
// diagnostics, completion, hover, symbols and navigation; nothing reparses per request.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseFile, parseText, reparseText, type FileAccess, type ParseResult } from '../grammar/index';
import { nodeFileAccess } from '../host/node-fs';
import { BlockCache, lintParse, type Diagnostic } from '../linter/index';
import { pathToUri, uriToPath } from './locations';
import type { ResolvedOptions } from './settings';

/** What is known about one version of one document. */
export interface Analysis {
  uri: string;
  version: number;
  path: string;
  parse: ParseResult;
  resolved: ResolvedOptions;
  /** The buffer starts with a BOM (the parse sees a blank there). */
  bom: boolean;
  /** Order of the parse among all parses (later parses saw later buffers). */
  seq: number;
  /** Lint findings; computed on the diagnostics path, lazily otherwise. */
  diagnostics?: Diagnostic[];
  /**
   * When another configuration includes this file (an open document, or the nearest
   * keepalived.conf above it on disk), keepalived only ever reads the file through it: the
   * diagnostics then come from linting that includer, restricted to this file.
   */
  context?: IncluderContext;
}

/** The includer a document is linted through. */
export interface IncluderContext {
  /** URI of the includer when it is an open document. */
  uri?: string;
  path: string;
  parse: ParseResult;
  /** Index of the document in parse.files. */
  file: number;
  diagnostics: Diagnostic[];
}

/** How far up the tree a keepalived.conf that includes a document is looked for. */
const INCLUDER_SEARCH_LEVELS = 3;

/** Source of open documents, by URI. */
export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** Caches one analysis per open document and reads included files through the editor buffers. */
export class Analyzer {
  private readonly cache = new Map<string, Analysis>();
  /** Per document: findings of block-local rules per top-level block, for the next version's lint. */
  private readonly lintCaches = new Map<string, BlockCache>();
  private seq = 0;
  private readonly byPath = new Map<string, string>();
  readonly fs: FileAccess;

  constructor(
    private readonly documents: DocumentSource,
    private readonly optionsFor: (uri: string) => ResolvedOptions,
  ) {
    this.fs = nodeFileAccess((path) => {
      const uri = this.byPath.get(path);
      return uri === undefined ? undefined : this.documents.get(uri)?.getText();
    });
  }

  /** Registers an opened document (its buffer then wins over the file on disk for includes). */
  opened(uri: string): void {
    this.byPath.set(uriToPath(uri), uri);
  }

  /** Forgets a closed document. */
  closed(uri: string): void {
    this.cache.delete(uri);
    this.lintCaches.delete(uri);
    const path = uriToPath(uri);
    if (this.byPath.get(path) === uri) this.byPath.delete(path);
  }

  /** Drops the cached analysis of one document (its settings changed). */
  invalidate(uri: string): void {
    this.cache.delete(uri);
    this.lintCaches.delete(uri);
  }

  /** Keeps the parse of a document but forgets its findings (its includer changed). */
  forgetLint(uri: string): void {
    const a = this.cache.get(uri);
    if (a) this.cache.set(uri, { ...a, diagnostics: undefined, context: undefined });
  }

  /** Drops every cached analysis (settings or configuration files changed). */
  invalidateAll(): void {
    this.cache.clear();
    this.lintCaches.clear();
  }

  /** The analysis of the document's current version (parsing it now if needed); undefined for unknown URIs. */
  get(uri: string): Analysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === doc.version) return cached;
    const path = uriToPath(uri);
    const resolved = this.optionsFor(uri);
    const { targetVersion, configId, includeRoot } = resolved.options;
    let text = doc.getText();
    // A BOM some clients keep in the buffer: read it as a blank, so offsets stay those of the buffer
    // (reading the file from disk drops it the same way).
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) text = ' ' + text.slice(1);
    const opts = { fs: this.fs, targetVersion, configId, includeRoot };
    // After an edit, the top-level blocks before the edited line are taken over from the last
    // parse when that is exact (see reparseText); settings changes drop the cache first.
    const parse =
      cached && cached.resolved === resolved ? reparseText(cached.parse, path, text, opts) : parseText(path, text, opts);
    const analysis: Analysis = { uri, version: doc.version, path, parse, resolved, bom, seq: ++this.seq };
    this.cache.set(uri, analysis);
    return analysis;
  }

  /** The analysis with lint findings (through its includer when it has one). */
  lint(uri: string): Analysis | undefined {
    const a = this.get(uri);
    if (!a || a.diagnostics) return a;
    const context = this.includerOf(a);
    if (context) {
      a.context = context;
      a.diagnostics = context.diagnostics.filter((d) => d.loc.file === context.file);
    } else {
      let cache = this.lintCaches.get(uri);
      if (!cache) this.lintCaches.set(uri, (cache = new BlockCache()));
      a.diagnostics = lintParse(a.parse, a.resolved.options, cache);
    }
    return a;
  }

  /** Files on disk known not to include a given document: candidate path -> stat key. */
  private readonly notIncluders = new Map<string, string>();

  /** The configuration that includes a document: an open document first, else a keepalived.conf above it. */
  private includerOf(a: Analysis): IncluderContext | undefined {
    const inParse = (parse: ParseResult): number => parse.files.findIndex((f, i) => i > 0 && f.path === a.path);
    for (const [otherUri, other] of this.cache) {
      if (otherUri === a.uri || inParse(other.parse) <= 0) continue;
      // The includer must have read this document's current buffer: re-read it unless it did.
      if (other.seq < a.seq) this.cache.delete(otherUri);
      const fresh = this.get(otherUri);
      if (!fresh) continue;
      const file = inParse(fresh.parse);
      if (file <= 0) continue;
      fresh.diagnostics ??= lintParse(fresh.parse, fresh.resolved.options);
      return { uri: otherUri, path: fresh.path, parse: fresh.parse, file, diagnostics: fresh.diagnostics };
    }
    if (!a.uri.startsWith('file:')) return undefined;
    let dir = dirname(a.path);
    for (let level = 0; level <= INCLUDER_SEARCH_LEVELS; level++) {
      const candidate = join(dir, 'keepalived.conf');
      if (candidate !== a.path && !this.byPath.has(candidate)) {
        let key: string | undefined;
        try {
          const st = statSync(candidate);
          if (st.isFile()) key = `${st.mtimeMs}:${st.size}`;
        } catch {
          key = undefined;
        }
        if (key !== undefined && this.notIncluders.get(`${candidate}|${a.path}`) !== key) {
          const resolved = this.optionsFor(pathToUri(candidate));
          const { targetVersion, configId, includeRoot } = resolved.options;
          const parse = parseFile(candidate, { fs: this.fs, targetVersion, configId, includeRoot });
          const file = inParse(parse);
          if (file > 0) return { path: candidate, parse, file, diagnostics: lintParse(parse, resolved.options) };
          this.notIncluders.set(`${candidate}|${a.path}`, key);
        }
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return undefined;
  }

  /** Open documents currently linted through `uri` (it is their includer). */
  includedBy(uri: string): string[] {
    const out: string[] = [];
    for (const [other, a] of this.cache) if (other !== uri && a.context?.uri === uri) out.push(other);
    return out;
  }

  /** Open documents other than `uri` whose last parse read the file of `uri` (as an include). */
  includers(uri: string): string[] {
    const path = uriToPath(uri);
    const out: string[] = [];
    for (const [other, a] of this.cache) {
      if (other !== uri && a.parse.files.some((f, i) => i > 0 && f.path === path)) out.push(other);
    }
    return out;
  }
}
