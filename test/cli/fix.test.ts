// --fix and --fix-dry-run through the built CLI, and host/fix.ts's pieces.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary, parseText, type FileAccess } from '../../grammar/index';
import { applyFixes, fixProject, unifiedDiff } from '../../host/fix';
import type { FileResult } from '../../host/project';
import { cli, ensureCli, FIXABLE, FIXED, tempDir } from './helpers';

/** After a BOM: keepalived reads the BOM as a keyword, and this keeps that finding (and its fix) out. */
const KEEP_BOM = '# keepalived-lint disable-line unknown-keyword -- the BOM stays';

beforeAll(() => {
  ensureCli();
});

describe('applyFixes', () => {
  it('applies edits in any order and leaves other text alone', () => {
    expect(
      applyFixes('hello world', [
        { start: 6, end: 11, text: 'there' },
        { start: 0, end: 5, text: 'bye' },
      ]),
    ).toEqual({ text: 'bye there', applied: 2, skipped: 0 });
  });
  it('skips an edit overlapping an earlier one, and a second insertion at the same point', () => {
    const r = applyFixes('abcdef', [
      { start: 1, end: 4, text: 'X' },
      { start: 2, end: 3, text: 'Y' },
      { start: 5, end: 5, text: '1' },
      { start: 5, end: 5, text: '2' },
    ]);
    expect(r).toEqual({ text: 'aXe1f', applied: 2, skipped: 2 });
  });
  it('ignores edits outside the text and keeps CRLF', () => {
    expect(
      applyFixes('a\r\nb\r\n', [
        { start: 3, end: 4, text: 'c' },
        { start: 10, end: 12, text: 'z' },
      ]),
    ).toEqual({ text: 'a\r\nc\r\n', applied: 1, skipped: 1 });
  });
});

describe('fixProject', () => {
  const path = '/virtual/keepalived.conf';
  const disk: FileAccess = {
    stat: () => ({ kind: 'file', size: 4, executable: false }),
    readFile: () => new TextEncoder().encode('aaaa'),
    readDir: () => [],
  };
  /** A fake rule: every "aa" (overlapping) becomes "a"; or, with flip, a <-> b forever. */
  const lintWith =
    (flip: boolean) =>
    (fs: FileAccess): FileResult[] => {
      const text = decodeBytes(fs.readFile(path) as Uint8Array).text;
      const parse = parseText(path, text, { fs });
      const diagnostics = [];
      for (let i = 0; i + 1 < text.length; i++) {
        if (flip || text.slice(i, i + 2) === 'aa') {
          const fix = flip
            ? { start: i, end: i + 1, text: text[i] === 'a' ? 'b' : 'a' }
            : { start: i, end: i + 2, text: 'a' };
          diagnostics.push({
            ruleId: 'fake',
            messageId: 'm',
            severity: 'error' as const,
            message: 'm',
            loc: { file: 0, ...fix },
            data: {},
            fix: { file: 0, ...fix },
          });
        }
      }
      return [{ path, diagnostics, parse, fileIndex: 0 }];
    };

  it('skips overlapping fixes and applies them in later passes until nothing changes', () => {
    const out = fixProject(new Set([path]), disk, lintWith(false), { safe: () => true });
    expect(new TextDecoder().decode(out.changed.get(path))).toBe('a');
    expect(out.applied).toBe(3);
    expect(out.results[0]!.diagnostics).toEqual([]);
  });
  it('stops after 10 passes', () => {
    let runs = 0;
    const lint = lintWith(true);
    const out = fixProject(new Set([path]), disk, (fs) => (runs++, lint(fs)), { safe: () => true });
    expect(runs).toBe(11);
    expect(out.changed.has(path)).toBe(true);
  });
  it('changes only the files given', () => {
    expect(fixProject(new Set(['/elsewhere.conf']), disk, lintWith(false), { safe: () => true }).changed.size).toBe(0);
  });
  it('never turns a text into what reads as binary (RB-14)', () => {
    // 32 control characters in 330: text. Deleting 30 letters would make them 10.7 %: binary.
    const text = 'x'.repeat(298) + '\u0001'.repeat(32);
    const file: FileAccess = { ...disk, stat: () => ({ kind: 'file', size: text.length, executable: false }), readFile: () => new TextEncoder().encode(text) };
    const shorten = (fs: FileAccess): FileResult[] => {
      const now = decodeBytes(fs.readFile(path) as Uint8Array).text;
      const parse = parseText(path, now, { fs });
      const fix = { file: 0, start: 0, end: 30, text: '' };
      const d = { ruleId: 'fake', messageId: 'm', severity: 'error' as const, message: 'm', loc: fix, data: {}, fix };
      return [{ path, diagnostics: now.startsWith('x'.repeat(30)) ? [d] : [], parse, fileIndex: 0 }];
    };
    expect(looksBinary(text.slice(30))).toBe(true);
    expect(fixProject(new Set([path]), file, shorten, { safe: () => true }).changed.size).toBe(0);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'a/x')).toBe('');
  });
  it('makes hunks that patch(1) and git apply accept', () => {
    const dir = tempDir();
    const before = Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join('');
    const after = before
      .replace('line 2\n', 'LINE 2\n')
      .replace('line 20\n', '')
      .replace('line 39\n', 'line 39\nlast\n');
    writeFileSync(join(dir, 'f.txt'), before);
    const diff = unifiedDiff(before, after, 'a/f.txt', 'b/f.txt');
    expect(diff.match(/^@@/gm)).toHaveLength(3);
    // patch(1) where installed, else git apply (also a plain patch applier outside a repository).
    const hasPatch = !spawnSync('patch', ['--version']).error;
    const r = hasPatch
      ? spawnSync('patch', ['-p1', '--quiet'], { cwd: dir, input: diff, encoding: 'utf8' })
      : spawnSync('git', ['apply', '-'], { cwd: dir, input: diff, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe(after);
  });
  it('marks a missing final newline', () => {
    expect(unifiedDiff('x', 'y\n', 'a/f', 'b/f')).toBe(
      '--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+y\n',
    );
  });
});

