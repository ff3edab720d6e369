// The failover model: effective priorities of each member of a virtual router when everything is
// healthy and when one tracked object fails, and who becomes MASTER. It follows keepalived's
// rules (vrrp_track.c, vrrp.c; 2.2.7): a tracked object with weight 0 puts the instance into FAULT
// when it fails; a negative weight is added while the object is down, a positive one while it is
// up, and `reverse` changes the sign of what is added (weight 0 with reverse: FAULT while the
// object is up); the result is kept within 1..254; an address owner (priority 255) ignores
// weights; a sync group member without sync_group_tracking_weight drops its own weighted scripts,
// files and BFDs (a file's default weight 1 becomes 0), while the group's own entries keep their
// weights (0 when a member is an address owner). The highest priority wins, on a tie at start-up
// the higher primary IP address; after a failure a MASTER that still sends adverts stays on a tie,
// and against a backup with nopreempt.
import type { PeerNode } from '../types';
import { ipFamily } from '../values';
import { groupOwner, normAddr, startState, trackWeighting, type TrackDef, type TrackEntry } from './model';
import { trackList, vrrpScriptUse } from './track-lookup';
import { mayExist } from './script-command';
import { virtualRouters, type Member, type VirtualRouter } from './routers';
import { vipSplits, type VipSplit } from './vip-splits';

/** One tracked object of a member and what its failure does. */
export interface Tracker {
  member: Member;
  entry: TrackEntry;
  /** The object keepalived finds for the entry (none for an interface). */
  def: TrackDef | undefined;
  /** The weight as written (its sign before `reverse`). */
  weight: number;
  /** `reverse`: what the weight adds changes sign (and weight 0 means FAULT while the object is up). */
  reverse: boolean;
  /** 'fault': failure puts the instance into FAULT; 'weight': failure changes the priority; 'ignored': keepalived drops the weight. */
  effect: 'fault' | 'weight' | 'ignored';
  /** Why the weight is ignored. */
  ignoredBy?: 'owner' | 'sync';
  /** Name for messages and tables ("check_http", "interface eth1"). */
  label: string;
}

/** A priority, or the states in which a node does not compete. */
export type Prio = number | 'FAULT' | 'DOWN';

const KIND_LABEL: Record<string, string> = {
  script: '',
  interface: 'interface ',
  file: 'file ',
  process: 'process ',
  bfd: 'bfd ',
};

/**
 * The tracked objects keepalived keeps for a member (defined earlier, not its own interface, no
 * duplicates), with the weight each one has at run time (vrrp_complete_instance and
 * sync_group_tracking_init, vrrp.c).
 */
