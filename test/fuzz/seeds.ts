// Seed configurations for mutation fuzzing: the shared corpus and seed examples (next to the
// repository, in ../shared, when present), plus the repository's examples and test fixtures.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** One seed file. */
export interface Seed {
  name: string;
  bytes: Uint8Array;
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile() && st.size <= 1 << 20) out.push(p);
  }
}

/** Seed sets found, and the ones skipped because they are absent. */
export interface Seeds {
  seeds: Seed[];
  skipped: string[];
}

/** Loads the seeds; `repoRoot` is the repository (the shared folder is `../shared` from it). */
export function loadSeeds(repoRoot: string): Seeds {
  const shared = resolve(repoRoot, '..', 'shared');
  const sets: Array<{ dir: string; keep: (p: string) => boolean }> = [
    { dir: join(shared, 'corpus'), keep: (p) => p.endsWith('.conf') },
    { dir: join(shared, 'seed-examples'), keep: () => true },
    { dir: join(repoRoot, 'examples'), keep: () => true },
    { dir: join(repoRoot, 'test', 'fixtures'), keep: () => true },
  ];
  const seeds: Seed[] = [];
  const skipped: string[] = [];
  for (const set of sets) {
    if (!existsSync(set.dir)) {
      skipped.push(set.dir);
      continue;
    }
    const files: string[] = [];
    walk(set.dir, files);
    for (const f of files.filter(set.keep)) {
      seeds.push({ name: relative(resolve(repoRoot, '..'), f), bytes: new Uint8Array(readFileSync(f)) });
    }
  }
  // Always at least one seed, so the generators work in a bare checkout.
  if (seeds.length === 0) seeds.push({ name: '(built-in)', bytes: new TextEncoder().encode(BUILTIN_SEED) });
  return { seeds, skipped };
}

/** A small configuration touching the main blocks, for when no seed files are found. */
export const BUILTIN_SEED = `! Configuration File for keepalived
global_defs {
   router_id LVS_DEVEL   # the router
   vrrp_strict
   script_user root
   enable_script_security
}
$IF=eth0
vrrp_script chk_http {
    script "/usr/bin/curl -fs http://127.0.0.1/"
    interval 2
    weight -20
}
vrrp_instance VI_1 {
    state MASTER
    interface $IF
    virtual_router_id 51
    priority 100
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass 1111
    }
    virtual_ipaddress {
        192.168.200.16/24 dev eth0
        192.168.200.17
    }
    track_script {
        chk_http
    }
    notify_master "/etc/keepalived/master.sh"
}
virtual_server 10.10.10.2 1358 {
    delay_loop 6
    lb_algo rr
    lb_kind NAT
    protocol TCP
    real_server 192.168.200.2 1358 {
        weight 1
        HTTP_GET {
            url {
              path /testurl/test.jsp
              digest 640205b7b0fc66c1ea91c463fac6334d
            }
            connect_timeout 3
        }
    }
}
`;
