// Linter findings -> LSP diagnostics. The quick fix travels in `data` so code actions need no
// second lint run (the bash-language-server way).
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import type { Fix, ParseResult } from '../grammar/index';
import type { Diagnostic } from '../linter/index';
import { toLocation, toRange } from './locations';

/** The `source` of every diagnostic this server publishes. */
export const SOURCE = 'keepalived-lint';
/** Pseudo rule id of lines made inactive by `@id`. */
export const INACTIVE_LINE = 'inactive-line';
/** Pseudo rule id of an invalid .keepalived-lint.json. */
export const CONFIG_ERROR = 'config-error';

/** Docs page of a rule. */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/keepalived-tools/keepalived-tools/blob/main/docs/rules/${ruleId}.md`;
}

/** What a diagnostic carries in `data`. */
export interface DiagnosticData {
  fix?: { uri: string; range: ReturnType<typeof toRange>; text: string };
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** Converts one finding; `uri` is the URI of the parse's file `self` (the document). */
export function toLspDiagnostic(parse: ParseResult, d: Diagnostic, uri: string, self = 0): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(parse, d.loc),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.ruleId,
    source: SOURCE,
    message: d.message,
  };
  if (d.ruleId !== 'internal-error') out.codeDescription = { href: ruleDocsUrl(d.ruleId) };
  if (d.fix) out.data = { fix: fixData(parse, d.fix, uri, self) } satisfies DiagnosticData;
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r): DiagnosticRelatedInformation => ({
      location: toLocation(parse, r.loc, uri, self),
      message: r.message,
    }));
  }
  if (d.tags?.length)
    out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return out;
}

/** A fix as LSP data: where (URI + range) and what. */
export function fixData(parse: ParseResult, fix: Fix, uri: string, self = 0): NonNullable<DiagnosticData['fix']> {
  const loc = toLocation(parse, fix, uri, self);
  return { uri: loc.uri, range: loc.range, text: fix.text };
}

/** Hints that grey out the lines `@id` makes inactive. */
export function inactiveDiagnostics(parse: ParseResult, configId: string | undefined, self = 0): LspDiagnostic[] {
  return parse.inactive
    .filter((l) => l.file === self)
    .map((l) => ({
      range: toRange(parse, l),
      severity: DiagnosticSeverity.Hint,
      code: INACTIVE_LINE,
      source: SOURCE,
      message: configId
        ? `Inactive: this line is not for config id "${configId}".`
        : 'Inactive: this line only applies when keepalived runs with a matching -i/--config-id.',
      tags: [DiagnosticTag.Unnecessary],
    }));
}

/** A diagnostic at the top of the document for an unreadable or invalid configuration file. */
export function configErrorDiagnostic(message: string): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: CONFIG_ERROR,
    source: SOURCE,
    message,
  };
}

/** Findings that belong to the document itself (file `self` of the parse). */
export function diagnosticsForDocument(
  parse: ParseResult,
  diags: Diagnostic[],
  uri: string,
  self = 0,
): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  for (const d of diags) if (d.loc.file === self) out.push(toLspDiagnostic(parse, d, uri, self));
  return out;
}

const linesOverlap = (a: Range, b: Range): boolean => a.start.line <= b.end.line && b.start.line <= a.end.line;

/**
 * The published diagnostics a code action request is about. Clients differ: VS Code sends ours
 * back intact; Vim's ALE sends none (cursor on the word) or only {code, message, range}. Whatever
 * arrives is matched against what was published, so every client gets the same fixes.
 */
export function matchDiagnostics(
  published: LspDiagnostic[],
  given: unknown,
  range: Range | undefined,
): LspDiagnostic[] {
  const list = Array.isArray(given) ? (given as Array<Partial<LspDiagnostic> | null>) : [];
  const out: LspDiagnostic[] = [];
  for (const d of list) {
    if (!d || typeof d !== 'object' || !d.range?.start) continue;
    if (d.source === SOURCE && d.data !== undefined) {
      out.push(d as LspDiagnostic);
      continue;
    }
    const same = (p: LspDiagnostic): boolean => d.code === undefined || p.code === d.code;
    const found =
      published.find(
        (p) =>
          same(p) && p.range.start.line === d.range!.start.line && p.range.start.character === d.range!.start.character,
      ) ?? published.find((p) => same(p) && linesOverlap(p.range, d.range as Range));
    if (found) out.push(found);
    else if (d.source === SOURCE) out.push(d as LspDiagnostic);
  }
  if (list.length === 0 && range?.start && range.end)
    out.push(...published.filter((p) => linesOverlap(p.range, range)));
  return [...new Set(out)];
}
