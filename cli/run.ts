// The CLI's logic, separate from process plumbing so it can be tested in-process.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeBytes, isKnownVersion, NEWEST_VERSION } from '../grammar/index';
import { expandArgs, lintRoots, lintText, perFile, type RootResult } from '../host/project';
import { nodeFileAccess } from '../host/node-fs';
import { parseLocale, type LintOptions } from '../linter/index';
import { json } from './formatters/json';
import { stylish } from './formatters/stylish';
import type { Formatter } from './formatters/types';
import { toOutFiles } from './results';

/** Process plumbing the CLI needs. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: () => Promise<Buffer>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

/** Formatters by name. */
export const formatters: Record<string, Formatter> = { stylish, json };

const HELP = `Usage: keepalived-lint [options] [file|dir|glob ...]

Lints keepalived.conf files the way keepalived 2.x reads them.

Options:
  -f, --format NAME          Output format: ${Object.keys(formatters).join(', ')} (default: stylish)
  -o, --output-file FILE     Write the report to FILE
      --target-version V     keepalived version to check against (default: ${NEWEST_VERSION})
  -i, --config-id ID         Like keepalived -i: activates @ID lines
      --include-root DIR     Resolve absolute include paths under DIR
      --stdin                Lint text from standard input
      --stdin-filename NAME  File name for the --stdin text
      --max-warnings N       Exit 1 when there are more than N warnings
      --locale LOCALE        Message language: en or zh-cn (default: from LANG)
      --quiet                Report errors only
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error.
`;

class UsageError extends Error {}

/** Runs the CLI and returns its exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'target-version': { type: 'string' },
        'config-id': { type: 'string', short: 'i' },
        'include-root': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'max-warnings': { type: 'string' },
        locale: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }) as { values: Record<string, string | boolean | undefined>; positionals: string[] });
  } catch (e) {
    io.stderr(`keepalived-lint: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    return await main(values, positionals, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof Error) {
      io.stderr(`keepalived-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function main(values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIO): Promise<number> {
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${process.env.KEEPALIVED_LINT_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const format = (values.format as string | undefined) ?? 'stylish';
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format "${format}" (use ${Object.keys(formatters).join(', ')})`);
  const targetVersion = values['target-version'] as string | undefined;
  if (targetVersion !== undefined && !isKnownVersion(targetVersion)) throw new UsageError(`unknown --target-version "${targetVersion}"`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings needs a whole number');
  }
  const options: LintOptions = {
    targetVersion,
    configId: values['config-id'] as string | undefined,
    includeRoot: values['include-root'] ? resolve(io.cwd, values['include-root'] as string) : undefined,
    locale: parseLocale((values.locale as string | undefined) ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG),
  };
  const fs = nodeFileAccess();
  let roots: RootResult[];
  if (values.stdin) {
    if (positionals.length) throw new UsageError('--stdin takes no file arguments');
    const name = resolve(io.cwd, (values['stdin-filename'] as string | undefined) ?? '<stdin>');
    const text = decodeBytes(await io.stdin()).text;
    roots = [lintText(name, text, fs, options)];
  } else {
    if (positionals.length === 0) throw new UsageError('no files given (try --help)');
    roots = lintRoots(expandArgs(positionals, io.cwd), fs, options);
  }
  let out = toOutFiles(perFile(roots));
  if (values.quiet) out = out.map((f) => ({ ...f, messages: f.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  const color = io.isTTY && !io.env.NO_COLOR && !values['output-file'];
  const text = formatter(out, { color, cwd: io.cwd });
  if (values['output-file']) {
    const { writeFileAtomic } = await import('../host/atomic-write');
    writeFileAtomic(resolve(io.cwd, values['output-file'] as string), Buffer.from(text));
  } else io.stdout(text);
  const errors = out.reduce((n, f) => n + f.errorCount, 0);
  const warnings = out.reduce((n, f) => n + f.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`keepalived-lint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}
