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
// and against a backup with nopreempt. A sync group's members move together on each node
// (FailoverModel).
import type { PeerNode } from '../types';
import { ipFamily } from '../values';
import { groupOwner, normAddr, startState, trackWeighting, type Instance, type TrackDef, type TrackEntry } from './model';
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
export function healthyPriority(m: Member, ts: readonly Tracker[] = trackers(m)): Prio {
  if (ts.some((t) => faults(t, true))) return 'FAULT';
  return clamp(m, ts.reduce((s, t) => s + adds(t, true), m.inst.priority));
}

/** Effective priority of a member when one of its tracked objects fails. */
export function failedPriority(m: Member, failed: Tracker, ts: readonly Tracker[] = trackers(m)): Prio {
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
   * failure (see electAfter); 'sync': sync groups decide, against the priorities (a member that
   * would win is held in BACKUP by its group, or a MASTER keeps the role because the group of the
   * backup that outranks it does not want it as a whole); 'none': nobody competes, or (see `sync`)
   * sync groups keep every candidate in BACKUP.
   */
  reason: 'priority' | 'address' | 'unknown' | 'stays' | 'sync' | 'none';
  /**
   * With reason 'none': 'held' when members could take the role but their sync groups hold them in
   * BACKUP; 'split' when the groups' members prefer different nodes, so that which node takes the
   * whole group is timing (`tied`: the candidates).
   */
  sync?: 'held' | 'split';
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

/** Identity of a tracked object on a node: its kind and name. */
export const trackerKey = (t: Tracker): string => `${t.entry.kind}:${t.entry.name.text}`;

/** A map over another: reads fall through to it, writes stay here (a scenario over the healthy state). */
export class Overlay<K, V> {
  private readonly own = new Map<K, V>();
  constructor(private readonly base?: Overlay<K, V>) {}
  get(k: K): V | undefined {
    return this.own.has(k) ? this.own.get(k) : this.base?.get(k);
  }
  set(k: K, v: V): void {
    this.own.set(k, v);
  }
}

/** The effective priorities of every instance of the nodes in one situation, and each router's MASTER. */
export interface Outcome {
  prios: Overlay<Instance, Prio>;
  elections: Overlay<VirtualRouter, Election>;
  /** Whether an instance is in MASTER state. */
  master: Overlay<Instance, boolean>;
}

/**
 * The failover model of a set of nodes: every virtual router, and the sync groups that tie a node's
 * instances together. keepalived moves a sync group's members as one (vrrp_sync.c, 2.2.7): one in
 * FAULT puts all of them into FAULT, one going BACKUP takes the others to BACKUP, and the group goes
 * MASTER only when every member wants to.
 */
export class FailoverModel {
  readonly routers: VirtualRouter[];
  private readonly routerOf = new Map<Instance, VirtualRouter>();
  private readonly memberOf = new Map<Instance, Member>();
  private readonly siblingsOf = new Map<Instance, Member[]>();
  private readonly onNode = new Map<PeerNode, Member[]>();
  private readonly trackersOf = new Map<Instance, Tracker[]>();
  /** Routers tied together by sync groups (a router alone when none): they settle together. */
  private readonly componentOf = new Map<VirtualRouter, VirtualRouter[]>();
  private healthyOutcome: Outcome | undefined;

  constructor(nodes: PeerNode[]) {
    this.routers = virtualRouters(nodes);
    for (const r of this.routers) {
      for (const m of r.members) {
        this.routerOf.set(m.inst, r);
        this.memberOf.set(m.inst, m);
        const here = this.onNode.get(m.node);
        if (here) here.push(m);
        else this.onNode.set(m.node, [m]);
      }
    }
    for (const r of this.routers) {
      if (this.componentOf.has(r)) continue;
      const component: VirtualRouter[] = [];
      const todo = [r];
      this.componentOf.set(r, component);
      while (todo.length) {
        const x = todo.pop()!;
        component.push(x);
        for (const m of x.members) {
          for (const s of this.siblings(m)) {
            const y = this.routerOf.get(s.inst)!;
            if (this.componentOf.has(y)) continue;
            this.componentOf.set(y, component);
            todo.push(y);
          }
        }
      }
    }
  }

  /** The other instances of a member's sync group on its node that take part in the model. */
  siblings(m: Member): Member[] {
    let out = this.siblingsOf.get(m.inst);
    if (!out) {
      const group = m.inst.syncGroup;
      out = group
        ? m.model.instances.filter((i) => i !== m.inst && i.syncGroup === group).flatMap((i) => this.memberOf.get(i) ?? [])
        : [];
      this.siblingsOf.set(m.inst, out);
    }
    return out;
  }

  /** A member's tracked objects (see `trackers`), computed once. */
  trackers(m: Member): Tracker[] {
    let out = this.trackersOf.get(m.inst);
    if (!out) this.trackersOf.set(m.inst, (out = trackers(m)));
    return out;
  }

  /** Everything healthy. */
  healthy(): Outcome {
    if (!this.healthyOutcome) {
      const out: Outcome = { prios: new Overlay(), elections: new Overlay(), master: new Overlay() };
      for (const [inst, m] of this.memberOf) out.prios.set(inst, healthyPriority(m, this.trackers(m)));
      for (const c of new Set(this.componentOf.values())) this.settle(c, out);
      this.healthyOutcome = out;
    }
    return this.healthyOutcome;
  }

  /** One tracked object (kind and name) failing on one node: each instance there that tracks it. */
  objectFails(node: PeerNode, key: string): Outcome {
    return this.change(node, (m) => {
      const t = this.trackers(m).find((x) => trackerKey(x) === key);
      return t ? failedPriority(m, t, this.trackers(m)) : undefined;
    });
  }

  /** One node down. */
  nodeDown(node: PeerNode): Outcome {
    return this.change(node, () => 'DOWN');
  }

  /**
   * A change on one node from the healthy state: `prio` gives a member's new priority, undefined
   * for none. Only the routers tied to a changed member settle again.
   */
  private change(node: PeerNode, prio: (m: Member) => Prio | undefined): Outcome {
    const healthy = this.healthy();
    const out: Outcome = { prios: new Overlay(healthy.prios), elections: new Overlay(healthy.elections), master: new Overlay(healthy.master) };
    const touched = new Set<VirtualRouter[]>();
    for (const m of this.onNode.get(node) ?? []) {
      const inst = m.inst;
      const p = prio(m);
      if (p === undefined || p === healthy.prios.get(inst)) continue;
      out.prios.set(inst, p);
      touched.add(this.componentOf.get(this.routerOf.get(inst)!)!);
    }
    for (const c of touched) this.settle(c, out, healthy);
    return out;
  }

  /**
   * Applies the sync groups and settles who is MASTER in a set of tied routers, the way the nodes
   * get there: from the MASTERs before the change (none at start-up), a BACKUP wants the role when
   * no MASTER of its router sends adverts, or the one that does has a lower priority (and it
   * preempts: a BACKUP discards a lower advert and its timer runs out). A BACKUP in a sync group
   * takes it only when every member of its group on the node wants it or has it
   * (vrrp_sync_can_goto_master); a MASTER that hears a higher one goes BACKUP and takes its group
   * along (vrrp_sync_backup); one in FAULT puts its group into FAULT (vrrp_sync_fault). Without
   * sync groups this is `elect` at start-up and `electAfter` after a change. Writes the routers'
   * elections and MASTERs into `out`.
   */
  private settle(routers: readonly VirtualRouter[], out: Outcome, before?: Outcome): void {
    const { prios } = out;
    const members = routers.flatMap((r) => r.members);
    for (const m of members) {
      if (prios.get(m.inst) === 'FAULT') for (const s of this.siblings(m)) if (prios.get(s.inst) !== 'DOWN') prios.set(s.inst, 'FAULT');
    }
    const live = (i: Instance): boolean => typeof prios.get(i) === 'number';
    const prio = (i: Instance): number => rank(prios.get(i)!);
    const masters = new Set(members.filter((m) => before?.master.get(m.inst) && live(m.inst)).map((m) => m.inst));
    // Routers whose MASTER keeps changing, with the members that take the role in turn.
    const changed = new Map<VirtualRouter, Set<Member>>();
    let stable = false;
    const limit = 4 * members.length + 4;
    for (let round = 0; round < limit && !stable; round++) {
      const was = new Set(masters);
      // MASTERs that hear a higher one go BACKUP, and their sync groups with them (all at once:
      // which advert a node reads first is timing).
      const leaving: Member[] = [];
      for (const r of routers) {
        const ms = r.members.filter((m) => masters.has(m.inst));
        if (ms.length < 2) continue;
        const best = this.best(ms, prio);
        for (const m of ms) if (m !== best) leaving.push(m, ...this.siblings(m));
      }
      for (const m of leaving) masters.delete(m.inst);
      // BACKUPs that want the role: their router's MASTER is silent or lower, and they preempt.
      const wants = new Set<Instance>();
      for (const r of routers) {
        const active = this.masterOf(r, masters);
        for (const m of r.members) {
          if (masters.has(m.inst) || !live(m.inst)) continue;
          if (!active || (prio(m.inst) > prio(active.inst) && !m.inst.nopreempt)) wants.add(m.inst);
        }
      }
      for (const inst of wants) {
        const m = this.memberOf.get(inst)!;
        if (this.siblings(m).every((s) => masters.has(s.inst) || wants.has(s.inst))) masters.add(inst);
      }
      // Stable when no MASTER left and none came (leaving and coming back is no rest).
      stable = leaving.length === 0 && masters.size === was.size;
      // Past half the rounds, note the routers whose MASTER still changes: the groups keep swapping.
      if (!stable && round >= limit / 2) {
        const moved = [...leaving.filter((x) => was.has(x.inst)), ...members.filter((x) => masters.has(x.inst) && !was.has(x.inst))];
        for (const m of moved) {
          const r = this.routerOf.get(m.inst)!;
          changed.set(r, (changed.get(r) ?? new Set<Member>()).add(m));
        }
      }
    }
    for (const m of members) out.master.set(m.inst, masters.has(m.inst));
    for (const r of routers) {
      const cands = r.members.map((member) => ({ member, prio: prios.get(member.inst)! }));
      const incumbent = before?.elections.get(r)?.winner;
      const plain = before ? electAfter(cands, incumbent) : elect(cands);
      const m = this.masterOf(r, masters);
      let e: Election;
      const turns = changed.get(r);
      if (!stable && turns) e = { tied: r.members.filter((x) => turns.has(x)), reason: 'none', sync: 'split' };
      else if (m && (plain.winner === m || (!plain.winner && plain.tied.includes(m)))) e = plain;
      else if (m) e = { winner: m, tied: [m], priority: prio(m.inst), reason: 'sync' };
      else if (plain.winner) e = { tied: [], reason: 'none', sync: 'held' };
      else e = plain;
      out.elections.set(r, e);
    }
  }

  /** The MASTER of a router among `masters` (after the first step of a round, at most one). */
  private masterOf(r: VirtualRouter, masters: ReadonlySet<Instance>): Member | undefined {
    return r.members.find((m) => masters.has(m.inst));
  }

  /** The member whose adverts win: the highest priority, then the higher primary IP (the first when unknown). */
  private best(ms: Member[], prio: (i: Instance) => number): Member {
    const top = Math.max(...ms.map((m) => prio(m.inst)));
    const tied = ms.filter((m) => prio(m.inst) === top);
    const ips = tied.map((m) => ipValue(m.inst.unicastSrc?.text));
    if (tied.length > 1 && ips.every((x) => x !== undefined)) return tied[ips.indexOf(ips.reduce((a, b) => (b! > a! ? b : a)))]!;
    return tied[0]!;
  }

}

/** Failure scenarios of a virtual router: all healthy, each tracked object failing, each node down. */
export function scenarios(model: FailoverModel, router: VirtualRouter): Scenario[] {
  const ms = router.members;
  const row = (label: string, o: Outcome): Scenario => ({
    label,
    prios: ms.map((m) => o.prios.get(m.inst)!),
    election: o.elections.get(router)!,
  });
  const out = [row('all healthy', model.healthy())];
  for (const m of ms) {
    // The member's own tracked objects, then those only its sync group's siblings on the node track.
    const seen = new Set<string>();
    for (const x of [m, ...model.siblings(m)]) {
      for (const t of model.trackers(x)) {
        const key = trackerKey(t);
        if (seen.has(key)) continue;
        seen.add(key);
        const via = x === m ? '' : ` (tracked by ${x.inst.name})`;
        out.push(row(`${t.label} fails on ${m.node.name}${via}`, model.objectFails(m.node, key)));
      }
    }
  }
  if (ms.length > 1) for (const m of ms) out.push(row(`${m.node.name} down`, model.nodeDown(m.node)));
  return out;
}

function masterText(e: Election): string {
  if (e.winner)
    return e.reason === 'address'
      ? `${e.winner.node.name} (higher IP)`
      : e.reason === 'stays'
        ? `${e.winner.node.name} (stays)`
        : e.reason === 'sync'
          ? `${e.winner.node.name} (sync group)`
          : e.winner.node.name;
  if (e.reason === 'none')
    return e.sync === 'split'
      ? `${e.tied.map((m) => m.node.name).join('/')} (sync groups split)`
      : e.sync === 'held'
        ? 'none (held by sync groups)'
        : 'none';
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
export function explainRouter(model: FailoverModel, router: VirtualRouter, splits: readonly VipSplit[] = []): string {
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
  for (const s of scenarios(model, router))
    rows.push([s.label, ...s.prios.map((p) => (p === 'DOWN' ? '-' : String(p))), masterText(s.election)]);
  lines.push('', ...table(rows).map((l) => `  ${l}`));
  // A script keepalived cannot find is disabled: its failure scenario never happens.
  for (const m of ms) {
    for (const t of model.trackers(m)) {
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

/** The failover table of each virtual router of a set of nodes, with the router (for its members). */
export function failoverTables(nodes: PeerNode[]): Array<{ router: VirtualRouter; text: string }> {
  const model = new FailoverModel(nodes);
  const splits = vipSplits(model.routers);
  return model.routers.map((router) => ({ router, text: explainRouter(model, router, splits) }));
}

/** Failover tables for every virtual router of a set of nodes (plain text, aligned columns). */
export function explainFailover(nodes: PeerNode[]): string {
  const model = new FailoverModel(nodes);
  const routers = model.routers;
  if (!routers.length) return 'No VRRP instances with a virtual_router_id.\n';
  const splits = vipSplits(routers);
  return `${routers.map((r) => explainRouter(model, r, splits)).join('\n\n')}\n`;
}
