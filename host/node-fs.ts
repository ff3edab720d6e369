// FileAccess backed by Node's fs: the only place the tools read the disk. It never opens
// anything but regular files, so FIFOs and devices (/dev/zero) cannot hang a lint.
import { constants, readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileAccess, FileStat } from '../grammar/index';

/** Reads the real filesystem; `overlay` supplies unsaved editor buffers by path. */
export function nodeFileAccess(overlay?: (path: string) => string | undefined): FileAccess {
  return {
    stat(path: string): FileStat {
      try {
        const st = statSync(path);
        const kind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
        return { kind, size: st.size, executable: st.isFile() && (st.mode & (constants.S_IXUSR | constants.S_IXGRP | constants.S_IXOTH)) !== 0 };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', size: 0, executable: false };
      }
    },
    readFile(path: string) {
      try {
        const st = statSync(path);
        if (!st.isFile()) return { error: 'not a regular file' };
        return readFileSync(path);
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
    readDir(path: string) {
      try {
        return readdirSync(path);
      } catch {
        return undefined;
      }
    },
    openText: overlay,
  };
}
