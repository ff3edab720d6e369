// The rules of agreement as a pure function (no keepalived needed).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareCase,
  lineCandidates,
  matchesPositionless,
  objectNames,
  namedBlocks,
  virtualServerOf,
  type Diagnostic,
} from './compare';
import type { LinterRun } from './linter';
import {
  isEnvironmental,
  namespaceScript,
  parseOracleOutput,
  scanConfig,
  type ConfigScan,
  type OracleResult,
} from './oracle';

const file = '/nonexistent/keepalived.conf';
const scan = (text: string): ConfigScan => ({
  files: [{ path: file, shownAs: 'keepalived.conf', text }],
  interfaces: [],
  scriptBlocks: new Map(),
  namespaces: [],
});
const oracle = (line: number, text: string): OracleResult => ({
  exit: 5,
  messages: [{ file, line, text, environmental: false }],
});
const lint = (line: number, ruleId = 'unknown-keyword'): LinterRun => ({
  exit: 1,
  stderr: '',
  results: [
    {
      filePath: file,
      errorCount: 1,
      warningCount: 0,
      messages: [{ ruleId, severity: 2, message: 'm', line, column: 1 }],
    },
  ],
});

describe('compareCase', () => {
  const long = `global_defs {\n  router_id ${'x'.repeat(1100)}\n}\n`;

  it('excuses our errors in a track entry whose script keepalived removed for want of its user here', () => {
    const removed: OracleResult = {
      exit: 0,
      messages: [
        { file, line: 1, text: 'Unable to set default user for vrrp script chk - removing', environmental: true },
        { file, line: 2, text: '(VI_1) track script chk not found, ignoring...', environmental: true },
      ],
    };
    expect(compareCase(removed, lint(2), scan('x\ny\n')).ok).toBe(true);
    expect(compareCase(removed, lint(1), scan('x\ny\n')).falseErrors).toHaveLength(1);
  });

  it('excuses script-security when keepalived stopped over an interface the test host lacks', () => {
    const stopped: OracleResult = {
      exit: 5,
      messages: [
        { text: "WARNING - interface eth0 for vrrp_instance VI_1 doesn't exist", environmental: true },
        { text: 'Non-existent interface specified in configuration', environmental: true },
      ],
    };
    expect(compareCase(stopped, lint(1, 'script-security'), scan('x\n')).ok).toBe(true);
    expect(compareCase(stopped, lint(1), scan('x\n')).falseErrors).toHaveLength(1);
  });

  it('covers a flagged line by a diagnostic on the same line', () => {
    expect(compareCase(oracle(2, 'Unknown keyword'), lint(2), scan(long)).ok).toBe(true);
  });

  it('does not cover a flagged line by a diagnostic elsewhere', () => {
    const v = compareCase(oracle(1, 'Unknown keyword'), lint(3), scan(long));
    expect(v.ok).toBe(false);
    expect(v.uncovered.map((u) => u.line)).toEqual([1]);
  });

  it('reads the number keepalived gives the first pieces of a long line as that line', () => {
    // fgets returns the first 1,023 bytes without the line's '\n', so keepalived has not counted it yet.
    expect(compareCase(oracle(1, 'routerid name missing - ignoring'), lint(2), scan(long)).ok).toBe(true);
  });

  it('does so only before a line of 1,023 bytes or more', () => {
    const short = 'global_defs {\n  router_id r1\n}\n';
    expect(compareCase(oracle(1, 'Unknown keyword'), lint(2), scan(short)).ok).toBe(false);
  });

  it('counts an error on a config keepalived accepts as a false error', () => {
    const v = compareCase({ exit: 0, messages: [] }, lint(2), scan(long));
    expect(v.ok).toBe(false);
    expect(v.falseErrors).toHaveLength(1);
  });
});

describe('lineCandidates', () => {
  it('maps the numbers of the copy the child processes read back to the file', () => {
    // Line 2 has 2,100 bytes: three pieces in the copy (1,023 + 1,023 + 54), two lines more.
    const text = `global_defs {\n  router_id ${'x'.repeat(2088)}\n  }\n}\n`;
    const at = lineCandidates(scan(text));
    expect(at(file, 1)).toEqual([1, 2]);
    expect(at(file, 3)).toEqual([3, 2]);
    expect(at(file, 5)).toEqual([5, 3]);
    expect(at(file, 6)).toEqual([6, 4]);
  });

  it('leaves the numbers of a file without long lines alone', () => {
    expect(lineCandidates(scan('global_defs {\n}\n'))(file, 2)).toEqual([2]);
  });
});

