import type { Word } from '../../grammar/index';
import { nodeModel, usable, type Instance, type SyncGroup } from '../peer/model';
import { child, defineRule, spanning, type RuleContext } from '../types';

/**
 * An interface tracked by a sync group and by one of its members, which tracks its own interface
 * (unless dont_track_primary) and those of its track_interface (add_vrrp_to_interface, vrrp.c,
 * 2.2.7: "track_interface eth0 is configured on VRRP instance and sync group").
 */
function trackedTwice(ctx: RuleContext, g: SyncGroup, members: Instance[]): void {
  // An interface listed twice in the group is kept once (the second is track-duplicate's).
  const seen = new Set<string>();
  for (const t of g.tracks) {
    if (t.kind !== 'interface' || t.name.opaque || seen.has(t.name.text)) continue;
    const iface = t.name.text;
    seen.add(iface);
    for (const inst of members) {
      const own =
        inst.iface && !inst.iface.opaque && inst.iface.text === iface && !child(inst.stmt, 'dont_track_primary');
      const tracked =
        !own && inst.tracks.some((x) => x.kind === 'interface' && x.name.text === iface && inst.iface?.text !== iface);
      if (!own && !tracked) continue;
      ctx.report({
        loc: t.name,
        messageId: own ? 'trackedOwn' : 'trackedTwice',
        data: { group: g.name, iface, name: inst.name },
        severity: 'warning',
      });
    }
  }
}

/** vrrp_sync_group members that are not instances, belong to another group, or leave the group useless. */
/**
 * Whether keepalived finds the group's members mixed (vrrp_sync_set_group, vrrp_sync.c, 2.2.7). It
 * runs before the instances are completed, so it sees the states and priorities as written: the
 * group is MASTER while every member so far is `state MASTER` with `priority 255`, and a member
 * with `state BACKUP` (or a state it does not know) then is reported; any other member makes the
 * group BACKUP for good.
 */
function mixesOwners(members: Instance[]): boolean {
  let state: 'init' | 'master' | 'backup' = 'init';
  for (const i of members) {
    const want = i.initialState === undefined ? 'init' : i.initialState === 'MASTER' ? 'master' : 'backup';
    if (state === 'master' && want === 'backup') return true;
    if (state !== 'backup') state = want === 'master' && i.priorityStmt && i.priority === 255 ? 'master' : 'backup';
  }
  return false;
}

export default defineRule({
  id: 'sync-group-member',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'vrrp_sync_group member that is not a vrrp_instance or already in another group; groups left with fewer than two members.',
  messages: {
    notInstance: 'Virtual router "{name}" in sync group "{group}" is not a vrrp_instance; keepalived ignores it.',
    otherGroup:
      'Virtual router "{name}" is already in sync group "{other}"; an instance can be in only one group, so keepalived ignores it here.',
    noneLeft: 'Sync group "{group}" has no usable member; keepalived removes it.',
    noMembers: 'Sync group "{group}" has no members; keepalived removes it.',
    onlyOne:
      'Sync group "{group}" has only one virtual router ("{name}"); a sync group is meant to keep several instances in the same state.',
    mixedOwner:
      'Sync group "{group}" mixes address owners (priority 255) and other members; keepalived says this will not work.',
    otherGroupHere: 'first group listing "{name}"',
    trackedOwn:
      'Sync group "{group}" tracks interface {iface}, the interface of its member "{name}", which tracks it already; keepalived reports it ("configured on VRRP instance and sync group"). Track it in one place, or set dont_track_primary.',
    trackedTwice:
      'Sync group "{group}" tracks interface {iface}, which its member "{name}" tracks too (track_interface); keepalived reports it ("configured on VRRP instance and sync group"). Track it in one place.',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    const instances = new Map<string, Instance>();
    for (const i of m.instances) if (usable(i) && !instances.has(i.name)) instances.set(i.name, i);
    const owner = new Map<string, { group: string; word: Word }>();
    for (const g of m.syncGroups) {
      if (g.stmt.args.length !== 1) continue;
      const valid: Instance[] = [];
      for (const w of g.members) {
        if (w.opaque) continue;
        const inst = instances.get(w.text);
        if (!inst) {
          ctx.report({ loc: w, messageId: 'notInstance', data: { name: w.text, group: g.name } });
          continue;
        }
        const prev = owner.get(w.text);
        if (prev) {
          ctx.report({
            loc: w,
            messageId: 'otherGroup',
            data: { name: w.text, other: prev.group },
            related: [{ loc: prev.word, messageId: 'otherGroupHere', data: { name: w.text } }],
          });
          continue;
        }
        owner.set(w.text, { group: g.name, word: w });
        valid.push(inst);
      }
      trackedTwice(ctx, g, valid);
      if (g.members.some((w) => w.opaque)) continue;
      // Without a group list, keepalived 2.4 says so when it closes the block (2.2.7 without a line).
      if (valid.length === 0 && g.members.length === 0)
        ctx.report({
          loc: spanning(g.nameLoc, g.stmt.close ?? g.nameLoc),
          messageId: 'noMembers',
          data: { group: g.name },
        });
      else if (valid.length === 0) ctx.report({ loc: g.nameLoc, messageId: 'noneLeft', data: { group: g.name } });
      else if (valid.length === 1)
        ctx.report({ loc: g.nameLoc, messageId: 'onlyOne', data: { group: g.name, name: valid[0]!.name } });
      else if (mixesOwners(valid)) ctx.report({ loc: g.nameLoc, messageId: 'mixedOwner', data: { group: g.name } });
    }
  },
});
