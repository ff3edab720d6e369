// glob(3) with GLOB_BRACE over the FileAccess interface: `*`, `?`, `[...]` and `{a,b}`; leading
// dots are matched only explicitly; each brace alternative's matches come sorted.
import { braceExpand, minimatch } from 'minimatch';
import { paths, type FileAccess } from './files';

/** Limit on how many paths one include may match, so a runaway glob stays bounded. */
export const MAX_GLOB_MATCHES = 20000;

const MAGIC = /[*?[]/;

/** Whether a pattern has wildcard characters (braces alone are not wildcards). */
export function hasWildcard(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Expands `{a,b}` alternatives like GLOB_BRACE. */
export function expandBraces(pattern: string): string[] {
  try {
    return braceExpand(pattern);
  } catch {
    return [pattern];
  }
}

/** Matches one absolute pattern (no braces) against the filesystem. */
export function globOne(fs: FileAccess, pattern: string): string[] {
  if (!hasWildcard(pattern)) return fs.stat(pattern).kind === 'missing' ? [] : [pattern];
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let current = [segments[0] === '' ? '/' : '.'];
  for (let i = segments[0] === '' ? 1 : 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const next: string[] = [];
    for (const dir of current) {
      if (!hasWildcard(seg)) {
        const p = paths.join(dir, seg);
        if (i === segments.length - 1 || fs.stat(p).kind === 'directory') next.push(p);
        continue;
      }
      const names = fs.readDir(dir);
      if (!names) continue;
      for (const name of names.sort()) {
        if (minimatch(name, seg, { dot: false, nobrace: true, noext: true, nocomment: true, nonegate: true })) {
          const p = paths.join(dir, name);
          if (i === segments.length - 1 || fs.stat(p).kind === 'directory') next.push(p);
        }
        if (next.length > MAX_GLOB_MATCHES) break;
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current.filter((p) => fs.stat(p).kind !== 'missing');
}
