// Addresses that nodes hold under different VRIDs. Nodes on different VRIDs never hear each
// other's adverts, so each virtual router elects its own MASTER and both bring the address up:
// peer-vrid-mismatch reports it and the failover explanation notes it.
import { heldAddresses } from './model';
import type { Member, VirtualRouter } from './routers';

/** `member` holds `vips` in `router`; `other`, on another node, holds them in `otherRouter`. */
export interface VipSplit {
  member: Member;
  router: VirtualRouter;
  other: Member;
  otherRouter: VirtualRouter;
  /** The addresses as `member`'s configuration writes them. */
  vips: string[];
}

/**
 * Whether a normalised address is link-local (fe80::/10, 169.254/16): it belongs to one link, and
 * virtual routers on different links may all use fe80::1.
 */
export function linkLocal(addr: string): boolean {
  if (addr.startsWith('169.254.')) return true;
  if (!addr.includes(':')) return false;
  return (parseInt(addr.split(':')[0]! || '0', 16) & 0xffc0) === 0xfe80;
}

/**
 * What a member brings up as MASTER: its VIPs and excluded VIPs of its family, normalised, each
 * with the text its configuration gives (the first one).
 */
function held(m: Member): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, v] of heldAddresses(m.inst)) if (!linkLocal(key)) out.set(key, v.addr);
  return out;
}

/**
 * Every pair of members on different nodes that hold one address under different VRIDs. A pair is
 * left out when either node also holds the address in the other's virtual router: the two nodes
 * then agree on that router, and the node's second instance with the address is its own duplicate
 * (vrrp-vip-duplicate).
 */
export function vipSplits(routers: readonly VirtualRouter[]): VipSplit[] {
  const addresses = new Map<Member, Map<string, string>>();
  const holders = new Map<string, Array<{ m: Member; r: VirtualRouter }>>();
  for (const r of routers) {
    for (const m of r.members) {
      const own = held(m);
      addresses.set(m, own);
      for (const a of own.keys()) {
        const key = `${r.family}/${a}`;
        const list = holders.get(key);
        if (list) list.push({ m, r });
        else holders.set(key, [{ m, r }]);
      }
    }
  }
  const holdsIn = (node: Member['node'], r: VirtualRouter, a: string): boolean =>
    r.members.some((y) => y.node === node && addresses.get(y)!.has(a));
  const out: VipSplit[] = [];
  for (const r of routers) {
    for (const m of r.members) {
      const pairs = new Map<Member, VipSplit>();
      for (const [a, written] of addresses.get(m)!) {
        for (const { m: x, r: o } of holders.get(`${r.family}/${a}`)!) {
          if (o === r || x.node === m.node || holdsIn(x.node, r, a) || holdsIn(m.node, o, a)) continue;
          const pair = pairs.get(x);
          if (pair) pair.vips.push(written);
          else pairs.set(x, { member: m, router: r, other: x, otherRouter: o, vips: [written] });
        }
      }
      out.push(...pairs.values());
    }
  }
  return out;
}
