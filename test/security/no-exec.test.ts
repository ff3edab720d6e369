// The tools never execute what a configuration names and never touch the network. A config full
// of scripts (vrrp_script, notify*, MISC_CHECK misc_path, real_server notify_up/down, checkers'
// scripts) whose every script, if run, would create a marker file is linted, fixed, formatted and
// peer-analysed (1) in-process with child_process, net, dns, http(s), tls, dgram and fetch patched
// to throw, and (2) through the bundled CLI and language server with a `--require` preload that
// records any such call and exits 99. Afterwards: no marker, no recorded call.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../grammar/index';
import { lintParse } from '../../linter/index';
import { fixProject } from '../../host/fix';
import { nodeFileAccess } from '../../host/node-fs';
import { lintPeers } from '../../host/peers';
import { lintRoots, lintText, perFile } from '../../host/project';
import { formatEdits } from '../../server/formatting';
import { ensureCli, root } from '../cli/helpers';
import { runCli } from '../pathological/helpers';

const require = createRequire(import.meta.url);
const PRELOAD = join(root, 'test/security/preload-deny.cjs');
const SERVER = join(root, 'dist/server.js');

let dir = '';
let marker = '';
let denyLog = '';
let scriptPath = '';

/** A configuration where every script, notify and check command would create the marker. */
function scriptConfig(name: string): string {
  const s = scriptPath;
  return `global_defs {
  router_id ${name}
  enable_script_security
  script_user root
  notify_fifo /tmp/kl-fifo-should-not-exist
  notify_fifo_script "${s} fifo"
  vrrp_notify_fifo_script ${s}
  startup_script "${s} startup"
  shutdown_script "${s} shutdown"
}
vrrp_script chk {
  script "${s} chk"
  interval 1
}
vrrp_script chk2 {
  script "/bin/sh -c 'touch ${marker}'"
  interval 1
}
vrrp_instance VI_1 {
  state MASTER
  interface eth0
  virtual_router_id 51
  priority 100
  advert_int 1
  virtual_ipaddress {
    10.0.0.1
  }
  track_script {
    chk
    chk2
  }
  notify_master "${s} master"
  notify_backup "${s} backup"
  notify_fault "${s} fault"
  notify_stop "${s} stop"
  notify "${s} notify"
  notify_master_rx_lower_pri "${s} rx"
}
vrrp_sync_group G {
  group {
    VI_1
  }
  notify "${s} group"
}
virtual_server 10.0.0.1 80 {
  delay_loop 1
  lb_algo rr
  lb_kind DR
  protocol TCP
  quorum_up "${s} up"
  quorum_down "${s} down"
  real_server 10.0.0.2 80 {
    notify_up "${s} rs-up"
    notify_down "${s} rs-down"
    MISC_CHECK {
      misc_path "${s} misc"
      misc_timeout 5
    }
  }
  real_server 10.0.0.3 80 {
    HTTP_GET {
      url {
        path /
        status_code 200
      }
      connect_ip 10.0.0.3
    }
  }
}
`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kl-noexec-'));
  marker = join(dir, 'marker-script-ran');
  denyLog = join(dir, 'denied-calls');
  // The script the config names: if anything ran it, the marker would appear.
  scriptPath = join(dir, 'x-should-not-run');
  writeFileSync(scriptPath, `#!/bin/sh\ntouch '${marker}'\n`);
  chmodSync(scriptPath, 0o755);
  writeFileSync(join(dir, 'lb1.conf'), scriptConfig('lb1'));
  writeFileSync(
    join(dir, 'lb2.conf'),
    scriptConfig('lb2').replace('priority 100', 'priority 90').replace('state MASTER', 'state BACKUP'),
  );
  // The script as an include target too: keepalived skips executable includes, so must we.
  writeFileSync(join(dir, 'inc.conf'), `include ${scriptPath}\n` + scriptConfig('inc'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(() => {
  expect(existsSync(marker), 'a script named in the config was executed').toBe(false);
  expect(existsSync(denyLog) ? readFileSync(denyLog, 'utf8') : '', 'a process or connection was attempted').toBe('');
});

/** Runs fn with process and network APIs replaced by functions that record and throw. */
function withDenied<T>(fn: () => T): { value: T; calls: string[] } {
  const calls: string[] = [];
  const saved: Array<[Record<string, unknown>, string, unknown]> = [];
  const patch = (mod: Record<string, unknown>, modName: string, names: string[]): void => {
    for (const n of names) {
      if (typeof mod[n] !== 'function') continue;
      saved.push([mod, n, mod[n]]);
      mod[n] = () => {
        calls.push(`${modName}.${n}`);
        throw new Error(`${modName}.${n} called while linting`);
      };
    }
  };
  patch(require('node:child_process'), 'child_process', [
    'spawn',
    'spawnSync',
    'exec',
    'execSync',
    'execFile',
    'execFileSync',
    'fork',
  ]);
  patch(require('node:net'), 'net', ['connect', 'createConnection']);
  patch(require('node:net').Socket.prototype, 'net.Socket', ['connect']);
  patch(require('node:tls'), 'tls', ['connect']);
  patch(require('node:dns'), 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
  patch(require('node:dns').promises, 'dns.promises', [
    'lookup',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'reverse',
  ]);
  patch(require('node:http'), 'http', ['request', 'get']);
  patch(require('node:https'), 'https', ['request', 'get']);
  patch(require('node:dgram'), 'dgram', ['createSocket']);
  patch(globalThis as unknown as Record<string, unknown>, 'globalThis', ['fetch']);
  syncBuiltinESMExports();
  try {
    return { value: fn(), calls };
  } finally {
    for (const [mod, n, f] of saved.reverse()) mod[n] = f;
    syncBuiltinESMExports();
  }
}

describe('in-process: linting never spawns or connects', () => {
  it('the deny patch itself works (a spawn inside it is caught)', () => {
    const { calls } = withDenied(() => {
      try {
        require('node:child_process').spawnSync('true');
      } catch {
        /* expected */
      }
    });
    expect(calls).toEqual(['child_process.spawnSync']);
  });

  it('parseFile + lintParse, lintRoots with peers, lintText, fixProject, formatting', () => {
    const fs = nodeFileAccess();
    const paths = ['lb1.conf', 'lb2.conf', 'inc.conf'].map((n) => join(dir, n));
    const { value, calls } = withDenied(() => {
      const out: number[] = [];
      for (const p of paths) {
        const parse = parseFile(p, { fs });
        const diags = lintParse(parse, {});
        out.push(diags.length);
        formatEdits(parse, { tabSize: 2, insertSpaces: true });
      }
      const roots = lintRoots(paths, fs, {});
      out.push(roots.length);
      out.push(lintPeers(roots).size);
      out.push(lintText(join(dir, 'stdin.conf'), scriptConfig('stdin'), fs, {}).diagnostics.length);
      const fixed = fixProject(new Set(paths), fs, (f) => perFile(lintRoots(paths, f, {})));
      out.push(fixed.applied);
      return out;
    });
    expect(calls).toEqual([]);
    expect(value[0]).toBeGreaterThan(0); // the config was really linted (script-security and friends)
  });
});

describe('processes: the CLI and the language server never spawn or connect', () => {
  beforeAll(() => ensureCli());

  const env = (): NodeJS.ProcessEnv => ({ KL_DENY_MARKER: denyLog });

  it('the preload catches a spawn and a connection (exit 99, call recorded)', async () => {
    const { spawnSync } = await import('node:child_process');
    const log = join(dir, 'preload-selftest');
    for (const code of [
      "require('node:child_process').execSync('true')",
      "require('node:net').connect(9, '127.0.0.1')",
      "import('node:child_process').then((m) => m.spawn('true'))",
    ]) {
      rmSync(log, { force: true });
      const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', code], {
        env: { KL_DENY_MARKER: log },
        encoding: 'utf8',
      });
      expect(r.status, code).toBe(99);
      expect(readFileSync(log, 'utf8')).toMatch(/^(child_process|net)\./);
    }
  });

  it('keepalived-lint on the configs (json, sarif, peers)', () => {
    for (const format of ['json', 'sarif', 'stylish']) {
      const r = runCli(['--format', format, 'lb1.conf', 'lb2.conf', 'inc.conf'], {
        cwd: dir,
        nodeArgs: ['--require', PRELOAD],
        env: env(),
      });
      expect(r.status, r.stderr).not.toBe(99);
      expect([0, 1]).toContain(r.status);
    }
  });

  it('keepalived-lint --fix, --fix-dry-run and --stdin', () => {
    copyFileSync(join(dir, 'lb1.conf'), join(dir, 'fixme.conf'));
    for (const args of [
      ['--fix', 'fixme.conf'],
      ['--fix-dry-run', 'lb2.conf'],
      ['--stdin', '--stdin-filename', 'x.conf'],
    ]) {
      const r = runCli(args, { cwd: dir, nodeArgs: ['--require', PRELOAD], env: env(), input: scriptConfig('stdin') });
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).not.toBe(99);
      expect([0, 1]).toContain(r.status);
    }
  });

  it(
    'the language server: open, diagnostics, code actions, hover, formatting, links, symbols',
    { timeout: 60_000 },
    async () => {
      const proc = spawn(process.execPath, ['--require', PRELOAD, SERVER, '--stdio'], {
        cwd: dir,
        stdio: ['pipe', 'pipe', 'pipe'],
        // The server's one-time self-restart with GC flags is not linting; keep it out of the picture.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, KL_DENY_MARKER: denyLog, KEEPALIVED_LS_NO_RESPAWN: '1' },
      });
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
      const diagnostics = new Promise<unknown>((resolve) =>
        conn.onNotification('textDocument/publishDiagnostics', resolve),
      );
      conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
      conn.onRequest('client/registerCapability', () => null);
      conn.onNotification('window/logMessage', () => undefined);
      conn.listen();
      const uri = pathToFileURL(join(dir, 'lb1.conf')).href;
      const text = readFileSync(join(dir, 'lb1.conf'), 'utf8');
      await conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        capabilities: {},
      });
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'keepalived', version: 1, text },
      });
      await diagnostics;
      const doc = { textDocument: { uri } };
      const pos = { line: 11, character: 6 };
      await conn.sendRequest('textDocument/hover', { ...doc, position: pos });
      await conn.sendRequest('textDocument/codeAction', {
        ...doc,
        range: { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } },
        context: { diagnostics: [] },
      });
      await conn.sendRequest('textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } });
      await conn.sendRequest('textDocument/documentLink', doc);
      await conn.sendRequest('textDocument/documentSymbol', doc);
      await conn.sendRequest('textDocument/definition', { ...doc, position: pos });
      // Let idle-time work (peer analysis) run before shutting down.
      await new Promise((r) => setTimeout(r, 1500));
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await conn.sendNotification('exit');
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 5000))]);
      conn.dispose();
      proc.kill();
      expect(code, stderr).not.toBe(99);
    },
  );
});
