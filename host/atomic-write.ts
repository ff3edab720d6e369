// Atomic file writes: write a temporary file beside the target, keep the mode, then rename.
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Replaces a file's contents atomically; an interrupted write leaves the original intact. */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'wx', mode ?? 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  } finally {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
  }
  if (mode !== undefined) chmodSync(tmp, mode);
  renameSync(tmp, path);
}
