// Fixture files on disk (parts of include trees end in .part, so that only whole configurations
// end in .conf): every test/fixtures/valid/*.conf is a realistic configuration that
// keepalived 2.2.7 accepts (`keepalived -t`), so it must give no parse problem and no error or
// warning; test/fixtures/grammar/ holds files whose bytes matter (includes, CRLF, Latin-1).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeText, parseFile, type FileAccess } from '../../grammar/index';
import { lintParse } from '../../linter/index';
import { find, shape, texts } from './helpers';

const FIXTURES = resolve(__dirname, '../fixtures');

/** FileAccess over the real filesystem, read-only. */
const nodeFs: FileAccess = {
  stat(p) {
    try {
      const st = statSync(p);
      return {
        kind: st.isDirectory() ? 'directory' : st.isFile() ? 'file' : 'other',
        size: st.size,
        executable: st.isFile() && (st.mode & 0o111) !== 0,
      };
    } catch {
      return { kind: 'missing', size: 0, executable: false };
    }
  },
  readFile(p) {
    try {
      return new Uint8Array(readFileSync(p));
    } catch (e) {
      return { error: String(e) };
    }
  },
  readDir(p) {
    try {
      return readdirSync(p);
    } catch {
      return undefined;
    }
  },
};

const valid = readdirSync(join(FIXTURES, 'valid')).filter((f) => f.endsWith('.conf'));

describe('valid fixtures', () => {
  it('there are fixtures', () => {
    expect(valid.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of valid) {
    for (const targetVersion of [undefined, '2.2.7']) {
      it(`${name} (${targetVersion ?? 'newest'}): no parse problem, no error or warning`, () => {
        const p = parseFile(join(FIXTURES, 'valid', name), { fs: nodeFs, targetVersion });
        expect(p.problems.map((x) => x.code)).toEqual([]);
        const diags = lintParse(p, { targetVersion }).filter((d) => d.severity === 'error' || d.severity === 'warning');
        expect(
          diags.map((d) => `${d.ruleId}: ${d.message} @${p.files[d.loc.file]!.lines.lineOf(d.loc.start) + 1}`),
        ).toEqual([]);
        expect(p.body.length).toBeGreaterThan(0);
        expect(p.body.every((s) => s.spec !== undefined)).toBe(true);
      });
    }
  }

  it('AST of vrrp-pair-master.conf', () => {
    expect(shape(parseFile(join(FIXTURES, 'valid/vrrp-pair-master.conf'), { fs: nodeFs }).body)).toMatchSnapshot();
  });

  it('AST of lvs-nat.conf', () => {
    expect(shape(parseFile(join(FIXTURES, 'valid/lvs-nat.conf'), { fs: nodeFs }).body)).toMatchSnapshot();
  });
});

describe('grammar fixtures', () => {
  it('an include tree on disk: definitions, nested and glob includes, a block spanning files', () => {
    const root = join(FIXTURES, 'grammar/includes/keepalived.conf');
    const p = parseFile(root, { fs: nodeFs });
    expect(p.problems).toEqual([]);
    expect(p.files.map((f) => f.path.slice(join(FIXTURES, 'grammar/includes').length + 1))).toEqual([
      'keepalived.conf',
      'defs/vars.part',
      'defs/iface.part',
      'conf.d/10-vrrp.part',
      'conf.d/20-close.part',
    ]);
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['fixture-node']);
    expect(texts(find(p.body, 'interface')!.args)).toEqual(['eth0']);
    const vip = find(p.body, 'virtual_ipaddress')!;
    expect(vip.entries!.map((e) => texts(e))).toEqual([['192.0.2.50/24']]);
    expect(p.files[vip.close!.file]!.path.endsWith('20-close.part')).toBe(true);
    expect(lintParse(p).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('a CRLF file', () => {
    const p = parseFile(join(FIXTURES, 'grammar/crlf.conf'), { fs: nodeFs });
    expect(p.problems).toEqual([]);
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['crlf-node']);
    const vi = find(p.body, 'vrrp_instance')!;
    // Locations exclude the \r.
    expect(p.files[0]!.text.slice(vi.args[0]!.start, vi.args[0]!.end)).toBe('VI_CRLF');
  });

  it('a Latin-1 file is decoded byte for byte and can be written back unchanged', () => {
    const path = join(FIXTURES, 'grammar/latin1.conf');
    const bytes = new Uint8Array(readFileSync(path));
    const p = parseFile(path, { fs: nodeFs });
    expect(p.problems).toEqual([]);
    expect(p.files[0]!.encoding).toBe('latin1');
    expect(texts(find(p.body, 'router_id')!.args)).toEqual(['réseau-a']);
    expect(Array.from(encodeText(decodeBytes(bytes)))).toEqual(Array.from(bytes));
  });
});
