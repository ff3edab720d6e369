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
