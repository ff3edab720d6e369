import { definePeerRule } from '../../types';
import { elect, electAfter, failedPriority, healthyPriority, rank, trackers } from '../failover';
import { reportAt, settingLoc, sharedRouters } from '../helpers';

/** Tracked objects whose failure on the MASTER does not hand the role to a backup. */
export default definePeerRule({
  id: 'peer-failover-gap',
  meta: { severity: 'warning', fixable: false, category: 'peer' },
  description:
    "A tracked script, interface, file or process of the would-be MASTER whose failure does not lower its priority below the best backup's.",
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
    backup: 'priority of {node}',
  },
  checkPeers(ctx) {
    for (const router of sharedRouters(ctx.nodes)) {
      const ms = router.members;
      const healthy = new Map(ms.map((m) => [m, healthyPriority(m)]));
      const master = elect(ms.map((member) => ({ member, prio: healthy.get(member)! }))).winner;
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
      for (const t of trackers(master)) {
        const to = failedPriority(master, t);
        if (to === 'FAULT' || to === 'DOWN') continue;
        // A failure that does not lower the priority (a reversed weight, a file's positive weight)
        // is not meant to hand the role over.
        if (t.effect === 'weight' && to >= from) continue;
        const data = {
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
        let messageId: string | undefined;
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
        if (!messageId) continue;
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
