// Peer analysis over the pairs in test/fixtures/peers/: a correct pair and one pair per mismatch,
// through the Node-side API (host/peers.ts) as the CLI and the server use it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileAccess } from '../../../host/node-fs';
import { explainFailover, failoverByRoot, lintPeers, peerSegments } from '../../../host/peers';
import { lintRoots, type RootResult } from '../../../host/project';

const FIXTURES = resolve(__dirname, '../../fixtures/peers');
const own = /^(peer-|http-get-url|lvs-|script-|sync-group-member|track-|virtual-server-group-undefined|vrrp-)/;

const roots = (dir: string) =>
  lintRoots(
    ['lb1.conf', 'lb2.conf'].map((f) => join(FIXTURES, dir, f)),
    nodeFileAccess(),
    {},
  );

/** Peer findings as `file ruleId/messageId`, sorted. */
function findings(dir: string, peers?: string[][]): string[] {
  const rs = roots(dir);
  const out: string[] = [];
  for (const [parse, diags] of lintPeers(rs, { peers, cwd: join(FIXTURES, dir) })) {
    for (const d of diags) out.push(`${parse.files[0]!.path.split('/').pop()} ${d.ruleId}/${d.messageId}`);
  }
  return out.sort();
}

const CASES: Array<[string, string[]]> = [
  ['ok', []],
  ['vip-mismatch', ['lb1.conf peer-setting-mismatch/vips', 'lb2.conf peer-setting-mismatch/vips']],
  ['advert-int-mismatch', ['lb1.conf peer-setting-mismatch/advertInt', 'lb2.conf peer-setting-mismatch/advertInt']],
  ['auth-mismatch', ['lb1.conf peer-setting-mismatch/authPass', 'lb2.conf peer-setting-mismatch/authPass']],
  ['version-mismatch', ['lb1.conf peer-setting-mismatch/version', 'lb2.conf peer-setting-mismatch/version']],
  ['unicast-mismatch', ['lb2.conf peer-unicast-mismatch/missing']],
  [
    'router-id-duplicate',
    ['lb1.conf peer-router-id-duplicate/duplicate', 'lb2.conf peer-router-id-duplicate/duplicate'],
  ],
  [
    'two-masters',
    ['lb1.conf peer-master-election/twoMastersPriority', 'lb2.conf peer-master-election/twoMastersPriority'],
  ],
  [
    'same-priority',
    ['lb1.conf peer-master-election/samePriorityAddress', 'lb2.conf peer-master-election/samePriorityAddress'],
  ],
  [
    'master-outranked',
    ['lb1.conf peer-master-election/masterOutranked', 'lb2.conf peer-master-election/outranksMaster'],
  ],
  ['failover-gap', ['lb1.conf peer-failover-gap/noFailover']],
  ['failover-tie', ['lb1.conf peer-failover-gap/tie']],
  ['vrid-collision', ['lb1.conf peer-vrid-collision/collision', 'lb2.conf peer-vrid-collision/collision']],
  ['vrid-mismatch', ['lb1.conf peer-vrid-mismatch/mismatch', 'lb2.conf peer-vrid-mismatch/mismatch']],
  ['virtual-server-mismatch', ['lb1.conf peer-virtual-server-mismatch/realServer']],
];