describe('scanConfig: the vrrp_script around each line', () => {
  const scriptsOf = (text: string): Array<[number, string]> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
    const f = path.join(dir, 'keepalived.conf');
    fs.writeFileSync(f, text);
    try {
      return [...(scanConfig(f).scriptBlocks.get(path.resolve(f)) ?? new Map<number, string>())];
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  };

  it('a block with its brace', () => {
    expect(scriptsOf('vrrp_script chk {\n  user nobody\n}\nglobal_defs {\n}\n')).toEqual([
      [1, 'chk'],
      [2, 'chk'],
      [3, 'chk'],
    ]);
  });

  it('a block whose brace is missing: keepalived reads the next lines into it up to a "}"', () => {
    expect(scriptsOf('vrrp_script chk\n  user nobody\n}\nglobal_defs {\n}\n')).toEqual([
      [1, 'chk'],
      [2, 'chk'],
      [3, 'chk'],
    ]);
  });
});

describe('scanConfig and namespaceScript: interface names of any bytes', () => {
  const interfacesOf = (text: string | Buffer, configId?: string): string[] => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
    const f = path.join(dir, 'keepalived.conf');
    fs.writeFileSync(f, text);
    try {
      return scanConfig(f, configId).interfaces;
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  };

  it("creates names with single or typographic quotes (keepalived's own bytes), not those with double quotes or blanks", () => {
    const conf = Buffer.from(
      "vrrp_instance A {\n  interface 'eth0'\n}\nvrrp_instance B {\n  interface \u201ceth1\u201d\n}\nvrrp_instance C {\n  interface eth2\u00a0\n}\n",
      'utf8',
    );
    expect(interfacesOf(conf)).toEqual(["'eth0'", Buffer.from('\u201ceth1\u201d', 'utf8').toString('latin1')]);
  });

  it('takes a definition as keepalived does for the config id, other @id lines all', () => {
    const conf =
      '$IF=eth0\n@b $IF=br0\n@^c $IF2=eth5\nvrrp_instance A {\n  interface $IF\n@a track_interface {\n  $IF2\n@b eth7\n  }\n}\n';
    expect(interfacesOf(conf)).toEqual(['eth0', 'eth5', 'eth7']);
    expect(interfacesOf(conf, 'b')).toEqual(['br0', 'eth5', 'eth7']);
    // Undefined there, keepalived reads "$IF2" as it stands.
    expect(interfacesOf(conf, 'c')).toEqual(['$IF2', 'eth0', 'eth7']);
  });

  it('takes "$IF" followed by a CR as text, as keepalived does (a CR is not a blank to it)', () => {
    expect(interfacesOf('$IF=eth7\nvrrp_instance VI_1 {\n  interface $IF\r  priority 1\n}\n')).toEqual(['$IF']);
  });

  it('finds a name behind a multi-line definition', () => {
    expect(interfacesOf('$IF=\\\neth7\nvrrp_instance VI_1 {\n  interface $IF\n}\n')).toEqual(['eth7']);
  });

  it('finds a name in a definition that another definition uses', () => {
    const text =
      '$VIP= \\\n  virtual_ipaddress { \\\n    10.0.0.1 dev eth8 \\\n  }\n$VI= \\\n  $VIP\nvrrp_instance VI_1 {\n  interface eth0\n  $VI\n}\n';
    expect(interfacesOf(text)).toEqual(['eth0', 'eth8']);
  });

  it('passes a name with bytes over 0x7f to ip through printf octal escapes', () => {
    const name = Buffer.from('\u201ceth1\u201d', 'utf8').toString('latin1');
    const script = namespaceScript('keepalived.conf', [name, "'eth0'"], []);
    expect(script).toContain(`ip link add "$(printf '\\342\\200\\234eth1\\342\\200\\235')" type veth`);
    expect(script).toContain(`ip link add ''\\''eth0'\\''' type veth`);
  });

  it("gives the namespace of each net_namespace line (any @id branch) to the run's own network namespace", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
    const f = path.join(dir, 'keepalived.conf');
    fs.writeFileSync(f, '@a net_namespace low\n@b net_namespace high;\nnet_namespace ../x\nglobal_defs {\n}\n');
    try {
      const scanned = scanConfig(f);
      expect(scanned.namespaces).toEqual(['high;', 'low']);
      const script = namespaceScript('keepalived.conf', [], [], scanned.namespaces);
      expect(script).toContain('mount -t tmpfs keepalived-oracle /var/run/netns');
      expect(script).toContain(`touch /var/run/netns/'low' && mount --bind /proc/self/ns/net /var/run/netns/'low'`);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('parseOracleOutput: a missing interface no host can have is a finding', () => {
  const scanOf: ConfigScan = {
    files: [{ path: '/x/keepalived.conf', shownAs: 'keepalived.conf', text: '' }],
    interfaces: [],
    scriptBlocks: new Map(),
  } as unknown as ConfigScan;

  it('an empty name, with the summary after it', () => {
    const out =
      "(Line 2) WARNING - interface  for vrrp_instance VI_1 doesn't exist\nNon-existent interface specified in configuration\n";
    expect(parseOracleOutput(out, scanOf).map((m) => m.environmental)).toEqual([false, false]);
  });

  it('a name the host may have stays environmental', () => {
    const out =
      "(Line 2) WARNING - interface eth7 for vrrp_instance VI_1 doesn't exist\nNon-existent interface specified in configuration\n";
    expect(parseOracleOutput(out, scanOf).map((m) => m.environmental)).toEqual([true, true]);
  });
});

describe('parseOracleOutput: scripts keepalived drops for a user this host lacks', () => {
  const scanWith = (text: string): ConfigScan =>
    ({
      files: [{ path: '/x/keepalived.conf', shownAs: 'keepalived.conf', text }],
      interfaces: [],
      scriptBlocks: new Map([['/x/keepalived.conf', new Map([[3, 'chk']])]]),
    }) as unknown as ConfigScan;

  it('a startup or shutdown script with a user some host may have is environmental', () => {
    const scan = scanWith(
      'global_defs {\n  startup_script "/bin/a b" someuser\n  shutdown_script /bin/b svc_user\n}\n',
    );
    const out = '(Line 2) Invalid startup script\n(Line 3) Invalid shutdown script\n';
    expect(parseOracleOutput(out, scan).map((m) => m.environmental)).toEqual([true, true]);
  });

  it('one run as root, as a number or without a user is a finding', () => {
    const scan = scanWith(
      'global_defs {\n  startup_script /bin/a root\n  shutdown_script /bin/b 0\n  startup_script "/bin/c\n}\n',
    );
    const out = '(Line 2) Invalid startup script\n(Line 3) Invalid shutdown script\n(Line 4) Invalid startup script\n';
    expect(parseOracleOutput(out, scan).map((m) => m.environmental)).toEqual([false, false, false]);
  });

  it("a MISC_CHECK's user this host lacks", () => {
    const out = "(Line 3) Failed to set uid/gid for misc checker script '/x/scripts/vs.sh' - removing\n";
    expect(parseOracleOutput(out, scanWith('')).map((m) => m.environmental)).toEqual([true]);
  });

  it('"Unable to set uid/gid for script" with no name after it, and the references to that script', () => {
    const scan = scanWith('vrrp_script chk {\n  script /bin/true\n  user someuser\n}\n');
    const out = '(Line 3) Unable to set uid/gid for script\n(Line 9) (VI_1) track script chk not found, ignoring...\n';
    expect(parseOracleOutput(out, scan).map((m) => m.environmental)).toEqual([true, true]);
  });
});

describe("isEnvironmental: names keepalived looks up in the host's files", () => {
  it('a name this host lacks is environmental, a number keepalived refuses is not', () => {
    expect(isEnvironmental('Routing table vip not found for rule')).toBe(true);
    expect(isEnvironmental('TOS value lowdelay is invalid')).toBe(true);
    expect(isEnvironmental('Invalid realms a/b for route')).toBe(true);
    expect(isEnvironmental('Invalid ipproto x')).toBe(true);
    expect(isEnvironmental('TOS value 256 is invalid')).toBe(false);
    expect(isEnvironmental('TOS value -1 is invalid')).toBe(false);
    expect(isEnvironmental('Invalid realms 1/300 for route')).toBe(false);
    expect(isEnvironmental('Scope 08 not found or invalid for route')).toBe(false);
  });

  it('an SMTP host name is environmental; an address, bare or with a mask or range, is not', () => {
    expect(isEnvironmental('Invalid smtp server mail.example.com 25')).toBe(true);
    expect(isEnvironmental('Invalid smtp server mail-relay.example.com 25')).toBe(true);
    expect(isEnvironmental('Invalid smtp server 10.0.0.25 99999')).toBe(false);
    expect(isEnvironmental('Invalid smtp server 10.0.0.25/24 25')).toBe(false);
    expect(isEnvironmental('Invalid smtp server 10.0.0.25-26 25')).toBe(false);
  });
});

/** A diagnostic of ours at a line of the test file, with a message. */
const diagAt = (line: number, message = 'm'): Diagnostic => ({
  file,
  line,
  column: 1,
  ruleId: 'r',
  severity: 2,
  message,
});

describe('matchesPositionless: a message about a named object needs a diagnostic about that object', () => {
  const text = 'vrrp_instance VI_1 {\n  priority 100\n  accept\n}\nvrrp_instance VI_2 {\n  priority 100\n}\n';
  const message = {
    text: '(VI_1) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting',
    environmental: false,
  };

  it('finds the blocks of a name by their braces', () => {
    expect(namedBlocks(text, 'VI_1')).toEqual([[1, 4]]);
    expect(namedBlocks(text, 'VI_3')).toEqual([]);
  });

  it('a diagnostic naming the object answers it, wherever it lies', () => {
    expect(matchesPositionless(message, [diagAt(6, '(VI_1) something')], scan(text))).toBe(true);
    expect(matchesPositionless(message, [diagAt(6, 'member "VI_1" ...')], scan(text))).toBe(true);
    expect(matchesPositionless(message, [diagAt(6, 'VI_1 and VI_2 both use VRID 7.')], scan(text))).toBe(true);
  });

  it('a diagnostic about another object does not, even inside the named block', () => {
    expect(matchesPositionless(message, [diagAt(6, '(VI_2) something')], scan(text))).toBe(false);
    expect(matchesPositionless(message, [diagAt(3, 'accept...')], scan(text))).toBe(false);
    expect(matchesPositionless(message, [diagAt(3, '(VI_10) accept...')], scan(text))).toBe(false);
    expect(matchesPositionless(message, [], scan(text))).toBe(false);
  });

  it("a name with UTF-8 in it: keepalived's bytes (read as latin1) against our text", () => {
    const pasted = Buffer.from('vrrp_instance “VI_1” {\n  priority 100\n}\n', 'utf8').toString('latin1');
    const name = Buffer.from('(“VI_1”) the virtual router id must be set', 'utf8').toString('latin1');
    const m = { text: name, environmental: false };
    expect(matchesPositionless(m, [diagAt(1, '(“VI_1”) the virtual router id must be set: ...')], scan(pasted))).toBe(
      true,
    );
    expect(matchesPositionless(m, [diagAt(1, '(VI_1) something')], scan(pasted))).toBe(false);
  });

  it('a message naming no object is answered by any diagnostic', () => {
    const global = { text: 'Some message about the configuration as a whole', environmental: false };
    expect(matchesPositionless(global, [diagAt(6, 'x')], scan(text))).toBe(true);
    expect(matchesPositionless(global, [], scan(text))).toBe(false);
  });

  it("keepalived's brace count is answered by a rule about the file's text", () => {
    const braces = { text: "There are 1 missing '{'s or extra '}'s", environmental: false };
    expect(matchesPositionless(braces, [{ ...diagAt(6, 'x'), ruleId: 'unclosed-block' }], scan(text))).toBe(true);
    expect(matchesPositionless(braces, [{ ...diagAt(6, 'x'), ruleId: 'invalid-number' }], scan(text))).toBe(false);
  });

  it('SECURITY VIOLATION is answered by script-security only', () => {
    const global = {
      text: 'SECURITY VIOLATION - scripts are being executed but script_security not enabled.',
      environmental: false,
    };
    expect(matchesPositionless(global, [{ ...diagAt(6, 'x'), ruleId: 'script-security' }], scan(text))).toBe(true);
    expect(matchesPositionless(global, [diagAt(6, 'x')], scan(text))).toBe(false);
  });
});

describe('objectNames: the objects a message without a position is about', () => {
  it('reads the names keepalived prints', () => {
    expect(objectNames('(VI_1) Priority not valid')).toEqual(['VI_1']);
    expect(objectNames("Sync group G1 has only 1 virtual router(s) - this probably isn't what you want")).toEqual([
      'G1',
    ]);
    expect(objectNames('Sync group G1, no matching virtual router found in group declaration - removing')).toEqual([
      'G1',
    ]);
    expect(objectNames('Sync group G_EMPTY has no virtual router(s). removing')).toEqual(['G_EMPTY']);
    expect(objectNames("Virtual router VI_9 specified in sync group G1 doesn't exist - ignoring")).toEqual([
      'G1',
      'VI_9',
    ]);
    expect(objectNames('Virtual router VI_1 cannot exist in more than one sync group; ignoring G2')).toEqual([
      'G2',
      'VI_1',
    ]);
    expect(objectNames('VI_1 and VI_2 both use VRID 7 with IPv4 on interface eth0')).toEqual(['VI_1', 'VI_2']);
    expect(objectNames('There are 1 missing "{"s or extra "}"s')).toBeUndefined();
  });

  it('a diagnostic about either instance of a VRID clash answers it', () => {
    const text =
      'vrrp_instance VI_1 {\n  virtual_router_id 7\n}\nvrrp_instance VI_2 {\n  virtual_router_id 7\n}\nvrrp_script S {\n  script x\n}\n';
    const message = { text: 'VI_1 and VI_2 both use VRID 7 with IPv4 on interface eth0', environmental: false };
    expect(matchesPositionless(message, [diagAt(5, 'VI_1 and VI_2 both use VRID 7')], scan(text))).toBe(true);
    expect(matchesPositionless(message, [diagAt(2, '(VI_2) uses VRID 7')], scan(text))).toBe(true);
    expect(matchesPositionless(message, [diagAt(5, 'm')], scan(text))).toBe(false);
    expect(matchesPositionless(message, [diagAt(8, '(S) m')], scan(text))).toBe(false);
  });

  it('when one of the objects cannot be found by its name, any diagnostic answers it', () => {
    const text =
      'vrrp_instance VI_1 {\n  virtual_router_id 7\n}\nvrrp_instance VI_${_HASH}x {\n  virtual_router_id 7\n}\n';
    const message = { text: 'VI_1 and VI_ both use VRID 7 with IPv4 on interface eth0', environmental: false };
    expect(matchesPositionless(message, [diagAt(5)], scan(text))).toBe(true);
    expect(matchesPositionless(message, [], scan(text))).toBe(false);
  });
});

describe('virtualServerOf: the virtual server a message names, as its virtual_server words', () => {
  it('reads keepalived FMT_VS forms', () => {
    expect(virtualServerOf('Virtual server [10.0.0.1]:tcp:80: no protocol set')).toEqual(['10.0.0.1', '80']);
    expect(virtualServerOf('Virtual server FWM 7: cannot use ha_suspend')).toEqual(['fwmark', '7']);
    expect(virtualServerOf('WARNING - virtual server [G7]:0, sorry server has port')).toEqual(['group', 'G7']);
    expect(virtualServerOf('Virtual server [2001:db8::1]:tcp:0: zero port')).toEqual(['2001:db8::1']);
    expect(
      virtualServerOf('VS [10.0.0.1]:udp:53: real server [10.0.1.1]:udp:53 is duplicated - removing second rs'),
    ).toEqual(['10.0.0.1', '53']);
    expect(virtualServerOf('(VI_1) something else')).toBeUndefined();
  });

  it('a message about a virtual server needs a diagnostic naming it by its virtual_server words', () => {
    const text =
      'virtual_server 10.0.0.1 80 {\n  lb_algo rr\n}\nvirtual_server 10.0.0.1 8080 {\n  lb_algo rr\n}\nvirtual_server fwmark 7 {\n}\n';
    const message = {
      text: 'Virtual server [10.0.0.1]:tcp:80: no protocol set - defaulting to UDP',
      environmental: false,
    };
    expect(matchesPositionless(message, [diagAt(1, 'Virtual server 10.0.0.1 80: no protocol set.')], scan(text))).toBe(
      true,
    );
    expect(matchesPositionless(message, [diagAt(2, 'm')], scan(text))).toBe(false);
    expect(
      matchesPositionless(message, [diagAt(4, 'Virtual server 10.0.0.1 8080: no protocol set.')], scan(text)),
    ).toBe(false);
    const masked = 'virtual_server 10.0.0.1/33 80 {\n  lb_algo rr\n}\n';
    expect(
      matchesPositionless(message, [diagAt(1, 'Virtual server 10.0.0.1/33 80: no protocol set.')], scan(masked)),
    ).toBe(true);
    const fwm = {
      text: 'Virtual server FWM 7: cannot use ha_suspend with fwmarks - clearing ha_suspend',
      environmental: false,
    };
    expect(
      matchesPositionless(fwm, [diagAt(7, 'Virtual server fwmark 7: ha_suspend cannot be used')], scan(text)),
    ).toBe(true);
    expect(
      matchesPositionless(fwm, [diagAt(7, 'Virtual server fwmark 70: ha_suspend cannot be used')], scan(text)),
    ).toBe(false);
  });
});
