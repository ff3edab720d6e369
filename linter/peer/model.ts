// A semantic model of one node's configuration: VRRP instances with their resolved settings,
// tracked objects, sync groups and global settings. Shared by the semantic single-file rules and
// the peer analysis, built once per parse (cached) and read-only afterwards.
import { findKeyword, type ParseResult, type Statement, type Word } from '../../grammar/index';
import { child, childrenNamed } from '../types';
import { readVipEntry } from '../vip-entry';
import {
  checkDecimal,
  checkTrueFalse,
  checkUnsigned,
  decimalValue,
  ipFamily,
  plainDigits,
  skipWhiteSpace,
  sockaddrAddress,
  sockaddrFamily,
  splitPrefix,
} from '../values';

/** An address family. */
export type Family = 4 | 6;

/** Kinds of objects a vrrp_instance or vrrp_sync_group can track. */
export type TrackKind = 'script' | 'interface' | 'file' | 'process' | 'bfd';

/** The track block keyword for each kind. */
export const TRACK_BLOCKS: Record<string, TrackKind> = {
  track_script: 'script',
  track_interface: 'interface',
  track_file: 'file',
  track_process: 'process',
  track_bfd: 'bfd',
};

/** Root keywords that define trackable objects, by kind. */
export const TRACK_DEFINERS: Record<string, TrackKind> = {
  vrrp_script: 'script',
  track_file: 'file',
  vrrp_track_file: 'file',
  vrrp_track_process: 'process',
  bfd_instance: 'bfd',
};

/** A definition of a trackable object (vrrp_script, track_file, ...). */
export interface TrackDef {
  kind: TrackKind;
  name: string;
  stmt: Statement;
  /** Position of the defining statement among the root statements (file order after includes). */
  order: number;
  /** The object's own weight (vrrp_script / track_file / vrrp_track_process / bfd_instance `weight`). */
  weight: number | undefined;
  reverse: boolean;
}

/** One entry of a track_* block. */
export interface TrackEntry {
  kind: TrackKind;
  name: Word;
  /** Weight written on the entry (`name weight N`), if any. */
  weight: number | undefined;
  weightWord?: Word;
  /** `reverse` or `noreverse` after the entry's weight; undefined without either. */
  reverse: boolean | undefined;
  block: Statement;
  entry: Word[];
}

/** A setting whose address family is not the instance's when keepalived reads it. */
/** A version line keepalived refuses: another version was set before, or (version 2) the instance is IPv6. */
export interface VersionConflict {
  stmt: Statement;
  word: Word;
  version: number;
  /** The version set before (undefined: none, the instance was IPv6 already). */
  current: number | undefined;
  /** What made the instance IPv6, when that is the conflict. */
  familyFrom: Word | undefined;
}

export interface FamilyConflict {
  stmt: Statement;
  word: Word;
  family: 4 | 6;
}

/** Words of a use_ipvlan line that are neither its address nor its interface name. */
const IPVLAN_TYPES = new Set(['bridge', 'private', 'vepa']);

/** The address of a use_ipvlan line: its first word that reads as one (later ones are "already specified"). */
export function ipvlanAddress(s: Statement): Word | undefined {
  return s.args.find((a) => !IPVLAN_TYPES.has(a.text) && ipFamily(splitPrefix(a.text).addr) !== 0);
}

/**
 * The family of an instance as keepalived settles it, line by line: the first address read sets it
 * (a VIP, a source or multicast group address, a unicast peer, the ipvlan address), and so does
 * native_ipv6; a later setting of the other family is skipped, and native_ipv6 in an IPv4
 * instance is refused (vrrp_parser.c, vrrp_data.c, 2.2.7).
 */
