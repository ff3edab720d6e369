// Wires the LSP features to a connection. Each handler is guarded: malformed params get an
// InvalidParams error, unexpected exceptions are logged and answered with an empty result, and
// unknown documents get empty results. The server keeps serving whatever a client sends.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NEWEST_VERSION, type ParseResult } from '../grammar/index';
import { clearConfigCache } from '../host/config-file';
import { Analyzer, type Analysis } from './analysis';
import { codeActions, FIX_ALL_KIND, fixAllAction } from './code-actions';
import { complete, resolveCompletion } from './completion';
import { configErrorDiagnostic, diagnosticsForDocument, inactiveDiagnostics, matchDiagnostics } from './diagnostics';
import { formatEdits } from './formatting';
import { hover, withFailover } from './hover';
import { documentLinks } from './links';
import { toOffset, toRange, uriToPath } from './locations';
import { definition, highlights, prepareRename, references, rename } from './navigation';
import { documentSymbols, foldingRanges } from './outline';
import { PeerScheduler } from './peers';
import {
  DEFAULT_SETTINGS,
  normalizeSettings,
  resolveOptions,
  type ResolvedOptions,
  type ServerSettings,
} from './settings';
import { warmUp } from './warm-up';

/**
 * Wait between a change and its diagnostics. None: the run starts once the messages already
 * received are handled (setImmediate), which coalesces a burst of didChange without a timer.
 */
export const DEBOUNCE_MS = 0;
/** A diagnostics run slower than this (a huge file) makes the next one wait about as long. */
const SLOW_RUN_MS = 1000;
/** Included files changed in an editor: their includers are re-linted after this idle time. */
const INCLUDER_DELAY_MS = 150;
/** How long a workspace/configuration answer may take before defaults are used. */
const SETTINGS_TIMEOUT_MS = 1000;

/** KEEPALIVED_LS_TIMING=1 logs parse/lint/publish times of every diagnostics run. */
const timing = !!process.env.KEEPALIVED_LS_TIMING;

