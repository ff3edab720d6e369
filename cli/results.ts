// Converts per-file diagnostics to the 1-based output shape shared by every formatter.
import { isSafeFix } from '../host/fix';
import type { SourceFile } from '../grammar/index';
import type { FileResult } from '../host/project';
import type { OutFile, OutMessage, OutRelated } from './formatters/types';

/** Builds ESLint-shaped entries from per-file results. */
export function toOutFiles(results: FileResult[]): OutFile[] {
  // Related locations of peer findings lie in other roots' files; they are found by path.
  const byPath = new Map<string, SourceFile>();
  for (const r of results) for (const f of r.parse.files) if (!byPath.has(f.path)) byPath.set(f.path, f);
  return results.map((r) => {
    const file = r.parse.files[r.fileIndex]!;
    const messages: OutMessage[] = r.diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => {
        const s = file.lines.positionAt(d.loc.start);
        const e = file.lines.positionAt(d.loc.end);
        const m: OutMessage = {
          ruleId: d.ruleId,
          severity: d.severity === 'error' ? 2 : 1,
          message: d.message,
          line: s.line + 1,
          column: s.character + 1,
          endLine: e.line + 1,
          endColumn: e.character + 1,
          diagnostic: d,
        };
        const related: OutRelated[] = [];
        for (const x of d.related ?? []) {
          const path = (x as { path?: string }).path;
          const f = path ? byPath.get(path) : r.parse.files[x.loc.file];
          if (!f) continue;
          const rs = f.lines.positionAt(x.loc.start);
          const re = f.lines.positionAt(x.loc.end);
          related.push({
            filePath: f.path,
            message: x.message,
            line: rs.line + 1,
            column: rs.character + 1,
            endLine: re.line + 1,
            endColumn: re.character + 1,
          });
        }
        if (related.length) m.related = related;
        // Only the fixes --fix applies (safe ones, in this file).
        if (d.fix && isSafeFix(d) && r.parse.files[d.fix.file]?.path === file.path)
          m.fix = { range: [d.fix.start, d.fix.end], text: d.fix.text };
        return m;
      });
    const errorCount = messages.filter((m) => m.severity === 2).length;
    return {
      filePath: r.path,
      messages,
      errorCount,
      warningCount: messages.length - errorCount,
      fatalErrorCount: 0,
      fixableErrorCount: messages.filter((m) => m.severity === 2 && m.fix).length,
      fixableWarningCount: messages.filter((m) => m.severity === 1 && m.fix).length,
    };
  });
}
