import { definePeerRule } from '../../types';
import { electAfter, FailoverModel, failedPriority, rank, trackerKey } from '../failover';
import { reportAt, settingLoc } from '../helpers';

/** Tracked objects whose failure on the MASTER does not hand the role to a backup. */
export default definePeerRule({
  id: 'peer-failover-gap',
  meta: { severity: 'warning', fixable: false, category: 'peer' },
  description:
    "A tracked script, interface, file or process of the would-be MASTER whose failure does not hand the role over: its priority stays at or above the best backup's, or the backup's sync group holds it back.",
  messages: {
    noFailover:
      "{track} failing on {node} lowers priority {from} → {to}, still above {other}'s {backup}: no failover. The drop must exceed {gap}.",
    tie: "{track} failing on {node} lowers priority {from} → {to}, equal to {other}'s {backup}: a tie is not a failover. The drop must exceed {gap}.",
    ignoredOwner:
      '{track} failing on {node} leaves priority {from} unchanged: keepalived ignores weight {weight} on an address owner (priority 255), so {other} never takes over. Use weight 0 or a priority below 255.',
    ignoredSync:
      '{track} failing on {node} leaves priority {from} unchanged: keepalived ignores weight {weight} in sync group "{group}" without sync_group_tracking_weight, so {other} never takes over.',
    nopreempt:
      "{track} failing on {node} lowers priority {from} → {to}, below {other}'s {backup}, but {other} has nopreempt: a backup with nopreempt never takes over from a MASTER that still sends adverts. Use weight 0 (FAULT) for this check, or drop nopreempt.",
    syncHeld:
      '{track} failing on {node} lowers priority {from} → {to}, below {other}\'s {backup}, but {other} stays BACKUP: its sync group "{otherGroup}" goes MASTER only when all its members want to, and {blocker} still hears a higher priority. Use weight 0 (a FAULT takes the whole group over), or weights that drop every member of the group below its backup.',
    backup: 'priority of {node}',
  },
  checkPeers(ctx) {
    const model = new FailoverModel(ctx.nodes);
    for (const router of model.routers) {
      const ms = router.members;
      if (new Set(ms.map((m) => m.node)).size < 2) continue;
      const prios = model.healthy().prios;
      const healthy = new Map(ms.map((m) => [m, prios.get(m.inst)!]));
      // The MASTER when all is healthy, its sync group on its node agreeing.
      const master = model.healthy().elections.get(router)?.winner;
      if (!master) continue;
      const backups = ms
        .filter((m) => m.node !== master.node)
        .sort((a, b) => rank(healthy.get(b)!) - rank(healthy.get(a)!));
      const best = backups[0];
      if (!best) continue;
      const backup = healthy.get(best)!;
      const from = healthy.get(master)!;
      // A backup held in FAULT takes over nothing.
      if (typeof backup !== 'number' || typeof from !== 'number') continue;
      const ts = model.trackers(master);
      for (const t of ts) {
        const to = failedPriority(master, t, ts);
        if (to === 'FAULT' || to === 'DOWN') continue;
        // A failure that does not lower the priority (a reversed weight, a file's positive weight)
        // is not meant to hand the role over.
        if (t.effect === 'weight' && to >= from) continue;
        const data: Record<string, string | number> = {
          track: t.label,
          node: master.node.name,
          from,
          to,
          other: best.node.name,
          backup,
          gap: from - backup,
          weight: t.weight,
          group: master.inst.syncGroup?.name ?? '',
        };
        // The nodes' sync groups move their members together: a sibling of the MASTER that tracks
        // the object too may hand the whole group over, and a backup's group may hold it back.
        const after = model.objectFails(master.node, trackerKey(t));
        if (after.elections.get(router)?.winner !== master) continue;
        let messageId: string;
        if (t.effect === 'ignored') messageId = t.ignoredBy === 'owner' ? 'ignoredOwner' : 'ignoredSync';
        else if (to > backup) messageId = 'noFailover';
        else if (to === backup) messageId = 'tie';
        else if (
          electAfter(
            ms.map((member) => ({ member, prio: member === master ? to : healthy.get(member)! })),
            master,
          ).reason === 'stays'
        )
          messageId = 'nopreempt';
        else {
          // The backup's sync group holds it: a sibling that still hears a higher MASTER.
          const blocker = model.siblings(best).find((s) => !after.master.get(s.inst));
          messageId = 'syncHeld';
          data.otherGroup = best.inst.syncGroup?.name ?? '';
          data.blocker = blocker?.inst.name ?? 'another member';
        }
        reportAt(ctx, master, { loc: t.entry.name, messageId, data }, [
          {
            member: best,
            loc: settingLoc(best, best.inst.priorityStmt),
            messageId: 'backup',
            data: { node: best.node.name },
          },
        ]);
      }
    }
  },
});