function familyWalk(s: Statement): {
  family: Family | undefined;
  familyFrom: Word | undefined;
  familyConflicts: FamilyConflict[];
  version: number | undefined;
  versionStmt: Statement | undefined;
  versionConflicts: VersionConflict[];
} {
  let family: Family | undefined;
  let familyFrom: Word | undefined;
  const familyConflicts: FamilyConflict[] = [];
  // vrrp_version_handler: the first valid version line sets it; a different one later, or
  // version 2 once the instance is IPv6, is refused.
  let version: number | undefined;
  let versionStmt: Statement | undefined;
  const versionConflicts: VersionConflict[] = [];
  const see = (c: Statement, w: Word, f: 0 | 4 | 6, conflicts: boolean): void => {
    if (!f) return;
    if (!family) {
      family = f;
      familyFrom = w;
    } else if (f !== family && conflicts) familyConflicts.push({ stmt: c, word: w, family: f });
  };
  let ipvlanSeen = false;
  for (const c of s.children ?? []) {
    if (!c.spec) continue;
    switch (c.keyword.text) {
      case 'virtual_ipaddress':
        for (const v of vipsOf(c)) see(c, v.word, v.family, false);
        break;
      case 'unicast_src_ip':
      case 'mcast_src_ip':
      case 'mcast_dst_ip': {
        const w = c.args[0];
        if (w && !w.opaque) see(c, w, sockaddrFamily(w.text), true);
        break;
      }
      case 'unicast_peer':
        for (const e of entryLines(c)) if (!e[0]!.opaque) see(c, e[0]!, sockaddrFamily(e[0]!.text), false);
        break;
      case 'use_ipvlan': {
        // A second line is refused whole ("use_ipvlan already specified").
        if (ipvlanSeen) break;
        ipvlanSeen = true;
        const w = ipvlanAddress(c);
        if (w && !w.opaque) see(c, w, ipFamily(splitPrefix(w.text).addr), true);
        break;
      }
      case 'native_ipv6':
        if (family === 4) familyConflicts.push({ stmt: c, word: c.keyword, family: 6 });
        else see(c, c.keyword, 6, false);
        break;
      case 'version': {
        const w = c.args[0];
        if (!w || w.opaque || checkUnsigned(w.text, 2, 3)) break;
        const v = Number(w.text.trim());
        if ((version !== undefined && version !== v) || (v === 2 && family === 6))
          versionConflicts.push({
            stmt: c,
            word: w,
            version: v,
            current: version,
            familyFrom: version === undefined ? familyFrom : undefined,
          });
        else {
          version = v;
          versionStmt = c;
        }
        break;
      }
      default:
    }
  }
  return { family, familyFrom, familyConflicts, version, versionStmt, versionConflicts };
}

/** A virtual IP address of an instance. */
export interface Vip {
  word: Word;
  /** Address without the prefix. */
  addr: string;
  family: 0 | 4 | 6;
}

/** A vrrp_instance with its settings resolved as keepalived does. */
export interface Instance {
  stmt: Statement;
  name: string;
  /** Where to place findings about the instance as a whole (its name, else the keyword). */
  nameLoc: Word;
  order: number;
  /** A second definition of an already defined name (keepalived skips it). */
  duplicate: boolean;
  /**
   * The instance's own statement when later lines continue it (`stmt` is then a view of that
   * statement whose children include them).
   */
  continued?: Statement;
  /**
   * With continued: how many of the children are the instance's own lines, read before its closing
   * brace (the checks keepalived makes there see only those).
   */
  ownLines?: number;
  vrid: number | undefined;
  vridStmt: Statement | undefined;
  priority: number;
  priorityStmt: Statement | undefined;
  /** The initial state keepalived starts the instance in (after strict mode's correction). */
  state: 'MASTER' | 'BACKUP' | undefined;
  /**
   * The initial state as the `state` lines set it (vrrp_state_handler, 2.2.7): MASTER once any line
   * says MASTER, unless a later line with a state keepalived does not know resets it to BACKUP;
   * undefined without a line (keepalived then derives it from the priority).
   */
  initialState: 'MASTER' | 'BACKUP' | undefined;
  /** The state line that decided initialState. */
  stateStmt: Statement | undefined;
  iface: Word | undefined;
  vips: Vip[];
  vipBlock: Statement | undefined;
  excluded: Vip[];
  family: Family;
  /** The word that set the family (undefined: no address, IPv4 by default). */
  familyFrom: Word | undefined;
  /** Settings of the other family, which keepalived skips (VIPs and peers are not listed). */
  familyConflicts: FamilyConflict[];
  version: number;
  versionStmt: Statement | undefined;
  /** Version lines keepalived refuses. */
  versionConflicts: VersionConflict[];
  advertInt: Word | undefined;
  authBlock: Statement | undefined;
  authType: Word | undefined;
  authPass: Word | undefined;
  unicastSrc: Word | undefined;
  peers: Word[];
  /** The entry lines of every unicast_peer block (keepalived adds each block's peers to the list). */
  peerLines: Word[][];
  peerBlock: Statement | undefined;
  mcastDst: Statement | undefined;
  nopreempt: Statement | undefined;
  preemptDelay: Statement | undefined;
  tracks: TrackEntry[];
  syncGroup: SyncGroup | undefined;
}

/** A vrrp_sync_group. */
export interface SyncGroup {
  stmt: Statement;
  name: string;
  nameLoc: Word;
  members: Word[];
  tracks: TrackEntry[];
  trackingWeight: boolean;
  /** Position of the group's statement among the root statements (file order after includes). */
  order: number;
  /** The group's own statement when later lines continue it (`stmt` is then a view with them). */
  continued?: Statement;
}

/** Everything the semantic rules need to know about one node. */
export interface NodeModel {
  parse: ParseResult;
  instances: Instance[];
  syncGroups: SyncGroup[];
  /** Definitions of trackable objects by kind, then name (all definitions, in order). */
  defs: Record<TrackKind, Map<string, TrackDef[]>>;
  routerId: Word | undefined;
  globalDefs: Statement[];
  enableScriptSecurity: Statement | undefined;
  scriptUser: Statement | undefined;
  strict: boolean;
}

