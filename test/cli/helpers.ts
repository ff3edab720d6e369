// Spawns the bundled CLI (dist/cli.js) the way users run it. Each test process bundles it once
// (temp file + rename, so parallel test files never see half a bundle).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, vi } from 'vitest';

// Each test spawns Node processes; under a full parallel run (fuzzers, differential tests) one can
// take seconds, so the 5 s default is too tight.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled CLI. */
export const cliJs = join(root, 'dist', 'cli.js');

let built = false;

/** Bundles an entry point to `out` the way esbuild.mjs does, replacing the file atomically. */
export function bundle(entry: string, out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${process.pid}.${Date.now()}.bundle.js`);
  buildSync({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: tmp,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  renameSync(tmp, out);
}

/**
 * Bundles the CLI once per test process, like `npm run build` does: cli/main.ts into
 * dist/cli-main.js and its starter cli/bin.ts into dist/cli.js.
 */
export function ensureCli(): string {
  if (built) return cliJs;
  // Always rebuild: a stale bundle (vitest run without npm run build, or a build racing an edit)
  // would test old code. esbuild takes a fraction of a second. A code cache left by the build
  // no longer matches a changed bundle, and the starter then ignores it.
  bundle('cli/main.ts', join(root, 'dist', 'cli-main.js'));
  bundle('cli/bin.ts', cliJs);
  built = true;
  return cliJs;
}

/** Result of a CLI run. */
export type Run = SpawnSyncReturns<string>;

/** Runs `node dist/cli.js ...args` in cwd (English messages, no colour unless env says so). */
export function cli(
  args: string[],
  opts: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
): Run {
  return spawnSync(process.execPath, [ensureCli(), ...args], {
    cwd: opts.cwd ?? root,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...opts.env },
  });
}

/** The folders tempDir made for the test file running: removed once its tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file's tests. */
export function tempDir(prefix = 'kl-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A configuration with one fixable error (a typo) and one fixable warning (a deprecated keyword). */
export const FIXABLE = 'global_defs {\n  router_id lb1\n  vrrp_strick\n  lvs_flush_onstop\n}\n';
/** The same configuration after --fix. */
export const FIXED = 'global_defs {\n  router_id lb1\n  vrrp_strict\n  lvs_flush_on_stop\n}\n';
/** A configuration with no findings. */
export const CLEAN =
  'global_defs {\n  router_id lb1\n}\nvrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  advert_int 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n';
/** A configuration with one warning and no errors. */
export const WARN_ONLY = 'global_defs {\n  lvs_flush_onstop\n}\n';
