// Every report format, through the built CLI: sarif (validated by the SARIF multitool), github,
// gitlab, junit, checkstyle, stylish colours, --output-file.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../cli/formatters/github';
import { xmlEscape } from '../../cli/formatters/xml';
import { rules } from '../../linter/index';
import { cli, ensureCli, FIXABLE, root, tempDir } from './helpers';

let dir: string;
beforeAll(() => {
  ensureCli();
  dir = tempDir();
  writeFileSync(join(dir, 'lb1.conf'), FIXABLE);
  writeFileSync(join(dir, 'clean.conf'), 'global_defs {\n  router_id lb9\n}\n');
  // Two nodes of one cluster: peer findings with related locations in the other file.
  const node = (prio: number): string =>
    `vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 7\n  priority ${prio}\n  advert_int ${prio === 100 ? 1 : 2}\n  virtual_ipaddress {\n    10.0.7.1\n  }\n}\n`;
  writeFileSync(join(dir, 'peer1.conf'), node(100));
  writeFileSync(join(dir, 'peer2.conf'), node(90));
  // A name that needs escaping in every format.
  writeFileSync(join(dir, 'a,b:c&d.conf'), 'global_defs {\n  vrrp_strick\n}\n');
});

const run = (format: string, ...files: string[]): string => {
  const r = cli(['-f', format, ...(files.length ? files : ['lb1.conf'])], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  return r.stdout;
};

/** Runs python3's XML parser when it is there (it is on Debian CI with pre-commit). */
function assertWellFormedXml(xml: string): void {
  const py = spawnSync(
    'python3',
    ['-c', 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read()); print("ok")'],
    { input: xml, encoding: 'utf8' },
  );
  if (py.error) return;
  expect(py.stderr).toBe('');
  expect(py.stdout).toBe('ok\n');
}

describe('sarif', () => {
  it('has rule metadata, help URIs, levels and regions relative to the working folder', () => {
    const log = JSON.parse(run('sarif'));
    expect(log.version).toBe('2.1.0');
    const r = log.runs[0];
    expect(r.tool.driver.name).toBe('keepalived-lint');
    for (const rule of rules) {
      const meta = r.tool.driver.rules.find((x: { id: string }) => x.id === rule.id);
      expect(meta, rule.id).toMatchObject({
        shortDescription: { text: rule.description },
        helpUri: `https://github.com/keepalived-tools/keepalived-tools/blob/main/docs/rules/${rule.id}.md`,
        defaultConfiguration: {
          level: rule.meta.severity === 'error' ? 'error' : rule.meta.severity === 'warning' ? 'warning' : 'note',
        },
      });
    }
    expect(r.results).toHaveLength(2);
    expect(r.results[0]).toMatchObject({
      ruleId: 'unknown-keyword',
      level: 'error',
      message: { text: 'Unknown keyword "vrrp_strick" in global_defs; did you mean "vrrp_strict"?' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'lb1.conf', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 14 },
          },
        },
      ],
    });
    expect(r.tool.driver.rules[r.results[0].ruleIndex].id).toBe('unknown-keyword');
    expect(r.results[1]).toMatchObject({ ruleId: 'deprecated-keyword', level: 'warning' });
  });

  it('validates with @microsoft/sarif-multitool (no errors or warnings)', () => {
    const out = join(dir, 'report.sarif');
    const r = cli(
      [
        '-f',
        'sarif',
        '-o',
        out,
        'lb1.conf',
        'clean.conf',
        'a,b:c&d.conf',
        '--peers',
        'peer1.conf,peer2.conf',
        'peer1.conf',
        'peer2.conf',
      ],
      { cwd: dir },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const tool = createRequire(join(root, 'package.json'))('@microsoft/sarif-multitool') as string;
    chmodSync(tool, 0o755); // npm may skip the package's postinstall chmod
    const validation = join(dir, 'validation.sarif');
    const v = spawnSync(tool, ['validate', out, '--output', validation, '--level', 'Error', 'Warning'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    expect(v.stdout).toContain('Analysis completed successfully');
    expect(v.status).toBe(0);
    const findings = JSON.parse(readFileSync(validation, 'utf8')).runs[0].results as Array<{
      level?: string;
      message: { text?: string };
    }>;
    expect(findings.filter((f) => f.level === 'error' || f.level === 'warning' || f.level === undefined)).toEqual([]);
  }, 120_000);

  it('gives peer findings related locations in the other node', () => {
    const log = JSON.parse(cli(['-f', 'sarif', 'peer1.conf', 'peer2.conf'], { cwd: dir }).stdout);
    const results = log.runs[0].results as Array<{
      ruleId: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      relatedLocations?: Array<{
        id: number;
        message: { text: string };
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }>;
    }>;
    const mismatch = results.find(
      (x) =>
        x.ruleId === 'peer-setting-mismatch' && x.locations[0]!.physicalLocation.artifactLocation.uri === 'peer1.conf',
    )!;
    expect(mismatch.relatedLocations).toEqual([
      expect.objectContaining({
        id: 1,
        physicalLocation: expect.objectContaining({
          artifactLocation: { uri: 'peer2.conf', uriBaseId: '%SRCROOT%' },
          region: expect.objectContaining({ startLine: 6 }),
        }),
      }),
    ]);
  });
});

describe('github', () => {
  it('prints one workflow command per finding', () => {
    expect(run('github')).toBe(
      '::error file=lb1.conf,line=3,col=3,endLine=3,endColumn=14,title=unknown-keyword::Unknown keyword "vrrp_strick" in global_defs; did you mean "vrrp_strict"?\n' +
        '::warning file=lb1.conf,line=4,col=3,endLine=4,endColumn=19,title=deprecated-keyword::"lvs_flush_onstop" is deprecated; use "lvs_flush_on_stop".\n',
    );
  });
  it('escapes %, CR, LF in messages and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    expect(run('github', 'a,b:c&d.conf')).toMatch(/^::error file=a%2Cb%3Ac&d\.conf,line=2,/);
  });
});

