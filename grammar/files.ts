// The only door to the outside world: a small synchronous file-access interface. The grammar
// and linter never touch the filesystem themselves; the CLI and the server pass an
// implementation (Node's fs, or open editor buffers layered over it).

/** What a path is, as far as include processing cares. */
export type FileKind = 'file' | 'directory' | 'other' | 'missing' | 'unreadable';

/** Result of stat-ing a path. */
export interface FileStat {
  kind: FileKind;
  size: number;
  executable: boolean;
}

/** The file operations the reader may perform. All paths are absolute. */
export interface FileAccess {
  stat(path: string): FileStat;
  /** Bytes of a regular file, or an error message. */
  readFile(path: string): Uint8Array | { error: string };
  /** Names in a directory, or undefined when it cannot be listed. */
  readDir(path: string): string[] | undefined;
  /** Text of an open editor buffer, which wins over the file on disk. */
  openText?(path: string): string | undefined;
}

/** Encodings a file can be read in; the text is written back in the same one. */
export type Encoding = 'utf-8' | 'latin1';

/** A decoded file. */
export interface DecodedText {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8 when valid, else as Latin-1 (every byte is one character). */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  // A UTF-8 byte order mark stays in the text as U+FEFF: keepalived reads it as part of the first
  // word, and writing the text back re-creates the same bytes.
  try {
    const text = utf8.decode(bytes);
    return { text, encoding: 'utf-8', bom: false };
  } catch {
    let text = '';
    const CHUNK = 0x8000;
    for (let i = 0; i < bytes.length; i += CHUNK) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
    }
    return { text, encoding: 'latin1', bom: false };
  }
}

/** Encodes text back into bytes in the encoding it was read with. */
export function encodeText(d: DecodedText): Uint8Array {
  if (d.encoding === 'latin1') {
    const out = new Uint8Array(d.text.length);
    for (let i = 0; i < d.text.length; i++) out[i] = d.text.charCodeAt(i) & 0xff;
    return out;
  }
  const body = new TextEncoder().encode(d.text);
  if (!d.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Number of bytes a slice of text takes in its file's encoding. */
export function byteLength(text: string, start: number, end: number, encoding: Encoding): number {
  if (encoding === 'latin1') return end - start;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Offset in text where the first `limit` bytes of [start, end) end. */
export function offsetAfterBytes(text: string, start: number, end: number, limit: number, encoding: Encoding): number {
  if (encoding === 'latin1') return Math.min(end, start + limit);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (n + w > limit) return i;
    n += w;
    if (w === 4) i++;
  }
  return end;
}

/** Posix-style path helpers, so the grammar stays free of Node's path module. */
export const paths = {
  dirname(p: string): string {
    const i = p.lastIndexOf('/');
    if (i <= 0) return i === 0 ? '/' : '.';
    return p.slice(0, i);
  },
  join(dir: string, name: string): string {
    if (name.startsWith('/')) return name;
    return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
  },
  basename(p: string): string {
    return p.slice(p.lastIndexOf('/') + 1);
  },
  /** Removes '.' and resolves '..' segments. */
  normalize(p: string): string {
    const abs = p.startsWith('/');
    const out: string[] = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (out.length && out[out.length - 1] !== '..') out.pop();
        else if (!abs) out.push('..');
      } else out.push(seg);
    }
    return (abs ? '/' : '') + out.join('/');
  },
};
