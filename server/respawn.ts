// A document's first read (and an edit the incremental reader cannot take over) reads the whole
// document, and with V8's default 16 MB young generation that garbage spills into slow full
// collections (measured: GC time 5x lower with 64 MB; on the edit path, 8 to 64 MB give the same
// latency since only the blocks an edit touches are read again). The flag only
// works on the command line, so in `--stdio` mode the server starts itself once more with it and
// hands over its stdio (the child inherits the very same pipes; this process only waits).
// IPC mode cannot hand over its channel: the VS Code client passes the flag in execArgv instead.
import { spawn } from 'node:child_process';

/** Node flags the language server wants. */
export const NODE_FLAGS = ['--max-semi-space-size=64'];

/** Starts a child with NODE_FLAGS and returns true when this process should just wait for it. */
export function respawnWithFlags(): boolean {
  const argv = process.argv.slice(2);
  if (!argv.includes('--stdio') || process.env.KEEPALIVED_LS_NO_RESPAWN) return false;
  if (process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) return false;
  const script = process.argv[1];
  if (!script) return false;
  try {
    const child = spawn(process.execPath, [...process.execArgv, ...NODE_FLAGS, script, ...argv], {
      stdio: 'inherit',
      env: { ...process.env, KEEPALIVED_LS_NO_RESPAWN: '1' },
    });
    let started = true;
    child.on('error', () => {
      // Could not start a second node: serve from this process after all.
      if (started) {
        started = false;
        process.env.KEEPALIVED_LS_NO_RESPAWN = '1';
        fallback?.();
      }
    });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => child.kill(sig));
    return true;
  } catch {
    return false;
  }
}

let fallback: (() => void) | undefined;

/** What to run when the child cannot be started after all. */
export function onRespawnFailure(fn: () => void): void {
  fallback = fn;
}
