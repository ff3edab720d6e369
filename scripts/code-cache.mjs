// Writes the V8 code caches of dist/cli-main.js and dist/server-main.js (host/code-cache.ts) after
// a build: the CLI lints the bundled examples, the language server answers a short editor session
// (open, hover, completion, an edit), each with KEEPALIVED_WRITE_CODE_CACHE set, and records the
// bytecode of everything it compiled as it exits. The starters work without a cache, so a failure
// here is only a warning.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, KEEPALIVED_WRITE_CODE_CACHE: '1' };
const SESSION_TIMEOUT_MS = 30_000;

function cliCache() {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--no-config-lookup', join(ROOT, 'examples')], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`the CLI ended with ${r.error?.message ?? r.status}`);
}

async function serverCache() {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'] });
  const closed = new Promise((resolve) => child.on('close', resolve));
  const timer = setTimeout(() => child.kill(), SESSION_TIMEOUT_MS);
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    const path = join(ROOT, 'examples', 'lvs', 'keepalived.conf');
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    const published = (version) =>
      new Promise((resolve) => {
        const d = conn.onNotification('textDocument/publishDiagnostics', (p) => {
          if (p.uri === uri && (p.version === undefined || p.version >= version)) {
            d.dispose();
            resolve();
          }
        });
      });
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {} });
    await conn.sendNotification('initialized', {});
    let ready = published(1);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'keepalived', version: 1, text } });
    await ready;
    const line = text.split('\n').findIndex((l) => l.includes('virtual_server'));
    const at = { textDocument: { uri }, position: { line: Math.max(line, 0), character: 2 } };
    await conn.sendRequest('textDocument/hover', at);
    await conn.sendRequest('textDocument/completion', at);
    ready = published(2);
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at.position, end: at.position }, text: 'x' }],
    });
    await ready;
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const code = await closed;
    if (code !== 0) throw new Error(`the server ended with ${code}`);
  } finally {
    clearTimeout(timer);
    conn.dispose();
    child.kill();
  }
}

/** Writes both caches; warns instead of failing (the bundles run without them). */
export async function writeCodeCaches() {
  for (const [name, write] of [
    ['CLI', cliCache],
    ['language server', serverCache],
  ]) {
    try {
      await write();
    } catch (e) {
      console.warn(`code-cache: no code cache for the ${name} (it works without one): ${e instanceof Error ? e.message : e}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeCodeCaches();