export function trackers(m: Member): Tracker[] {
  const out: Tracker[] = [];
  const byKey = new Map<string, number>();
  const { inst, model } = m;
  const group = inst.syncGroup;
  const owner = inst.priority === 255;
  const unweighted = group !== undefined && !group.trackingWeight;
  const label = (entry: TrackEntry): string => `${KIND_LABEL[entry.kind]}${entry.name.text}`;
  for (const { entry, def } of trackList(model, inst.tracks, inst.order).kept) {
    const key = `${entry.kind}:${entry.name.text}`;
    if (byKey.has(key)) continue;
    if (entry.kind === 'interface' && entry.name.text === inst.iface?.text) continue;
    const weighting = trackWeighting(model, entry, def);
    const reverse = weighting.reverse;
    let weight = weighting.weight;
    let effect: Tracker['effect'] = weight === 0 ? 'fault' : 'weight';
    let ignoredBy: Tracker['ignoredBy'];
    if (effect === 'weight' && (owner || unweighted)) {
      // A file's default weight 1 becomes 0: its failure still means FAULT.
      if (entry.kind === 'file' && weight === 1) {
        weight = 0;
        effect = 'fault';
      } else if (owner || (entry.kind !== 'interface' && entry.kind !== 'process')) {
        // Dropped. (In a sync group the interface took its weight before keepalived clears the
        // configured one, and processes are not looked at: their weights still count.)
        effect = 'ignored';
        ignoredBy = owner ? 'owner' : 'sync';
      }
    }
    byKey.set(key, out.length);
    out.push({ member: m, entry, def, weight, reverse, effect, ignoredBy, label: label(entry) });
  }
  if (!group) return out;
  // The group's own entries apply to each member with their weights, 0 when a member of the group
  // (on this node) is an address owner; an object the instance tracks with a weight takes the
  // group's weight, one it tracks with weight 0 stays at 0 (add_vrrp_to_track_script and kin).
  const ownerInGroup = groupOwner(model, group) !== undefined;
  for (const { entry, def } of trackList(model, group.tracks, group.order).kept) {
    const key = `${entry.kind}:${entry.name.text}`;
    if (entry.kind === 'interface' && entry.name.text === inst.iface?.text) continue;
    const { reverse, weight: written } = trackWeighting(model, entry, def);
    const weight = ownerInGroup ? 0 : written;
    const t: Tracker = { member: m, entry, def, weight, reverse, effect: weight === 0 ? 'fault' : 'weight', label: label(entry) };
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, out.length);
      out.push(t);
    } else if (out[at]!.effect !== 'fault') out[at] = t;
  }
  return out;
}

function clamp(m: Member, v: number): number {
  return m.inst.priority === 255 ? 255 : Math.min(254, Math.max(1, v));
}

/** What a tracker adds to the priority while its object is up (a positive weight) or down (a negative one). */
function adds(t: Tracker, up: boolean): number {
  if (t.effect !== 'weight') return 0;
  const w = t.reverse ? -t.weight : t.weight;
  // A tracked file adds its value times the weight: 0 (or no file) when healthy; in its failure
  // scenario the value that lowers the priority (1), if any.
  if (t.entry.kind === 'file') return up ? 0 : Math.min(0, w);
  if (up ? t.weight < 0 : t.weight > 0) return 0;
  return w;
}

/** A priority as a number to sort by (FAULT and DOWN below every priority). */
export const rank = (p: Prio): number => (typeof p === 'number' ? p : -1);

/** Whether a tracker holds the instance in FAULT (weight 0: while its object is down, with reverse while it is up). */
const faults = (t: Tracker, up: boolean): boolean => t.effect === 'fault' && up === t.reverse;

/** Effective priority with every tracked object healthy (positive weights count while up). */
export function healthyPriority(m: Member): Prio {
  const ts = trackers(m);
  if (ts.some((t) => faults(t, true))) return 'FAULT';
  return clamp(m, ts.reduce((s, t) => s + adds(t, true), m.inst.priority));
}

/** Effective priority of a member when one of its tracked objects fails. */
export function failedPriority(m: Member, failed: Tracker): Prio {
  const ts = trackers(m);
  let sum = m.inst.priority;
  for (const t of ts) {
    const up = t.entry !== failed.entry;
    if (faults(t, up)) return 'FAULT';
    sum += adds(t, up);
  }
  return clamp(m, sum);
}

/** A comparable number for an IPv4/IPv6 address, or undefined. */
function ipValue(addr: string | undefined): bigint | undefined {
  if (!addr) return undefined;
  if (addr.includes(':')) {
    // Only a valid address has a value: a mistyped one (`2001:dbx::1`) has none to compare.
    if (ipFamily(addr) !== 6) return undefined;
    const n = normAddr(addr);
    if (n.includes('.')) return undefined;
    const groups = n.split(':').map((g) => parseInt(g || '0', 16));
    if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g))) return undefined;
    return groups.reduce((acc, g) => (acc << 16n) + BigInt(g), 0n);
  }
  const p = addr.split('.').map(Number);
  return p.length === 4 && p.every((x) => x >= 0 && x <= 255)
    ? p.reduce((acc, x) => (acc << 8n) + BigInt(x), 0n)
    : undefined;
}

