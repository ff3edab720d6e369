// Packaging and integrations, run the way users run them: the npm tarball's file list, `npx
// keepalived-lint` from the tarball installed offline in a clean folder, the GitHub Action's shell
// steps, the docs/ci.md snippets, and the pre-commit hook through `pre-commit try-repo`.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bundle, ensureCli, FIXABLE, FIXED, root, tempDir } from './helpers';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  engines: { node: string };
  bin: Record<string, string>;
};
let tarball: string;
let npmCache: string;

/** Env for npm and npx that never needs the network: a private cache, offline. */
const npmEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LANG: 'C.UTF-8',
  npm_config_cache: npmCache,
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  ...extra,
});

beforeAll(() => {
  ensureCli();
  // The server bundle is part of the package; build it the same way when it is missing.
  if (!existsSync(join(root, 'dist', 'server-main.js'))) bundle('server/main.ts', join(root, 'dist', 'server-main.js'));
  if (!existsSync(join(root, 'dist', 'server.js'))) bundle('server/bin.ts', join(root, 'dist', 'server.js'));
  const out = tempDir('kl-pack-');
  npmCache = join(out, 'npm-cache');
  // --ignore-scripts: prepack would rebuild dist/ while other test files run it.
  const json = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], {
    cwd: root,
    encoding: 'utf8',
    env: npmEnv(),
  });
  tarball = join(out, (JSON.parse(json) as Array<{ filename: string }>)[0]!.filename);
}, 120_000);

describe('npm package', () => {
  it('contains exactly what users need', () => {
    const json = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], {
      cwd: root,
      encoding: 'utf8',
      env: npmEnv(),
    });
    const files = (JSON.parse(json) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
    const docs = files.filter((f) => f.startsWith('docs/rules/'));
    expect(files.filter((f) => !f.startsWith('docs/rules/'))).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli-main.js',
      'dist/cli.js',
      'dist/server-main.js',
      'dist/server.js',
      'package.json',
    ]);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((f) => f.endsWith('.md'))).toBe(true);
    expect(docs).toContain('docs/rules/unknown-keyword.md');
  });

  it('declares honest engines and bins', () => {
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.bin['keepalived-lint']).toBe('dist/cli.js');
    expect(readFileSync(join(root, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('installs offline in a clean folder and runs with npx', () => {
    const dir = tempDir('kl-install-');
    writeFileSync(join(dir, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: dir,
      env: npmEnv(),
      encoding: 'utf8',
    });
    const version = spawnSync('npx', ['--offline', 'keepalived-lint', '--version'], {
      cwd: dir,
      env: npmEnv(),
      encoding: 'utf8',
    });
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe(`${pkg.version}\n`);
    writeFileSync(join(dir, 'keepalived.conf'), FIXABLE);
    const lint = spawnSync('npx', ['--offline', 'keepalived-lint', '-f', 'json', 'keepalived.conf'], {
      cwd: dir,
      env: npmEnv(),
      encoding: 'utf8',
    });
    expect(lint.status).toBe(1);
    expect(JSON.parse(lint.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      'unknown-keyword',
      'deprecated-keyword',
    ]);
    // --explain reads the docs shipped in the package.
    const explain = spawnSync('npx', ['--offline', 'keepalived-lint', '--explain', 'unknown-keyword'], {
      cwd: dir,
      env: npmEnv(),
      encoding: 'utf8',
    });
    expect(explain.stdout).toBe(
      readFileSync(join(root, 'docs', 'rules', 'unknown-keyword.md'), 'utf8').replace(/\n?$/, '\n'),
    );
    expect(
      spawnSync('npx', ['--offline', 'keepalived-language-server', '--version'], {
        cwd: dir,
        env: npmEnv(),
        encoding: 'utf8',
        timeout: 10_000,
      }).error,
    ).toBeUndefined();
  }, 120_000);
});

/** A workspace like a user's repository: etc/keepalived with a fixable error and a warning. */
function workspace(): string {
  const dir = tempDir('kl-ws-');
  mkdirSync(join(dir, 'etc', 'keepalived'), { recursive: true });
  writeFileSync(join(dir, 'etc', 'keepalived', 'keepalived.conf'), FIXABLE);
  return dir;
}

/** Runs a shell script as a CI runner would (bash, -e unless the script says otherwise). */
function sh(
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd, env: npmEnv(env), encoding: 'utf8' });
}

/** Points `--package keepalived-tools[@version]` at the packed tarball. */
const useTarball = (cmd: string): string => cmd.replace(/--package keepalived-tools(@\S+)?/g, `--package ${tarball}`);

