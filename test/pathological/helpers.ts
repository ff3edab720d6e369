// Runs the bundled CLI on pathological inputs as a separate process with a wall-clock timeout
// and a capped heap, and checks it ended the way a user may rely on: exit code 0, 1 or 2, no
// stack trace, no V8 fatal error, no timeout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ensureCli, root } from '../cli/helpers';

/** Outcome of one CLI process. */
export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Options of runCli. */
export interface RunOptions {
  cwd?: string;
  /** Wall-clock limit; the process is killed (SIGKILL) after it. */
  timeoutMs?: number;
  /** --max-old-space-size for the child, in MB. */
  heapMb?: number;
  /** Extra node options placed before the script (e.g. ['--require', preload]). */
  nodeArgs?: string[];
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

/** Runs `node dist/cli.js ...args` with a timeout and a heap cap. */
export function runCli(args: string[], o: RunOptions = {}): CliRun {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${o.heapMb ?? 512}`, ...(o.nodeArgs ?? []), ensureCli(), ...args],
    {
      cwd: o.cwd ?? root,
      input: o.input,
      encoding: 'utf8',
      timeout: o.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL',
      maxBuffer: 512 * 1024 * 1024,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...o.env },
    },
  );
  const ms = performance.now() - t0;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL';
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms, timedOut };
}

/** The process ended by itself with 0, 1 or 2 and printed no stack trace or V8 fatal error. */
export function expectCleanExit(r: CliRun): void {
  const context = `exit ${r.status} signal ${r.signal} after ${Math.round(r.ms)} ms; stderr: ${r.stderr.slice(0, 1500)}`;
  expect(r.timedOut, `timed out: ${context}`).toBe(false);
  expect([0, 1, 2], context).toContain(r.status);
  expect(r.stderr, context).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.stderr, context).not.toMatch(/FATAL ERROR|heap out of memory|Maximum call stack|RangeError|TypeError/);
}

/** One message of the CLI's --format json output. */
export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
}

/** Messages of --format json output, by file name (last path segment) and rule. */
export function messages(r: CliRun): Array<JsonMessage & { file: string }> {
  const files = JSON.parse(r.stdout) as Array<{ filePath: string; messages: JsonMessage[] }>;
  return files.flatMap((f) => f.messages.map((m) => ({ ...m, file: f.filePath.split('/').pop()! })));
}

/** A temporary folder removed by the returned cleanup function. */
export function tempDir(prefix = 'kl-patho-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
