// The built CLI: exit codes, JSON shape, stdin, large output through a pipe, usage errors,
// locale, --list-rules and --explain.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STREAM_MIN_BYTES } from '../../cli/engine';
import { allRules as rules } from '../../cli/formatters/rule-info';
// @ts-expect-error - plain ESM module without types
import { generateConfig, SIZES } from '../../bench/generate.mjs';
import { CLEAN, cli, ensureCli, FIXABLE, root, tempDir, WARN_ONLY } from './helpers';

let dir: string;
beforeAll(() => {
  ensureCli();
  dir = tempDir();
  writeFileSync(join(dir, 'clean.conf'), CLEAN);
  writeFileSync(join(dir, 'errors.conf'), FIXABLE);
  writeFileSync(join(dir, 'warn.conf'), WARN_ONLY);
});

describe('exit codes', () => {
  it('0 for a clean file, with no output', () => {
    const r = cli(['clean.conf'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });
  it('1 when there are errors', () => {
    const r = cli(['errors.conf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('unknown-keyword');
    expect(r.stdout).toContain('3:3');
  });
  it('0 with warnings only, 1 when --max-warnings is exceeded', () => {
    expect(cli(['warn.conf'], { cwd: dir }).status).toBe(0);
    expect(cli(['--max-warnings', '1', 'warn.conf'], { cwd: dir }).status).toBe(0);
    const r = cli(['--max-warnings', '0', 'warn.conf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('keepalived-lint found too many warnings (maximum: 0).\n');
  });
  it('--quiet drops warnings', () => {
    const r = cli(['--quiet', '-f', 'json', 'errors.conf', 'warn.conf'], { cwd: dir });
    const out = JSON.parse(r.stdout) as Array<{ messages: Array<{ severity: number }> }>;
    expect(out.flatMap((f) => f.messages).every((m) => m.severity === 2)).toBe(true);
  });
  it.each([
    [['--no-such-flag', 'clean.conf'], /Unknown option '--no-such-flag'/],
    [['missing.conf'], /No such file or directory: missing\.conf/],
    [[], /no files given/],
    [['-f', 'xml', 'clean.conf'], /unknown format "xml"/],
    [['--target-version', '1.0', 'clean.conf'], /unknown --target-version "1\.0"/],
    [['--max-warnings', 'x', 'clean.conf'], /--max-warnings needs a whole number/],
    [['--locale', 'fr', 'clean.conf'], /unknown --locale "fr"/],
    [['--explain', 'no-such-rule'], /unknown rule "no-such-rule"/],
    [['--fix', '--fix-dry-run', 'clean.conf'], /either --fix or --fix-dry-run/],
    [['--stdin', '--fix'], /not --stdin/],
    [['no-*-match.conf'], /No files matching the pattern/],
  ])('2 with a one-line message for %j', (args, message) => {
    const r = cli(args, { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^keepalived-lint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('files, folders and globs', () => {
  it('lints the .conf files of a folder and a glob', () => {
    const d = tempDir();
    mkdirSync(join(d, 'etc'));
    writeFileSync(join(d, 'etc', 'a.conf'), FIXABLE);
    writeFileSync(join(d, 'etc', 'notes.txt'), 'not a config');
    const a = JSON.parse(cli(['-f', 'json', 'etc'], { cwd: d }).stdout) as Array<{ filePath: string }>;
    expect(a.map((f) => f.filePath)).toEqual([join(d, 'etc', 'a.conf')]);
    const b = JSON.parse(cli(['-f', 'json', 'etc/*.conf'], { cwd: d }).stdout) as Array<{ filePath: string }>;
    expect(b.map((f) => f.filePath)).toEqual([join(d, 'etc', 'a.conf')]);
  });
});

describe('json output', () => {
  it('has the ESLint shape with 1-based positions and fixes', () => {
    const r = cli(['-f', 'json', 'errors.conf'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out).toEqual([
      {
        filePath: join(dir, 'errors.conf'),
        messages: [
          {
            ruleId: 'unknown-keyword',
            severity: 2,
            message: 'Unknown keyword "vrrp_strick" in global_defs; did you mean "vrrp_strict"?',
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 14,
            fix: { range: [32, 43], text: 'vrrp_strict' },
          },
          {
            ruleId: 'deprecated-keyword',
            severity: 1,
            message: '"lvs_flush_onstop" is deprecated; use "lvs_flush_on_stop".',
            line: 4,
            column: 3,
            endLine: 4,
            endColumn: 19,
            fix: { range: [46, 62], text: 'lvs_flush_on_stop' },
          },
        ],
        errorCount: 1,
        warningCount: 1,
        fatalErrorCount: 0,
        fixableErrorCount: 1,
        fixableWarningCount: 1,
      },
    ]);
  });
});

describe('--stdin', () => {
  it('lints standard input under --stdin-filename', () => {
    const r = cli(['--stdin', '--stdin-filename', 'etc/keepalived.conf', '-f', 'json'], { cwd: dir, input: FIXABLE });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out[0].filePath).toBe(join(dir, 'etc', 'keepalived.conf'));
    expect(out[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['unknown-keyword', 'deprecated-keyword']);
  });
  it('rejects file arguments', () => {
    const r = cli(['--stdin', 'clean.conf'], { cwd: dir, input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--stdin takes no file arguments/);
  });
});

describe('large reports', () => {
  it('writes a report far over 64 KiB completely into a pipe', () => {
    const n = 3000;
    const body = Array.from({ length: n }, (_, i) => `  unknown_keyword_number_${i} value\n`).join('');
    writeFileSync(join(dir, 'big.conf'), `global_defs {\n${body}}\n`);
    // Through a real shell pipe, as in CI logs, and straight from the child's stdout.
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${ensureCli()}" -f json big.conf | cat`], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(piped.stdout.length).toBeGreaterThan(64 * 1024 * 4);
    const out = JSON.parse(piped.stdout);
    expect(out[0].messages).toHaveLength(n);
    const direct = cli(['-f', 'json', 'big.conf'], { cwd: dir });
    expect(direct.status).toBe(1);
    expect(JSON.parse(direct.stdout)[0].messages).toHaveLength(n);
    const stylish = cli(['big.conf'], { cwd: dir });
    expect(stylish.stdout).toContain(`${n} problems (${n} errors, 0 warnings)`);
  }, 60_000);
});

describe('a large file', () => {
  it('is linted while it is read, with the same report and fixes as the usual way', () => {
    // Over STREAM_MIN_BYTES (1 MiB), with mistakes inside services: a misspelt keyword, an undefined
    // tracked file, a script in a checker.
    const services = generateConfig(SIZES.medium, 'cli-stream') as string;
    const extra =
      'virtual_server 10.9.9.9 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.9.9.10 80 {\n    weigth 1\n' +
      '    FILE_CHECK {\n      track_file nosuchfile\n    }\n    MISC_CHECK {\n      misc_path "/usr/bin/test -f /x"\n    }\n  }\n}\n';
    const text = `${services}${extra}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(STREAM_MIN_BYTES);
    writeFileSync(join(dir, 'large.conf'), text);
    // A peer group (here of the file alone) makes the CLI keep the whole tree: the usual way.
    const streamed = cli(['-f', 'json', 'large.conf'], { cwd: dir });
    const whole = cli(['-f', 'json', '--peers', 'large.conf', 'large.conf'], { cwd: dir });
    expect(streamed.stderr).toBe('');
    expect(streamed.status).toBe(whole.status);
    const ids = JSON.parse(streamed.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    for (const id of ['unknown-keyword', 'track-undefined']) expect(ids).toContain(id);
    expect(streamed.stdout).toBe(whole.stdout);
    const fixes = cli(['--fix-dry-run', 'large.conf'], { cwd: dir });
    expect(fixes.stdout).toContain('+    weight 1');
    expect(fixes.stdout).toBe(cli(['--fix-dry-run', '--peers', 'large.conf', 'large.conf'], { cwd: dir }).stdout);
  }, 60_000);
});

describe('--locale and LANG', () => {
  it('prints Chinese messages with --locale zh-cn or LANG=zh_CN.UTF-8', () => {
    const a = cli(['--locale', 'zh-cn', 'errors.conf'], { cwd: dir });
    expect(a.stdout).toContain('您是想写“vrrp_strict”吗');
    expect(a.stdout).toContain('✖ 2 个问题（1 个错误，1 个警告）');
    const b = cli(['errors.conf'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(b.stdout).toContain('您是想写“vrrp_strict”吗');
    const c = cli(['--locale', 'en', 'errors.conf'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(c.stdout).toContain('did you mean "vrrp_strict"?');
  });
});

describe('TIMING', () => {
  it('prints the slowest rules after the report, as ESLint does', () => {
    const r = cli(['errors.conf'], { cwd: dir, env: { TIMING: '1' } });
    const table = r.stdout.slice(r.stdout.indexOf('Rule '));
    const lines = table.trim().split('\n');
    expect(lines[0]).toMatch(/^Rule +\| Time \(ms\) \| Relative$/);
    expect(lines[1]).toMatch(/^:-+\|-+:\|-+:$/);
    expect(lines).toHaveLength(12);
    for (const row of lines.slice(2)) expect(row).toMatch(/^[a-z()-]+ +\| +\d+\.\d{3} \| +\d+\.\d%$/);
    expect(r.status).toBe(1);
  });

  it('prints no table without it', () => {
    expect(cli(['errors.conf'], { cwd: dir }).stdout).not.toContain('Time (ms)');
  });
});

describe('--list-rules', () => {
  it('lists every rule with severity, fixable, category and description', () => {
    const r = cli(['--list-rules']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Rule\s+Severity\s+Fixable\s+Category\s+Description$/);
    expect(lines).toHaveLength(rules.length + 1);
    for (const rule of rules) {
      const line = lines.find((l) => l.startsWith(`${rule.id} `))!;
      expect(line, rule.id).toBeDefined();
      expect(line).toContain(rule.description);
      expect(line.split(/\s{2,}/).slice(1, 4)).toEqual([
        rule.meta.severity,
        rule.meta.fixable ? 'yes' : 'no',
        rule.meta.category,
      ]);
    }
  });
  it('lists as JSON and in Chinese', () => {
    const json = JSON.parse(cli(['--list-rules', '-f', 'json']).stdout) as Array<{ id: string; helpUri: string }>;
    expect(json.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    expect(json[0]!.helpUri).toMatch(
      /^https:\/\/github\.com\/keepalived-tools\/keepalived-tools\/blob\/main\/docs\/rules\/.+\.md$/,
    );
    const zh = cli(['--list-rules', '--locale', 'zh-cn']).stdout;
    expect(zh).toMatch(/^规则/);
    expect(zh).toContain('keepalived 在该配置块中不认识的关键字');
  });
});

describe('--explain', () => {
  it('prints the rule documentation (docs/rules/<id>.md, else the registry summary)', () => {
    const r = cli(['--explain', 'unknown-keyword']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/unknown-keyword/);
    expect(r.stdout.length).toBeGreaterThan(40);
  });
});

describe('--version and --help', () => {
  it('prints the package version', async () => {
    const pkg = (await import('../../package.json')).default as { version: string };
    expect(cli(['--version']).stdout).toBe(`${pkg.version}\n`);
  });
  it('documents every --help option in docs/configuration.md', () => {
    const help = cli(['--help']).stdout;
    const docs = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
    const flags = [...new Set([...help.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((m) => m[0]))];
    expect(flags.length).toBeGreaterThan(20);
    expect(flags.filter((f) => !docs.includes(`\`${f}`) && !docs.includes(`, ${f}`))).toEqual([]);
  });
  it('documents every option in --help', () => {
    const help = cli(['--help']).stdout;
    for (const flag of [
      '--format',
      '--output-file',
      '--config',
      '--no-config-lookup',
      '--print-config',
      '--fix',
      '--fix-dry-run',
      '--report-unused-disable-directives',
      '--list-rules',
      '--explain',
      '--locale',
      '--stdin-filename',
      '--max-warnings',
    ])
      expect(help).toContain(flag);
    for (const f of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'checkstyle']) expect(help).toContain(f);
  });
});

describe('--report-unused-disable-directives', () => {
  it('reports a disable comment that suppresses nothing, only when asked', () => {
    writeFileSync(
      join(dir, 'directive.conf'),
      '# keepalived-lint disable-next-line unknown-keyword\nglobal_defs {\n  router_id lb1\n}\n',
    );
    expect(cli(['-f', 'json', 'directive.conf'], { cwd: dir }).stdout).toBe(
      JSON.stringify([
        {
          filePath: join(dir, 'directive.conf'),
          messages: [],
          errorCount: 0,
          warningCount: 0,
          fatalErrorCount: 0,
          fixableErrorCount: 0,
          fixableWarningCount: 0,
        },
      ]),
    );
    const r = cli(['-f', 'json', '--report-unused-disable-directives', 'directive.conf'], { cwd: dir });
    const msgs = JSON.parse(r.stdout)[0].messages;
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ ruleId: 'unused-disable-directive', severity: 1, line: 1 });
  });
});