const cache = new WeakMap<ParseResult, NodeModel>();

/** The semantic model of a parse (cached). */
export function nodeModel(parse: ParseResult): NodeModel {
  let m = cache.get(parse);
  if (!m) {
    m = build(parse);
    cache.set(parse, m);
  }
  return m;
}

/** The last child statement with this keyword. */
export function lastChild(s: Statement, name: string): Statement | undefined {
  const kids = s.children;
  if (kids)
    for (let i = kids.length - 1; i >= 0; i--) if (kids[i]!.keyword.text === name && kids[i]!.spec) return kids[i];
  return undefined;
}

/**
 * The source address an instance ends with: unicast_src_ip and mcast_src_ip write the same one
 * (vrrp_srcip_handler); an address keepalived cannot read leaves the one before, one of the other
 * family clears it.
 */
function sourceAddress(s: Statement, family: Family): Word | undefined {
  let src: Word | undefined;
  for (const c of s.children ?? []) {
    if (!c.spec || (c.keyword.text !== 'unicast_src_ip' && c.keyword.text !== 'mcast_src_ip')) continue;
    const w = c.args[0];
    if (!w) continue;
    if (w.opaque) src = w;
    else {
      const f = sockaddrFamily(w.text);
      if (f) src = f === family ? w : undefined;
    }
  }
  return src;
}

/**
 * Whether a garp_group has a delay: a garp_interval or gna_interval keepalived accepts (0
 * included). Without one keepalived removes the group as it closes ("does not have any delay set"),
 * and its interfaces with it.
 */
export function garpGroupHasDelay(s: Statement): boolean {
  return (s.children ?? []).some(
    (c) =>
      c.spec &&
      (c.keyword.text === 'garp_interval' || c.keyword.text === 'gna_interval') &&
      c.args[0] !== undefined &&
      (c.args[0].opaque || !checkDecimal(c.args[0].text, 0, 2147.483647, 6)),
  );
}

/** Whether an interface line gives keepalived an interface (a name it can use, not the loopback). */
export function usableIface(s: Statement): boolean {
  const w = s.args[0];
  return !!w && (w.opaque === true || (w.text.length < 16 && w.text !== 'lo'));
}

/**
 * The instance's interface: each line sets it, a name of 16 characters or more leaves the one
 * before ("too long - ignoring"), the loopback clears it (vrrp_int_handler).
 */
function interfaceOf(s: Statement): Word | undefined {
  let iface: Word | undefined;
  for (const c of s.children ?? []) {
    if (!c.spec || c.keyword.text !== 'interface') continue;
    if (usableIface(c)) iface = c.args[0];
    else if (c.args[0]?.text === 'lo') iface = undefined;
  }
  return iface;
}

/**
 * The address owner (priority 255) among a sync group's members, in the group's order: keepalived
 * then sets the group's own track weights to 0 (sync_group_tracking_init, vrrp.c).
 */
export function groupOwner(m: NodeModel, g: SyncGroup): Instance | undefined {
  for (const name of g.members) {
    const i = m.instances.find((x) => usable(x) && x.name === name.text);
    if (i?.syncGroup === g && i.priority === 255) return i;
  }
  return undefined;
}

/** The state an instance starts in: its `state`, else MASTER for an address owner (vrrp_complete_instance). */
export function startState(i: Instance): 'MASTER' | 'BACKUP' {
  return i.state ?? (i.priority === 255 ? 'MASTER' : 'BACKUP');
}

/** The instance's `nopreempt` line, unless a `preempt` after it cleared it (vrrp_preempt_handler). */
function nopreemptLine(s: Statement): Statement | undefined {
  const kids = s.children ?? [];
  for (let i = kids.length - 1; i >= 0; i--) {
    const c = kids[i]!;
    if (!c.spec) continue;
    if (c.keyword.text === 'nopreempt') return c;
    if (c.keyword.text === 'preempt') return undefined;
  }
  return undefined;
}

/**
 * An instance's auth_type and auth_pass: each line sets the instance's value, in whichever of its
 * authentication blocks it stands, and an auth_type keepalived does not know leaves the one before
 * (vrrp_auth_type_handler: "unknown authentication type"). When none is known, the last one.
 */
function authSettings(s: Statement): { authType: Word | undefined; authPass: Word | undefined } {
  let authType: Word | undefined;
  let known = false;
  let authPass: Word | undefined;
  for (const b of childrenNamed(s, 'authentication'))
    for (const c of b.children ?? []) {
      const w = c.args[0];
      if (!c.spec || !w) continue;
      if (c.keyword.text === 'auth_pass') authPass = w;
      else if (c.keyword.text === 'auth_type') {
        const ok = w.opaque === true || w.text === 'AH' || w.text === 'PASS';
        if (ok || !known) authType = w;
        known ||= ok;
      }
    }
  return { authType, authPass };
}

