// What formatters receive: one entry per file, positions already 1-based.
import type { Diagnostic, Locale } from '../../linter/index';

/** One message in ESLint's JSON shape (1-based lines and columns). */
export interface OutMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
  /** Not in ESLint's shape: other places involved (an earlier definition, a peer node's line). */
  related?: OutRelated[];
  /** Not in ESLint's shape: kept for SARIF and others. */
  diagnostic?: Diagnostic;
}

/** A related location, 1-based like the message's own. */
export interface OutRelated {
  filePath: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One file's results in ESLint's JSON shape. */
export interface OutFile {
  filePath: string;
  messages: OutMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
}

/** Options every formatter gets. */
export interface FormatterOptions {
  color: boolean;
  /** Paths in reports are relative to this folder where the format wants relative paths. */
  cwd: string;
  /** Language of rule descriptions. */
  locale?: Locale;
}

/** A formatter turns results into text. */
export type Formatter = (files: OutFile[], opts: FormatterOptions) => string;

/** A path relative to cwd with forward slashes (absolute when outside cwd). */
export function relPath(filePath: string, cwd: string): string {
  const norm = (p: string): string => p.replace(/\\/g, '/');
  const f = norm(filePath);
  const c = norm(cwd).replace(/\/$/, '');
  if (f.startsWith(`${c}/`)) return f.slice(c.length + 1);
  return f;
}
