// Linting a file while it is read (linter/stream.ts) must give exactly what reading the whole tree
// and linting it gives, although it lets go of most of each virtual_server's statements on the
// way: the block-local rules see each block whole, and the whole-file rules must find what they
// read in what is kept.
import { describe, expect, it } from 'vitest';
import { parseFile, statementIndex, type Statement } from '../../grammar/index';
import { lintParse, streamLint } from '../../linter/index';
import { memoryFs, ROOT_PATH } from '../grammar/helpers';
import { configTexts } from './configs';

const targetVersion = '2.4.3';

function lintBothWays(text: string, size: number): { whole: unknown; streamed: ReturnType<typeof streamLint> } {
  const fs = memoryFs({ [ROOT_PATH]: text });
  const whole = lintParse(parseFile(ROOT_PATH, { fs, targetVersion }), { targetVersion });
  const streamed = streamLint(ROOT_PATH, { fs, targetVersion }, { targetVersion }, size);
  return { whole, streamed };
}

/** Statements in a tree. */
function count(body: readonly Statement[]): number {
  let n = 0;
  const todo = [...body];
  for (let s = todo.pop(); s; s = todo.pop()) {
    n++;
    if (s.children) todo.push(...s.children);
  }
  return n;
}

/** Services with every kind of statement a whole-file rule reads inside them, and some it does not. */
const SERVICES = `global_defs {
  script_user root
}
vrrp_track_file tf {
  file /run/tf
}
bfd_instance bfd1 {
  neighbor_ip 10.0.0.9
}
${Array.from(
  { length: 6 },
  (_, i) => `virtual_server 10.0.1.${i} 80 {
  lb_kind NAT
  quorum_up "/usr/bin/true up"
  smtp_alert
  real_server 10.0.2.${i} 80 {
    weight 1
    notify_up /usr/local/bin/notify.sh
    MISC_CHECK {
      misc_path "/usr/local/bin/check ${i}"
      user nosuchuser${i}
    }
    FILE_CHECK {
      track_file tf${i % 2 ? '' : 'x'}
    }
    BFD_CHECK {
      name bfd${i % 2 ? 1 : 2}
    }
    HTTP_GET {
      url {
        path /
        status_code 200
      }
    }
  }
}`,
).join('\n')}
virtual_server_group g1 {
  10.0.3.1 80
}
virtual_server group g1 {
  lb_kind NAT
  real_server 10.0.3.2 80 {
    weight 1
    notify_down /usr/local/bin/down.sh
  }
}
virtual_server group nosuchgroup {
  real_server 10.0.3.3 80 {
  }
}
`;

describe('linting while reading', () => {
  it('gives what linting the whole tree gives, on configurations of every kind, in runs of any size', () => {
    const texts = configTexts('stream');
    expect(texts.length).toBeGreaterThan(20);
    let pruned = 0;
    for (const text of texts) {
      for (const size of [1, 5, 64]) {
        const { whole, streamed } = lintBothWays(text, size);
        // undefined: it let go of some of the tree and then found it could not lint so (the CLI then
        // reads the file again the usual way).
        if (!streamed) continue;
        expect(streamed.diagnostics).toEqual(whole);
        const fs = memoryFs({ [ROOT_PATH]: text });
        if (count(streamed.parse.body) < count(parseFile(ROOT_PATH, { fs, targetVersion }).body)) pruned++;
      }
    }
    // Most configurations with services are let go of in part.
    expect(pruned).toBeGreaterThan(30);
  });

  it('keeps what the whole-file rules read inside a service: scripts, their users, smtp_alert, track_file, BFD names, group services', () => {
    const { whole, streamed } = lintBothWays(SERVICES, 1);
    expect(streamed).toBeDefined();
    expect(streamed!.diagnostics).toEqual(whole);
    const ids = new Set((whole as Array<{ ruleId: string }>).map((d) => d.ruleId));
    // The findings that need those statements are there (and the same) both ways.
    for (const id of ['script-security', 'smtp-alert-no-mail', 'track-undefined', 'virtual-server-group-undefined'])
      expect(ids).toContain(id);
    const parse = streamed!.parse;
    const service = parse.body.find((s) => s.keyword.text === 'virtual_server')!;
    const names = (s: Statement): string[] => (s.children ?? []).flatMap((c) => [c.keyword.text, ...names(c)]);
    // The service keeps its scripts and what holds them, not the rest (weights, HTTP_GET).
    expect(names(service)).toEqual([
      'quorum_up',
      'smtp_alert',
      'real_server',
      'notify_up',
      'MISC_CHECK',
      'misc_path',
      'user',
      'FILE_CHECK',
      'track_file',
      'BFD_CHECK',
      'name',
    ]);
    // A group's service is kept whole.
    const group = parse.body.find((s) => s.keyword.text === 'virtual_server' && s.args[0]?.text === 'group')!;
    expect(names(group)).toEqual(['lb_kind', 'real_server', 'weight', 'notify_down']);
    // The statement index holds the statements kept, and only those.
    const index = statementIndex(parse.body)!;
    const inTree = new Set<Statement>();
    const todo = [...parse.body];
    for (let s = todo.pop(); s; s = todo.pop()) {
      inTree.add(s);
      if (s.children) todo.push(...s.children);
    }
    expect(index.all.every((s) => inTree.has(s))).toBe(true);
    expect(index.all.length).toBe(inTree.size);
    expect(index.byKeyword.get('weight')).toHaveLength(1);
    expect(index.byKeyword.get('misc_path')).toHaveLength(6);
  });

  it('lints a parse it cannot stream the usual way: a $NAME definition, an include', () => {
    const defined = `$PORT=80\n${SERVICES.replaceAll(' 80 {', ' $PORT {')}`;
    const { whole, streamed } = lintBothWays(defined, 1);
    expect(streamed).toBeDefined();
    expect(streamed!.diagnostics).toEqual(whole);
    const fs = memoryFs({ [ROOT_PATH]: defined });
    expect(count(streamed!.parse.body)).toBe(count(parseFile(ROOT_PATH, { fs, targetVersion }).body));
  });

  it('gives up after letting go of part of the tree when a later block derails the reading', () => {
    // The services are read and let go of before a block without its "}" ends the file.
    const { streamed } = lintBothWays(`${SERVICES}vrrp_instance VI_1 {\n  state MASTER\n`, 1);
    expect(streamed).toBeUndefined();
  });
});