/**
 * The value keepalived keeps from a setting read by read_unsigned in `min..max` that leaves the
 * value before it when a line is refused: the last readable line's (an empty word is 0), or
 * undefined without one. A value that varies from run to run makes it unknown too.
 */
export function lastUnsigned(s: Statement, name: string, min: number, max: number): number | undefined {
  const line = lastUnsignedLine(s, name, min, max);
  return line && !line.args[0]!.opaque ? (intOf(line.args[0]) ?? 0) : undefined;
}

/** The line whose value lastUnsigned keeps (one that varies, too). */
export function lastUnsignedLine(s: Statement, name: string, min: number, max: number): Statement | undefined {
  const kids = s.children ?? [];
  for (let i = kids.length - 1; i >= 0; i--) {
    const c = kids[i]!;
    if (c.keyword.text !== name || !c.spec) continue;
    const w = c.args[0];
    if (w && (w.opaque || !checkUnsigned(w.text, min, max))) return c;
  }
  return undefined;
}

/** Data words of a value block, without the `{`/`}` markers of nested braces. */
export function entryLines(s: Statement | undefined): Word[][] {
  return (s?.entries ?? []).filter((e) => e.length > 0 && e[0]!.text !== '{' && e[0]!.text !== '}');
}

/** Parses a decimal integer as keepalived's strtol-based readers do; undefined if not one. */
export function intOf(w: Word | undefined): number | undefined {
  if (!w || w.opaque) return undefined;
  const plain = plainDigits(w.text);
  if (plain !== -1) return plain;
  // strtol skips the blanks before the number, not those after it ("255 " is no number).
  const t = skipWhiteSpace(w.text);
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  return Number(t);
}

/**
 * The weight a trackable object's own `weight` lines give it, and whether it is reversed (a
 * `reverse` on any line it reads stays: vrrp_script, bfd_instance and track_file never clear it).
 * A vrrp_script takes what strtol reads from its last line whatever keepalived reports about it
 * (`-30;` is -30, `300` is 300, `high` is 0, beyond the int range cut to an int:
 * vrrp_vscript_weight_handler, 2.2.7). A vrrp_track_process keeps its first line in -254..254 that
 * is not 0 (a later one is "already set", an invalid one ignored). A track_file takes lines while
 * its weight is still 1 (a value it refuses sets 1). A bfd_instance keeps its last line in
 * -253..253.
 */
function ownWeight(s: Statement, kind: TrackKind): { weight: number | undefined; reverse: boolean } {
  const lines = childrenNamed(s, 'weight');
  let weight: number | undefined;
  let reverse = false;
  for (const w of lines) {
    const word = w.args[0];
    if (kind === 'script') {
      if (!word || word.opaque) {
        weight = undefined;
        continue;
      }
      // strtol's value (clamped to the range of a long), cut to an int as read_int stores it.
      const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(word.text);
      let big = m ? BigInt(m[1]!) : 0n;
      if (big > 0x7fffffffffffffffn) big = 0x7fffffffffffffffn;
      if (big < -0x8000000000000000n) big = -0x8000000000000000n;
      weight = Number(BigInt.asIntN(32, big));
    } else if (kind === 'process') {
      const v = intOf(word);
      if (weight || v === undefined || v < -254 || v > 254) continue;
      weight = v;
      reverse = w.args[1]?.text === 'reverse';
      continue;
    } else if (kind === 'file') {
      if ((weight ?? 1) !== 1) continue;
      const v = intOf(word);
      weight = v !== undefined && v >= -254 && v <= 254 ? v : 1;
    } else {
      const v = intOf(word);
      if (v !== undefined && v >= -253 && v <= 253) weight = v;
    }
    if (w.args[1]?.text === 'reverse') reverse = true;
  }
  return { weight, reverse };
}

/** The initial state the `state` lines of an instance set, and the line that set it (see Instance.initialState). */
function readState(lines: readonly Statement[]): Pick<Instance, 'initialState' | 'stateStmt'> {
  let initialState: Instance['initialState'];
  let stateStmt: Statement | undefined;
  for (const line of lines) {
    const w = line.args[0];
    if (!line.spec || !w || w.opaque) continue;
    // BACKUP after MASTER is refused ("state previously set as MASTER"); an unknown state is BACKUP.
    if (w.text === 'BACKUP' && initialState === 'MASTER') continue;
    initialState = w.text === 'MASTER' ? 'MASTER' : 'BACKUP';
    stateStmt = line;
  }
  return { initialState, stateStmt };
}

