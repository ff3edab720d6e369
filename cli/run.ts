// The CLI's logic, separate from process plumbing so it can be tested in-process.
import { timingTable } from './timing';
import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../package.json';
import { decodeBytes, isKnownVersion, NEWEST_VERSION } from '../grammar/index';
import { writeFileAtomic } from '../host/atomic-write';
import { ConfigError, loadConfigFor, type EffectiveConfig, type LookupOptions } from '../host/config-file';
import { fixProject, unifiedDiff } from '../host/fix';
import { expandArgs, lintText, perFile, type FileResult, type RootResult } from '../host/project';
import { nodeFileAccess } from '../host/node-fs';
import { parseLocale, type Locale, type LintOptions } from '../linter/index';
import { addPeerFindings, failoverTables, lintTargets } from './engine';
import { allRules } from './formatters/rule-info';
import { checkstyle } from './formatters/checkstyle';
import { github } from './formatters/github';
import { gitlab } from './formatters/gitlab';
import { json } from './formatters/json';
import { junit } from './formatters/junit';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import type { Formatter } from './formatters/types';
import { toOutFiles } from './results';
import { explainRule, listRules } from './rules-cli';

/** Process plumbing the CLI needs. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: () => Promise<Buffer>;
  /** Text is written as UTF-8; bytes as they are (a --fix-dry-run diff of a Latin-1 file). */
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

/** Formatters by name. */
export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, gitlab, junit, checkstyle };

/** The package version. */
export const VERSION: string = pkg.version;

const HELP = `Usage: keepalived-lint [options] [file|dir|glob ...]

Lints keepalived.conf files the way keepalived 2.x reads them.

Options:
  -f, --format NAME          Output format: ${Object.keys(formatters).join(', ')} (default: stylish)
  -o, --output-file FILE     Write the report to FILE (atomically)
      --target-version V     keepalived version to check against (default: ${NEWEST_VERSION})
  -i, --config-id ID         Like keepalived -i: activates @ID lines
      --include-root DIR     Resolve absolute include paths under DIR
  -c, --config FILE          Use this configuration file instead of looking one up
      --no-config-lookup     Do not look for .keepalived-lint.json/.yaml/.yml files
      --print-config FILE    Print the configuration that applies to FILE as JSON
      --peers A,B[,...]      Nodes of one cluster, compared by the peer rules (repeatable; adds to
                             the config file's "peers"; other files given form one more group)
      --fix                  Apply safe fixes to the files given, then report what is left
      --fix-dry-run          Print the safe fixes as a unified diff; change nothing
      --report-unused-disable-directives
                             Report keepalived-lint disable comments that suppress nothing
      --stdin                Lint text from standard input
      --stdin-filename NAME  File name for the --stdin text
      --max-warnings N       Exit 1 when there are more than N warnings
      --locale LOCALE        Message language: en or zh-cn (default: from LC_ALL/LC_MESSAGES/LANG)
      --quiet                Report errors only
      --list-rules           List the rules (with --format json: as JSON)
      --explain RULE         Show a rule's documentation
      --explain failover     For the files given: per virtual router, the nodes, failure
                             scenarios, effective priorities and which node becomes MASTER
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, configuration or I/O error.
`;

class UsageError extends Error {}

type Values = Record<string, string | boolean | string[] | undefined>;

