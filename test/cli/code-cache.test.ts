// The CLI's starter (host/code-cache.ts): a bundle runs as the main module with V8's code cache
// when the cache was made for exactly its text, and runs all the same without it.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachePath } from '../../host/code-cache';
import { root, tempDir } from './helpers';

const BUNDLE = [
  '#!/usr/bin/env node',
  'const where = new Error("here").stack.split("\\n")[1];',
  'console.log(JSON.stringify({ file: __filename, dir: __dirname, own: module.exports === exports,',
  '  join: typeof require("node:path").join, where, mark: "AAAA", code: process.exitCode }));',
  'process.exitCode = 3;',
  '',
].join('\n');

let dir: string;
let bundle: string;

/** Runs the bundle through the starter; returns its output, the cache use and the exit code. */
function start(env: NodeJS.ProcessEnv = {}): { out: Record<string, unknown>; use: string; status: number | null } {
  const r = spawnSync(process.execPath, [join(dir, 'start.js'), bundle], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  expect(r.stderr).toBe('');
  const [json, use] = r.stdout.trim().split('\n');
  return { out: JSON.parse(json!) as Record<string, unknown>, use: use!, status: r.status };
}

beforeAll(() => {
  dir = tempDir('kl-code-cache-');
  buildSync({
    entryPoints: [join(root, 'host', 'code-cache.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(dir, 'code-cache.js'),
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'start.js'), 'console.log(require("./code-cache.js").runBundle(process.argv[2]));\n');
  bundle = join(dir, 'bundle.js');
  writeFileSync(bundle, BUNDLE);
});

describe('code cache starter', () => {
  it('runs a bundle as a CommonJS main module without a cache', () => {
    const { out, use, status } = start();
    expect(use).toBe('none');
    expect(out).toMatchObject({ file: bundle, dir, own: true, join: 'function', mark: 'AAAA' });
    // The #! line stays line 1: positions in stack traces are the file's own.
    expect(out.where).toContain(`${bundle}:2:`);
    expect(status).toBe(3);
  });

  it('writes the cache on request and uses it next time', () => {
    expect(start({ KEEPALIVED_WRITE_CODE_CACHE: '1' }).use).toBe('none');
    const data = readFileSync(cachePath(bundle));
    expect(data.toString('latin1', 0, 30)).toBe('keepalived-tools code cache 1\n');
    expect(data.length).toBeGreaterThan(30 + 32 + 100);
    const { out, use, status } = start();
    expect(use).toBe('used');
    expect(out.mark).toBe('AAAA');
    expect(status).toBe(3);
  });

  it('ignores the cache of another text of the same length', () => {
    start({ KEEPALIVED_WRITE_CODE_CACHE: '1' });
    const changed = BUNDLE.replace('AAAA', 'BBBB');
    expect(changed.length).toBe(BUNDLE.length);
    writeFileSync(bundle, changed);
    try {
      const { out, use } = start();
      expect(use).toBe('stale');
      expect(out.mark).toBe('BBBB');
    } finally {
      writeFileSync(bundle, BUNDLE);
    }
  });

  it('compiles as usual when V8 rejects the data', () => {
    start({ KEEPALIVED_WRITE_CODE_CACHE: '1' });
    const data = readFileSync(cachePath(bundle));
    // Keep the header and the hash, spoil V8's own part.
    data.fill(0x5a, 30 + 32);
    writeFileSync(cachePath(bundle), data);
    const { out, use } = start();
    expect(use).toBe('rejected');
    expect(out.mark).toBe('AAAA');
  });

  it('takes a file that is not a cache for a stale one', () => {
    writeFileSync(cachePath(bundle), 'not a cache');
    const { out, use } = start();
    expect(use).toBe('stale');
    expect(out.mark).toBe('AAAA');
  });
});