function build(parse: ParseResult): NodeModel {
  const defs: NodeModel['defs'] = {
    script: new Map(),
    interface: new Map(),
    file: new Map(),
    process: new Map(),
    bfd: new Map(),
  };
  const globalDefs = parse.body.filter((s) => s.spec && s.keyword.text === 'global_defs');
  const globalLast = (name: string): Statement | undefined => {
    let found: Statement | undefined;
    for (const g of globalDefs) found = lastChild(g, name) ?? found;
    return found;
  };
  const strict = globalDefs.some((g) => child(g, 'vrrp_strict'));
  // vrrp_version_handler: a version it cannot read (2..3) leaves the one before.
  let globalVersion: number | undefined;
  for (const g of globalDefs) globalVersion = lastUnsigned(g, 'vrrp_version', 2, 3) ?? globalVersion;
  const instances: Instance[] = [];
  const syncGroups: SyncGroup[] = [];
  const names = new Set<string>();
  parse.body.forEach((s, order) => {
    if (!s.spec) return;
    const kw = s.keyword.text;
    const kind = TRACK_DEFINERS[kw];
    if (kind && s.args[0]) {
      const { weight, reverse } = ownWeight(s, kind);
      const def: TrackDef = { kind, name: s.args[0].text, stmt: s, order, weight, reverse };
      if (def.weight === undefined && kind === 'file') def.weight = 1;
      const list = defs[kind].get(def.name) ?? [];
      list.push(def);
      defs[kind].set(def.name, list);
    } else if (kw === 'vrrp_instance') {
      const inst = instance(s, order, globalVersion, strict);
      inst.duplicate = s.args.length === 1 && names.has(inst.name);
      if (s.args.length === 1) names.add(inst.name);
      instances.push(inst);
      // A skipped instance block without its "{" (see Statement.continues): keepalived reads its
      // lines as settings of the instance it made before, after that instance's own lines. That
      // instance is seen with both: a view of its statement with the later lines as children too.
      const earlier = s.continues && instances.findIndex((i) => i.stmt === s.continues || i.continued === s.continues);
      if (typeof earlier === 'number' && earlier !== -1) {
        const first = instances[earlier]!;
        instances[earlier] = {
          ...instance(continuedView(first.stmt, s), first.order, globalVersion, strict),
          duplicate: first.duplicate,
          continued: s.continues,
          ownLines: first.ownLines ?? first.stmt.children?.length ?? 0,
        };
      }
    } else if (kw === 'vrrp_sync_group') {
      // keepalived skips a group whose name is taken; without its "{" the lines go to the group
      // before it (see the instances above), and it reads them after that group's own.
      if (s.skipped === 'duplicate') {
        const earlier =
          s.continues && syncGroups.findIndex((g) => g.stmt === s.continues || g.continued === s.continues);
        if (typeof earlier === 'number' && earlier !== -1) {
          const first = syncGroups[earlier]!;
          syncGroups[earlier] = { ...syncGroup(continuedView(first.stmt, s), first.order), continued: s.continues };
        }
        return;
      }
      syncGroups.push(syncGroup(s, order));
    }
  });
  // A member belongs to the first group that lists it (keepalived ignores later ones).
  const byName = new Map(instances.filter((i) => !i.duplicate).map((i) => [i.name, i]));
  for (const g of syncGroups) {
    for (const m of g.members) {
      const inst = byName.get(m.text);
      if (inst && !inst.syncGroup) inst.syncGroup = g;
    }
  }
  return {
    parse,
    instances,
    syncGroups,
    defs,
    routerId: globalLast('router_id')?.args[0],
    globalDefs,
    enableScriptSecurity: globalLast('enable_script_security'),
    scriptUser: globalLast('script_user'),
    strict,
  };
}

/** A view of an object's statement with the lines of a later one that continues it (see Statement.continues) as children too. */
function continuedView(first: Statement, later: Statement): Statement {
  return { ...first, children: [...(first.children ?? []), ...(later.children ?? [])] };
}

function syncGroup(s: Statement, order: number): SyncGroup {
  return {
    stmt: s,
    order,
    name: s.args[0]?.text ?? '',
    nameLoc: s.args[0] ?? s.keyword,
    // The first group list only: keepalived skips a later one ("Group list already specified"),
    // unless the first is empty (it then has none yet).
    members: entryLines(childrenNamed(s, 'group').find((g) => (g.entries ?? []).some((e) => e.length > 0))).flat(),
    tracks: tracks(s),
    // global_tracking, deprecated, sets the same flag (vrrp_gglobal_tracking_handler).
    trackingWeight: !!child(s, 'sync_group_tracking_weight') || !!child(s, 'global_tracking'),
  };
}

/**
 * The weight keepalived keeps from a track entry's own `weight` (alloc_track_if, alloc_track_script
 * and their kin, 2.2.7): interfaces and scripts take -253..253 and clamp ±254 to ±253, files and
 * processes -254..254; outside that it falls back (undefined: the object's weight, 0 for an
 * interface).
 */
function entryWeight(kind: TrackKind, v: number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if ((kind === 'script' || kind === 'interface') && Math.abs(v) === 254) return Math.sign(v) * 253;
  const max = kind === 'file' || kind === 'process' ? 254 : 253;
  return Math.abs(v) <= max ? v : undefined;
}

