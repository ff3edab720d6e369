// FileAccess backed by Node's fs: the only place the tools read the disk. It never opens
// anything but regular files, so FIFOs and devices (/dev/zero) cannot hang a lint.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES, type FileAccess, type FileStat } from '../grammar/index';

/** Reads the real filesystem; `overlay` supplies unsaved editor buffers by path. */
export function nodeFileAccess(overlay?: (path: string) => string | undefined): FileAccess {
  return {
    stat(path: string): FileStat {
      try {
        const st = statSync(path);
        const kind = st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
        return {
          kind,
          size: st.size,
          executable: st.isFile() && (st.mode & (constants.S_IXUSR | constants.S_IXGRP | constants.S_IXOTH)) !== 0,
        };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', size: 0, executable: false };
      }
    },
    readFile(path: string) {
      // Open without blocking and check the descriptor, not the path: a FIFO swapped in, or a
      // pseudo-file such as /proc/kmsg that stats as regular, must not hang the reader.
      let fd: number | undefined;
      try {
        fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
        const st = fstatSync(fd);
        if (!st.isFile()) return { error: 'not a regular file' };
        // One buffer of the size fstat gives, and one read into it as a rule (a copy of a large
        // file's 1 MiB chunks into one took longer than reading them); it grows if the file does.
        let buf = Buffer.allocUnsafe(Math.min(st.size, MAX_FILE_BYTES) + 1);
        let total = 0;
        for (;;) {
          if (total === buf.length) {
            if (total > MAX_FILE_BYTES) break;
            const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_FILE_BYTES + 1));
            buf.copy(bigger, 0, 0, total);
            buf = bigger;
          }
          let n: number;
          try {
            n = readSync(fd, buf, total, buf.length - total, null);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'EAGAIN')
              return { error: 'not a regular file (reading would block)' };
            throw e;
          }
          if (n === 0) break;
          total += n;
        }
        if (total > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES} bytes` };
        return buf.subarray(0, total);
      } catch (e) {
        return { error: (e as Error).message };
      } finally {
        if (fd !== undefined) closeSync(fd);
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
