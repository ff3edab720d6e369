// Code actions: the rule's own fix for each diagnostic (carried in `data.fix`), and "disable
// RULE for this line" through the linter's suppression comments.
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { ParseResult } from '../grammar/index';
import type { Diagnostic } from '../linter/index';
import { CONFIG_ERROR, INACTIVE_LINE, SOURCE, type DiagnosticData } from './diagnostics';
import { toOffset, toRange } from './locations';

const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s).replace(/\n/g, '⏎');

/** Title of a fix from what it does. */
export function fixTitle(original: string, text: string): string {
  if (text === '') return `Remove "${short(original)}"`;
  if (original === '') return `Insert "${short(text.trim() || text)}"`;
  return `Replace "${short(original)}" with "${short(text)}"`;
}

function isFix(v: unknown): v is NonNullable<DiagnosticData['fix']> {
  const f = v as DiagnosticData['fix'];
  return !!f && typeof f.uri === 'string' && typeof f.text === 'string' && !!f.range?.start && !!f.range?.end;
}

const DIRECTIVE = /^([ \t]*[#!][ \t]*keepalived-lint[ \t]+disable-next-line\b)([^\r\n]*)$/;

/** Quick fixes and disable actions for the diagnostics of a request (file 0 is the document). */
export function codeActions(parse: ParseResult, uri: string, diagnostics: LspDiagnostic[]): CodeAction[] {
  const file = parse.files[0];
  if (!file) return [];
  const text = file.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const d of diagnostics) {
    if (!d || d.source !== SOURCE || typeof d.code !== 'string') continue;
    const fix = (d.data as DiagnosticData | undefined)?.fix;
    if (isFix(fix)) {
      const original =
        fix.uri === uri ? text.slice(toOffset(parse, fix.range.start), toOffset(parse, fix.range.end)) : '';
      fixes.push({
        title: fixTitle(original, fix.text),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [fix.uri]: [{ range: fix.range, newText: fix.text }] } },
      });
    }
    if (d.code === INACTIVE_LINE || d.code === CONFIG_ERROR || d.code === 'internal-error') continue;
    const line = Math.max(0, d.range?.start?.line ?? 0);
    const key = `${d.code}@${line}`;
    if (disabled.has(key)) continue;
    disabled.add(key);
    disables.push({
      title: `Disable ${d.code} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [disableEdit(parse, line, d.code, eol)] } },
    });
  }
  return [...fixes, ...disables];
}

/** The edit that adds RULE to a `disable-next-line` comment above the line (reusing one that is there). */
function disableEdit(parse: ParseResult, line: number, rule: string, eol: string): { range: Range; newText: string } {
  const file = parse.files[0]!;
  const lines = file.lines;
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(file.text.slice(start, lines.lineEnd(line)))![0];
  if (line > 0) {
    const prevStart = lines.lineStart(line - 1);
    const prevEnd = lines.lineEnd(line - 1);
    const m = DIRECTIVE.exec(file.text.slice(prevStart, prevEnd));
    if (m) {
      const rest = m[2]!;
      const reason = rest.indexOf('--');
      const list = (reason === -1 ? rest : rest.slice(0, reason)).trimEnd();
      const at = prevStart + m[1]!.length + list.length;
      // No rule list means every rule is already disabled; then there is nothing to add.
      return { range: toRange(parse, { file: 0, start: at, end: at }), newText: list.trim() ? `, ${rule}` : '' };
    }
  }
  return {
    range: toRange(parse, { file: 0, start, end: start }),
    newText: `${indent}# keepalived-lint disable-next-line ${rule}${eol}`,
  };
}

/** Code action kind of "fix all" (editor.codeActionsOnSave: { "source.fixAll.keepalived": true }). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.keepalived`;

/** One action applying every fix in the document whose range does not overlap an earlier one. */
export function fixAllAction(
  parse: ParseResult,
  uri: string,
  findings: Diagnostic[],
  kind: string,
  self = 0,
): CodeAction | undefined {
  const fixes = findings
    .map((d) => d.fix)
    .filter((f): f is NonNullable<Diagnostic['fix']> => !!f && f.file === self)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: typeof fixes = [];
  let end = -1;
  for (const f of fixes) {
    // Overlapping fixes, or two insertions at one place, would interfere: the first wins.
    if (f.start < end || (chosen.length > 0 && chosen[chosen.length - 1]!.start === f.start)) continue;
    chosen.push(f);
    end = f.end;
  }
  if (chosen.length === 0) return undefined;
  return {
    title: 'Fix all auto-fixable keepalived problems',
    kind,
    edit: { changes: { [uri]: chosen.map((f) => ({ range: toRange(parse, f), newText: f.text })) } },
  };
}