describe('--fix', () => {
  it('applies the safe fixes, keeps the mode, reports what is left, and is idempotent', () => {
    const dir = tempDir();
    const file = join(dir, 'keepalived.conf');
    writeFileSync(file, FIXABLE);
    chmodSync(file, 0o640);
    const r = cli(['--fix', 'keepalived.conf'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    const mtime = statSync(file).mtimeMs;
    const again = cli(['--fix', 'keepalived.conf'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(cli(['--fix-dry-run', 'keepalived.conf'], { cwd: dir }).stdout).toBe('');
  });

  it('writes through a symlink and keeps the link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.conf'), FIXABLE);
    symlinkSync('real.conf', join(dir, 'keepalived.conf'));
    const r = cli(['--fix', 'keepalived.conf'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'keepalived.conf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.conf'), 'utf8')).toBe(FIXED);
  });

  it('reports the problems it cannot fix and exits 1 for them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.conf'), `${FIXABLE}vrrp_instance VI_1 {\n  priority 100\n  virtual_router_id 999\n}\n`);
    const r = cli(['--fix', '-f', 'json', 'a.conf'], { cwd: dir });
    const msgs = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string }>;
    expect(msgs.length).toBeGreaterThan(0);
    expect(msgs.map((m) => m.ruleId)).not.toContain('unknown-keyword');
    expect(readFileSync(join(dir, 'a.conf'), 'utf8').startsWith(FIXED)).toBe(true);
    expect(r.status).toBe(1);
  });

  it('keeps Latin-1 bytes, a BOM and CRLF line ends, and every comment', () => {
    const dir = tempDir();
    const latin1 = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from(' config\n'),
      Buffer.from(FIXABLE.replace('router_id lb1', 'router_id lb1 # r\xe9sum\xe9'), 'latin1'),
    ]);
    writeFileSync(join(dir, 'latin1.conf'), latin1);
    const bomCrlf = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${KEEP_BOM} 中文注释\r\n${FIXABLE.replace(/\n/g, '\r\n')}`, 'utf8'),
    ]);
    writeFileSync(join(dir, 'bom.conf'), bomCrlf);
    const r = cli(['--fix', '-f', 'json', 'latin1.conf', 'bom.conf'], { cwd: dir });
    // Nothing is left (the BOM's own finding is suppressed on its line, so its fix is not applied).
    expect(
      (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>)
        .flatMap((f) => f.messages)
        .filter((m) => !m.ruleId.startsWith('peer-')),
    ).toEqual([]);
    const fixedLatin1 = readFileSync(join(dir, 'latin1.conf'));
    expect(fixedLatin1.toString('latin1')).toBe(
      latin1.toString('latin1').replace('vrrp_strick', 'vrrp_strict').replace('lvs_flush_onstop', 'lvs_flush_on_stop'),
    );
    expect(fixedLatin1.includes(0xe9)).toBe(true);
    const fixedBom = readFileSync(join(dir, 'bom.conf'));
    expect([...fixedBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fixedBom.subarray(3).toString('utf8')).toBe(`${KEEP_BOM} 中文注释\r\n${FIXED.replace(/\n/g, '\r\n')}`);
  });

  it('removes a BOM that keepalived would read into the first keyword (a safe fix of unknown-keyword)', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bom.conf'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE.replace(/\n/g, '\r\n'))]),
    );
    const r = cli(['--fix', 'bom.conf'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'bom.conf'), 'utf8')).toBe(FIXED.replace(/\n/g, '\r\n'));
  });

  it('only changes the files given on the command line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.conf'), `include sub.conf\n${FIXABLE}`);
    writeFileSync(join(dir, 'sub.conf'), 'vrrp_script chk {\n  script "/bin/true"\n  intervall 2\n}\n');
    const sub = readFileSync(join(dir, 'sub.conf'), 'utf8');
    cli(['--fix', 'main.conf'], { cwd: dir });
    expect(readFileSync(join(dir, 'main.conf'), 'utf8')).toBe(`include sub.conf\n${FIXED}`);
    expect(readFileSync(join(dir, 'sub.conf'), 'utf8')).toBe(sub);
    cli(['--fix', 'main.conf', 'sub.conf'], { cwd: dir });
    expect(readFileSync(join(dir, 'sub.conf'), 'utf8')).toBe(sub.replace('intervall', 'interval'));
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff that git apply accepts, and changes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lb1.conf'), FIXABLE);
    const r = cli(['--fix-dry-run', 'lb1.conf'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      '--- a/lb1.conf\n+++ b/lb1.conf\n@@ -1,5 +1,5 @@\n global_defs {\n   router_id lb1\n-  vrrp_strick\n-  lvs_flush_onstop\n+  vrrp_strict\n+  lvs_flush_on_stop\n }\n',
    );
    expect(readFileSync(join(dir, 'lb1.conf'), 'utf8')).toBe(FIXABLE);
    const apply = spawnSync('git', ['apply', '-'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    expect(readFileSync(join(dir, 'lb1.conf'), 'utf8')).toBe(FIXED);
  });
  it("writes the diff in each file's encoding, so applying it gives what --fix writes (Latin-1, BOM, CRLF)", () => {
    const dir = tempDir();
    const files: Record<string, Buffer> = {
      'latin1.conf': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${FIXABLE}`)]),
      'bom.conf': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`${KEEP_BOM} 注释\r\n${FIXABLE.replace(/\n/g, '\r\n')}`, 'utf8'),
      ]),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const r = spawnSync(process.execPath, [ensureCli(), '--fix-dry-run', ...Object.keys(files)], { cwd: dir });
    expect(r.status).toBe(0); // everything else is fixed, and the BOM's finding is suppressed
    const diff = r.stdout as Buffer;
    expect(diff.includes(Buffer.from([0xe9]))).toBe(true);
    const apply = spawnSync('git', ['apply', '-'], { cwd: dir, input: diff, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    const applied = Object.keys(files).map((n) => readFileSync(join(dir, n)));
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    cli(['--fix', ...Object.keys(files)], { cwd: dir });
    expect(applied).toEqual(Object.keys(files).map((n) => readFileSync(join(dir, n))));
    expect([...applied[1]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes the report of what is left to --output-file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lb1.conf'), FIXABLE);
    const r = cli(['--fix-dry-run', '-f', 'json', '-o', 'report.json', 'lb1.conf'], { cwd: dir });
    expect(r.stdout).toMatch(/^--- a\/lb1\.conf/);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))[0].messages).toEqual([]);
  });
});
