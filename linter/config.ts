// Options of one lint run.
import type { Locale } from './messages';
import type { SeveritySetting } from './types';

/** Settings that shape a lint run (from the CLI, a config file or editor settings). */
export interface LintOptions {
  targetVersion?: string;
  configId?: string;
  includeRoot?: string;
  /** Severity overrides per rule id. */
  rules?: Record<string, SeveritySetting>;
  locale?: Locale;
  reportUnusedDisableDirectives?: boolean;
  /** When set, each rule's run time in milliseconds is added here (TIMING=1 in the CLI). */
  timing?: Record<string, number>;
  /**
   * Statements per view when block-local rules run a chunk of top-level blocks at a time (see
   * chunks.ts; default CHUNK_STATEMENTS). For tests and measurements.
   */
  chunkStatements?: number;
}
