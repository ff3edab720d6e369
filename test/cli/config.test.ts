// .keepalived-lint.json / .yaml / .yml: discovery, validation, overrides, ignore patterns, --print-config.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFor, parseConfigText } from '../../host/config-file';
import { cli, ensureCli, FIXABLE, tempDir } from './helpers';

beforeAll(() => {
  ensureCli();
});

/** Single-file findings: several files given are also compared as peers (see 'peer groups'). */
const ruleIds = (stdout: string): string[][] =>
  (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>).map((f) =>
    f.messages.map((m) => `${m.ruleId}`),
  );

describe('discovery', () => {
  it('uses the nearest configuration file above each linted file', () => {
    const d = tempDir();
    mkdirSync(join(d, 'a', 'b'), { recursive: true });
    writeFileSync(join(d, '.keepalived-lint.json'), JSON.stringify({ rules: { 'unknown-keyword': 'off' } }));
    writeFileSync(join(d, 'a', 'b', '.keepalived-lint.yaml'), 'rules:\n  deprecated-keyword: error\n');
    writeFileSync(join(d, 'top.conf'), FIXABLE);
    writeFileSync(join(d, 'a', 'mid.conf'), FIXABLE);
    writeFileSync(join(d, 'a', 'b', 'deep.conf'), FIXABLE);
    const r = cli(['-f', 'json', 'top.conf', 'a/mid.conf', 'a/b/deep.conf'], { cwd: d });
    const out = (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>).map((f) => ({
      messages: f.messages.filter((m) => !m.ruleId.startsWith('peer-')),
    }));
    expect(out[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['deprecated-keyword', 1]]);
    expect(out[1]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['deprecated-keyword', 1]]);
    // Nearest wins and is not merged with the parent: unknown-keyword is back on.
    expect(out[2]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['unknown-keyword', 2],
      ['deprecated-keyword', 2],
    ]);
    expect(loadConfigFor(join(d, 'a', 'b', 'deep.conf')).source).toBe(join(d, 'a', 'b', '.keepalived-lint.yaml'));
    expect(loadConfigFor(join(d, 'a', 'mid.conf')).source).toBe(join(d, '.keepalived-lint.json'));
  });

  it('--config forces a file; --no-config-lookup uses none', () => {
    const d = tempDir();
    writeFileSync(join(d, '.keepalived-lint.yml'), 'rules:\n  unknown-keyword: "off"\n');
    writeFileSync(join(d, 'other.json'), JSON.stringify({ rules: { 'deprecated-keyword': 'off' } }));
    writeFileSync(join(d, 'lb.conf'), FIXABLE);
    expect(ruleIds(cli(['-f', 'json', 'lb.conf'], { cwd: d }).stdout)).toEqual([['deprecated-keyword']]);
    expect(ruleIds(cli(['-f', 'json', '-c', 'other.json', 'lb.conf'], { cwd: d }).stdout)).toEqual([
      ['unknown-keyword'],
    ]);
    expect(ruleIds(cli(['-f', 'json', '--no-config-lookup', 'lb.conf'], { cwd: d }).stdout)).toEqual([
      ['unknown-keyword', 'deprecated-keyword'],
    ]);
  });

  it('applies targetVersion, configId and includeRoot relative to the configuration file', () => {
    const d = tempDir();
    mkdirSync(join(d, 'root', 'etc'), { recursive: true });
    writeFileSync(join(d, 'root', 'etc', 'part.conf'), 'global_defs {\n  vrrp_strick\n}\n');
    writeFileSync(
      join(d, '.keepalived-lint.json'),
      JSON.stringify({ includeRoot: 'root', configId: 'lb2', targetVersion: '2.2.8' }),
    );
    writeFileSync(join(d, 'main.conf'), 'include /etc/part.conf\n@lb2 global_defs {\n@lb2   router_id x\n@lb2 }\n');
    const r = cli(['-f', 'json', 'main.conf'], { cwd: d });
    const out = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(out.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([
      [join(d, 'main.conf'), []],
      [join(d, 'root', 'etc', 'part.conf'), ['unknown-keyword']],
    ]);
    const p = JSON.parse(cli(['--print-config', 'main.conf'], { cwd: d }).stdout);
    expect(p).toMatchObject({
      configFile: join(d, '.keepalived-lint.json'),
      targetVersion: '2.2.8',
      configId: 'lb2',
      includeRoot: join(d, 'root'),
    });
    // Command-line options win over the file.
    expect(
      JSON.parse(cli(['--print-config', 'main.conf', '--target-version', '2.4.0', '-i', 'lb1'], { cwd: d }).stdout),
    ).toMatchObject({ targetVersion: '2.4.0', configId: 'lb1' });
  });
});

