// Peer mistakes made in pairs derived from real configurations: each configuration of the shared
// corpus (and our valid fixtures) with a `state MASTER` instance is node "master"; node "backup" is
// a copy with every MASTER made BACKUP, every priority lowered by 10 and router_id changed. The
// pairs the peer rules find clean are then given one mistake each, in the line of one node that an
// operator would get wrong, and a peer finding must be on that line, in that node's file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPeers } from './peer-tester';

const DIRS = [resolve(__dirname, '../../../../shared/corpus'), resolve(__dirname, '../../fixtures/valid')];

/** The BACKUP partner of a configuration. */
function partner(text: string): string {
  return text
    .replace(/^(\s*state\s+)MASTER\b(.*)$/gm, '$1BACKUP$2#flipped')
    .replace(/^(\s*priority\s+)(\d+)/gm, (_m, a: string, p: string) => a + Math.max(1, Number(p) - 10))
    .replace(/^(\s*router_id\s+)(\S+)/gm, '$1$2_b');
}

interface Mistake {
  /** Which node the mistake is made in. */
  node: 'master' | 'backup';
  make: (text: string) => string;
  /** The finding may be on another line of that node (where the mistake takes effect). */
  anywhere?: boolean;
  /** Whether the mistake means something for this configuration (keepalived may ignore the setting). */
  applies?: (text: string) => boolean;
}

const strict = (t: string): boolean => /^\s*vrrp_strict\b/m.test(t);

