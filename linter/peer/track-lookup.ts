// Which object a track entry names, looked up the way keepalived does while it reads the file
// (find_script_by_name and its kin in 2.2.7): among the objects defined before the entry, and
// kept when their block closed.
import type { ParseResult, Statement } from '../../grammar/index';
import { childrenNamed } from '../types';
import type { NodeModel, TrackDef, TrackEntry, TrackKind } from './model';
import { scriptUses, type ScriptUse } from './script-command';

/** What keepalived finds for a track entry's name. */
export type TrackLookup =
  | { found: TrackDef }
  /** Nothing of that name anywhere. */
  | { found?: undefined; why: 'notFound' }
  /** Only definitions further down, which keepalived has not read yet. */
  | { found?: undefined; why: 'later'; def: TrackDef }
  /** Definitions before it, all removed when their block closed (no script, no process, no file). */
  | { found?: undefined; why: 'noScript' | 'dropped'; def: TrackDef; setting: string };

/** The setting without which a definition is removed at its closing brace. */
const REQUIRED: Partial<Record<TrackKind, string>> = { script: 'script', process: 'process', file: 'file' };

/**
 * The script a vrrp_script runs: each `script` line keepalived can read replaces the one before,
 * and one with a quote left open leaves it (set_script_params_array). Undefined when no line can
 * be read: keepalived then removes the vrrp_script as its block closes.
 */
export function vrrpScriptUse(m: NodeModel, d: TrackDef): ScriptUse | undefined {
  let byBlock = lastScriptCache.get(m.parse);
  if (!byBlock) {
    byBlock = new Map();
    for (const u of scriptUses(m.parse)) {
      if (u.stmt.parent && u.stmt.keyword.text === 'script' && !u.unbalanced) byBlock.set(u.stmt.parent, u);
    }
    lastScriptCache.set(m.parse, byBlock);
  }
  return byBlock.get(d.stmt);
}

/** Per parse: each block's last readable `script` line (a later one replaces the one before). */
const lastScriptCache = new WeakMap<ParseResult, Map<Statement, ScriptUse>>();

/** Whether keepalived keeps a definition after reading its block. */
function kept(m: NodeModel, d: TrackDef): boolean {
  if (d.kind === 'script') return vrrpScriptUse(m, d) !== undefined;
  const needs = REQUIRED[d.kind];
  // A bfd_instance without neighbor_ip is disabled, not removed: its name still resolves. A bare
  // `file` line sets nothing ("track file file name missing"): a later one still counts.
  return !needs || childrenNamed(d.stmt, needs).some((c) => c.args.length > 0);
}

/**
 * Looks a tracked name up as keepalived does when it reads an entry at `order` (the position among
 * the root statements of the object holding the list; Infinity for a lookup after reading).
 */
export function lookupTrack(
  m: NodeModel,
  kind: Exclude<TrackKind, 'interface'>,
  name: string,
  order: number,
): TrackLookup {
  const defs = m.defs[kind].get(name) ?? [];
  const earlier = defs.filter((d) => d.order < order);
  if (earlier.length === 0) return defs[0] ? { why: 'later', def: defs[0] } : { why: 'notFound' };
  const found = earlier.find((d) => kept(m, d));
  if (found) return { found };
  return { why: kind === 'script' ? 'noScript' : 'dropped', def: earlier[0]!, setting: REQUIRED[kind]! };
}

/** An entry keepalived adds to a track list, with the object it found (none for an interface). */
export interface KeptTrack {
  entry: TrackEntry;
  def: TrackDef | undefined;
}

/**
 * An object's track lists as keepalived builds them while reading the entries in order: an entry
 * naming nothing it finds is dropped ("not found"), and one naming an object already listed is a
 * duplicate ("duplicate track_script chk - ignoring"). `order` is the object's place among the
 * root statements. Entries whose name varies from run to run are left out of both.
 */
export function trackList(
  m: NodeModel,
  tracks: readonly TrackEntry[],
  order: number,
): { kept: KeptTrack[]; duplicates: { entry: TrackEntry; first: TrackEntry }[] } {
  const kept: KeptTrack[] = [];
  const duplicates: { entry: TrackEntry; first: TrackEntry }[] = [];
  const seen = new Map<string, TrackEntry>();
  for (const entry of tracks) {
    if (entry.name.opaque) continue;
    const def = entry.kind === 'interface' ? undefined : lookupTrack(m, entry.kind, entry.name.text, order).found;
    if (entry.kind !== 'interface' && !def) continue;
    const key = `${entry.kind} ${entry.name.text}`;
    const first = seen.get(key);
    if (first) duplicates.push({ entry, first });
    else {
      seen.set(key, entry);
      kept.push({ entry, def });
    }
  }
  return { kept, duplicates };
}
