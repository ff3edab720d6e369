// Atomic file writes: write a temporary file beside the target, keep the mode (and, as root, the
// owner), then rename.
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Replaces a file's contents atomically; an interrupted write leaves the original intact. */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = statSync(path);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
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
  if (owner && process.getuid?.() === 0) {
    // root can hand the file back to its owner (/etc/keepalived is often root-owned anyway).
    try {
      chownSync(tmp, owner.uid, owner.gid);
    } catch {
      /* keep the new owner rather than fail the write */
    }
  }
  if (mode !== undefined) chmodSync(tmp, mode);
  renameSync(tmp, path);
}