/** Outcome of an election among members with given priorities. */
export interface Election {
  /** The winner, when it can be told from the configuration. */
  winner?: Member;
  /** Members tied on the highest priority (more than one when the primary IP decides). */
  tied: Member[];
  priority?: number;
  /**
   * 'priority': highest priority; 'address': equal priorities, higher unicast_src_ip; 'unknown':
   * equal priorities, addresses not in the config; 'stays': the MASTER keeps the role after a
   * failure (see electAfter); 'none': nobody competes.
   */
  reason: 'priority' | 'address' | 'unknown' | 'stays' | 'none';
}

/** Who becomes MASTER: highest priority, then the higher primary IP address. */
export function elect(prios: Array<{ member: Member; prio: Prio }>): Election {
  const live = prios.filter((p): p is { member: Member; prio: number } => typeof p.prio === 'number');
  if (!live.length) return { tied: [], reason: 'none' };
  const top = Math.max(...live.map((p) => p.prio));
  const tied = live.filter((p) => p.prio === top).map((p) => p.member);
  if (tied.length === 1) return { winner: tied[0], tied, priority: top, reason: 'priority' };
  const ips = tied.map((m) => ipValue(m.inst.unicastSrc?.text));
  if (ips.every((x) => x !== undefined)) {
    let best = 0;
    ips.forEach((x, i) => {
      if (x! > ips[best]!) best = i;
    });
    return { winner: tied[best], tied, priority: top, reason: 'address' };
  }
  return { tied, priority: top, reason: 'unknown' };
}

/**
 * Who is MASTER after a change, when `incumbent` was before: a MASTER that still sends adverts keeps
 * the role against backups of its priority or below, and against backups with nopreempt, which
 * accept any advert (vrrp_backup's advert handling, vrrp.c); otherwise the backups that preempt
 * elect among themselves.
 */
export function electAfter(prios: Array<{ member: Member; prio: Prio }>, incumbent: Member | undefined): Election {
  const plain = elect(prios);
  const mine = prios.find((p) => p.member === incumbent)?.prio;
  if (!incumbent || typeof mine !== 'number' || plain.winner === incumbent) return plain;
  const preempting = prios.filter((p) => p.member !== incumbent && typeof p.prio === 'number' && p.prio > mine && !p.member.inst.nopreempt);
  if (preempting.length) return elect(preempting);
  return { winner: incumbent, tied: [incumbent], priority: mine, reason: 'stays' };
}

/** A row of the failover table. */
export interface Scenario {
  label: string;
  prios: Prio[];
  election: Election;
}

/** Failure scenarios of a virtual router: all healthy, each tracked object failing, each node down. */
export function scenarios(router: VirtualRouter): Scenario[] {
  const ms = router.members;
  const healthy = ms.map((m) => healthyPriority(m));
  const row = (label: string, prios: Prio[]): Scenario => ({
    label,
    prios,
    election: elect(ms.map((member, i) => ({ member, prio: prios[i]! }))),
  });
  const out = [row('all healthy', healthy)];
  // After a failure the MASTER of the healthy state may keep the role (see electAfter).
  const incumbent = out[0]!.election.winner;
  const after = (label: string, prios: Prio[]): Scenario => ({
    label,
    prios,
    election: electAfter(ms.map((member, i) => ({ member, prio: prios[i]! })), incumbent),
  });
  ms.forEach((m, i) => {
    for (const t of trackers(m)) {
      const prios: Prio[] = [...healthy];
      prios[i] = failedPriority(m, t);
      out.push(after(`${t.label} fails on ${m.node.name}`, prios));
    }
  });
  if (ms.length > 1) {
    ms.forEach((m, i) => {
      const prios: Prio[] = [...healthy];
      prios[i] = 'DOWN';
      out.push(after(`${m.node.name} down`, prios));
    });
  }
  return out;
}