function tracks(s: Statement): TrackEntry[] {
  const out: TrackEntry[] = [];
  for (const c of s.children ?? []) {
    const kind = TRACK_BLOCKS[c.keyword.text];
    if (!kind || !c.spec) continue;
    for (const e of entryLines(c)) {
      const wIdx = e.findIndex((w, i) => i > 0 && w.text === 'weight');
      const weightWord = wIdx > 0 ? e[wIdx + 1] : undefined;
      out.push({
        kind,
        name: e[0]!,
        weight: entryWeight(kind, intOf(weightWord)),
        weightWord,
        reverse:
          wIdx > 0 && e[wIdx + 2]?.text === 'reverse'
            ? true
            : wIdx > 0 && e[wIdx + 2]?.text === 'noreverse'
              ? false
              : undefined,
        block: c,
        entry: e,
      });
    }
  }
  return out;
}

/** The addresses of a virtual_ipaddress(_excluded) block that keepalived keeps (it skips an entry it cannot read). */
function vipsOf(s: Statement | undefined): Vip[] {
  if (!s) return [];
  const out: Vip[] = [];
  for (const e of entryLines(s)) {
    if (!readVipEntry(s.keyword.text, e)) continue;
    const addr = splitPrefix(e[0]!.text).addr;
    out.push({ word: e[0]!, addr, family: e[0]!.opaque ? 0 : ipFamily(addr) });
  }
  return out;
}

function instance(s: Statement, order: number, globalVersion: number | undefined, strict: boolean): Instance {
  const last = (name: string): Statement | undefined => lastChild(s, name);
  // The last virtual_router_id keepalived accepts (vrrp_vrid_handler keeps the one before a value
  // it rejects); one that varies from run to run counts as accepted, of no known value.
  const vridStmt = childrenNamed(s, 'virtual_router_id')
    .filter((c) => {
      const w = c.args[0];
      return !!w && (w.opaque === true || !checkUnsigned(w.text, 1, 255));
    })
    .pop();
  const vridNum = intOf(vridStmt?.args[0]);
  const priorityStmt = last('priority');
  const prio = intOf(priorityStmt?.args[0]);
  const { initialState, stateStmt } = readState(childrenNamed(s, 'state'));
  const vipBlock = last('virtual_ipaddress');
  const authBlock = last('authentication');
  const peerBlock = last('unicast_peer');
  // keepalived adds the addresses of every virtual_ipaddress block of the instance.
  const vips = childrenNamed(s, 'virtual_ipaddress').flatMap(vipsOf);
  // ...and the peers of every unicast_peer block (alloc_value_block adds them to one list).
  const peerLines = childrenNamed(s, 'unicast_peer').flatMap(entryLines);
  const peers = peerLines.map((e) => e[0]!);
  const {
    family,
    familyFrom,
    familyConflicts,
    version: explicitVersion,
    versionStmt,
    versionConflicts,
  } = familyWalk(s);
  // Without a priority line, an initial MASTER is the address owner (255); an invalid value means 100.
  const priority =
    prio !== undefined && prio >= 1 && prio <= 255 ? prio : !priorityStmt && initialState === 'MASTER' ? 255 : 100;
  const fam: Family = family ?? 4;
  const unicastSrc = sourceAddress(s, fam);
  // vrrp_complete_instance: IPv6 is version 3 unless version 2 came before the addresses (then
  // strict mode alone makes it 3); without a version line, IPv4 takes global_defs vrrp_version.
  const version =
    fam === 6
      ? explicitVersion === 2 && !instanceStrict(s, strict)
        ? 2
        : 3
      : (explicitVersion ?? (globalVersion === 3 ? 3 : 2));
  return {
    stmt: s,
    name: s.args[0]?.text ?? '',
    nameLoc: s.args[0] ?? s.keyword,
    order,
    duplicate: false,
    vrid: vridNum !== undefined && vridNum >= 1 && vridNum <= 255 ? vridNum : undefined,
    vridStmt,
    priority,
    priorityStmt,
    // Strict mode: "State MASTER must match being address owner" starts a non-owner as BACKUP and
    // an owner as MASTER.
    state: initialState && instanceStrict(s, strict) ? (priority === 255 ? 'MASTER' : 'BACKUP') : initialState,
    initialState,
    stateStmt,
    iface: interfaceOf(s),
    vips,
    vipBlock,
    excluded: childrenNamed(s, 'virtual_ipaddress_excluded').flatMap(vipsOf),
    family: fam,
    familyFrom,
    familyConflicts,
    version,
    versionStmt,
    versionConflicts,
    advertInt: last('advert_int')?.args[0],
    authBlock,
    ...authSettings(s),
    unicastSrc,
    peers,
    peerLines,
    peerBlock,
    mcastDst: last('mcast_dst_ip'),
    nopreempt: nopreemptLine(s),
    preemptDelay: last('preempt_delay'),
    tracks: tracks(s),
    syncGroup: undefined,
  };
}