describe('GitHub Action (action.yml)', () => {
  interface Step {
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    'continue-on-error'?: boolean;
  }
  const action = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: Step[] };
  };
  const expand = (s: string, inputs: Record<string, string>, outputs: Record<string, string>): string =>
    s
      .replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, k: string) => inputs[k] ?? '')
      .replace(/\$\{\{\s*steps\.lint\.outputs\.([\w-]+)\s*\}\}/g, (_m, k: string) => outputs[k] ?? '');

  it('is a composite action: setup-node, lint (continue-on-error), upload-sarif, fail', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s) => s.uses ?? 'run');
    expect(uses).toEqual(['actions/setup-node@v4', 'run', 'github/codeql-action/upload-sarif@v3', 'run']);
    expect(action.runs.steps[1]!['continue-on-error']).toBe(true);
    expect(action.runs.steps[2]!.with!.sarif_file).toBe('${{ inputs.sarif-file }}');
  });

  it('runs its shell steps: SARIF file, annotations, exit code, failing step', () => {
    const ws = workspace();
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default)]));
    Object.assign(inputs, { paths: 'etc/keepalived', package: tarball });
    const [, lintStep, , failStep] = action.runs.steps;
    const ghOutput = join(ws, 'github-output');
    writeFileSync(ghOutput, '');
    const env = Object.fromEntries(Object.entries(lintStep!.env!).map(([k, v]) => [k, expand(v, inputs, {})]));
    // GitHub runs `bash --noprofile --norc -eo pipefail {0}` for shell: bash.
    const r = sh(lintStep!.run!, ws, { ...env, GITHUB_OUTPUT: ghOutput });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '::error file=etc/keepalived/keepalived.conf,line=3,col=3,endLine=3,endColumn=14,title=unknown-keyword::',
    );
    const outputs = Object.fromEntries(
      readFileSync(ghOutput, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('=') as [string, string]),
    );
    expect(outputs).toEqual({ 'exit-code': '1' });
    const sarif = JSON.parse(
      readFileSync(join(ws, expand(action.runs.steps[2]!.with!.sarif_file!, inputs, outputs)), 'utf8'),
    );
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      'unknown-keyword',
      'deprecated-keyword',
    ]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'etc/keepalived/keepalived.conf',
    );
    const failEnv = Object.fromEntries(Object.entries(failStep!.env!).map(([k, v]) => [k, expand(v, inputs, outputs)]));
    const fail = sh(failStep!.run!, ws, failEnv);
    expect(fail.status).toBe(1);
    expect(fail.stderr).toBe('keepalived-lint exited with 1\n');

    // Clean configuration: exit code 0, no annotations.
    writeFileSync(join(ws, 'etc', 'keepalived', 'keepalived.conf'), FIXED.replace('  lvs_flush_on_stop\n', ''));
    writeFileSync(ghOutput, '');
    const ok = sh(lintStep!.run!, ws, { ...env, GITHUB_OUTPUT: ghOutput });
    expect(ok.stdout).toBe('');
    expect(ok.status).toBe(0);
    expect(readFileSync(ghOutput, 'utf8')).toBe('exit-code=0\n');
  }, 120_000);
});

