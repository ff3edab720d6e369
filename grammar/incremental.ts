// Re-parsing after an edit. keepalived reads a file from top to bottom, and nothing it reads can
// change what came before; so when the previous parse of a document was plain (one file, no
// preprocessor features, no structural problems), the top-level blocks that end before the edited
// line are taken over as they are, and reading resumes at the start of the line after the last
// of them. The result equals a full parse of the new text (a property test checks it on the
// corpus); whenever that cannot be guaranteed cheaply, it simply is a full parse.
import type { ParseProblem, ParseResult, Statement } from './ast';
import { Builder } from './builder';
import { parseText, resultOf, type ParseOptions } from './parse';
import { looksBinary, Reader } from './reader';
import { NEWEST_VERSION } from './version';

/** Problems that concern one line and never change how later lines are read. */
const LOCAL_PROBLEMS = new Set(['unknown-keyword', 'unterminated-quote', 'unmatched-quote']);

/** Reuse only pays when there is something to skip. */
const MIN_REUSED_CHARS = 4096;

/**
 * Whether a previous parse can lend its top-level blocks to the next one: what it read carries
 * nothing from one line to the next but the block structure (no `$NAME` definitions or uses, no
 * includes, no cascades), so its top level is the state a full parse has at the same place.
 * (`@id` and `~SEQ` act within their line.)
 */
function plain(prev: ParseResult, targetVersion: string): boolean {
  if (prev.targetVersion !== targetVersion || prev.files.length !== 1) return false;
  if (prev.definitions.length || prev.references.length || prev.includes.length || prev.inactive.length) return false;
  return prev.problems.every((p) => LOCAL_PROBLEMS.has(p.code) && !p.data.opensBlock && p.data.extentEnd === undefined);
}

/** Number of leading characters two texts share. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The start of the next line when only blanks follow `from` on its line; otherwise undefined. */
function nextLineAfterBlanks(text: string, from: number): number | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c !== 32 && c !== 9 && c !== 13) return undefined;
  }
  return undefined;
}

/**
 * Parses `text`, the new content of the document whose previous parse is `prev`, reusing what
 * the edit cannot have changed. Same result as parseText(path, text, opts).
 */
export function reparseText(prev: ParseResult, path: string, text: string, opts: ParseOptions): ParseResult {
  const targetVersion = opts.targetVersion ?? NEWEST_VERSION;
  const full = (): ParseResult => parseText(path, text, opts);
  const old = prev.files[0];
  if (!old || old.path !== path || !plain(prev, targetVersion) || looksBinary(text)) return full();
  const edited = commonPrefix(old.text, text);
  // The last top-level block that closes, alone at the end of its line, before the edited line.
  let keep = 0;
  let resume = 0;
  for (let i = prev.body.length - 1; i >= 0; i--) {
    const s = prev.body[i]!;
    if (!s.close || s.close.file !== 0 || s.skipped) continue;
    const next = nextLineAfterBlanks(old.text, s.close.end);
    if (next === undefined || next > edited) continue;
    keep = i + 1;
    resume = next;
    break;
  }
  if (resume < MIN_REUSED_CHARS) return full();
  const reused: Statement[] = prev.body.slice(0, keep);
  const problems: ParseProblem[] = prev.problems.filter((p) => p.loc.start < resume);
  const builder = new Builder(problems, targetVersion);
  builder.seed(reused);
  const reader = new Reader({ ...opts, targetVersion }, builder, problems);
  const root = reader.addFile(path, text);
  const lines = reader.files[root]!.lines.lineOf(resume);
  reader.comments.push(...prev.comments.filter((c) => c.start < resume));
  reader.run(root, resume, lines);
  builder.finish({ file: root, start: text.length, end: text.length });
  return resultOf(reader, builder, problems, targetVersion);
}