/** Registers every handler on the connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (msg: string): void => {
    try {
      connection.console.error(msg);
    } catch {
      /* the connection may be gone */
    }
  };
  const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.on('uncaughtException', (e) => log(`uncaught exception: ${describe(e)}`));
  process.on('unhandledRejection', (e) => log(`unhandled rejection: ${describe(e)}`));

  let clientLocale: string | undefined;
  let workspaceRoot = process.cwd();
  let configurationPull = false;
  let watchRegistration = false;
  let snippets = false;
  let lazyDocs = false;
  let pushedSettings: ServerSettings = DEFAULT_SETTINGS;
  const resolved = new Map<string, ResolvedOptions>();
  const settingsRequests = new Map<string, Promise<void>>();

  const optionsFor = (uri: string): ResolvedOptions => {
    let r = resolved.get(uri);
    if (!r)
      resolved.set(
        uri,
        (r = resolveOptions(uri.startsWith('file:') ? uriToPath(uri) : undefined, pushedSettings, clientLocale)),
      );
    return r;
  };
  const analyzer = new Analyzer(documents, optionsFor);
  const lspCache = new WeakMap<Analysis, LspDiagnostic[]>();

  // ---- diagnostics ----
  // uri -> whether its run may cascade to related documents (includers, included fragments).
  const pending = new Map<string, boolean>();
  let timer: { due: number; cancel(): void } | undefined;
  // How long the last diagnostics run of a document took: huge files wait for typing to pause
  // instead of reparsing for every queued keystroke.
  const lastRun = new Map<string, number>();
  const schedule = (uri: string, delay = DEBOUNCE_MS, cascade = true): void => {
    pending.set(uri, (pending.get(uri) ?? false) || cascade);
    const took = lastRun.get(uri) ?? 0;
    if (took > SLOW_RUN_MS) delay = Math.max(delay, Math.min(took, 2000));
    // A pending run that starts later than this one would is brought forward.
    const due = performance.now() + delay;
    if (timer && timer.due <= due) return;
    timer?.cancel();
    if (delay > 0) {
      const t = setTimeout(flush, delay);
      timer = { due, cancel: () => clearTimeout(t) };
    } else {
      const t = setImmediate(flush);
      timer = { due, cancel: () => clearImmediate(t) };
    }
  };
  const flush = (): void => {
    timer = undefined;
    const runs = [...pending];
    pending.clear();
    for (const [uri, cascade] of runs) {
      try {
        const t0 = performance.now();
        validate(uri, cascade);
        lastRun.set(uri, performance.now() - t0);
      } catch (e) {
        log(`diagnostics for ${uri} failed: ${describe(e)}`);
      }
    }
  };
  /** The diagnostics of an analysis as published (computed once per document version). */
  const lspDiagnostics = (a: Analysis): LspDiagnostic[] => {
    let diags = lspCache.get(a);
    if (!diags) {
      const lint = a.diagnostics ?? analyzer.lint(a.uri)?.diagnostics ?? [];
      // Through an includer, positions come from the includer's parse, where this is file `context.file`.
      const base = a.context ?? { parse: a.parse, file: 0 };
      diags = diagnosticsForDocument(base.parse, lint, a.uri, base.file);
      diags.push(...inactiveDiagnostics(base.parse, a.resolved.options.configId, base.file));
      if (a.resolved.configError) diags.unshift(configErrorDiagnostic(a.resolved.configError));
      lspCache.set(a, diags);
    }
    const peer = peers.for(a.uri);
    return peer.length ? [...diags, ...peer] : diags;
  };
  const publish = (uri: string): void => {
    const a = analyzer.lint(uri);
    if (!a) return;
    void connection.sendDiagnostics({ uri, version: a.version, diagnostics: lspDiagnostics(a) });
  };
  const validate = (uri: string, cascade = true): void => {
    if (timing) {
      const t0 = performance.now();
      analyzer.get(uri);
      const t1 = performance.now();
      analyzer.lint(uri);
      const t2 = performance.now();
      publish(uri);
      const t3 = performance.now();
      const f = (n: number): string => n.toFixed(1);
      connection.console.log(
        `diagnostics ${uri}: parse ${f(t1 - t0)} ms, lint ${f(t2 - t1)} ms, publish ${f(t3 - t2)} ms`,
      );
    } else publish(uri);
    if (cascade) {
      const a = analyzer.get(uri);
      // Documents that include this one read its buffer: their analysis is stale now (unless linting
      // this one just re-read them), and so are the fragments linted through this one.
      for (const other of analyzer.includers(uri)) {
        if (a?.context?.uri !== other) analyzer.invalidate(other);
        schedule(other, INCLUDER_DELAY_MS, false);
      }
      for (const other of analyzer.includedBy(uri)) {
        analyzer.forgetLint(other);
        schedule(other, INCLUDER_DELAY_MS, false);
      }
    }
    if (optionsFor(uri).peerAnalysis) peers.schedule();
  };
  const peers = new PeerScheduler(
    () => {
      const docs = documents.all().filter((d) => optionsFor(d.uri).peerAnalysis);
      if (docs.length === 0) return undefined;
      const groups = [...new Set(docs.flatMap((d) => optionsFor(d.uri).peers.map((g) => JSON.stringify(g))))].map(
        (g) => JSON.parse(g) as string[],
      );
      const analysed = docs.map((d) => analyzer.get(d.uri)).filter((a): a is Analysis => a !== undefined);
      return {
        documents: analysed.map((a) => ({ uri: a.uri, parse: a.parse })),
        groups,
        cwd: workspaceRoot,
        fs: analyzer.fs,
        options: optionsFor(docs[0]!.uri).options,
      };
    },
    (uris) => uris.forEach((u) => documents.get(u) && publish(u)),
    log,
  );

  // ---- settings ----
  const fetchSettings = (uri: string): Promise<void> => {
    let p = settingsRequests.get(uri);
    if (p) return p;
    p = (async () => {
      let settings = pushedSettings;
      if (configurationPull) {
        try {
          const answer = await Promise.race([
            connection.workspace.getConfiguration({ scopeUri: uri, section: 'keepalived' }),
            new Promise((resolve) => setTimeout(() => resolve(undefined), SETTINGS_TIMEOUT_MS).unref?.()),
          ]);
          if (answer !== undefined && answer !== null) settings = normalizeSettings(answer);
        } catch (e) {
          log(`workspace/configuration failed, using defaults: ${describe(e)}`);
        }
      }
      const before = resolved.get(uri);
      const next = resolveOptions(uri.startsWith('file:') ? uriToPath(uri) : undefined, settings, clientLocale);
      resolved.set(uri, next);
      if (before && JSON.stringify(before) !== JSON.stringify(next)) analyzer.invalidate(uri);
    })();
    settingsRequests.set(uri, p);
    return p;
  };
  const refreshAll = (): void => {
    settingsRequests.clear();
    resolved.clear();
    clearConfigCache();
    analyzer.invalidateAll();
    for (const d of documents.all()) void fetchSettings(d.uri).then(() => schedule(d.uri));
  };

  // ---- lifecycle ----
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as { locale?: unknown; settings?: unknown };
    clientLocale =
      typeof init.locale === 'string' ? init.locale : typeof params.locale === 'string' ? params.locale : undefined;
    if (init.settings)
      pushedSettings = normalizeSettings((init.settings as Record<string, unknown>).keepalived ?? init.settings);
    configurationPull = !!caps.workspace?.configuration;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (typeof folder === 'string' && folder.startsWith('file:')) workspaceRoot = uriToPath(folder);
    else if (typeof params.rootPath === 'string' && params.rootPath) workspaceRoot = params.rootPath;
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    snippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    lazyDocs = !!caps.textDocument?.completion?.completionItem?.resolveSupport?.properties?.includes('documentation');
    const prepare = !!caps.textDocument?.rename?.prepareSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [' ', '\t'], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: { label: 'keepalived' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: prepare ? { prepareProvider: true } : true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'keepalived-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // Optimise the reading and linting code before the first keystroke needs it.
    warmUp(setImmediate);
    if (configurationPull) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'keepalived' })
        .catch(() => undefined);
    }
    if (watchRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/.keepalived-lint.{json,yaml,yml}' }, { globPattern: '**/*.conf' }],
        })
        .catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    try {
      const s = (params?.settings as Record<string, unknown> | null | undefined)?.keepalived;
      if (s !== undefined) pushedSettings = normalizeSettings(s);
      refreshAll();
    } catch (e) {
      log(`didChangeConfiguration failed: ${describe(e)}`);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    try {
      const changes = params?.changes ?? [];
      if (changes.some((c) => /\.keepalived-lint\.(json|ya?ml)$/.test(c.uri))) refreshAll();
      else if (changes.length) {
        analyzer.invalidateAll();
        for (const d of documents.all()) schedule(d.uri, INCLUDER_DELAY_MS);
      }
    } catch (e) {
      log(`didChangeWatchedFiles failed: ${describe(e)}`);
    }
  });

  documents.onDidOpen((e) => {
    analyzer.opened(e.document.uri);
    void fetchSettings(e.document.uri).then(() => schedule(e.document.uri, 0));
  });
  documents.onDidChangeContent((e) => {
    // didOpen also fires this; the first diagnostics wait for the settings (see onDidOpen).
    if (settingsRequests.has(e.document.uri) && resolved.has(e.document.uri)) schedule(e.document.uri);
  });
  documents.onDidSave(() => peers.schedule(0));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    analyzer.closed(uri);
    resolved.delete(uri);
    settingsRequests.delete(uri);
    pending.delete(uri);
    lastRun.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const other of analyzer.includers(uri)) {
      analyzer.invalidate(other);
      schedule(other, INCLUDER_DELAY_MS, false);
    }
    for (const other of analyzer.includedBy(uri)) {
      analyzer.forgetLint(other);
      schedule(other, INCLUDER_DELAY_MS, false);
    }
  });
  connection.onShutdown(() => {
    peers.dispose();
    timer?.cancel();
  });

  // ---- requests ----
  const uriOf = (params: unknown): string => {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri is missing');
    return uri;
  };
  const positionOf = (params: unknown): Position => {
    const pos = (params as { position?: Position } | null)?.position;
    if (!pos || typeof pos.line !== 'number' || typeof pos.character !== 'number')
      throw new ResponseError(ErrorCodes.InvalidParams, 'position is missing');
    return pos;
  };
  /** Wraps a request handler: invalid params -> error response, anything else -> logged + empty. */
  const guard =
    <P, R>(name: string, empty: R, fn: (params: P, a: Analysis) => R) =>
    (params: P): R => {
      try {
        const a = analyzer.get(uriOf(params));
        if (!a) return empty;
        return fn(params, a);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`${name} failed: ${describe(e)}`);
        return empty;
      }
    };
  const offsetOf = (params: unknown, a: Analysis): number => toOffset(a.parse, positionOf(params));

  connection.onCompletion(
    guard('completion', [], (p, a) =>
      complete(a.parse, offsetOf(p, a), {
        snippets,
        targetVersion: a.resolved.options.targetVersion ?? a.parse.targetVersion ?? NEWEST_VERSION,
        lazyDocs,
      }),
    ),
  );
  /** Where names are looked up: the includer's parse for a fragment read through one. */
  const names = (a: Analysis): { parse: ParseResult; file: number } => {
    const ctx = analyzer.lint(a.uri)?.context;
    return ctx && analyzer.get(a.uri) === a ? ctx : { parse: a.parse, file: 0 };
  };
  connection.onCompletionResolve((item) => {
    try {
      return resolveCompletion(item);
    } catch (e) {
      log(`completionItem/resolve failed: ${describe(e)}`);
      return item;
    }
  });
  connection.onHover(
    guard('hover', null, (p, a) => {
      const offset = offsetOf(p, a);
      const h = hover(a.parse, offset, names(a));
      // On an instance's name or VRID: its virtual router's failover table, from the last peer run.
      const table = peers.failoverAt(a.uri, a.parse, offset);
      return table ? withFailover(h, table.text, toRange(a.parse, { file: 0, start: table.start, end: table.end })) : h;
    }),
  );
  connection.onDocumentSymbol(guard('documentSymbol', [], (_p, a) => documentSymbols(a.parse)));
  connection.onFoldingRanges(guard('foldingRange', [], (_p, a) => foldingRanges(a.parse)));
  connection.onDocumentFormatting(
    guard('formatting', [], (p, a) =>
      formatEdits(a.parse, {
        tabSize: p.options?.tabSize ?? 4,
        insertSpaces: p.options?.insertSpaces ?? false,
        bom: a.bom,
      }),
    ),
  );
  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [], (p, a) =>
      formatEdits(
        a.parse,
        { tabSize: p.options?.tabSize ?? 4, insertSpaces: p.options?.insertSpaces ?? false, bom: a.bom },
        { startLine: p.range?.start?.line ?? 0, endLine: p.range?.end?.line ?? Number.MAX_SAFE_INTEGER },
      ),
    ),
  );
  connection.onDefinition(
    guard('definition', [], (p, a) => {
      const n = names(a);
      return definition(n.parse, offsetOf(p, a), a.uri, n.file);
    }),
  );
  connection.onReferences(
    guard('references', [], (p, a) =>
      references(names(a).parse, offsetOf(p, a), a.uri, p.context?.includeDeclaration !== false, names(a).file),
    ),
  );
  connection.onPrepareRename(
    guard('prepareRename', null, (p, a) => prepareRename(names(a).parse, offsetOf(p, a), names(a).file) ?? null),
  );
  connection.onRenameRequest(
    guard('rename', null, (p, a) => {
      if (typeof p.newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'newName is missing');
      try {
        const n = names(a);
        return rename(n.parse, offsetOf(p, a), p.newName, a.uri, n.file) ?? null;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        throw new ResponseError(ErrorCodes.InvalidParams, e instanceof Error ? e.message : String(e));
      }
    }),
  );
  connection.onDocumentHighlight(
    guard('documentHighlight', [], (p, a) => highlights(names(a).parse, offsetOf(p, a), names(a).file)),
  );
  connection.onDocumentLinks(guard('documentLink', [], (_p, a) => documentLinks(a.parse)));
  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], (p, a) => {
      const only = Array.isArray(p.context?.only) ? p.context.only : undefined;
      const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const given = matchDiagnostics(lspDiagnostics(a), p.context?.diagnostics, p.range);
      const out = wants(CodeActionKind.QuickFix) ? codeActions(a.parse, a.uri, given) : [];
      if (only && wants(FIX_ALL_KIND)) {
        const l = analyzer.lint(a.uri);
        const base = l?.context ?? { parse: a.parse, file: 0 };
        const all = fixAllAction(base.parse, a.uri, l?.diagnostics ?? [], FIX_ALL_KIND, base.file);
        if (all) out.push(all);
      } else if (wants(CodeActionKind.QuickFix) && given.some((d) => (d?.data as { fix?: unknown } | undefined)?.fix)) {
        const l = analyzer.lint(a.uri);
        const base = l?.context ?? { parse: a.parse, file: 0 };
        const findings = l?.diagnostics ?? [];
        if (findings.filter((d) => d.fix && d.loc.file === base.file).length > 1) {
          const all = fixAllAction(base.parse, a.uri, findings, CodeActionKind.QuickFix, base.file);
          if (all) out.push(all);
        }
      }
      return out;
    }),
  );

  documents.listen(connection);
  connection.listen();
}