function masterText(e: Election): string {
  if (e.winner)
    return e.reason === 'address'
      ? `${e.winner.node.name} (higher IP)`
      : e.reason === 'stays'
        ? `${e.winner.node.name} (stays)`
        : e.winner.node.name;
  if (e.reason === 'none') return 'none';
  return `${e.tied.map((m) => m.node.name).join('/')} (tie: higher primary IP)`;
}

/** Names a member in a table header: the node, plus the instance when a node has several. */
function columnName(router: VirtualRouter, m: Member): string {
  const same = router.members.filter((x) => x.node === m.node).length > 1;
  return same ? `${m.node.name}:${m.inst.name}` : m.node.name;
}

/** Renders rows as plain text with aligned columns (numbers right-aligned). */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c > 0 && c < r.length - 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** Plain-text failover table of one virtual router (`splits`: the nodes' addresses held under two VRIDs). */
export function explainRouter(router: VirtualRouter, splits: readonly VipSplit[] = []): string {
  const ms = router.members;
  const vips = [...router.vips].join(', ') || 'none';
  const lines = [`Virtual router VRID ${router.vrid} (IPv${router.family}), VIPs: ${vips}`];
  for (const m of ms) {
    const state = startState(m.inst);
    const extra = [m.inst.nopreempt ? 'nopreempt' : '', m.inst.iface ? `interface ${m.inst.iface.text}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${columnName(router, m)}: ${m.node.parse.files[0]?.path ?? m.node.name} (${m.inst.name}), state ${state}, priority ${m.inst.priority}${extra ? `, ${extra}` : ''}`,
    );
  }
  const rows: string[][] = [['scenario', ...ms.map((m) => columnName(router, m)), 'master']];
  for (const s of scenarios(router))
    rows.push([s.label, ...s.prios.map((p) => (p === 'DOWN' ? '-' : String(p))), masterText(s.election)]);
  lines.push('', ...table(rows).map((l) => `  ${l}`));
  // A script keepalived cannot find is disabled: its failure scenario never happens.
  for (const m of ms) {
    for (const t of trackers(m)) {
      if (t.entry.kind !== 'script') continue;
      const use = t.def && vrrpScriptUse(m.model, t.def);
      const program = use?.argv[0]?.text;
      if (program !== undefined && !mayExist(program)) {
        lines.push(`  note: ${t.label} on ${m.node.name} runs "${program}", which keepalived cannot find: it disables the script, so "${t.label} fails" never happens.`);
      }
    }
  }
  // Addresses that nodes outside this router hold under another VRID (peer-vrid-mismatch): that
  // router elects its own MASTER, so the address can be up twice.
  const byOther = new Map<VirtualRouter, VipSplit[]>();
  for (const sp of splits) if (sp.router === router) byOther.set(sp.otherRouter, [...(byOther.get(sp.otherRouter) ?? []), sp]);
  for (const [other, list] of byOther) {
    const vips = [...new Set(list.flatMap((sp) => sp.vips))];
    const here = [...new Set(list.map((sp) => sp.member.node.name))];
    const there = [...new Set(list.map((sp) => sp.other.node.name))];
    const all = [...new Set([...here, ...there])];
    const nodes = `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
    const also = vips.length > 1 ? 'are also VIPs' : 'is also a VIP';
    lines.push(
      `  note: ${vips.join(', ')} ${also} of VRID ${other.vrid} on ${there.join(', ')}, which elects its own MASTER: the address can be up on ${nodes} at once.`,
    );
  }
  return lines.join('\n');
}

/** Failover tables for every virtual router of a set of nodes (plain text, aligned columns). */
export function explainFailover(nodes: PeerNode[]): string {
  const routers = virtualRouters(nodes);
  if (!routers.length) return 'No VRRP instances with a virtual_router_id.\n';
  const splits = vipSplits(routers);
  return `${routers.map((r) => explainRouter(r, splits)).join('\n\n')}\n`;
}
