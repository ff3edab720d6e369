// Groups the vrrp_instances of several nodes into virtual routers the way VRRP itself does: by
// virtual_router_id and address family. Interface names are local to each host (eth0 on one node,
// ens33 on the other), so they are no part of the key. Within one key, instances whose VIP sets
// overlap form one cluster, and so do instances that list each other as unicast peers, and a
// node alone on the key joins the cluster where another node has an instance of its name in the
// other state; other clusters with disjoint VIPs on one key are a VRID collision.
import type { Word } from '../../grammar/index';
import type { PeerNode } from '../types';
import { sockaddrAddress } from '../values';
import { nodeModel, normAddr, startState, usable, type Family, type Instance, type NodeModel } from './model';

/** One node's instance in a virtual router. */
export interface Member {
  node: PeerNode;
  model: NodeModel;
  inst: Instance;
}

/** The instances of all nodes that form one virtual router. */
export interface VirtualRouter {
  vrid: number;
  family: Family;
  members: Member[];
  /** Union of the members' VIPs (normalised addresses). */
  vips: Set<string>;
}

/** VIP addresses of an instance, normalised. */
export function vipSet(inst: Instance): Set<string> {
  return new Set(inst.vips.filter((v) => v.family === inst.family).map((v) => normAddr(v.addr)));
}

/** The address a unicast_peer entry or unicast_src_ip names, normalised. */
const unicastAddr = (w: Word): string => normAddr(sockaddrAddress(w.text));

/** Whether two members on different nodes send each other adverts by unicast (either way). */
export function peered(a: Member, b: Member): boolean {
  if (a.node === b.node) return false;
  const lists = (x: Member, y: Member): boolean =>
    y.inst.unicastSrc !== undefined &&
    !y.inst.unicastSrc.opaque &&
    x.inst.peers.some((p) => !p.opaque && unicastAddr(p) === unicastAddr(y.inst.unicastSrc!));
  return lists(a, b) || lists(b, a);
}

/** Virtual routers keyed by (VRID, family); each key may hold several clusters (a collision). */
export function groupRouters(nodes: PeerNode[]): Map<string, VirtualRouter[]> {
  const byKey = new Map<string, Member[]>();
  // The nodes that hold each VIP, under any VRID.
  const holders = new Map<string, Set<PeerNode>>();
  for (const node of nodes) {
    const model = nodeModel(node.parse);
    for (const inst of model.instances) {
      if (!usable(inst) || inst.vrid === undefined) continue;
      for (const v of vipSet(inst)) holders.set(v, (holders.get(v) ?? new Set()).add(node));
      const key = `${inst.vrid}/${inst.family}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { node, model, inst }]);
    }
  }
  const out = new Map<string, VirtualRouter[]>();
  for (const [key, members] of byKey) {
    // Union-find over VIP overlap; members without VIPs join the first cluster.
    const clusters: Array<{ members: Member[]; vips: Set<string> }> = [];
    const empty: Member[] = [];
    for (const m of members) {
      const vips = vipSet(m.inst);
      if (!vips.size) {
        empty.push(m);
        continue;
      }
      const hits = clusters.filter((c) => [...vips].some((v) => c.vips.has(v)));
      const merged = {
        members: [m, ...hits.flatMap((c) => c.members)],
        vips: new Set([...vips, ...hits.flatMap((c) => [...c.vips])]),
      };
      for (const h of hits) clusters.splice(clusters.indexOf(h), 1);
      clusters.push(merged);
    }
    // Nodes that send each other their adverts (one lists the other's unicast_src_ip as a
    // unicast_peer) are one virtual router whatever their VIPs: different VIPs are then a mismatch
    // between peers (peer-setting-mismatch), not two clusters on one VRID.
    for (let i = 0; i < clusters.length; i++) {
      for (let j = clusters.length - 1; j > i; j--) {
        const a = clusters[i]!;
        const b = clusters[j]!;
        if (!a.members.some((x) => b.members.some((y) => peered(x, y)))) continue;
        a.members.push(...b.members);
        for (const v of b.vips) a.vips.add(v);
        clusters.splice(j, 1);
      }
    }
    // A node standing alone on its key, whose instance has the name of another node's instance
    // there and the other initial state (a MASTER and its BACKUP), is that node's partner with
    // other VIPs (a typo on one node of a pair), not a second virtual router: a cluster of its own
    // would need a partner of its own. Its VIPs are then a mismatch (peer-setting-mismatch).
    // Clusters of two nodes or more stay apart (two pairs copied from one example share names and
    // VRIDs but not VIPs), and so do two copies of one example in one state: that is a collision.
    for (let i = clusters.length - 1; i >= 0; i--) {
      const lone = clusters[i]!;
      const at = lone.members[0]!.node;
      if (lone.members.some((m) => m.node !== at)) continue;
      // A node that holds one of its VIPs under another VRID is the partner of that one
      // (peer-vrid-mismatch), not of a namesake; so is a namesake's cluster.
      const heldElsewhere = (c: (typeof clusters)[number]): boolean =>
        [...c.vips].some((v) => [...holders.get(v)!].some((n) => !c.members.some((m) => m.node === n)));
      if (heldElsewhere(lone)) continue;
      const partnerOf = (m: Member): boolean =>
        m.node !== at &&
        lone.members.some((x) => x.inst.name === m.inst.name && startState(x.inst) !== startState(m.inst));
      const partners = clusters.filter((c) => c !== lone && c.members.some(partnerOf) && !heldElsewhere(c));
      if (partners.length !== 1) continue;
      partners[0]!.members.push(...lone.members);
      for (const v of lone.vips) partners[0]!.vips.add(v);
      clusters.splice(i, 1);
    }
    if (!clusters.length) clusters.push({ members: [], vips: new Set() });
    clusters[0]!.members.push(...empty);
    const first = members[0]!.inst;
    out.set(
      key,
      clusters.map((c) => ({
        vrid: first.vrid!,
        family: first.family,
        members: c.members.sort((a, b) => nodes.indexOf(a.node) - nodes.indexOf(b.node) || a.inst.order - b.inst.order),
        vips: c.vips,
      })),
    );
  }
  return out;
}

/** All virtual routers of a set of nodes, clusters flattened, in VRID order. */
export function virtualRouters(nodes: PeerNode[]): VirtualRouter[] {
  return [...groupRouters(nodes).values()].flat().sort((a, b) => a.vrid - b.vrid || a.family - b.family);
}
