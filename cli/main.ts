// keepalived-lint: lint keepalived.conf files, folders and globs.
import { run } from './run';

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
