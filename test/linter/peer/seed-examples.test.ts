// The user's own examples (../shared/seed-examples, read where they lie): nginx-ha master+backup
// give no peer finding (their `</dev/tcp` script is a single-file finding), dual-master lb1+lb2
// give nothing at all.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileAccess } from '../../../host/node-fs';
import { explainFailover, lintPeers } from '../../../host/peers';
import { lintRoots } from '../../../host/project';

/** The shared folder next to the repository (found upwards from this file). */
function sharedDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = resolve(dir, '..', 'shared', 'seed-examples');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return undefined;
}

const SEEDS = sharedDir();
const lint = (...files: string[]) =>
  lintRoots(
    files.map((f) => join(SEEDS!, f)),
    nodeFileAccess(),
    {},
  );

describe.skipIf(!SEEDS)('seed examples', () => {
  it('nginx-ha master + backup: no peer finding', () => {
    const roots = lint('nginx-ha/master.conf', 'nginx-ha/backup.conf');
    expect([...lintPeers(roots).values()].flat().map((d) => d.message)).toEqual([]);
    // The bash-only `</dev/tcp` check is a single-file finding in each file.
    for (const r of roots)
      expect(r.diagnostics.filter((d) => d.ruleId === 'script-shell-syntax').map((d) => d.messageId)).toEqual([
        'redirectProgram',
      ]);
    const text = explainFailover(roots);
    expect(text).toContain('check_http fails on master      70      90  backup');
    expect(text).toContain('note: check_http on master runs "</dev/tcp/127.0.0.1/8001", which keepalived cannot find');
  });

  it('dual-master lb1 + lb2: nothing at all', () => {
    const roots = lint('dual-master/lb1.conf', 'dual-master/lb2.conf');
    expect(roots.flatMap((r) => r.diagnostics).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    expect([...lintPeers(roots).values()].flat().map((d) => d.message)).toEqual([]);
  });

  it('lvs-dr: the virtual server is not on the VIP', () => {
    const [root] = lint('lvs-dr/keepalived.conf');
    expect(root!.diagnostics.filter((d) => d.ruleId === 'lvs-address-not-vip').map((d) => d.message)).toEqual([
      'Virtual server address 172.16.1.100 is not a VIP of any vrrp_instance here (172.16.1.3); clients reach the director through a VIP, so this service follows no failover.',
    ]);
  });

  it('check_nginx.conf runs /bin/bash without enable_script_security', () => {
    const [root] = lint('nginx-ha/check_nginx.conf');
    expect(root!.diagnostics.filter((d) => d.ruleId === 'script-security').map((d) => d.severity)).toEqual(['error']);
  });
});
