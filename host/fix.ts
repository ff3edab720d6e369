// Automatic fixes: apply the safe fixes of a lint run as range edits, re-lint, repeat until
// nothing changes; plus a unified diff for --fix-dry-run. Range edits leave every other byte
// alone (comments, CRLF line ends), and the text is re-encoded the way it was read.
import { encodeText, looksBinary, type FileAccess } from '../grammar/index';
import { rules, type Diagnostic } from '../linter/index';
import { peerRules } from '../linter/peer-registry';
import type { FileResult } from './project';

/** A text edit: replace [start, end) (UTF-16 offsets) with text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Result of applyFixes. */
export interface AppliedFixes {
  text: string;
  applied: number;
  /** Edits left out because they overlap an earlier one (a later pass may apply them). */
  skipped: number;
}

/** Applies non-overlapping edits to text; an edit overlapping an earlier (by start) one is skipped. */
export function applyFixes(text: string, edits: readonly TextEdit[]): AppliedFixes {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.start >= 0 && e.end >= e.start && e.end <= text.length)
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map(({ e }) => e);
  let out = '';
  let pos = 0;
  let lastStart = -1;
  let applied = 0;
  let skipped = edits.length - sorted.length;
  for (const e of sorted) {
    // Overlap, or two edits at one point (their order would be arbitrary): leave for the next pass.
    if (e.start < pos || e.start === lastStart) {
      skipped++;
      continue;
    }
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
    lastStart = e.start;
    applied++;
  }
  out += text.slice(pos);
  return { text: out, applied, skipped };
}

const fixableRules = new Set([...rules, ...peerRules].filter((r) => r.meta.fixable).map((r) => r.id));

/** A safe fix: the rule is marked fixable and the diagnostic carries a fix (rules only attach unambiguous ones). */
export function isSafeFix(d: Diagnostic): boolean {
  return d.fix !== undefined && fixableRules.has(d.ruleId);
}

/** The fixes of a file's diagnostics that land in that file. */
export function fixesFor(r: FileResult, safe: (d: Diagnostic) => boolean = isSafeFix): TextEdit[] {
  const out: TextEdit[] = [];
  for (const d of r.diagnostics) {
    if (!d.fix || !safe(d)) continue;
    if (r.parse.files[d.fix.file]?.path !== r.path) continue;
    out.push({ start: d.fix.start, end: d.fix.end, text: d.fix.text });
  }
  return out;
}

/** Outcome of fixProject. */
export interface FixOutcome {
  /** New bytes of each file that changed (only files among `given`). */
  changed: Map<string, Uint8Array>;
  /** Lint results of the fixed texts. */
  results: FileResult[];
  /** Fixes applied in total. */
  applied: number;
}

/**
 * Fixes the given files: lints (through `lint`, which must read via the FileAccess it gets),
 * applies safe fixes to files in `given`, re-lints with the new texts layered over the disk,
 * up to maxPasses times. Nothing is written; the caller writes `changed`.
 */
export function fixProject(
  given: ReadonlySet<string>,
  base: FileAccess,
  lint: (fs: FileAccess) => FileResult[],
  options: { safe?: (d: Diagnostic) => boolean; maxPasses?: number } = {},
): FixOutcome {
  const overlay = new Map<string, Uint8Array>();
  const fs = overlayAccess(base, overlay);
  let applied = 0;
  let results = lint(fs);
  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    let changedThisPass = false;
    for (const r of results) {
      if (!given.has(r.path)) continue;
      const file = r.parse.files[r.fileIndex]!;
      const edits = fixesFor(r, options.safe);
      if (edits.length === 0) continue;
      const next = applyFixes(file.text, edits);
      if (next.applied === 0 || next.text === file.text) continue;
      // A fix only removes or renames words; should the result read as binary (control
      // characters now over 10 %), nothing in it would be checked any more: leave the file alone.
      if (looksBinary(next.text) && !looksBinary(file.text)) continue;
      overlay.set(r.path, encodeText({ text: next.text, encoding: file.encoding, bom: file.bom }));
      applied += next.applied;
      changedThisPass = true;
    }
    if (!changedThisPass) break;
    results = lint(fs);
  }
  return { changed: overlay, results, applied };
}

/** A FileAccess that serves the given bytes instead of the disk's for some paths. */
export function overlayAccess(base: FileAccess, overlay: ReadonlyMap<string, Uint8Array>): FileAccess {
  return {
    stat: (p) => {
      const b = overlay.get(p);
      if (!b) return base.stat(p);
      return { ...base.stat(p), size: b.length };
    },
    readFile: (p) => overlay.get(p) ?? base.readFile(p),
    readDir: (p) => base.readDir(p),
    openText: base.openText ? (p) => (overlay.has(p) ? undefined : base.openText!(p)) : undefined,
  };
}

// ---- unified diff ----

/** Splits text into lines that keep their line ends. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Myers' O(ND) line diff. */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Array<Map<number, number>> = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  trace.push(new Map(v));
  // Walk back through the trace.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1)) ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
      else ops.push({ kind: '-', line: a[--x]! });
    }
  }
  return ops.reverse();
}

/** A unified diff (3 lines of context) between two texts of one file, or '' when equal. */
export function unifiedDiff(
  oldText: string,
  newText: string,
  oldName: string,
  newName: string = oldName,
  context = 3,
): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  const changes = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  let i = 0;
  while (i < changes.length) {
    const from = Math.max(0, changes[i]! - context);
    let to = changes[i]! + context;
    while (i + 1 < changes.length && changes[i + 1]! - context <= to + 1) to = changes[++i]! + context;
    to = Math.min(ops.length - 1, to);
    i++;
    let aStart = 0;
    let bStart = 0;
    for (let j = 0; j < from; j++) {
      if (ops[j]!.kind !== '+') aStart++;
      if (ops[j]!.kind !== '-') bStart++;
    }
    const hunk = ops.slice(from, to + 1);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@\n`;
    for (const o of hunk) {
      out += o.kind + o.line;
      if (!o.line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    }
  }
  return out;
}