/** Authentication counts only in VRRPv2 without vrrp_strict, and with a password. */
const authCounts = (t: string): boolean =>
  !strict(t) && !/^\s*version\s+3\b/m.test(t) && /^\s*auth_pass\s+[^\s#!]/m.test(t);

/**
 * The backup's copy of the master's first MASTER instance: the line whose state partner() made
 * BACKUP, and the first priority line after it.
 */
function flippedState(t: string): { state: number; priority: number } | undefined {
  const lines = t.split('\n');
  const state = lines.findIndex((l) => /^\s*state\s+BACKUP\b.*#flipped$/.test(l));
  if (state === -1) return undefined;
  const priority = lines.findIndex((l, i) => i > state && /^\s*priority\s+\d+/.test(l));
  return { state, priority };
}

/** Changes line `i` of a text. */
function editLine(t: string, i: number, edit: (line: string) => string): string {
  const lines = t.split('\n');
  lines[i] = edit(lines[i]!);
  return lines.join('\n');
}

const MISTAKES: Record<string, Mistake> = {
  // In the instance that is MASTER on the master: two BACKUPs of one name with disjoint VIPs may
  // as well be two clusters (peer-vrid-collision, at the VRID).
  'another VIP': {
    node: 'backup',
    make: (t) => {
      const at = flippedState(t);
      if (!at) return t;
      const lines = t.split('\n');
      const block = lines.findIndex((l, i) => i > at.state && /^\s*virtual_ipaddress\s*\{?\s*$/.test(l));
      const vip = lines.findIndex((l, i) => block !== -1 && i > block && /^\s*\d+\.\d+\.\d+\.\d+/.test(l));
      if (vip === -1) return t;
      return editLine(t, vip, (l) =>
        l.replace(/(\d+\.\d+\.\d+\.)(\d+)/, (_m, net: string, host: string) => `${net}${(Number(host) % 50) + 201}`),
      );
    },
  },
  'another virtual_router_id': {
    node: 'backup',
    make: (t) =>
      t.replace(/^(\s*virtual_router_id\s+)(\d+)/m, (_m, a: string, v: string) => a + ((Number(v) % 250) + 3)),
  },
  'another auth_pass': {
    node: 'backup',
    make: (t) => t.replace(/^(\s*auth_pass\s+)(\S+)/m, '$1zz$2'),
    applies: authCounts,
  },
  'another auth_type': {
    node: 'backup',
    make: (t) => t.replace(/^(\s*auth_type\s+)PASS\b/m, '$1AH'),
    applies: authCounts,
  },
  'another advert_int': {
    node: 'backup',
    make: (t) =>
      t.replace(/^(\s*advert_int\s+)(\d+)\s*$/m, (_m, a: string, v: string) => a + (Number(v) === 3 ? 2 : 3)),
  },
  'the same router_id': { node: 'backup', make: (t) => t.replace(/^(\s*router_id\s+)(\S+)_b\b/m, '$1$2') },
  'state MASTER on the backup too': {
    node: 'backup',
    make: (t) => {
      const at = flippedState(t);
      return at ? editLine(t, at.state, (l) => l.replace('BACKUP', 'MASTER')) : t;
    },
    applies: (t) => !strict(t),
  },
  'a backup priority above the master': {
    node: 'backup',
    make: (t) => {
      const at = flippedState(t);
      if (!at || at.priority === -1) return t;
      return editLine(t, at.priority, (l) => l.replace(/\d+/, (p) => String(Number(p) + 20)));
    },
    // A priority keepalived refuses is invalid-number's; in strict mode no instance starts as MASTER.
    applies: (t) => !strict(t) && !/^\s*priority\s+(2[4-9]\d|[3-9]\d\d)/m.test(t),
  },
  // Reported where the instance tracks the script (a track entry may give a weight of its own).
  'a tracked weight too small for the gap': {
    node: 'master',
    anywhere: true,
    make: (t) => t.replace(/^(\s*weight\s+)-(\d+)/m, '$1-1'),
    applies: (t) => /track_script/.test(t),
  },
};

/** The first line (1-based) where two texts differ. */
function changedLine(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (a[i] === b[i]) i++;
  return i + 1;
}

/** Peer findings per node, as 1-based line numbers. */
function peerLines(master: string, backup: string): Record<string, number[]> {
  const { nodes, diags } = runPeers({ master, backup });
  const out: Record<string, number[]> = {};
  for (const n of nodes) {
    const text = n.parse.files[0]!.text;
    out[n.name] = (diags.get(n) ?? []).map((d) => text.slice(0, d.loc.start).split('\n').length);
  }
  return out;
}

const bases = DIRS.filter((d) => existsSync(d)).flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => ({ id: `${d.split('/').pop()}/${f}`, text: readFileSync(join(d, f), 'utf8') })),
);

describe('peer mistakes in pairs derived from real configurations', () => {
  const pairs = bases
    // Templates (`virtual_router_id ID_GOES_HERE`) make no virtual router.
    .filter((b) => /^\s*state\s+MASTER\b/m.test(b.text) && !/^\s*virtual_router_id\s+\D/m.test(b.text))
    .map((b) => ({ ...b, backup: partner(b.text) }))
    // Pairs the peer rules find clean: what a mistake adds is then the mistake's.
    .filter((p) => Object.values(peerLines(p.text, p.backup)).every((l) => l.length === 0));

  it('has pairs to work on', () => {
    // The valid fixtures alone give one; the shared corpus (beside the clone in CI) about thirty.
    expect(pairs.length).toBeGreaterThanOrEqual(existsSync(DIRS[0]!) ? 25 : 1);
  });

  for (const [kind, mistake] of Object.entries(MISTAKES)) {
    it(`finds ${kind} on its line`, () => {
      const missed: string[] = [];
      let made = 0;
      for (const p of pairs) {
        const before = mistake.node === 'master' ? p.text : p.backup;
        const after = mistake.make(before);
        if (after === before || (mistake.applies && !mistake.applies(before))) continue;
        made++;
        const line = changedLine(before, after);
        const found = mistake.node === 'master' ? peerLines(after, p.backup).master! : peerLines(p.text, after).backup!;
        if (mistake.anywhere ? found.length === 0 : !found.includes(line))
          missed.push(`${p.id}:${line} (found at ${found.join(', ') || 'nothing'})`);
      }
      expect(made).toBeGreaterThan(0);
      expect(missed).toEqual([]);
    });
  }
});
