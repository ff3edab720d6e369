#!/usr/bin/env node
// Language-server latency benchmark over stdio (JSON-RPC with Content-Length framing).
//
//   node bench/lsp-latency.mjs                 # small + medium, 200 edits each
//   node bench/lsp-latency.mjs --quick         # 60 edits, 50 completion/hover requests
//   node bench/lsp-latency.mjs --server FILE   # another server script (default dist/server.js)
//   node bench/lsp-latency.mjs --edits N --requests N
//
// Sequence: initialize -> initialized -> for each file: didOpen (version 1), wait for its
// diagnostics, then N single-character edits (an insertion, then its deletion, at varying
// places), each sent as a didChange in the sync kind the server announces (incremental when
// offered, else full). The latency of an edit is the time from writing the didChange to
// receiving the textDocument/publishDiagnostics whose `version` equals the edit's version.
// Edits are sent one at a time (the next after the previous diagnostics arrived). On the 57k
// file, textDocument/completion and textDocument/hover requests at random positions are timed
// from write to response. Results: stdout table, bench/out/lsp.md and bench/out/lsp.json.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, DEFAULT_OUT, SIZES, makeRng, writeSizes } from './generate.mjs';

const ROOT = join(BENCH_DIR, '..');
const TIMEOUT_MS = 30000;

/** Edits after which the steady-state row starts (the JIT has optimised the reader by then). */
const WARMUP_EDITS = 40;

/** Budgets: p95 limits in ms. */
const BUDGETS = {
  small: { diagnostics: 30 },
  medium: { diagnostics: 250, completion: 20, hover: 20 },
};

