// Starts a bundle with V8's code cache. Compiling the bundle (and every function it runs) is a
// good part of a short run: with the bytecode from a build-time run, `keepalived-lint` on a small
// file starts some 25 ms sooner and the language server answers `initialize` some 100 ms sooner. (Node 22's module.enableCompileCache keeps such a cache in a
// temporary folder; on Node 20 there is only vm.Script's cachedData, and the cache is made once,
// at build time.)
//
// The cache sits beside the bundle (`<bundle>.cache`): a header with the SHA-256 of the bundle's
// text, then V8's data. V8 itself only checks its version, its flags and the source's length, so
// the hash is what keeps a stale cache from being used for a rebuilt bundle of the same length.
// A missing, stale or rejected cache only means a normal compile. With KEEPALIVED_WRITE_CODE_CACHE
// set (scripts/code-cache.mjs, after each build) the run writes the cache as it exits, with every
// function it compiled.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomic } from './atomic-write';

const MAGIC = 'keepalived-tools code cache 1\n';
const HASH_BYTES = 32;

/** The cache file of a bundle. */
export const cachePath = (bundle: string): string => `${bundle}.cache`;

/** What became of a bundle's code cache. */
export type CacheUse = 'used' | 'none' | 'stale' | 'rejected';

/** V8's data from a cache file if the file was made for exactly this text, else why not. */
function readCache(path: string, hash: Buffer): Buffer | 'none' | 'stale' {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return 'none';
  }
  const head = Buffer.byteLength(MAGIC);
  if (data.length <= head + HASH_BYTES || data.toString('latin1', 0, head) !== MAGIC) return 'stale';
  if (!data.subarray(head, head + HASH_BYTES).equals(hash)) return 'stale';
  return data.subarray(head + HASH_BYTES);
}

/**
 * Runs a CommonJS bundle as the main module, with its code cache when there is a valid one, and
 * says what became of the cache.
 */
export function runBundle(bundle: string): CacheUse {
  const text = readFileSync(bundle, 'utf8');
  const hash = createHash('sha256').update(text).digest();
  const path = cachePath(bundle);
  const cached = readCache(path, hash);
  // The bundle's first line is its `#!` line: compiled as a comment, so line numbers stay right.
  const source = Module.wrap(text.startsWith('#!') ? `//${text.slice(2)}` : text);
  const script = new Script(source, { filename: bundle, cachedData: typeof cached === 'string' ? undefined : cached });
  const use: CacheUse = typeof cached === 'string' ? cached : script.cachedDataRejected ? 'rejected' : 'used';
  if (process.env.KEEPALIVED_WRITE_CODE_CACHE) {
    process.on('exit', () => {
      writeFileAtomic(path, Buffer.concat([Buffer.from(MAGIC, 'latin1'), hash, script.createCachedData()]));
    });
  }
  const mod = new Module(bundle, undefined);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(bundle));
  mod.loaded = true;
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
  return use;
}
