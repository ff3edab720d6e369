// Shared by the developer scripts that drive the differential harness (oracle.mjs, mutdiff.mjs,
// sweep.mjs): bundling the harness with esbuild and running cases with a progress line.
import { build } from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where keepalived's runs are cached and the bundles are written (git-ignored). */
export const cacheDir = path.join(repoRoot, '.oracle-cache');

/**
 * Bundles test/differential/index.ts, with the other modules of test/differential/ named in
 * `extra` (e.g. ['sweep']), into .oracle-cache/NAME.mjs and imports it.
 */
export async function loadHarness(name, extra = []) {
  const outfile = path.join(cacheDir, `${name}.mjs`);
  const contents = ['index', ...extra].map((m) => `export * from './test/differential/${m}';\n`).join('');
  await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: `${name}-entry.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?v=${Date.now()}`);
}

/** Runs the harness over `cases`, printing a progress count on standard error. */
export async function runWithProgress(h, cases, opts) {
  const tty = process.stderr.isTTY;
  const run = await h.runDifferential(cases, {
    repoRoot,
    cacheDir,
    live: opts.live || undefined,
    concurrency: opts.concurrency,
    writeReport: false,
    onCase: (_o, done, total) => {
      if (tty) process.stderr.write(`\r${done}/${total}`);
      else if (done % 250 === 0) process.stderr.write(`${done}/${total}\n`);
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  return run;
}