/** Parses the command line. */
function parseArgs(argv) {
  const opts = {
    server: join(ROOT, 'dist', 'server.js'),
    edits: 200,
    requests: 200,
    files: ['small', 'medium'],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') {
      opts.edits = 60;
      opts.requests = 50;
    } else if (a === '--server') opts.server = argv[++i];
    else if (a === '--edits') opts.edits = Number(argv[++i]);
    else if (a === '--requests') opts.requests = Number(argv[++i]);
    else if (a === '--files') opts.files = argv[++i].split(',');
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: node bench/lsp-latency.mjs [--quick] [--server FILE] [--edits N] [--requests N] [--files small,medium]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument '${a}'`);
  }
  return opts;
}

/** Nearest-rank percentile (p in 0..100) of a numeric array. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** Current time in milliseconds with sub-millisecond precision. */
function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * A minimal JSON-RPC 2.0 client over a child process's stdio with LSP Content-Length framing.
 * Server-to-client requests get an empty answer (null, or an array of nulls for
 * workspace/configuration) so servers that ask for settings do not stall.
 */
class RpcClient {
  /** Starts the server process. */
  constructor(command, args) {
    this.proc = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: ROOT,
    });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.exited = false;
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      const err = new Error(`server exited (${code ?? signal}): ${this.stderr.trim()}`);
      for (const { reject } of this.pending.values()) reject(err);
      this.pending.clear();
      for (const set of this.listeners.values()) for (const l of set) l.reject?.(err);
    });
  }

  /** Accumulates stdout bytes and dispatches every complete message. */
  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /content-length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${header}`);
      const len = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + len) return;
      const body = this.buffer.subarray(start, start + len).toString('utf8');
      this.buffer = this.buffer.subarray(start + len);
      this.dispatch(JSON.parse(body), now());
    }
  }

  /** Routes one decoded message to a pending request, a listener or a reply. */
  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: answer it so that it never waits on us.
      let result = null;
      if (msg.method === 'workspace/configuration') {
        result = (msg.params?.items ?? []).map(() => null);
      }
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    const set = this.listeners.get(msg.method);
    if (set) for (const l of [...set]) l.fn(msg.params, at);
  }

  /** Writes one framed message; returns the time just before the write. */
  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    const t = now();
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
    return t;
  }

  /** Sends a request; resolves to { result, ms } with ms from write to response. */
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      let sent = 0;
      this.pending.set(id, {
        method,
        resolve: ({ result, at }) => {
          clearTimeout(timer);
          resolve({ result, ms: at - sent });
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      sent = this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a notification; returns the send time. */
  notify(method, params) {
    return this.write({ jsonrpc: '2.0', method, params });
  }

  /** Registers a notification listener; returns a function removing it. */
  on(method, fn, reject) {
    if (!this.listeners.has(method)) this.listeners.set(method, new Set());
    const entry = { fn, reject };
    this.listeners.get(method).add(entry);
    return () => this.listeners.get(method).delete(entry);
  }

  /** Resolves with the first notification `method` whose params satisfy `pred` (with its time). */
  waitFor(method, pred, what) {
    return new Promise((resolve, reject) => {
      let off = () => {};
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${what ?? method} within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      off = this.on(
        method,
        (params, at) => {
          if (!pred(params)) return;
          clearTimeout(timer);
          off();
          resolve({ params, at });
        },
        (e) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  }

  /** Shuts the server down politely, then kills it if it lingers. */
  async close() {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    await new Promise((r) => {
      if (this.exited) return r();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        r();
      }, 2000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
}

/** Returns the sync kind from the initialize result: 1 full, 2 incremental, 0 none. */
function syncKind(capabilities) {
  const s = capabilities?.textDocumentSync;
  if (typeof s === 'number') return s;
  return s?.change ?? 0;
}

/** Converts a { line, character } position into an offset of `text` (UTF-16 = JS indices). */
function offsetAt(lineStarts, pos) {
  return lineStarts[pos.line] + pos.character;
}

/** Start offsets of every line of `text`. */
function computeLineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * Plans `n` edits on `text`: pairs of (insert one character at a random spot of a random
 * non-empty line, delete it again), so the document keeps returning to its valid state.
 */
function planEdits(text, n, rng) {
  const lines = text.split('\n');
  const edits = [];
  const chars = 'xae1 _';
  while (edits.length < n) {
    let line;
    do line = rng.int(0, lines.length - 1);
    while (lines[line].trim() === '');
    const character = rng.int(0, lines[line].length);
    const ch = chars[rng.int(0, chars.length - 1)];
    edits.push({ kind: 'insert', line, character, text: ch });
    if (edits.length < n) edits.push({ kind: 'delete', line, character });
  }
  return edits;
}

/** Picks `n` positions: completion at the end of a line or after its indentation; hover on a word. */
function planPositions(text, n, rng) {
  const lines = text.split('\n');
  const out = [];
  while (out.length < n) {
    const line = rng.int(0, lines.length - 1);
    const t = lines[line];
    if (t.trim() === '') continue;
    const indent = t.length - t.trimStart().length;
    const firstWordEnd = indent + t.trimStart().split(/\s/)[0].length;
    out.push({
      completion: { line, character: rng.chance(0.5) ? t.length : indent },
      hover: {
        line,
        character: rng.int(indent, Math.max(indent, firstWordEnd - 1)),
      },
    });
  }
  return out;
}

/** Summary statistics for a list of latencies. */
function stats(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : NaN,
  };
}

/** Formats milliseconds. */
function fmt(v) {
  return Number.isFinite(v) ? v.toFixed(1) : 'n/a';
}

/** Opens one file, waits for its diagnostics, then replays the planned edits. */
async function benchFile(client, file, size, kind, opts, rng) {
  const uri = pathToFileURL(file).href;
  let text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length - 1;
  const diagFor = (version) =>
    client.waitFor(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && (p.version === version || p.version === undefined),
      `diagnostics for version ${version}`,
    );

  let version = 1;
  let unversioned = 0;
  const opened = diagFor(version);
  const tOpen = client.notify('textDocument/didOpen', {
    textDocument: { uri, languageId: 'keepalived', version, text },
  });
  const first = await opened;
  const openMs = first.at - tOpen;
  if (first.params.version === undefined) unversioned++;
  const firstCount = first.params.diagnostics?.length ?? 0;

  const edits = planEdits(text, opts.edits, rng);
  const latencies = [];
  const lineStarts = computeLineStarts(text);
  for (const e of edits) {
    version++;
    const start = { line: e.line, character: e.character };
    let change;
    const off = offsetAt(lineStarts, start);
    if (e.kind === 'insert') {
      change = { range: { start, end: start }, text: e.text };
      text = text.slice(0, off) + e.text + text.slice(off);
    } else {
      change = {
        range: { start, end: { line: e.line, character: e.character + 1 } },
        text: '',
      };
      text = text.slice(0, off) + text.slice(off + 1);
    }
    // Single-character edits inside a line never change the line starts before this line;
    // the starts after it shift by one.
    const delta = e.kind === 'insert' ? 1 : -1;
    for (let l = e.line + 1; l < lineStarts.length; l++) lineStarts[l] += delta;
    const waiter = diagFor(version);
    const sent = client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [kind === 2 ? change : { text }],
    });
    const got = await waiter;
    if (got.params.version === undefined) unversioned++;
    latencies.push(got.at - sent);
  }
  return {
    size,
    lines,
    uri,
    text,
    openMs,
    firstCount,
    diagnostics: stats(latencies),
    // Informational (the budget is on all edits): the same once V8 has optimised the code.
    steady: stats(latencies.slice(WARMUP_EDITS)),
    unversioned,
  };
}

/** Times completion and hover requests at planned positions. */
async function benchRequests(client, uri, text, caps, n, rng) {
  const positions = planPositions(text, n, rng);
  const out = {};
  if (caps.completionProvider) {
    const ms = [];
    let items = 0;
    for (const p of positions) {
      const r = await client.request('textDocument/completion', {
        textDocument: { uri },
        position: p.completion,
        context: { triggerKind: 1 },
      });
      const list = Array.isArray(r.result) ? r.result : (r.result?.items ?? []);
      items += list.length;
      ms.push(r.ms);
    }
    out.completion = { ...stats(ms), avgItems: items / positions.length };
  }
  if (caps.hoverProvider) {
    const ms = [];
    let hits = 0;
    for (const p of positions) {
      const r = await client.request('textDocument/hover', {
        textDocument: { uri },
        position: p.hover,
      });
      if (r.result) hits++;
      ms.push(r.ms);
    }
    out.hover = { ...stats(ms), hits };
  }
  return out;
}

/** Main driver. */
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.server)) {
    console.error(`server not found: ${opts.server} (run npm run build)`);
    process.exit(2);
  }
  mkdirSync(DEFAULT_OUT, { recursive: true });
  const missing = opts.files.filter((s) => !existsSync(join(DEFAULT_OUT, `${s}.conf`)));
  for (const s of missing) if (!SIZES[s]) throw new Error(`unknown size '${s}'`);
  if (missing.length) writeSizes(DEFAULT_OUT, missing);

  const rng = makeRng('lsp-latency');
  const client = new RpcClient(process.execPath, [opts.server, '--stdio']);
  const init = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'keepalived-tools-bench', version: '1' },
    rootUri: pathToFileURL(ROOT).href,
    workspaceFolders: null,
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      workspace: { configuration: true },
    },
    initializationOptions: {},
  });
  const caps = init.result?.capabilities ?? {};
  const kind = syncKind(caps);
  if (kind !== 1 && kind !== 2) throw new Error('server announces no textDocumentSync change kind');
  client.notify('initialized', {});
  console.log(
    `server ${relative(ROOT, opts.server)}: initialize ${fmt(init.ms)} ms, ` +
      `sync ${kind === 2 ? 'incremental' : 'full'}, ${opts.edits} edits per file`,
  );

  const fileResults = [];
  let requests = {};
  try {
    for (const size of opts.files) {
      const file = join(DEFAULT_OUT, `${size}.conf`);
      const r = await benchFile(client, file, size, kind, opts, rng);
      fileResults.push(r);
      if (size === 'medium') {
        requests = await benchRequests(client, r.uri, r.text, caps, opts.requests, rng);
      }
      client.notify('textDocument/didClose', { textDocument: { uri: r.uri } });
    }
  } finally {
    await client.close();
  }

  // Report.
  const rows = [];
  const budgetRows = [];
  /** Adds one result row, with its budget verdict when there is one. */
  const add = (what, size, lines, s, limit) => {
    const verdict = limit === undefined ? '' : s.p95 <= limit ? 'PASS' : 'FAIL';
    rows.push([what, size, String(lines), String(s.n), fmt(s.p50), fmt(s.p95), fmt(s.max)]);
    if (limit !== undefined) {
      budgetRows.push([`${what} p95 (${size}, ${lines} lines)`, `${fmt(s.p95)} ms`, `<= ${limit} ms`, verdict]);
    }
  };
  for (const r of fileResults) {
    rows.push(['didOpen -> diagnostics', r.size, String(r.lines), '1', fmt(r.openMs), '', '']);
    add('didChange -> diagnostics', r.size, r.lines, r.diagnostics, BUDGETS[r.size]?.diagnostics);
    if (r.steady.n > 0) add(`  after the first ${WARMUP_EDITS} edits`, r.size, r.lines, r.steady, undefined);
  }
  const medium = fileResults.find((r) => r.size === 'medium');
  if (medium) {
    for (const what of ['completion', 'hover']) {
      if (requests[what]) add(what, 'medium', medium.lines, requests[what], BUDGETS.medium[what]);
      else budgetRows.push([`${what} p95 (medium)`, 'n/a', `<= ${BUDGETS.medium[what]} ms`, 'SKIP']);
    }
  }
  const header = ['measure', 'file', 'lines', 'n', 'p50 ms', 'p95 ms', 'max ms'];
  const pad = (table) => {
    const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
    return table.map((r) => r.map((v, c) => String(v).padStart(widths[c])).join('  ')).join('\n');
  };
  console.log(pad([header, ...rows]));
  console.log();
  console.log(pad([['budget', 'value', 'limit', 'verdict'], ...budgetRows]));
  const notes = [];
  for (const r of fileResults) {
    notes.push(`${r.size}: ${r.firstCount} diagnostics on open`);
    if (r.unversioned) {
      notes.push(`${r.size}: ${r.unversioned} publishDiagnostics without a version (matched by arrival order)`);
    }
  }
  if (requests.completion) notes.push(`completion: ${requests.completion.avgItems.toFixed(1)} items on average`);
  if (requests.hover) notes.push(`hover: ${requests.hover.hits}/${requests.hover.n} positions had a hover`);
  for (const n of notes) console.log(`note: ${n}`);

  const md = [
    '## Language server latency',
    '',
    `\`node bench/lsp-latency.mjs\` against \`${relative(ROOT, opts.server)} --stdio\`, ` +
      `${kind === 2 ? 'incremental' : 'full'} sync, ${opts.edits} single-character edits per file ` +
      '(insert then delete), one at a time; latency = didChange written until the ' +
      'publishDiagnostics with that version is read.',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? ':---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    '| budget | value | limit | verdict |',
    '| :--- | ---: | ---: | :---: |',
    ...budgetRows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  writeFileSync(join(DEFAULT_OUT, 'lsp.md'), md);
  writeFileSync(
    join(DEFAULT_OUT, 'lsp.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        server: relative(ROOT, opts.server),
        sync: kind,
        edits: opts.edits,
        files: fileResults.map(({ text: _t, uri: _u, ...r }) => r),
        requests,
      },
      null,
      2,
    ) + '\n',
  );
}

main().catch((e) => {
  console.error(`lsp-latency: ${e.message}`);
  process.exit(1);
});
