// Entry points of the grammar: parse a configuration file (following its includes) or a text.
import type { ParseProblem, ParseResult, SourceFile, Statement } from './ast';
import { Builder } from './builder';
import { decodeBytes, type FileAccess } from './files';
import { looksBinary, MAX_FILE_BYTES, Reader } from './reader';
import type { Loc } from './spans';
import type { StatementIndexer } from './statement-index';
import { NEWEST_VERSION } from './version';

/** How to read a configuration. */
export interface ParseOptions {
  fs: FileAccess;
  /** keepalived version whose reading and keywords apply (default: the newest release). */
  targetVersion?: string;
  /** Like `keepalived -i ID`; without it `@id` lines are inactive and `@^id` lines active. */
  configId?: string;
  /** Absolute includes resolve under this folder, as in a sysroot. */
  includeRoot?: string;
  /** Reads every line through the whole preprocessor instead of lexing plain runs at once (for tests). */
  lineByLine?: boolean;
  /**
   * Called where a top-level statement begins with the reading at rest (nothing open, pending or
   * derailed), with the files read so far, the top-level statements before it (all complete) and
   * the builder's statement index of them. The callback may let go of statements it has done
   * with: it removes them from their parents' lists and keeps the rest of the index with
   * `indexer.retain` (linter/stream.ts).
   */
  onTopLevel?: (reading: Reading) => void;
}

/** What a parse has read so far (see ParseOptions.onTopLevel): the lists grow as it reads on. */
export interface Reading {
  files: SourceFile[];
  body: readonly Statement[];
  problems: readonly ParseProblem[];
  comments: readonly Loc[];
  indexer: StatementIndexer;
  /** Nothing read so far changes how later lines read: no `$NAME`, include, `@id` or `~SEQ` line. */
  plain: boolean;
}

function run(path: string, load: (r: Reader, problems: ParseProblem[]) => number | undefined, opts: ParseOptions): ParseResult {
  const targetVersion = opts.targetVersion ?? NEWEST_VERSION;
  const problems: ParseProblem[] = [];
  const builder = new Builder(problems, targetVersion);
  const reader = new Reader({ ...opts, targetVersion }, builder, problems);
  const onTopLevel = opts.onTopLevel;
  if (onTopLevel)
    builder.onTop = (body, indexer) =>
      onTopLevel({ files: reader.files, body, problems, comments: reader.comments, indexer, plain: reader.carriesNothing() });
  const root = load(reader, problems);
  if (root !== undefined) {
    reader.run(root);
    const f = reader.files[root]!;
    builder.finish({ file: root, start: f.text.length, end: f.text.length });
  } else if (reader.files.length === 0) {
    reader.addFile(path, '');
  }
  return resultOf(reader, builder, problems, targetVersion);
}

/** What a reader and its builder found, as a parse result. */
export function resultOf(reader: Reader, builder: Builder, problems: ParseProblem[], targetVersion: string): ParseResult {
  return {
    files: reader.files,
    body: builder.body,
    problems,
    definitions: reader.definitions,
    references: reader.references,
    includes: reader.includes,
    inactive: reader.inactive,
    replications: reader.replications,
    comments: reader.comments,
    targetVersion,
    unsettled: builder.unsettled(),
  };
}

/** Parses text that stands for the file at `path` (an editor buffer or stdin). */
export function parseText(path: string, text: string, opts: ParseOptions): ParseResult {
  return run(
    path,
    (r, problems) => {
      const id = r.addFile(path, text);
      if (looksBinary(text)) {
        problems.push({ code: 'binary-file', loc: { file: id, start: 0, end: 0 }, data: {} });
        return undefined;
      }
      return id;
    },
    opts,
  );
}

/** Reads and parses the file at an absolute path. */
export function parseFile(path: string, opts: ParseOptions): ParseResult {
  return run(
    path,
    (r, problems) => {
      const open = opts.fs.openText?.(path);
      if (open !== undefined) {
        const id = r.addFile(path, open);
        if (looksBinary(open)) {
          problems.push({ code: 'binary-file', loc: { file: id, start: 0, end: 0 }, data: {} });
          return undefined;
        }
        return id;
      }
      const st = opts.fs.stat(path);
      const fail = (reason: string, extra: Record<string, string | number> = {}): undefined => {
        const id = r.addFile(path, '');
        problems.push({ code: 'unreadable-file', loc: { file: id, start: 0, end: 0 }, data: { reason, path, ...extra } });
        return undefined;
      };
      if (st.kind === 'missing') return fail('missing');
      if (st.kind === 'directory') return fail('directory');
      if (st.kind !== 'file') return fail('not-regular');
      if (st.size > MAX_FILE_BYTES) return fail('too-large', { size: st.size, limit: MAX_FILE_BYTES });
      const bytes = opts.fs.readFile(path);
      if ('error' in bytes) return fail('unreadable', { message: bytes.error });
      const d = decodeBytes(bytes);
      const id = r.addFile(path, d.text, d.encoding, d.bom);
      if (looksBinary(d.text)) {
        problems.push({ code: 'binary-file', loc: { file: id, start: 0, end: 0 }, data: {} });
        return undefined;
      }
      return id;
    },
    opts,
  );
}