describe('overrides and ignorePatterns', () => {
  it('applies overrides to matching files and skips ignored files found through folders and globs', () => {
    const d = tempDir();
    mkdirSync(join(d, 'legacy'));
    mkdirSync(join(d, 'vendor'));
    writeFileSync(
      join(d, '.keepalived-lint.json'),
      JSON.stringify({
        ignorePatterns: ['vendor/**'],
        overrides: [
          { files: ['legacy/**'], rules: { 'deprecated-keyword': 'off' } },
          { files: ['*.strict.conf'], rules: { 'deprecated-keyword': 'error' } },
        ],
      }),
    );
    writeFileSync(join(d, 'legacy', 'old.conf'), FIXABLE);
    writeFileSync(join(d, 'vendor', 'x.conf'), FIXABLE);
    writeFileSync(join(d, 'lb.strict.conf'), FIXABLE);
    const r = cli(['-f', 'json', '.'], { cwd: d });
    const out = JSON.parse(r.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; severity: number }>;
    }>;
    expect(
      out.map((f) => [
        f.filePath.slice(d.length + 1),
        f.messages.filter((m) => !m.ruleId.startsWith('peer-')).map((m) => `${m.ruleId}:${m.severity}`),
      ]),
    ).toEqual([
      ['lb.strict.conf', ['unknown-keyword:2', 'deprecated-keyword:2']],
      ['legacy/old.conf', ['unknown-keyword:2']],
    ]);
    // A file named outright is linted even when ignored.
    expect(ruleIds(cli(['-f', 'json', 'vendor/x.conf'], { cwd: d }).stdout)).toEqual([
      ['unknown-keyword', 'deprecated-keyword'],
    ]);
    expect(JSON.parse(cli(['--print-config', 'vendor/x.conf'], { cwd: d }).stdout).ignored).toBe(true);
  });

  it('resolves peer groups relative to the configuration file', () => {
    const d = tempDir();
    writeFileSync(join(d, '.keepalived-lint.yaml'), 'peers:\n  - [lb1.conf, lb2/*.conf]\n');
    const { config } = loadConfigFor(join(d, 'lb1.conf'));
    expect(config.peers).toEqual([[join(d, 'lb1.conf'), join(d, 'lb2/*.conf')]]);
  });
});

describe('validation', () => {
  it.each([
    ['{"rules": {"no-such-rule": "off"}}', '"rules.no-such-rule" is not a known rule id'],
    [
      '{"rules": {"unknown-keyword": "warning"}}',
      '"rules.unknown-keyword" must be "off", "warn" or "error", not "warning"',
    ],
    ['{"rules": []}', '"rules" must be an object'],
    ['{"targetVersion": "9.9"}', '"targetVersion" has an unknown keepalived version "9.9"'],
    ['{"targetVersion": 2.2}', '"targetVersion" has an unknown keepalived version 2.2'],
    ['{"configId": ""}', '"configId" must be a non-empty string'],
    ['{"rule": {}}', '"rule" is not a known setting'],
    ['{"peers": ["a.conf"]}', '"peers[0]" must be a list of strings'],
    ['{"peers": [[]]}', '"peers[0]" must name at least one file'],
    ['{"ignorePatterns": "x"}', '"ignorePatterns" must be a list of strings'],
    ['{"overrides": [{"rules": {}}]}', '"overrides[0].files" is required'],
    ['{"overrides": [{"files": ["a"], "peers": []}]}', '"overrides[0].peers" is not a known setting'],
    [
      '{"overrides": [{"files": ["a"], "rules": {"bad-id": "off"}}]}',
      '"overrides[0].rules.bad-id" is not a known rule id',
    ],
    ['[1]', 'must hold an object'],
    ['{"rules": {', 'not valid JSON'],
  ])('rejects %s', (text, message) => {
    expect(() => parseConfigText(text, '/x/.keepalived-lint.json')).toThrow(ConfigError);
    expect(() => parseConfigText(text, '/x/.keepalived-lint.json')).toThrow(`/x/.keepalived-lint.json: ${message}`);
  });

  it('accepts YAML and an empty file', () => {
    expect(parseConfigText('targetVersion: 2.4.0\nrules:\n  line-too-long: warn\n', 'c.yaml')).toEqual({
      targetVersion: '2.4.0',
      rules: { 'line-too-long': 'warn' },
    });
    expect(parseConfigText('', 'c.yml')).toEqual({});
    expect(() => parseConfigText('rules: [\n', 'c.yml')).toThrow(/^c\.yml: not valid YAML/);
  });

  it('exits 2 with one line naming the file and the bad key', () => {
    const d = tempDir();
    writeFileSync(join(d, '.keepalived-lint.json'), '{"rules": {"unknown-keywrd": "off"}}');
    writeFileSync(join(d, 'lb.conf'), FIXABLE);
    const r = cli(['lb.conf'], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `keepalived-lint: ${join(d, '.keepalived-lint.json')}: "rules.unknown-keywrd" is not a known rule id (see keepalived-lint --list-rules)\n`,
    );
    const missing = cli(['-c', 'nope.json', 'lb.conf'], { cwd: d });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the configuration file \(ENOENT\)\n$/);
  });
});

