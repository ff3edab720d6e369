// The failover model's reading of weights, as keepalived keeps them (checked against 2.2.7).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileAccess } from '../../../host/node-fs';
import { explainFailover } from '../../../host/peers';
import { lintRoots } from '../../../host/project';

const dir = mkdtempSync(join(tmpdir(), 'failover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The scenario rows of the explanation of one node's config. */
function rows(name: string, text: string): string[] {
  const file = join(dir, `${name}.conf`);
  writeFileSync(file, text);
  return explainFailover(lintRoots([file], nodeFileAccess(), {}), { cwd: dir })
    .split('\n')
    .filter((l) => /^ {2}(all healthy|\S.* fails on )/.test(l))
    .map((l) => l.trim().replace(/\s+/g, ' '));
}

const instance = (prio: number, tracks: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority ${prio}\n  virtual_ipaddress {\n    10.0.0.1\n  }\n${tracks}}\n`;

describe('failover weights', () => {
  it("an entry's own weight without reverse takes the object's reverse", () => {
    const text =
      'vrrp_script chk {\n  script "/bin/true"\n  weight 10 reverse\n}\n' +
      instance(100, '  track_script {\n    chk weight 20\n  }\n');
    // reverse changes the sign of what the weight adds: a positive weight lowers while the script succeeds.
    expect(rows('rev', text)).toEqual(['all healthy 80 rev', 'chk fails on rev 100 rev']);
  });

  it('a reversed negative weight raises the priority when the object fails', () => {
    const text =
      'vrrp_script chk {\n  script "/bin/true"\n  weight -20 reverse\n}\n' +
      instance(100, '  track_script {\n    chk\n  }\n');
    expect(rows('revneg', text)).toEqual(['all healthy 100 revneg', 'chk fails on revneg 120 revneg']);
  });

  it('weight 0 with reverse: FAULT while the object is up', () => {
    const text =
      'vrrp_script chk {\n  script "/bin/true"\n  weight 0 reverse\n}\n' +
      instance(100, '  track_script {\n    chk\n  }\n');
    expect(rows('rev0', text)).toEqual(['all healthy FAULT none', 'chk fails on rev0 100 rev0']);
  });

  it('a tracked file adds its value times the weight: nothing when healthy, the drop when it holds 1', () => {
    const file = 'track_file tf {\n  file /tmp/tf\n  weight WEIGHT\n}\n';
    expect(rows('tfd', file.replace('WEIGHT', '1') + instance(100, '  track_file {\n    tf\n  }\n'))).toEqual([
      'all healthy 100 tfd',
      'file tf fails on tfd 100 tfd',
    ]);
    expect(rows('tfn', file.replace('WEIGHT', '-30') + instance(100, '  track_file {\n    tf\n  }\n'))).toEqual([
      'all healthy 100 tfn',
      'file tf fails on tfn 70 tfn',
    ]);
  });

  describe('in a sync group without sync_group_tracking_weight', () => {
    const group = (tracks: string): string => `vrrp_sync_group G {\n  group {\n    VI_1\n  }\n${tracks}}\n`;
    const script = 'vrrp_script chk {\n  script "/bin/true"\n  weight -20\n}\n';
    it("the group's own weighted entries keep their weights", () => {
      const text = script + instance(100, '') + group('  track_script {\n    chk\n  }\n');
      expect(rows('sg1', text)).toEqual(['all healthy 100 sg1', 'chk fails on sg1 80 sg1']);
    });
    it("the instance's weighted script is dropped, the group's entry for it applies", () => {
      const text =
        script +
        instance(100, '  track_script {\n    chk weight -10\n  }\n') +
        group('  track_script {\n    chk weight -50\n  }\n');
      expect(rows('sg2', text)).toEqual(['all healthy 100 sg2', 'chk fails on sg2 50 sg2']);
    });
    it("the instance's interface and process weights still count; a file's other than 1 is dropped", () => {
      const text =
        'vrrp_track_process p {\n  process haproxy\n  weight -20\n}\ntrack_file tf {\n  file /tmp/tf\n}\n' +
        instance(
          100,
          '  track_interface {\n    eth2 weight -30\n  }\n  track_process {\n    p\n  }\n  track_file {\n    tf weight -40\n  }\n',
        ) +
        group('');
      expect(rows('sg3', text)).toEqual([
        'all healthy 100 sg3',
        'interface eth2 fails on sg3 70 sg3',
        'process p fails on sg3 80 sg3',
        'file tf fails on sg3 100 sg3',
      ]);
    });
    it('an address owner in the group makes the group weights 0: FAULT on failure', () => {
      const text = script + instance(255, '') + group('  track_script {\n    chk\n  }\n');
      expect(rows('sg4', text)).toEqual(['all healthy 255 sg4', 'chk fails on sg4 FAULT none']);
    });
  });

  it('with sync_group_tracking_weight, an object tracked by the instance and the group takes the group weight', () => {
    const text =
      'vrrp_script chk {\n  script "/bin/true"\n  weight -20\n}\n' +
      instance(100, '  track_script {\n    chk weight -10\n  }\n') +
      'vrrp_sync_group G {\n  group {\n    VI_1\n  }\n  sync_group_tracking_weight\n  track_script {\n    chk weight -50\n  }\n}\n';
    expect(rows('sgw', text)).toEqual(['all healthy 100 sgw', 'chk fails on sgw 50 sgw']);
  });

  it('a tracked file on an address owner gets weight 0: its failure means FAULT', () => {
    const text = 'track_file tf {\n  file /tmp/tf\n}\n' + instance(255, '  track_file {\n    tf\n  }\n');
    expect(rows('tfo', text)).toEqual(['all healthy 255 tfo', 'file tf fails on tfo FAULT none']);
  });
});

describe('sync groups move together (vrrp_sync.c)', () => {
  /** Two instances in sync group G; VI_1 tracks chk1 with weight `w1`, the group tracks chk (weight -20). */
  const groupNode = (p1: number, p2: number, w1: string): string =>
    'vrrp_script chk {\n  script "/usr/bin/true"\n  weight -20\n}\n' +
    `vrrp_script chk1 {\n  script "/usr/bin/true"\n  weight ${w1}\n}\n` +
    [1, 2]
      .map(
        (i) =>
          `vrrp_instance VI_${i} {\n  state BACKUP\n  interface eth0\n  virtual_router_id ${i}\n  priority ${i === 1 ? p1 : p2}\n` +
          `  virtual_ipaddress {\n    10.0.0.${i}\n  }\n${i === 1 ? '  track_script {\n    chk1\n  }\n' : ''}}\n`,
      )
      .join('') +
    'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  track_script {\n    chk\n  }\n}\n';

  /** The table rows of VRID `vrid` for two nodes. */
  function table(lb1: string, lb2: string, vrid: number): string[] {
    const files = Object.entries({ lb1, lb2 }).map(([n, t]) => {
      const f = join(dir, `${n}.conf`);
      writeFileSync(f, t);
      return f;
    });
    const text = explainFailover(lintRoots(files, nodeFileAccess(), {}), { cwd: dir });
    const block = text.split(/\n\n(?=Virtual router)/).find((b) => b.startsWith(`Virtual router VRID ${vrid} `))!;
    return block
      .split('\n')
      .filter((l) => /^ {2}(all healthy|\S.* (fails on|down)\b)/.test(l))
      .map((l) => l.trim().replace(/\s+/g, ' '));
  }

  it("a sibling's FAULT puts the member into FAULT; a backup's group holds it back", () => {
    // chk1 (weight 0 on VI_1) failing on lb1 faults VI_1 and with it VI_2. chk failing on lb1
    // lowers VI_1 to 80 (below lb2's 90) and VI_2 to 130 (above lb2's 100): lb2's VI_2 still hears
    // a higher MASTER, so lb2's group never wants MASTER as a whole and lb1 keeps VRID 1 too.
    expect(table(groupNode(100, 150, '0'), groupNode(90, 100, '0'), 2)).toEqual([
      'all healthy 150 100 lb1',
      'chk fails on lb1 130 100 lb1',
      'chk1 fails on lb1 (tracked by VI_1) FAULT 100 lb2',
      'chk fails on lb2 150 80 lb1',
      'chk1 fails on lb2 (tracked by VI_1) 150 FAULT lb1',
      'lb1 down - 100 lb2',
      'lb2 down 150 - lb1',
    ]);
    expect(table(groupNode(100, 150, '0'), groupNode(90, 100, '0'), 1)[2]).toBe(
      'chk fails on lb1 80 90 lb1 (sync group)',
    );
  });

  it('a MASTER that hears a higher one goes BACKUP and takes its group along', () => {
    // chk failing on lb1: VI_1 80 < 90 and VI_2 130 < 140: lb2's group wants MASTER as a whole.
    expect(table(groupNode(100, 150, '-5'), groupNode(90, 140, '-5'), 2)[1]).toBe('chk fails on lb1 130 140 lb2');
  });

  it('members that prefer different nodes: neither group goes MASTER', () => {
    expect(table(groupNode(100, 90, '-5'), groupNode(90, 100, '-5'), 1)[0]).toBe(
      'all healthy 100 90 lb1/lb2 (sync groups split)',
    );
  });

  it('without a sync group nothing couples', () => {
    const plain = (t: string): string => t.replace(/vrrp_sync_group G[\s\S]*$/, '');
    expect(table(plain(groupNode(100, 150, '0')), plain(groupNode(90, 100, '0')), 2)).toEqual([
      'all healthy 150 100 lb1',
      'lb1 down - 100 lb2',
      'lb2 down 150 - lb1',
    ]);
  });
});
