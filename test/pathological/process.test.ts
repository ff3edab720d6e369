// Pathological inputs through the bundled CLI, each in its own process with a wall-clock timeout
// and a capped heap: huge files and lines, deep nesting, include cycles, folders, FIFOs, devices,
// a 10,000-file include glob, binary files, unreadable files, empty and comment-only files,
// recursive definitions and replication bombs. Each must give a clear diagnostic or error — exit
// 0, 1 or 2, no stack trace — never a hang or a crash. Generated in temporary folders.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../grammar/index';
import { ensureCli } from '../cli/helpers';
import { expectCleanExit, messages, runCli, tempDir } from './helpers';

let dir = '';
let cleanup = (): void => {};

beforeAll(() => {
  ensureCli();
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

/** Writes a file in the temp folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** Lints with --format json; checks a clean exit; returns the messages. */
function lint(args: string[], opts: Parameters<typeof runCli>[1] = {}): ReturnType<typeof messages> {
  const r = runCli(['--format', 'json', ...args], { cwd: dir, ...opts });
  expectCleanExit(r);
  expect(r.status, r.stderr).not.toBe(2);
  return messages(r);
}

const rules = (ms: ReturnType<typeof messages>): string[] => [...new Set(ms.map((m) => m.ruleId ?? 'null'))].sort();

/** A valid virtual_server block (about 190 bytes). */
const vs = (i: number): string =>
  `virtual_server 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} 80 {\n  delay_loop 6\n  lb_algo rr\n  lb_kind DR\n  protocol TCP\n` +
  `  real_server 192.168.1.${(i % 250) + 1} 80 {\n    weight 1\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\n`;

/** Writes a valid config of about `bytes` bytes, streaming. */
function bigConfig(name: string, bytes: number): string {
  const p = join(dir, name);
  const fd = openSync(p, 'w');
  let n = 0;
  let i = 0;
  while (n < bytes) {
    const chunk: string[] = [];
    for (let k = 0; k < 2000; k++) chunk.push(vs(i++));
    const s = chunk.join('');
    writeSync(fd, s);
    n += s.length;
  }
  closeSync(fd);
  return p;
}

describe('huge inputs', () => {
  it('a file over the 16 MiB cap gets the size diagnostic without being read', () => {
    const p = join(dir, 'sparse.conf');
    closeSync(openSync(p, 'w'));
    execFileSync('truncate', ['-s', String(MAX_FILE_BYTES + 1), p]);
    const r = runCli(['--format', 'json', p], { cwd: dir, timeoutMs: 20_000, heapMb: 128 });
    expectCleanExit(r);
    const ms = messages(r);
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toMatch(/over the 16777216-byte limit/);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('a 5 MB valid file gives results within 60 s and a 512 MB heap', { timeout: 120_000 }, () => {
    const p = bigConfig('big5.conf', 5 * 1024 * 1024);
    const r = runCli(['--format', 'json', '--quiet', p], { cwd: dir, timeoutMs: 90_000, heapMb: 512 });
    expectCleanExit(r);
    expect(r.status).toBe(0);
  });

  // RB-9 (test/ROBUSTNESS-BUGS.md): a valid file just under the cap gives results (4.4 s and 500 MB
  // RSS on the 2-core machine), and a 50 MB one gets the size diagnostic.
  it('RB-9: a valid file just under the 16 MiB cap gives results within a 512 MB heap', { timeout: 180_000 }, () => {
    const p = bigConfig('big16.conf', MAX_FILE_BYTES - 200_000);
    const r = runCli(['--format', 'json', '--quiet', p], { cwd: dir, timeoutMs: 150_000, heapMb: 512 });
    expectCleanExit(r);
    expect(r.status).toBe(0);
  });

  it('RB-9: a 50 MB valid file gets the size diagnostic at once', { timeout: 60_000 }, () => {
    const p = bigConfig('big50.conf', 50 * 1024 * 1024);
    const r = runCli(['--format', 'json', p], { cwd: dir, timeoutMs: 20_000, heapMb: 128 });
    expectCleanExit(r);
    expect(messages(r).map((m) => m.message)).toEqual([expect.stringMatching(/is 5\d{7} bytes, over the 16777216-byte limit/)]);
  });

  it('a single 10 MB line of words: line-too-long, bounded', { timeout: 120_000 }, () => {
    const p = file('line10m.conf', 'global_defs {\n  router_id lb1\n}\n' + 'word '.repeat(2 * 1024 * 1024) + '\n');
    const ms = lint([p], { timeoutMs: 90_000, heapMb: 1024 });
    expect(rules(ms)).toContain('line-too-long');
  });

  it('a single 10 MB line of "{" at the top level, bounded', { timeout: 120_000 }, () => {
    const p = file('braces10m.conf', '{'.repeat(10 * 1024 * 1024) + '\n');
    const ms = lint([p], { timeoutMs: 90_000, heapMb: 1024 });
    expect(rules(ms)).toContain('line-too-long');
  });

  // RB-6 (test/ROBUSTNESS-BUGS.md): one problem per stray brace in a value block used to cost 17 s and 1.47 GB here.
  it('RB-6: a 1 MB line of "{" inside virtual_ipaddress, bounded', { timeout: 120_000 }, () => {
    const p = file('vbraces.conf', 'vrrp_instance x {\n virtual_ipaddress {\n' + '{'.repeat(1024 * 1024) + '\n}\n}\n');
    lint([p], { timeoutMs: 30_000, heapMb: 512 });
  });
});

describe('deep nesting', () => {
  it('100,000 "{" lines', { timeout: 60_000 }, () => {
    const ms = lint([file('open.conf', '{\n'.repeat(100_000))], { timeoutMs: 30_000 });
    expect(rules(ms).length).toBeGreaterThan(0);
  });

  it('100,000 "{" on one line', { timeout: 60_000 }, () => {
    const ms = lint([file('open1.conf', '{'.repeat(100_000) + '\n')], { timeoutMs: 30_000 });
    expect(rules(ms)).toContain('line-too-long');
  });

  it('100,000 nested "vrrp_instance x {" lines', { timeout: 60_000 }, () => {
    const ms = lint([file('nested.conf', 'vrrp_instance x {\n'.repeat(100_000))], { timeoutMs: 30_000 });
    expect(rules(ms)).toContain('unclosed-block');
  });

  it('100,000 "}" lines', { timeout: 60_000 }, () => {
    const ms = lint([file('close.conf', '}\n'.repeat(100_000))], { timeoutMs: 30_000 });
    expect(rules(ms)).toContain('extra-close-brace');
  });
});

describe('includes', () => {
  it('a includes b includes a: include-cycle', () => {
    file('cyc/a.conf', 'include b.conf\nglobal_defs {\n  router_id a\n}\n');
    file('cyc/b.conf', 'include a.conf\n');
    const ms = lint([join(dir, 'cyc/a.conf')], { timeoutMs: 20_000 });
    expect(rules(ms)).toEqual(['include-cycle']);
  });

  it('a file that includes itself: include-cycle', () => {
    const ms = lint([file('self.conf', 'include self.conf\n')], { timeoutMs: 20_000 });
    expect(rules(ms)).toEqual(['include-cycle']);
  });

  it('a file that includes itself through a glob and a symlink', () => {
    file('gl/x.conf', 'include *.conf\n');
    symlinkSync(join(dir, 'gl/x.conf'), join(dir, 'gl/y.conf'));
    const ms = lint([join(dir, 'gl/x.conf')], { timeoutMs: 20_000 });
    expect(ms.length).toBeGreaterThan(0);
  });

  it('an include of a folder: include-error "is a directory"', () => {
    file('folder/sub/x.conf', 'global_defs {\n}\n');
    const ms = lint([file('folder/main.conf', 'include sub\n')], { timeoutMs: 20_000 });
    expect(rules(ms)).toEqual(['include-error']);
    expect(ms[0]!.message).toMatch(/is a directory/);
  });

  it('an include of a FIFO does not block (nothing writes to it)', () => {
    execFileSync('mkfifo', [join(dir, 'fifo.conf')]);
    const ms = lint([file('usefifo.conf', 'include fifo.conf\n')], { timeoutMs: 20_000 });
    expect(rules(ms)).toEqual(['include-error']);
    expect(ms[0]!.message).toMatch(/not a regular/);
  });

  it('a FIFO given as the file to lint does not block', () => {
    const p = join(dir, 'fifo2.conf');
    execFileSync('mkfifo', [p]);
    const ms = lint([p], { timeoutMs: 20_000 });
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toMatch(/not a regular file/);
  });

  it('include /dev/zero, /dev/null, /dev/urandom and /dev/stdin: skipped, no hang', () => {
    const ms = lint(
      [file('dev.conf', 'include /dev/zero\ninclude /dev/null\ninclude /dev/urandom\ninclude /dev/stdin\n')],
      {
        timeoutMs: 20_000,
      },
    );
    expect(ms.map((m) => m.ruleId)).toEqual(['include-error', 'include-error', 'include-error', 'include-error']);
  });

  it('/dev/zero given as the file to lint does not hang', () => {
    const ms = lint(['/dev/zero'], { timeoutMs: 20_000 });
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toMatch(/not a regular file/);
  });

  it('--include-root / with include /dev/zero and a /proc file: no hang', () => {
    const ms = lint(['--include-root', '/', file('root.conf', 'include /dev/zero\ninclude /proc/self/status\n')], {
      timeoutMs: 20_000,
    });
    expect(ms.filter((m) => m.file === 'root.conf').map((m) => m.ruleId)).toEqual(['include-error']);
  });

  // RB-10 (test/ROBUSTNESS-BUGS.md): /proc/kmsg stats as a regular file and its read used to block forever.
  it('RB-10: include /proc/kmsg does not hang', () => {
    lint([file('kmsg.conf', 'include /proc/kmsg\n')], { timeoutMs: 20_000 });
  });

  it('an include glob matching 10,000 files', { timeout: 120_000 }, () => {
    const d = join(dir, 'many');
    mkdirSync(d);
    for (let i = 0; i < 10_000; i++)
      writeFileSync(join(d, `f${i}.conf`), `vrrp_script s${i} {\n  script "/bin/true"\n}\n`);
    const r = runCli(['--format', 'json', file('glob.conf', 'include many/*.conf\n')], {
      cwd: dir,
      timeoutMs: 90_000,
      heapMb: 1024,
    });
    expectCleanExit(r);
    const ms = messages(r);
    // Every file was read: each script is reported as never tracked.
    expect(ms.filter((m) => m.ruleId === 'track-unused').length).toBe(10_000);
  });

  it('an include of an unreadable file (chmod 000)', () => {
    const p = file('secret.conf', 'global_defs {\n}\n');
    chmodSync(p, 0);
    // As root the file is still readable; either way the lint ends cleanly.
    lint([file('usesecret.conf', 'include secret.conf\n')], { timeoutMs: 20_000 });
    const r = runCli(['--format', 'json', p], { cwd: dir, timeoutMs: 20_000 });
    expectCleanExit(r);
  });
});

describe('binary and odd files', () => {
  it('random bytes as the root file', () => {
    const bytes = new Uint8Array(64 * 1024);
    let s = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
    const ms = lint([file('random.bin', bytes)], { timeoutMs: 20_000 });
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toMatch(/not a text file/);
  });

  it('an ELF executable (/bin/true) as the root file', () => {
    const ms = lint(['/bin/true'], { timeoutMs: 20_000 });
    expect(ms).toHaveLength(1);
    expect(ms[0]!.message).toMatch(/not a text file/);
  });

  it('an ELF executable (/bin/true) as an include', () => {
    const ms = lint([file('elf.conf', 'include /bin/true\n')], { timeoutMs: 20_000 });
    expect(rules(ms)).toEqual(['include-error']);
  });

  it('a copy of an ELF that is not executable, as an include: binary-file, skipped', () => {
    execFileSync('cp', ['/bin/true', join(dir, 'elfcopy.conf')]);
    chmodSync(join(dir, 'elfcopy.conf'), 0o644);
    const ms = lint([file('elf2.conf', 'include elfcopy.conf\n')], { timeoutMs: 20_000 });
    expect(ms.length).toBeGreaterThan(0);
  });

  it('an empty file: no findings', () => {
    expect(lint([file('empty.conf', '')], { timeoutMs: 20_000 })).toEqual([]);
  });

  it('a file of only comments: no findings', () => {
    expect(lint([file('comments.conf', '# one\n! two\n   # three\n#\n!\n')], { timeoutMs: 20_000 })).toEqual([]);
  });

  it('an empty file on stdin and binary on stdin', () => {
    expectCleanExit(runCli(['--stdin'], { cwd: dir, input: '', timeoutMs: 20_000 }));
    expectCleanExit(runCli(['--stdin'], { cwd: dir, input: Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), timeoutMs: 20_000 }));
  });
});

describe('definitions and replication', () => {
  const cases: Array<[string, string]> = [
    ['$A=$A', '$A=$A\nglobal_defs {\n  router_id $A\n}\n'],
    ['$A=$A$A', '$A=$A$A\n$A\n'],
    ['$A=x${A}', '$A=x${A}\n$A\n'],
    ['$A=$B, $B=$A', '$A=$B\n$B=$A\nglobal_defs {\n  router_id $A\n}\n'],
    [
      'a doubling chain of 10 definitions',
      '$A=$B$B\n$B=$C$C\n$C=$D$D\n$D=$E$E\n$E=$F$F\n$F=$G$G\n$G=$H$H\n$H=$I$I\n$I=$J$J\n$J=xxxxxxxxxx\n$A\n',
    ],
  ];
  for (const [name, text] of cases) {
    it(`recursive definitions: ${name}`, () => {
      lint([file(`def-${name.replace(/\W+/g, '_')}.conf`, text)], { timeoutMs: 20_000 });
    });
  }

  // RB-8 (test/ROBUSTNESS-BUGS.md): used to run for minutes.
  it('RB-8: recursive definitions: $A=${A}${A} (bounded, reported)', () => {
    const ms = lint([file('def-braced.conf', '$A=${A}${A}\n$A\n')], { timeoutMs: 20_000 });
    expect(ms.map((m) => m.message).join('\n')).toMatch(/referring to itself|over keepalived/);
  });

  it('~SEQ(X, 1, 1000000): invalid-replication, bounded', () => {
    const ms = lint([file('seq.conf', '~SEQ(X, 1, 1000000) vrrp_script s$X {\n  script /bin/true\n}\n')], {
      timeoutMs: 20_000,
    });
    expect(rules(ms)).toContain('invalid-replication');
  });

  it('~SEQ(X, 1, 99999): just under the cap, bounded', { timeout: 60_000 }, () => {
    lint([file('seq1.conf', '~SEQ(X, 1, 99999) $X\n')], { timeoutMs: 30_000 });
  });

  // RB-11 (test/ROBUSTNESS-BUGS.md): nested replication used to multiply past the cap and run out of heap.
  for (const [name, text] of [
    ['~SEQ inside ~SEQ', '~SEQ(X, 1, 1000) ~SEQ(Y, 1, 1000) a\n'],
    ['~SEQ through a definition', '$S=~SEQ(Y, 1, 1000) $X\n~SEQ(X, 1, 1000) $S\n'],
  ]) {
    it(`RB-11: nested replication bomb: ${name}`, { timeout: 60_000 }, () => {
      const ms = lint([file(`seq-${name.replace(/\W+/g, '_')}.conf`, text)], { timeoutMs: 30_000 });
      expect(rules(ms)).toContain('invalid-replication');
    });
  }
});