describe('--print-config', () => {
  it('prints every rule with its effective severity', () => {
    const d = tempDir();
    writeFileSync(join(d, '.keepalived-lint.json'), JSON.stringify({ rules: { 'line-too-long': 'off' } }));
    const r = cli(['--print-config', 'x.conf'], { cwd: d });
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.rules['line-too-long']).toBe('off');
    expect(p.rules['unknown-keyword']).toBe('error');
    expect(p.rules['deprecated-keyword']).toBe('warn');
    expect(p).toMatchObject({ file: join(d, 'x.conf'), ignored: false, peers: [], ignorePatterns: [], locale: 'en' });
  });
});

describe('peer groups', () => {
  const node = (advert: number, vrid = 51): string =>
    `global_defs {\n  router_id lb\n}\nvrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id ${vrid}\n  priority 100\n  advert_int ${advert}\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n`;
  const peerFindings = (stdout: string): string[][] =>
    (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>).map((f) =>
      f.messages.map((m) => m.ruleId).filter((id) => id.startsWith('peer-')),
    );

  it('compares the files given, --peers groups and the configuration file\'s "peers" groups', () => {
    const d = tempDir();
    writeFileSync(join(d, 'lb1.conf'), node(1));
    writeFileSync(join(d, 'lb2.conf'), node(2));
    writeFileSync(join(d, 'lb3.conf'), node(3));
    // The files given form one automatic group.
    const auto = peerFindings(cli(['-f', 'json', 'lb1.conf', 'lb2.conf'], { cwd: d }).stdout);
    expect(auto[0]).toContain('peer-setting-mismatch');
    expect(auto[1]).toContain('peer-setting-mismatch');
    // --peers makes an explicit group; lb3 is left alone in the automatic one.
    const viaFlag = peerFindings(
      cli(['-f', 'json', '--peers', 'lb1.conf,lb2.conf', 'lb1.conf', 'lb2.conf', 'lb3.conf'], { cwd: d }).stdout,
    );
    expect(viaFlag[0]).toContain('peer-setting-mismatch');
    expect(viaFlag[2]).toEqual([]);
    // A configured group is read in full even when only one member is given; only that one is reported.
    writeFileSync(join(d, '.keepalived-lint.json'), JSON.stringify({ peers: [['lb1.conf', 'lb2.conf']] }));
    const viaConfig = cli(['-f', 'json', 'lb1.conf'], { cwd: d });
    const out = JSON.parse(viaConfig.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; message: string }>;
    }>;
    expect(out.map((f) => f.filePath)).toEqual([join(d, 'lb1.conf')]);
    expect(out[0]!.messages.find((m) => m.ruleId === 'peer-setting-mismatch')!.message).toContain('lb2');
    expect(viaConfig.status).toBe(1);
    // Peer rules are configurable like the others.
    writeFileSync(
      join(d, '.keepalived-lint.json'),
      JSON.stringify({ peers: [['lb1.conf', 'lb2.conf']], rules: { 'peer-setting-mismatch': 'off' } }),
    );
    expect(peerFindings(cli(['-f', 'json', 'lb1.conf'], { cwd: d }).stdout)[0]).not.toContain('peer-setting-mismatch');
  });

  it('--explain failover prints the failover table of each virtual router', () => {
    const d = tempDir();
    writeFileSync(join(d, 'lb1.conf'), node(1));
    writeFileSync(join(d, 'lb2.conf'), node(1));
    const r = cli(['--explain', 'failover', 'lb1.conf', 'lb2.conf'], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('VRID 51');
    expect(r.stdout).toMatch(/lb1 down\s+-\s+100\s+lb2/);
  });
});
