// grammar.md §6 and §4.4: include patterns, relative resolution, nesting, globs, braces, missing
// files, directories, cycles, and blocks that span files.
import { describe, expect, it } from 'vitest';
import { codes, find, parse, problems, shape, textOf } from './helpers';

const D = '/etc/keepalived';

describe('include', () => {
  it('relative paths resolve against the including file; nested includes too (oracle 18)', () => {
    const p = parse('include inc/a.conf\n', {
      files: {
        [`${D}/inc/a.conf`]: 'include b.conf\n',
        [`${D}/inc/b.conf`]: 'vrrp_script chk {\n  script "/bin/true"\n}\n',
        [`${D}/b.conf`]: 'global_defs {\n}\n',
      },
    });
    expect(codes(p)).toEqual([]);
    expect(p.files.map((f) => f.path)).toEqual([`${D}/keepalived.conf`, `${D}/inc/a.conf`, `${D}/inc/b.conf`]);
    expect(shape(p.body)).toEqual([
      { kw: 'vrrp_script', args: ['chk'], children: [{ kw: 'script', args: ['/bin/true'] }] },
    ]);
    // Locations point into the file where the text is.
    const script = find(p.body, 'script')!;
    expect(script.keyword.file).toBe(2);
    expect(textOf(p, script.args[0]!)).toBe('"/bin/true"');
  });

  it('the include record: keyword, pattern and its range, targets', () => {
    const p = parse('include   conf.d/*.conf\n', { files: { [`${D}/conf.d/a.conf`]: '' } });
    expect(p.includes).toHaveLength(1);
    const inc = p.includes[0]!;
    expect(inc.keyword).toBe('include');
    expect(inc.pattern).toBe('conf.d/*.conf');
    expect(textOf(p, inc.patternLoc)).toBe('conf.d/*.conf');
    expect(inc.targets.map((t) => p.files[t]!.path)).toEqual([`${D}/conf.d/a.conf`]);
  });

  it('glob matches are read in sorted order; dot files only match explicitly (oracle 19)', () => {
    const p = parse('include conf.d/*.conf\n', {
      files: {
        [`${D}/conf.d/20-b.conf`]: 'vrrp_script b {\n}\n',
        [`${D}/conf.d/10-a.conf`]: 'vrrp_script a {\n}\n',
        [`${D}/conf.d/.hidden.conf`]: 'vrrp_script hidden {\n}\n',
        [`${D}/conf.d/30-c.conf`]: 'vrrp_script c {\n}\n',
        [`${D}/conf.d/notes.txt`]: 'not included\n',
      },
    });
    expect(codes(p)).toEqual([]);
    expect(p.body.map((s) => s.args[0]!.text)).toEqual(['a', 'b', 'c']);
  });

  it('? and [..] wildcards', () => {
    const p = parse('include conf.d/vs[12]?.conf\n', {
      files: {
        [`${D}/conf.d/vs1a.conf`]: 'vrrp_script a {\n}\n',
        [`${D}/conf.d/vs3a.conf`]: 'vrrp_script x {\n}\n',
        [`${D}/conf.d/vs2b.conf`]: 'vrrp_script b {\n}\n',
      },
    });
    expect(p.body.map((s) => s.args[0]!.text)).toEqual(['a', 'b']);
  });

  it('{a,b} braces (GLOB_BRACE): alternatives in their order', () => {
    const p = parse('include {vrrp,lvs}.conf\n', {
      files: { [`${D}/lvs.conf`]: 'virtual_server_group G {\n}\n', [`${D}/vrrp.conf`]: 'vrrp_script v {\n}\n' },
    });
    expect(codes(p)).toEqual([]);
    expect(p.body.map((s) => s.keyword.text)).toEqual(['vrrp_script', 'virtual_server_group']);
  });

  it('a missing file is a warning-level problem naming the resolved path; reading goes on (oracle 20)', () => {
    const p = parse('include missing.conf\nglobal_defs {\n}\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['include-not-found', 'missing.conf']]);
    expect(p.problems[0]!.data).toMatchObject({ resolved: `${D}/missing.conf`, wildcard: false, keyword: 'include' });
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [] }]);
  });

  it('a wildcard matching nothing', () => {
    const p = parse('include conf.d/*.conf\n');
    expect(p.problems[0]!.code).toBe('include-not-found');
    expect(p.problems[0]!.data.wildcard).toBe(true);
  });

  it('quotes are not removed and spaces belong to the pattern (oracle 64)', () => {
    const p = parse('include "a.conf"\ninclude a.conf b.conf\n', {
      files: { [`${D}/a.conf`]: '', [`${D}/b.conf`]: '' },
    });
    expect(p.problems.map((x) => [x.code, x.data.resolved])).toEqual([
      ['include-not-found', `${D}/"a.conf"`],
      ['include-not-found', `${D}/a.conf b.conf`],
    ]);
  });

  it('the pattern ends at a comment', () => {
    const p = parse('include a.conf # the VRRP part\n', { files: { [`${D}/a.conf`]: '' } });
    expect(codes(p)).toEqual([]);
    expect(p.includes[0]!.pattern).toBe('a.conf');
  });

  it('include of a directory is an include-error', () => {
    const p = parse('include conf.d\n', { files: { [`${D}/conf.d/a.conf`]: '' } });
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['include-error', 'conf.d']]);
    expect(p.problems[0]!.data).toMatchObject({ reason: 'directory', path: `${D}/conf.d` });
  });

  it('an executable file is not read', () => {
    const p = parse('include run.sh\n', {
      files: { [`${D}/run.sh`]: { kind: 'executable', text: 'global_defs {\n}\n' } },
    });
    expect(p.problems.map((x) => [x.code, x.data.reason])).toEqual([['include-error', 'not-regular']]);
    expect(p.body).toEqual([]);
  });

  it('a file that includes itself is a cycle, reported once', () => {
    const p = parse('include keepalived.conf\nglobal_defs {\n}\n');
    expect(problems(p).map((x) => [x.code, x.file, x.text])).toEqual([['include-cycle', 0, 'keepalived.conf']]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [] }]);
  });

  it('a cycle through another file is reported in the file that closes it', () => {
    const p = parse('include a.conf\n', {
      files: { [`${D}/a.conf`]: 'include b.conf\n', [`${D}/b.conf`]: 'include a.conf\n' },
    });
    expect(problems(p).map((x) => [x.code, p.files[x.file]!.path])).toEqual([['include-cycle', `${D}/b.conf`]]);
  });

  it('the same file included twice is read twice (no cycle)', () => {
    const p = parse('include s.conf\ninclude s.conf\n', { files: { [`${D}/s.conf`]: 'vrrp_script chk {\n}\n' } });
    expect(codes(p)).toEqual([]);
    expect(p.body).toHaveLength(2);
  });

  it('absolute includes resolve under includeRoot', () => {
    const p = parse('include /etc/keepalived/vrrp.conf\n', {
      includeRoot: '/srv/node1',
      files: { '/srv/node1/etc/keepalived/vrrp.conf': 'vrrp_script chk {\n}\n' },
    });
    expect(codes(p)).toEqual([]);
    expect(p.body).toHaveLength(1);
  });

  it('include is recognised inside blocks and value blocks; a block may span files (oracle 64)', () => {
    const p = parse('vrrp_instance VI_1 {\n  include vi-body.conf\n    10.0.0.2/24\n  }\n}\n', {
      files: {
        [`${D}/vi-body.conf`]: 'state BACKUP\nvirtual_ipaddress {\n  include vips.conf\n',
        [`${D}/vips.conf`]: '10.0.0.1/24\n',
      },
    });
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([
      {
        kw: 'vrrp_instance',
        args: ['VI_1'],
        children: [
          { kw: 'state', args: ['BACKUP'] },
          { kw: 'virtual_ipaddress', entries: [['10.0.0.1/24'], ['10.0.0.2/24']] },
        ],
      },
    ]);
    const vip = find(p.body, 'virtual_ipaddress')!;
    expect(vip.keyword.file).toBe(1);
    expect(vip.close!.file).toBe(0);
    expect(vip.entries![0]![0]!.file).toBe(2);
  });

  it('a block opened in an included file and closed by the includer', () => {
    const p = parse('include head.conf\n  router_id lb01\n}\n', { files: { [`${D}/head.conf`]: 'global_defs {\n' } });
    expect(codes(p)).toEqual([]);
    expect(shape(p.body)).toEqual([{ kw: 'global_defs', children: [{ kw: 'router_id', args: ['lb01'] }] }]);
  });

  it('include variants includer/includem/includew/includeb/includea are includes', () => {
    const p = parse('includer a.conf\nincludem a.conf\nincludew a.conf\nincludeb a.conf\nincludea a.conf\n', {
      files: { [`${D}/a.conf`]: '' },
    });
    expect(codes(p)).toEqual([]);
    expect(p.includes.map((i) => i.keyword)).toEqual(['includer', 'includem', 'includew', 'includeb', 'includea']);
  });

  it('substitution happens before the include is recognised: ${D} works, $D/ is literal', () => {
    const files = { [`${D}/conf.d/a.conf`]: 'vrrp_script a {\n}\n' };
    expect(shape(parse('$D=conf.d\ninclude ${D}/*.conf\n', { files }).body)).toEqual([
      { kw: 'vrrp_script', args: ['a'], children: [] },
    ]);
    const p = parse('$D=conf.d\ninclude $D/*.conf\n', { files });
    expect(p.problems.map((x) => [x.code, x.data.resolved])).toEqual([['include-not-found', `${D}/$D/*.conf`]]);
  });

  it('a definition line may hold the whole include: $INC then $INC on its own line', () => {
    const p = parse('$INC=include a.conf\n$INC\n', { files: { [`${D}/a.conf`]: 'vrrp_script a {\n}\n' } });
    expect(codes(p)).toEqual([]);
    expect(p.body).toHaveLength(1);
  });

  it('an included file that is not valid UTF-8 is read as Latin-1', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('global_defs {\n  router_id "r'),
      0xe9,
      ...new TextEncoder().encode('seau"\n}\n'),
    ]);
    const p = parse('include l1.conf\n', { files: { [`${D}/l1.conf`]: bytes } });
    expect(codes(p)).toEqual([]);
    expect(p.files[1]!.encoding).toBe('latin1');
    expect(find(p.body, 'router_id')!.args[0]!.text).toBe('réseau');
  });

  it('an unreadable file', () => {
    const p = parse('include secret.conf\n', { files: { [`${D}/secret.conf`]: { kind: 'unreadable' } } });
    expect(p.problems.map((x) => [x.code, x.data.reason])).toEqual([['include-error', 'unreadable']]);
  });

  it('"include" must be followed by a blank: includefoo is a keyword', () => {
    const p = parse('includefoo a.conf\n');
    expect(problems(p).map((x) => [x.code, x.text])).toEqual([['unknown-keyword', 'includefoo']]);
  });
});
