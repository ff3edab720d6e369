// keepalived-lint: lint keepalived.conf files, folders and globs.
import { run } from './run';

// A reader that goes away (`keepalived-lint … | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: () => readAllStdin(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
    // End here once stdout and stderr have taken everything written: a natural exit first tears
    // down the heap, 70 ms after a lint of the 57k-line benchmark config (bench/RESULTS.md).
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (e: unknown) => {
    process.stderr.write(`keepalived-lint: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