describe('peer fixtures', () => {
  it.each(CASES)('%s', (dir, expected) => {
    expect(findings(dir)).toEqual(expected);
  });

  it.each(CASES.map(([d]) => [d]))('%s has no single-file finding of the semantic rules', (dir) => {
    const found = roots(dir).flatMap((r) =>
      r.diagnostics.filter((d) => own.test(d.ruleId)).map((d) => `${d.ruleId}: ${d.message}`),
    );
    expect(found).toEqual([]);
  });

  it('related locations point into the other node', () => {
    const rs = roots('advert-int-mismatch');
    const d = lintPeers(rs).get(rs[0]!.parse)![0]!;
    expect(d.related).toHaveLength(1);
    expect(d.related![0]!.path).toBe(join(FIXTURES, 'advert-int-mismatch', 'lb2.conf'));
    expect(d.related![0]!.node).toBe('lb2');
    const lb2 = rs[1]!.parse.files[0]!;
    expect(lb2.text.slice(d.related![0]!.loc.start, d.related![0]!.loc.end)).toBe('2');
  });

  it('explicit peer groups keep nodes apart: a VRID reused in another group is no collision', () => {
    expect(findings('vrid-collision', [['lb1.conf'], ['lb2.conf']])).toEqual([]);
    expect(findings('vrid-collision', [['lb*.conf']])).toEqual([
      'lb1.conf peer-vrid-collision/collision',
      'lb2.conf peer-vrid-collision/collision',
    ]);
  });

  it('builds segments from explicit groups plus every ungrouped root', () => {
    const segs = peerSegments(roots('ok'), { peers: [[join(FIXTURES, 'ok', 'lb1.conf')]] });
    expect(segs.map((s) => s.map((n) => n.name))).toEqual([['lb1'], ['lb2']]);
  });

  it('names nodes of one file name by the folders that tell them apart', () => {
    const names = (paths: string[], cwd = '/srv'): string[] =>
      peerSegments(
        paths.map((path) => ({ parse: { files: [{ path }] } }) as unknown as RootResult),
        { cwd },
      )[0]!.map((n) => n.name);
    expect(names(['/srv/lb1/keepalived.conf', '/srv/lb2/keepalived.conf'])).toEqual(['lb1', 'lb2']);
    expect(names(['/srv/a/lb/keepalived.conf', '/srv/b/lb/keepalived.conf'])).toEqual(['a/lb', 'b/lb']);
    expect(names(['/srv/a/lb1.conf', '/srv/b/lb1.conf', '/srv/lb2.conf'])).toEqual(['a/lb1', 'b/lb1', 'lb2']);
    // A folder's name that is another node's name: those two by their paths.
    expect(names(['/srv/a/keepalived.conf', '/srv/b/keepalived.conf', '/srv/a.conf'])).toEqual([
      'a/keepalived.conf',
      'b',
      'a.conf',
    ]);
    // Nothing tells them apart but the whole path (one folder inside the other's).
    expect(names(['/srv/x/lb/keepalived.conf', '/srv/y/x/lb/keepalived.conf'])).toEqual([
      'x/lb/keepalived.conf',
      'y/x/lb',
    ]);
  });

  it('the fixtures exist', () => {
    for (const [dir] of CASES) expect(existsSync(join(FIXTURES, dir, 'lb1.conf'))).toBe(true);
  });

  it('notes a VIP that another virtual router holds too', () => {
    const text = explainFailover(roots('vrid-mismatch'), { cwd: join(FIXTURES, 'vrid-mismatch') });
    expect(text.split('\n').filter((l) => l.includes('note:'))).toEqual([
      '  note: 10.0.0.100 is also a VIP of VRID 61 on lb2, which elects its own MASTER: the address can be up on lb1 and lb2 at once.',
      '  note: 10.0.0.100 is also a VIP of VRID 60 on lb1, which elects its own MASTER: the address can be up on lb2 and lb1 at once.',
    ]);
    expect(explainFailover(roots('failover-gap'), { cwd: join(FIXTURES, 'failover-gap') })).not.toContain(
      'note: 10.0.0.100',
    );
  });

  it("gives each node the table of its virtual router at the instance's name and VRID", () => {
    const rs = roots('failover-gap');
    const notes = failoverByRoot(rs, { cwd: join(FIXTURES, 'failover-gap') });
    const text = explainFailover(rs, { cwd: join(FIXTURES, 'failover-gap') }).trimEnd();
    for (const r of rs) {
      const [note, ...more] = notes.get(r.parse)!;
      expect(more).toEqual([]);
      expect(note!.text).toBe(text);
      const src = r.parse.files[0]!.text;
      expect(note!.locs.map((l) => [l.file, src.slice(l.start, l.end)])).toEqual([
        [0, 'VI_WEB'],
        [0, '60'],
      ]);
    }
    // A virtual router of one node has no failover to explain.
    const alone = lintRoots([join(FIXTURES, 'failover-gap', 'lb1.conf')], nodeFileAccess(), {});
    expect(failoverByRoot(alone).size).toBe(0);
  });

  it('explains failover as an aligned table', () => {
    const text = explainFailover(roots('failover-gap'), { cwd: join(FIXTURES, 'failover-gap') });
    expect(text).toContain('Virtual router VRID 60 (IPv4), VIPs: 10.0.0.100');
    const table = text.split('\n').filter((l) => /^ {2}(scenario|all healthy|chk_haproxy|lb\d down)/.test(l));
    expect(table).toEqual([
      '  scenario                  lb1  lb2  master',
      '  all healthy               110  100  lb1',
      '  chk_haproxy fails on lb1  105  100  lb1',
      '  chk_haproxy fails on lb2  110   95  lb1',
      '  lb1 down                    -  100  lb2',
      '  lb2 down                  110    -  lb1',
    ]);
  });
});