describe('gitlab', () => {
  it('writes Code Quality issues with stable fingerprints', () => {
    const issues = JSON.parse(run('gitlab'));
    expect(issues).toHaveLength(2);
    const message = 'Unknown keyword "vrrp_strick" in global_defs; did you mean "vrrp_strict"?';
    expect(issues[0]).toEqual({
      description: message,
      check_name: 'unknown-keyword',
      fingerprint: createHash('sha256').update(`lb1.conf\0unknown-keyword\x003\0${message}`).digest('hex'),
      severity: 'major',
      location: { path: 'lb1.conf', lines: { begin: 3, end: 3 } },
    });
    expect(issues[1]).toMatchObject({ check_name: 'deprecated-keyword', severity: 'minor' });
    expect(JSON.parse(run('gitlab'))).toEqual(issues);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(2);
  });
});

describe('junit', () => {
  it('has a testsuite per file and a failing testcase per finding', () => {
    const xml = cli(['-f', 'junit', 'lb1.conf', 'clean.conf', 'a,b:c&d.conf'], { cwd: dir }).stdout;
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites name="keepalived-lint" tests="4" failures="3" errors="0">/,
    );
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite package="keepalived-lint" name="clean.conf" tests="1" failures="0"');
    expect(xml).toContain(
      '<failure type="unknown-keyword" message="Unknown keyword &quot;vrrp_strick&quot; in global_defs; did you mean &quot;vrrp_strict&quot;?">',
    );
    expect(xml).toContain('name="a,b:c&amp;d.conf"');
    assertWellFormedXml(xml);
  });
});

describe('checkstyle', () => {
  it('has a file element per file and an error element per finding', () => {
    const xml = cli(['-f', 'checkstyle', 'lb1.conf', 'a,b:c&d.conf'], { cwd: dir }).stdout;
    expect(xml).toContain('<checkstyle version="4.3">');
    expect(xml).toContain(
      '<error line="3" column="3" severity="error" message="Unknown keyword &quot;vrrp_strick&quot; in global_defs; did you mean &quot;vrrp_strict&quot;?" source="keepalived-lint.rules.unknown-keyword" />',
    );
    expect(xml).toContain('<error line="4" column="3" severity="warning"');
    expect(xml).toContain('<file name="a,b:c&amp;d.conf">');
    assertWellFormedXml(xml);
  });
  it('escapes markup and characters XML cannot hold', () => {
    expect(xmlEscape('<a href="x">&\'\u0001\n')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\\x01&#10;');
    assertWellFormedXml(`<r a="${xmlEscape('\u0000\u0007<&>"\ud800')}">${xmlEscape('\u001b[31m')}</r>`);
  });
});

describe('stylish', () => {
  it('is plain without a TTY, and --output-file writes the report atomically', () => {
    const out = run('stylish');
    expect(out).not.toContain('\u001b[');
    expect(out).toContain('3:3  error    Unknown keyword');
    const r = cli(['-o', 'report.txt', 'lb1.conf'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(out);
    expect(existsSync(join(dir, 'report.txt'))).toBe(true);
  });
  it('colours on a TTY unless NO_COLOR is set', () => {
    if (spawnSync('script', ['--version']).error) return; // util-linux script(1) gives the CLI a TTY
    const cmd = (env: string): string => `${env} "${process.execPath}" "${ensureCli()}" lb1.conf`;
    const tty = spawnSync('script', ['-qec', cmd(''), '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '' },
    });
    expect(tty.stdout).toContain('\u001b[31merror\u001b[0m');
    const noColor = spawnSync('script', ['-qec', cmd('NO_COLOR=1'), '/dev/null'], { cwd: dir, encoding: 'utf8' });
    expect(noColor.stdout).toContain('Unknown keyword');
    expect(noColor.stdout).not.toContain('\u001b[');
  });
});