describe('docs/ci.md snippets', () => {
  const md = readFileSync(join(root, 'docs', 'ci.md'), 'utf8');
  const blocks = [...md.matchAll(/```yaml\n([^]*?)```/g)].map((m) => parseYaml(m[1]!) as Record<string, unknown>);

  it('pin the current version', () => {
    for (const m of md.matchAll(/keepalived-tools@(\d[\w.-]*)/g)) expect(m[1]).toBe(pkg.version);
    for (const m of md.matchAll(/\brev: v(\S+)/g)) expect(m[1]).toBe(pkg.version);
  });

  it('GitHub Actions workflow steps produce SARIF and annotations', () => {
    const workflows = blocks.filter((b) => b.jobs) as Array<{
      jobs: { lint: { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> } };
    }>;
    expect(workflows).toHaveLength(2);
    const action = workflows[0]!.jobs.lint.steps.find((s) => s.uses?.startsWith('keepalived-tools/keepalived-tools@'))!;
    expect(action.uses).toBe(`keepalived-tools/keepalived-tools@v${pkg.version}`);
    expect(
      Object.keys(action.with!).every(
        (k) => k in (parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
      ),
    ).toBe(true);
    const ws = workspace();
    const steps = workflows[1]!.jobs.lint.steps;
    const runs = steps.filter((s) => s.run).map((s) => useTarball(s.run!));
    expect(runs).toHaveLength(2);
    expect(sh(runs[0]!, ws).status).toBe(1);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(JSON.parse(readFileSync(join(ws, upload.with!.sarif_file!), 'utf8')).version).toBe('2.1.0');
    expect(sh(runs[1]!, ws).stdout).toMatch(/^::error file=etc\/keepalived\/keepalived\.conf,/);
  }, 120_000);

  it('GitLab jobs write the reports they declare', () => {
    const jobs = Object.assign({}, ...blocks.filter((b) => !b.jobs && !b.repos)) as Record<
      string,
      { script: string[]; artifacts?: { reports: Record<string, string> } }
    >;
    expect(Object.keys(jobs)).toEqual(['keepalived-lint', 'keepalived-lint-junit', 'keepalived-fixes']);
    for (const name of ['keepalived-lint', 'keepalived-lint-junit']) {
      const ws = workspace();
      const r = sh(jobs[name]!.script.map(useTarball).join('\n'), ws);
      expect(r.status, name).toBe(1);
      for (const report of Object.values(jobs[name]!.artifacts!.reports))
        expect(existsSync(join(ws, report)), report).toBe(true);
    }
    const ws = workspace();
    const cq = jobs['keepalived-lint']!.artifacts!.reports.codequality!;
    sh(jobs['keepalived-lint']!.script.map(useTarball).join('\n'), ws);
    expect(JSON.parse(readFileSync(join(ws, cq), 'utf8'))[0]).toMatchObject({
      check_name: 'unknown-keyword',
      severity: 'major',
      location: { path: 'etc/keepalived/keepalived.conf' },
    });
    // The fixes job fails while a safe fix is pending and passes once applied.
    const fixes = jobs['keepalived-fixes']!.script.map(useTarball).join('\n');
    expect(sh(fixes, ws).status).toBe(1);
    expect(readFileSync(join(ws, 'keepalived-fixes.diff'), 'utf8')).toContain('+  vrrp_strict');
    expect(spawnSync('git', ['apply', 'keepalived-fixes.diff'], { cwd: ws }).status).toBe(0);
    expect(readFileSync(join(ws, 'etc', 'keepalived', 'keepalived.conf'), 'utf8')).toBe(FIXED);
    expect(sh(fixes, ws).status).toBe(0);
  }, 120_000);
});

const hasPreCommit = !spawnSync('pre-commit', ['--version']).error;

describe.skipIf(!hasPreCommit && process.env.CI !== 'true')('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  /** A git repository holding the working tree's files (tracked and new), as pre-commit clones it. */
  function snapshotRepo(): string {
    const dest = tempDir('kl-hookrepo-');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(root, f))) continue;
      mkdirSync(dirname(join(dest, f)), { recursive: true });
      copyFileSync(join(root, f), join(dest, f));
    }
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: dest,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t',
        },
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'snapshot');
    return dest;
  }

  it('runs on keepalived files and fails on errors, with the docs/ci.md configuration', () => {
    const hookRepo = snapshotRepo();
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, encoding: 'utf8' }).trim();
    const md = readFileSync(join(root, 'docs', 'ci.md'), 'utf8');
    const config = [...md.matchAll(/```yaml\n([^]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith('repos:'))!;
    const ws = workspace();
    writeFileSync(join(ws, 'app.conf'), 'not keepalived {\n');
    writeFileSync(
      join(ws, '.pre-commit-config.yaml'),
      config.replace(/repo: \S+/, `repo: ${hookRepo}`).replace(/rev: \S+/, `rev: ${rev}`),
    );
    const gitEnv = {
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    };
    execFileSync('git', ['init', '-q'], { cwd: ws });
    execFileSync('git', ['add', '-A'], { cwd: ws });
    // pre-commit installs the hook with `npm install` + `npm pack` (prepack builds dist/), from the npm cache where it can.
    const env = {
      ...process.env,
      ...gitEnv,
      PRE_COMMIT_HOME: join(ws, '.pre-commit-home'),
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    const bad = spawnSync('pre-commit', ['run', '--all-files', '--verbose'], { cwd: ws, env, encoding: 'utf8' });
    expect(bad.stdout).toContain('keepalived-lint');
    expect(bad.stdout).toContain('unknown-keyword');
    expect(bad.stdout).not.toContain('app.conf');
    expect(bad.status).toBe(1);
    writeFileSync(join(ws, 'etc', 'keepalived', 'keepalived.conf'), FIXED.replace('  lvs_flush_on_stop\n', ''));
    const good = spawnSync('pre-commit', ['run', '--all-files'], { cwd: ws, env, encoding: 'utf8' });
    expect(good.stdout).toMatch(/keepalived-lint\.+Passed/);
    expect(good.status).toBe(0);
    // try-repo, as docs/ci.md suggests, with the same hook.
    const tryRepo = spawnSync('pre-commit', ['try-repo', hookRepo, 'keepalived-lint', '--all-files'], {
      cwd: ws,
      env,
      encoding: 'utf8',
    });
    expect(tryRepo.stdout).toMatch(/keepalived-lint\.+Passed/);
  }, 900_000);
});
