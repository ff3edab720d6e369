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
    expect(rows('rev', text)).toEqual(['all healthy 100 rev', 'chk fails on rev 80 rev']);
  });

  it('a tracked file on an address owner gets weight 0: its failure means FAULT', () => {
    const text = 'track_file tf {\n  file /tmp/tf\n}\n' + instance(255, '  track_file {\n    tf\n  }\n');
    expect(rows('tfo', text)).toEqual(['all healthy 255 tfo', 'file tf fails on tfo FAULT none']);
  });
});