/**
 * What an instance brings up as MASTER: its VIPs and excluded VIPs of its own family, by address in
 * normal form (the first entry of each).
 */
export function heldAddresses(inst: Instance): Map<string, Vip> {
  const out = new Map<string, Vip>();
  for (const v of [...inst.vips, ...inst.excluded]) {
    if (v.family !== inst.family) continue;
    const key = normAddr(v.addr);
    if (!out.has(key)) out.set(key, v);
  }
  return out;
}

/** Normalises an address for comparison (IPv6 case and zero compression). */
export function normAddr(addr: string): string {
  if (!addr.includes(':')) return addr;
  let s = addr.toLowerCase();
  const dbl = s.indexOf('::');
  if (dbl !== -1) {
    const left = s.slice(0, dbl).split(':').filter(Boolean);
    const right = s
      .slice(dbl + 2)
      .split(':')
      .filter(Boolean);
    const fill = Array(Math.max(0, 8 - left.length - right.length)).fill('0');
    s = [...left, ...fill, ...right].join(':');
  }
  return s
    .split(':')
    .map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')))
    .join(':');
}

/** The instance whose VRRP state keepalived actually uses (not a skipped duplicate, named). */
export function usable(i: Instance): boolean {
  return !i.duplicate && i.stmt.args.length === 1;
}

/**
 * The advertisement interval an instance's adverts carry, in microseconds, as keepalived settles it
 * (vrrp_adv_handler, vrrp_complete_instance, 2.2.7): the last advert_int it accepts (a value it
 * rejects leaves the one before), 1 s without one, then what the VRRP version can carry: VRRPv2
 * whole seconds (rounded, at least 1 s), VRRPv3 10 ms units (rounded, at least 10 ms, at most
 * 40.95 s). Undefined when a value varies from run to run (`${_RANDOM}`).
 */
export function advertInterval(i: Instance): number | undefined {
  const line = advertLine(i);
  if (line === 'varies') return undefined;
  return carriedInterval(line?.us ?? 1e6, i.version);
}

/**
 * The advert_int word keepalived keeps last and its value in microseconds (a value with more than
 * six decimal places is kept, rounded: see decimalValue); 'varies' when a word varies from run to
 * run, undefined without one.
 */
export function advertLine(i: Instance): { word: Word; us: number } | 'varies' | undefined {
  const range = findKeyword('root > vrrp_instance', 'advert_int')?.params?.[0];
  let found: { word: Word; us: number } | undefined;
  for (const s of childrenNamed(i.stmt, 'advert_int')) {
    const w = s.args[0];
    if (!w) continue;
    if (w.opaque) return 'varies';
    // advert_int's handler goes on after an invalid number (ignore_error): see decimalValue.
    const us = decimalValue(w.text, range?.min ?? 0.01, range?.max ?? 255, 6, true);
    if (us !== undefined) found = { word: w, us };
  }
  return found;
}

/**
 * An advertisement interval (microseconds) as a version's adverts carry it: VRRPv2 whole seconds
 * below 256 s, VRRPv3 10 ms units below 40.96 s, rounded half up, at least one unit
 * (vrrp_complete_instance, 2.2.7).
 */
export function carriedInterval(us: number, version: number): number {
  const unit = version === 3 ? 1e4 : 1e6;
  const limit = (version === 3 ? 4096 : 256) * unit;
  if (us >= limit) return limit - unit;
  if (us % unit === 0) return us;
  return Math.max(unit, us + unit / 2 - ((us + unit / 2) % unit));
}

/**
 * The group an address names (normalised) when inet_stosockaddr reads it as a multicast address of
 * the family: IPv4 224/4; IPv6 ff00::/8, or with `linkLocal` (an instance's own mcast_dst_ip) ffX2::/16.
 */
function vrrpGroup(text: string, family: Family, linkLocal: boolean): string | undefined {
  if (sockaddrFamily(text) !== family) return undefined;
  const addr = normAddr(sockaddrAddress(text));
  if (family === 4) {
    const first = Number(addr.split('.')[0]);
    return first >= 224 && first <= 239 ? addr : undefined;
  }
  return (linkLocal ? /^ff[0-9a-f]2:/ : /^ff/).test(addr) ? addr : undefined;
}

/** A multicast group as multicastGroup finds it. */
export interface MulticastGroup {
  /** The normalised address, for comparisons. */
  addr: string;
  /** As written (or keepalived's default). */
  text: string;
  /** Where it was set; undefined for the default. */
  word: Word | undefined;
}

/**
 * The multicast group a (multicast) instance sends its adverts to and binds its socket to, so the
 * only one it hears: its last mcast_dst_ip when that is a multicast address of its family (IPv6:
 * link-local scope), else global_defs vrrp_mcast_group4/6 (the last valid one), else 224.0.0.18 or
 * ff02::12 (vrrp_mcast_dstip_handler, vrrp_mcast_group4_handler, vrrp_complete_instance, 2.2.7).
 * `word` is where it was set, undefined for the default; undefined when a value varies.
 */