/** Runs the CLI and returns its exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let values: Values;
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
        config: { type: 'string', short: 'c' },
        'no-config-lookup': { type: 'boolean' },
        peers: { type: 'string', multiple: true },
        'print-config': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'report-unused-disable-directives': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'max-warnings': { type: 'string' },
        locale: { type: 'string' },
        quiet: { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        explain: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }) as { values: Values; positionals: string[] });
  } catch (e) {
    io.stderr(`keepalived-lint: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  try {
    return await main(values, positionals, io);
  } catch (e) {
    // Usage, configuration and I/O problems: one line, no stack trace.
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof Error) {
      io.stderr(`keepalived-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function pickLocale(values: Values, env: NodeJS.ProcessEnv): Locale {
  const v = values.locale as string | undefined;
  if (v !== undefined && !/^(en|zh)([-_].*)?$/i.test(v))
    throw new UsageError(`unknown --locale "${v}" (use en or zh-cn)`);
  return parseLocale(v ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG));
}

async function main(values: Values, positionals: string[], io: CliIO): Promise<number> {
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const locale = pickLocale(values, io.env);
  const format = (values.format as string | undefined) ?? 'stylish';
  if (values['list-rules']) {
    if (format !== 'stylish' && format !== 'json')
      throw new UsageError('--list-rules prints a table or, with --format json, JSON');
    io.stdout(listRules(locale, format === 'json' ? 'json' : 'table'));
    return 0;
  }
  // `--explain failover FILES` prints failover tables; `--explain RULE` a rule's documentation.
  const failover = values.explain === 'failover';
  if (values.explain !== undefined && !failover) {
    const text = explainRule(values.explain as string, locale);
    if (text === undefined) throw new UsageError(`unknown rule "${values.explain}" (see --list-rules)`);
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  }
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format "${format}" (use ${Object.keys(formatters).join(', ')})`);
  const targetVersion = values['target-version'] as string | undefined;
  if (targetVersion !== undefined && !isKnownVersion(targetVersion))
    throw new UsageError(`unknown --target-version "${targetVersion}"`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^-?\d+$/.test(values['max-warnings'] as string) || maxWarnings < -1)
      throw new UsageError('--max-warnings needs a whole number');
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run');
  if (values.stdin && (values.fix || values['fix-dry-run']))
    throw new UsageError('--fix and --fix-dry-run work on files, not --stdin');

  const lookup: LookupOptions = {
    configFile: values.config ? resolve(io.cwd, values.config as string) : undefined,
    lookup: !values['no-config-lookup'],
  };
  const cliIncludeRoot = values['include-root'] ? resolve(io.cwd, values['include-root'] as string) : undefined;
  const configs = new Map<string, EffectiveConfig>();
  const configFor = (path: string): EffectiveConfig => {
    let c = configs.get(path);
    if (!c) {
      c = loadConfigFor(path, lookup).config;
      configs.set(path, c);
    }
    return c;
  };
  // TIMING=1 (as for ESLint): each rule's time, printed after the report.
  const timing: Record<string, number> | undefined = io.env.TIMING ? {} : undefined;
  const optionsFor = (path: string): LintOptions => {
    const c = configFor(path);
    return {
      timing,
      targetVersion: targetVersion ?? c.targetVersion,
      configId: (values['config-id'] as string | undefined) ?? c.configId,
      includeRoot: cliIncludeRoot ?? c.includeRoot,
      rules: c.rules,
      locale,
      reportUnusedDisableDirectives: Boolean(values['report-unused-disable-directives']),
    };
  };

  if (values['print-config'] !== undefined) {
    const file = resolve(io.cwd, values['print-config'] as string);
    const found = loadConfigFor(file, lookup);
    const o = optionsFor(file);
    const effective: Record<string, string> = {};
    for (const r of allRules) {
      const s = o.rules?.[r.id];
      effective[r.id] =
        s === undefined
          ? r.meta.severity === 'warning'
            ? 'warn'
            : r.meta.severity === 'info'
              ? 'warn'
              : 'error'
          : s === 'warning'
            ? 'warn'
            : s;
    }
    for (const [id, s] of Object.entries(o.rules ?? {}))
      if (!(id in effective)) effective[id] = s === 'warning' ? 'warn' : s;
    const shown = {
      file,
      configFile: found.source ?? null,
      targetVersion: o.targetVersion ?? NEWEST_VERSION,
      configId: o.configId ?? null,
      includeRoot: o.includeRoot ?? null,
      locale,
      reportUnusedDisableDirectives: o.reportUnusedDisableDirectives,
      ignored: found.config.ignored,
      ignorePatterns: found.config.ignorePatterns,
      peers: found.config.peers,
      rules: effective,
    };
    io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }

  const fs = nodeFileAccess();
  let results: FileResult[];
  const diffs: Buffer[] = [];
  if (values.stdin) {
    if (positionals.length) throw new UsageError('--stdin takes no file arguments');
    const name = resolve(io.cwd, (values['stdin-filename'] as string | undefined) ?? '<stdin>');
    const text = decodeBytes(await io.stdin()).text;
    const roots: RootResult[] = [lintText(name, text, fs, optionsFor(name))];
    results = perFile(roots);
  } else {
    if (positionals.length === 0) throw new UsageError('no files given (try --help)');
    const explicit = new Set(positionals.filter((a) => !/[*?[{]/.test(a)).map((a) => resolve(io.cwd, a)));
    // Ignore patterns skip files found through folders and globs; a file named outright is linted.
    const paths = expandArgs(positionals, io.cwd).filter((p) => explicit.has(p) || !configFor(p).ignored);
    const cliGroups = ((values.peers as string[] | undefined) ?? []).map((g) =>
      g
        .split(',')
        .filter(Boolean)
        .map((p) => resolve(io.cwd, p)),
    );
    const peerGroups = (): string[][] => {
      const seen = new Set<string>();
      return [...cliGroups, ...paths.flatMap((p) => configFor(p).peers)].filter((g) => {
        const k = JSON.stringify(g);
        return !seen.has(k) && seen.add(k);
      });
    };
    const lintAll = (access = fs): FileResult[] => {
      // Without peer groups a single file is compared with nothing (the peer rules need two nodes).
      const roots = lintTargets(paths, access, optionsFor, peerGroups().length === 0);
      addPeerFindings(roots, peerGroups(), access, optionsFor, io.cwd);
      return perFile(roots);
    };
    if (failover) {
      io.stdout(failoverTables(lintTargets(paths, fs, optionsFor), peerGroups(), io.cwd));
      return 0;
    }
    if (values.fix || values['fix-dry-run']) {
      const outcome = fixProject(new Set(paths), fs, lintAll);
      results = outcome.results;
      for (const [path, bytes] of outcome.changed) {
        // Write through symlinks (common for /etc/keepalived setups) instead of replacing them.
        if (values.fix) writeFileAtomic(realpathSync(path), bytes);
        else {
          const name = relative(io.cwd, path).split('\\').join('/');
          diffs.push(dryRunDiff(readFileSync(path), bytes, name));
        }
      }
    } else results = lintAll();
  }

  let out = toOutFiles(results);
  if (values.quiet)
    out = out.map((f) => ({
      ...f,
      messages: f.messages.filter((m) => m.severity === 2),
      warningCount: 0,
      fixableWarningCount: 0,
    }));
  const color = io.isTTY && !io.env.NO_COLOR && !values['output-file'];
  const report = formatter(out, { color, cwd: io.cwd, locale });
  // --fix-dry-run prints only the diff on stdout, so it can be piped to `git apply`; the report goes to --output-file.
  if (values['fix-dry-run']) io.stdout(Buffer.concat(diffs));
  if (values['output-file']) writeFileAtomic(resolve(io.cwd, values['output-file'] as string), Buffer.from(report));
  else if (!values['fix-dry-run']) io.stdout(report);
  if (timing && !values['fix-dry-run']) io.stdout(timingTable(timing, io.env.TIMING!));
  const errors = out.reduce((n, f) => n + f.errorCount, 0);
  const warnings = out.reduce((n, f) => n + f.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`keepalived-lint found too many warnings (maximum: ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/**
 * The diff of one file in that file's own bytes: a Latin-1 file's lines stay Latin-1 and a BOM
 * stays on the first line, so `git apply` / `patch` reproduce exactly what --fix writes.
 */
function dryRunDiff(before: Uint8Array, after: Uint8Array, name: string): Buffer {
  const a = decodeBytes(before);
  const b = decodeBytes(after);
  const text = (d: typeof a): string => (d.bom ? '\uFEFF' : '') + d.text;
  const diff = unifiedDiff(text(a), text(b), `a/${name}`, `b/${name}`);
  return Buffer.from(diff, a.encoding === 'latin1' ? 'latin1' : 'utf8');
}
