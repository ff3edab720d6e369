// Pathological file access through the library (parseFile + lintParse) with a FileAccess that
// fails the way a real disk can: permission denied (the CLI tests run as root, where chmod 000
// does not deny), a file that vanishes between stat and read, unlistable folders, a stat that
// says "unreadable". Each gives a clear diagnostic, never an exception.
import { describe, expect, it } from 'vitest';
import { parseFile, type FileAccess, type FileStat } from '../../grammar/index';
import { lintParse, type Diagnostic } from '../../linter/index';

const enc = new TextEncoder();
const ROOT = '/etc/keepalived/keepalived.conf';

/** A FileAccess over text files, with per-path failures. */
function mockFs(
  files: Record<string, string>,
  fail: { stat?: Record<string, FileStat['kind']>; read?: Record<string, string>; unlistable?: string[] } = {},
): FileAccess {
  const dirs = new Set(
    Object.keys(files).flatMap((p) =>
      p
        .split('/')
        .slice(1, -1)
        .map((_, i, a) => '/' + a.slice(0, i + 1).join('/')),
    ),
  );
  return {
    stat(p) {
      const forced = fail.stat?.[p];
      if (forced) return { kind: forced, size: 0, executable: false };
      if (p in files) return { kind: 'file', size: enc.encode(files[p]!).length, executable: false };
      if (dirs.has(p)) return { kind: 'directory', size: 0, executable: false };
      return { kind: 'missing', size: 0, executable: false };
    },
    readFile(p) {
      const err = fail.read?.[p];
      if (err) return { error: err };
      return p in files ? enc.encode(files[p]!) : { error: `ENOENT: no such file or directory, open '${p}'` };
    },
    readDir(p) {
      if (fail.unlistable?.includes(p) || !dirs.has(p)) return undefined;
      const pre = `${p}/`;
      return [
        ...new Set(
          Object.keys(files)
            .filter((k) => k.startsWith(pre))
            .map((k) => k.slice(pre.length).split('/')[0]!),
        ),
      ];
    },
  };
}

function lint(fs: FileAccess): { diags: Diagnostic[]; rules: string[] } {
  const parse = parseFile(ROOT, { fs });
  const diags = lintParse(parse, {});
  for (const d of diags) {
    const f = parse.files[d.loc.file];
    expect(f, d.message).toBeDefined();
    expect(d.loc.start).toBeGreaterThanOrEqual(0);
    expect(d.loc.end).toBeLessThanOrEqual(f!.text.length);
  }
  return { diags, rules: [...new Set(diags.map((d) => d.ruleId))].sort() };
}

describe('file access failures (library)', () => {
  it('the root file cannot be read (EACCES)', () => {
    const { diags } = lint(
      mockFs(
        { [ROOT]: 'global_defs {\n}\n' },
        { read: { [ROOT]: "EACCES: permission denied, open '/etc/keepalived/keepalived.conf'" } },
      ),
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]!.severity).toBe('error');
    expect(diags[0]!.message).toMatch(/permission denied/i);
  });

  it('the root file stats as unreadable', () => {
    const { diags } = lint(mockFs({}, { stat: { [ROOT]: 'unreadable' } }));
    expect(diags).toHaveLength(1);
    expect(diags[0]!.severity).toBe('error');
  });

  it('the root file is missing', () => {
    const { diags } = lint(mockFs({}));
    expect(diags).toHaveLength(1);
    expect(diags[0]!.severity).toBe('error');
  });

  it('an included file cannot be read (EACCES)', () => {
    const inc = '/etc/keepalived/conf.d/a.conf';
    const { diags, rules } = lint(
      mockFs(
        { [ROOT]: 'include conf.d/a.conf\n', [inc]: 'global_defs {\n}\n' },
        { read: { [inc]: 'EACCES: permission denied' } },
      ),
    );
    expect(rules).toEqual(['include-error']);
    expect(diags[0]!.loc.file).toBe(0);
  });

  it('an included file vanishes between stat and read', () => {
    const inc = '/etc/keepalived/a.conf';
    const { rules } = lint(
      mockFs({ [ROOT]: 'include a.conf\n', [inc]: 'x' }, { read: { [inc]: 'ENOENT: no such file or directory' } }),
    );
    expect(rules).toEqual(['include-error']);
  });

  it('an included file stats as unreadable or other', () => {
    for (const kind of ['unreadable', 'other'] as const) {
      const inc = '/etc/keepalived/a.conf';
      const { rules } = lint(mockFs({ [ROOT]: 'include a.conf\n', [inc]: 'x' }, { stat: { [inc]: kind } }));
      expect(rules).toEqual(['include-error']);
    }
  });

  it('a glob over a folder that cannot be listed', () => {
    const { diags } = lint(
      mockFs(
        { [ROOT]: 'include conf.d/*.conf\n', '/etc/keepalived/conf.d/a.conf': 'global_defs {\n}\n' },
        { unlistable: ['/etc/keepalived/conf.d'] },
      ),
    );
    // keepalived's glob finds nothing there: reported or silently empty, never an exception.
    for (const d of diags) expect(d.loc.file).toBe(0);
  });

  it('a thousand includes that all fail', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `include x${i}.conf\n`).join('');
    const { diags, rules } = lint(mockFs({ [ROOT]: lines }));
    expect(rules).toEqual(['include-not-found']);
    expect(diags).toHaveLength(1000);
  });
});