export function multicastGroup(m: NodeModel, i: Instance): MulticastGroup | undefined {
  const own = i.mcastDst?.args[0];
  if (own?.opaque) return undefined;
  const addr = own && vrrpGroup(own.text, i.family, true);
  if (own && addr) return { addr, text: own.text, word: own };
  const fallback = i.family === 4 ? '224.0.0.18' : 'ff02::12';
  let found: MulticastGroup = { addr: normAddr(fallback), text: fallback, word: undefined };
  for (const g of m.globalDefs) {
    for (const c of childrenNamed(g, i.family === 4 ? 'vrrp_mcast_group4' : 'vrrp_mcast_group6')) {
      const w = c.args[0];
      if (!w) continue;
      if (w.opaque) return undefined;
      const a = vrrpGroup(w.text, i.family, false);
      if (a) found = { addr: a, text: w.text, word: w };
    }
  }
  return found;
}

/** The authentication an instance's adverts carry, as authenticationOf finds it. */
export interface Authentication {
  type: 'none' | 'PASS' | 'AH';
  /** Why keepalived clears a configured authentication (type 'none'). */
  cleared?: 'strict' | 'version3' | 'no-pass' | 'ah-ipv6';
  /** The password (PASS and AH), whole; keepalived uses its first 8 bytes. */
  pass?: Word;
}

/** Whether an instance runs in strict mode: its last valid strict_mode, else global_defs vrrp_strict. */
export function strictMode(m: NodeModel, i: Instance): boolean {
  return instanceStrict(i.stmt, m.strict);
}

/** Whether a vrrp_instance block runs in strict mode, given global_defs vrrp_strict. */
export function instanceStrict(s: Statement, global: boolean): boolean {
  let strict = global;
  for (const c of childrenNamed(s, 'strict_mode')) {
    strict = checkTrueFalse(c.args[0]?.text) ?? strict;
  }
  return strict;
}

/**
 * The authentication keepalived uses for an instance (vrrp_auth_type_handler, vrrp_auth_pass_handler,
 * vrrp_complete_instance, 2.2.7): the last auth_type it accepts ("PASS" or "AH", case matters) and
 * the last auth_pass, over all authentication blocks; then none in strict mode, with VRRPv3, without
 * a password, and AH with IPv6. Undefined when a value varies from run to run.
 */
export function authenticationOf(m: NodeModel, i: Instance): Authentication | undefined {
  let type: Authentication['type'] = 'none';
  let pass: Word | undefined;
  for (const block of childrenNamed(i.stmt, 'authentication')) {
    for (const c of block.children ?? []) {
      if (!c.spec) continue;
      const w = c.args[0];
      if (w?.opaque) return undefined;
      if (c.keyword.text === 'auth_type' && (w?.text === 'PASS' || w?.text === 'AH')) type = w.text;
      else if (c.keyword.text === 'auth_pass' && w) pass = w;
    }
  }
  if (type === 'none') return { type };
  if (strictMode(m, i)) return { type: 'none', cleared: 'strict' };
  if (i.version === 3) return { type: 'none', cleared: 'version3' };
  if (!pass || pass.text === '') return { type: 'none', cleared: 'no-pass' };
  if (type === 'AH' && i.family === 6) return { type: 'none', cleared: 'ah-ipv6' };
  return { type, pass };
}

/** The definitions a track entry can refer to. */
export function defsOf(m: NodeModel, t: TrackEntry): TrackDef[] {
  return m.defs[t.kind].get(t.name.text) ?? [];
}

/**
 * The weight a track entry applies, with `reverse` folded in as keepalived does (sign flipped).
 * Without a weight of its own, the object's: `def`, the definition keepalived finds for the entry
 * (see track-lookup.ts), or else the first of its name.
 */
export function trackWeight(m: NodeModel, t: TrackEntry, def: TrackDef | undefined = defsOf(m, t)[0]): number {
  const { weight, reverse } = trackWeighting(m, t, def);
  return reverse ? -weight : weight;
}

/**
 * The weight keepalived gives a track entry, as written, and whether it is reversed (its
 * contribution to the priority then changes sign: vrrp_track.c multiplies by -1).
 */
export function trackWeighting(
  m: NodeModel,
  t: TrackEntry,
  def: TrackDef | undefined = defsOf(m, t)[0],
): { weight: number; reverse: boolean } {
  // An entry with a weight of its own and no reverse/noreverse takes the object's reverse.
  if (t.weight !== undefined) return { weight: t.weight, reverse: t.reverse ?? (t.kind !== 'interface' && !!def?.reverse) };
  if (t.kind === 'interface') return { weight: 0, reverse: t.reverse ?? false };
  return { weight: def?.weight ?? (t.kind === 'file' ? 1 : 0), reverse: !!def?.reverse };
}
