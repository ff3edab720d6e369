// A small LSP client for protocol tests: spawns the bundled server over stdio and talks
// JSON-RPC with vscode-jsonrpc. Builds dist/server.js first when it is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { afterAll } from 'vitest';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled server under test. */
export const SERVER = join(ROOT, 'dist', 'server.js');

/** Builds the bundle when it is missing (`npm test` builds it anyway). */
export function ensureBuilt(): void {
  if (existsSync(SERVER)) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** A running server and a client connection to it. */
export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcess;
  stderr: () => string;
  /** Resolves with the next diagnostics for a URI (and version, when given). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Every diagnostics notification received so far. */
  published: PublishDiagnosticsParams[];
  /** Settings answered to workspace/configuration (null = what some clients send). */
  settings: unknown;
  /** The server's answer to initialize. */
  init: InitializeResult;
  /** Opens a document and waits for its first diagnostics. */
  open(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

/** Starts the server, runs initialize/initialized. */
export async function startClient(
  opts: {
    settings?: unknown;
    initializationOptions?: unknown;
    locale?: string;
    capabilities?: { completionItem?: Record<string, unknown> };
  } = {},
): Promise<TestClient> {
  ensureBuilt();
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const client: TestClient = {
    conn,
    proc,
    stderr: () => err,
    published,
    init: { capabilities: {} },
    settings: opts.settings ?? null,
    diagnostics(uri, version, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`no diagnostics for ${uri} v${version}; stderr: ${err}`)),
          timeoutMs,
        );
        waiters.push({
          uri,
          version,
          resolve: (p) => {
            clearTimeout(t);
            resolve(p);
          },
        });
      });
    },
    async open(uri, text, version = 1) {
      const wait = client.diagnostics(uri, version);
      await conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'keepalived', version, text },
      });
      return wait;
    },
    async close() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      conn.dispose();
      proc.kill();
    },
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  client.init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: opts.locale,
    initializationOptions: opts.initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, ...(opts.capabilities?.completionItem ?? {}) } },
        rename: { prepareSupport: true },
        publishDiagnostics: {
          relatedInformation: true,
          versionSupport: true,
          codeDescriptionSupport: true,
          dataSupport: true,
        },
      },
    },
  });
  await conn.sendNotification('initialized', {});
  return client;
}

/** The folders workspace made for the test file running: removed once its tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder with files (removed after the test file's tests); returns its path and a URI maker. */
export function workspace(files: Record<string, string>): {
  dir: string;
  uri: (name: string) => string;
  path: (name: string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'kls-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, uri: (name) => pathToFileURL(join(dir, name)).href, path: (name) => join(dir, name) };
}

/** Position of the n-th (0-based) occurrence of `needle` in text, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" not found`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP TextEdits to a text (for formatting and rename checks). */
export function applyEdits(
  text: string,
  edits: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }>,
): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }): number =>
    p.line >= starts.length ? text.length : Math.min(starts[p.line]! + p.character, text.length);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
