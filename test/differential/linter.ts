// Our side of the differential suite: the built CLI run as a black box, with ESLint-style JSON
// output (`--format json`).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One diagnostic in the ESLint JSON formatter shape (1-based lines and columns). */
export interface LintMessage {
  ruleId: string | null;
  /** 1 warning, 2 error. */
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The diagnostics of one file. */
export interface LintFileResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

/** One run of our CLI. */
export interface LinterRun {
  exit: number;
  results: LintFileResult[];
  stderr: string;
  /** Set when the run could not be used (usage/IO error, bad JSON, crash). */
  error?: string;
}

/** The CLI under test: $KEEPALIVED_LINT_CLI if set, else dist/cli.js of the repository. */
export function linterCliPath(repoRoot: string): string {
  const override = process.env.KEEPALIVED_LINT_CLI;
  return override ? path.resolve(override) : path.join(repoRoot, 'dist', 'cli.js');
}

/** Target version passed to the CLI: the oracle's keepalived version. */
export const TARGET_VERSION = '2.2.7';

/** Run `node CLI --format json --target-version 2.2.7 [--config-id ID] FILE` in the file's folder. */
export function runLinter(cli: string, file: string, configId?: string, targetVersion = TARGET_VERSION): Promise<LinterRun> {
  const abs = path.resolve(file);
  const argv = [cli, '--format', 'json', '--target-version', targetVersion];
  if (configId !== undefined) argv.push('--config-id', configId);
  argv.push(abs);
  return new Promise((resolve) => {
    if (!fs.existsSync(cli)) {
      resolve({
        exit: -1,
        results: [],
        stderr: '',
        error: `${cli} not found: run npm run build first`,
      });
      return;
    }
    const child = spawn(process.execPath, argv, {
      cwd: path.dirname(abs),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) =>
      resolve({
        exit: -1,
        results: [],
        stderr: String(e),
        error: `spawn failed: ${e.message}`,
      }),
    );
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      const exit = code ?? -1;
      if (exit !== 0 && exit !== 1) {
        const why = signal ? `killed by ${signal}` : `exit ${exit}`;
        resolve({
          exit,
          results: [],
          stderr,
          error: `linter ${why}: ${stderr.trim().slice(0, 500)}`,
        });
        return;
      }
      try {
        const parsed = JSON.parse(stdout) as unknown;
        if (!Array.isArray(parsed)) throw new Error('not an array');
        resolve({ exit, results: parsed as LintFileResult[], stderr });
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        resolve({
          exit,
          results: [],
          stderr,
          error: `linter output is not ESLint JSON (${why}): ${stdout.slice(0, 300)}`,
        });
      }
    });
  });
}
