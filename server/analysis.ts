// Open documents and their last analysis. One parse per document version, shared by
// diagnostics, completion, hover, symbols and navigation; nothing reparses per request.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseText, type FileAccess, type ParseResult } from '../grammar/index';
import { nodeFileAccess } from '../host/node-fs';
import { lintParse, type Diagnostic } from '../linter/index';
import { uriToPath } from './locations';
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
  /** Lint findings; computed on the diagnostics path, lazily otherwise. */
  diagnostics?: Diagnostic[];
}

/** Source of open documents, by URI. */
export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** Caches one analysis per open document and reads included files through the editor buffers. */
export class Analyzer {
  private readonly cache = new Map<string, Analysis>();
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
    const path = uriToPath(uri);
    if (this.byPath.get(path) === uri) this.byPath.delete(path);
  }

  /** Drops the cached analysis of one document (its settings changed). */
  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  /** Drops every cached analysis (settings or configuration files changed). */
  invalidateAll(): void {
    this.cache.clear();
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
    const parse = parseText(path, text, { fs: this.fs, targetVersion, configId, includeRoot });
    const analysis: Analysis = { uri, version: doc.version, path, parse, resolved, bom };
    this.cache.set(uri, analysis);
    return analysis;
  }

  /** The analysis with lint findings. */
  lint(uri: string): Analysis | undefined {
    const a = this.get(uri);
    if (a && !a.diagnostics) a.diagnostics = lintParse(a.parse, a.resolved.options);
    return a;
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
