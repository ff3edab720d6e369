import { definePeerRule, type PeerContext } from '../../types';
import { startState, type Instance, type SyncGroup } from '../model';
import { elect, healthyPriority, rank } from '../failover';
import { reportAt, settingLoc, sharedRouters } from '../helpers';
import type { Member } from '../routers';

const stateLoc = (m: Member) => settingLoc(m, m.inst.stateStmt);
const prioLoc = (m: Member) => settingLoc(m, m.inst.priorityStmt);

/** Elections whose outcome is not what the configuration suggests: two MASTERs, equal priorities. */
export default definePeerRule({
  id: 'peer-master-election',
  meta: { severity: 'warning', fixable: false, category: 'peer' },
  description:
    'Two nodes of one virtual router with state MASTER or with the same priority, a MASTER that a BACKUP outranks, or a sync group whose members prefer different nodes.',
  messages: {
    twoMastersPriority:
      '({name}) {nodes} are all state MASTER; {winner} wins because its priority {priority} is the highest, the others fall back to BACKUP.',
    twoMastersAddress:
      '({name}) {nodes} are all state MASTER with priority {priority}; {winner} wins because its unicast_src_ip is the higher address.',
    twoMastersUnknown:
      '({name}) {nodes} are all state MASTER with priority {priority}; the node with the higher primary IP address on the interface wins. Give the intended master a higher priority.',
    samePriorityAddress:
      '({name}) {nodes} have the same priority {priority}; when they start together {winner} becomes MASTER only because its unicast_src_ip is the higher address, and otherwise whichever is MASTER first keeps the role. Give the intended master a higher priority.',
    samePriorityUnknown:
      '({name}) {nodes} have the same priority {priority}; when they start together the node with the higher primary IP address on the interface becomes MASTER, and otherwise whichever is MASTER first keeps the role. Give the intended master a higher priority.',
    masterOutranked:
      '({name}) {node} is state MASTER with priority {priority}, but {other} has priority {otherPriority}: {other} takes over as soon as it runs. Give the intended master the highest priority.',
    outranksMaster:
      '({name}) {node} has priority {priority}, above the {otherPriority} of {other}, which is state MASTER: {node} takes over as soon as it runs. Give the intended master the highest priority.',
    syncSplit:
      '({group}) the members of this sync group would be MASTER on different nodes ({split}), but keepalived keeps a sync group\'s members in one state: the group moves as one, to one node, or flaps. Give the members the same preferred node, or put them in separate groups.',
    other: '{node}',
  },
  checkPeers(ctx) {
    for (const router of sharedRouters(ctx.nodes)) {
      const ms = router.members;
      const prio = new Map(ms.map((m) => [m, healthyPriority(m)]));
      const masters = ms.filter((m) => startState(m.inst) === 'MASTER');
      const e = elect(ms.map((member) => ({ member, prio: prio.get(member)! })));
      if (masters.length >= 2 && new Set(masters.map((m) => m.node)).size >= 2) {
        const me = elect(masters.map((member) => ({ member, prio: prio.get(member)! })));
        const id =
          me.reason === 'priority'
            ? 'twoMastersPriority'
            : me.reason === 'address'
              ? 'twoMastersAddress'
              : 'twoMastersUnknown';
        for (const m of masters) {
          reportAt(
            ctx,
            m,
            {
              loc: stateLoc(m),
              messageId: id,
              data: {
                name: m.inst.name,
                nodes: masters.map((x) => x.node.name).join(', '),
                winner: me.winner?.node.name ?? '',
                priority: me.priority,
              },
            },
            masters
              .filter((o) => o !== m)
              .map((o) => ({ member: o, loc: stateLoc(o), messageId: 'other', data: { node: o.node.name } })),
          );
        }
      } else if (e.tied.length >= 2 && new Set(e.tied.map((m) => m.node)).size >= 2) {
        const id = e.reason === 'address' ? 'samePriorityAddress' : 'samePriorityUnknown';
        for (const m of e.tied) {
          reportAt(
            ctx,
            m,
            {
              loc: prioLoc(m),
              messageId: id,
              data: {
                name: m.inst.name,
                nodes: e.tied.map((x) => x.node.name).join(', '),
                winner: e.winner?.node.name ?? '',
                priority: e.priority,
              },
            },
            e.tied
              .filter((o) => o !== m)
              .map((o) => ({ member: o, loc: prioLoc(o), messageId: 'other', data: { node: o.node.name } })),
          );
        }
      }
      // A MASTER outranked by a node that preempts (nopreempt keeps a running master in place).
      if (masters.length === 1 && typeof prio.get(masters[0]!) === 'number') {
        const m = masters[0]!;
        const higher = ms.filter(
          (o) => o.node !== m.node && rank(prio.get(o)!) > rank(prio.get(m)!) && !o.inst.nopreempt,
        );
        const top = higher.sort((a, b) => rank(prio.get(b)!) - rank(prio.get(a)!))[0];
        // Reported on both sides: the MASTER's priority may be the slip, or the other node's.
        for (const o of higher) {
          reportAt(
            ctx,
            o,
            {
              loc: prioLoc(o),
              messageId: 'outranksMaster',
              data: {
                name: o.inst.name,
                node: o.node.name,
                priority: prio.get(o),
                other: m.node.name,
                otherPriority: prio.get(m),
              },
            },
            [{ member: m, loc: prioLoc(m), messageId: 'other', data: { node: m.node.name } }],
          );
        }
        if (top) {
          reportAt(
            ctx,
            m,
            {
              loc: prioLoc(m),
              messageId: 'masterOutranked',
              data: {
                name: m.inst.name,
                node: m.node.name,
                priority: prio.get(m),
                other: top.node.name,
                otherPriority: prio.get(top),
              },
            },
            [{ member: top, loc: prioLoc(top), messageId: 'other', data: { node: top.node.name } }],
          );
        }
      }
    }
    syncSplits(ctx);
  },
});

/**
 * Sync groups whose members prefer different nodes: a group goes MASTER only when every member
 * wants to, and one member going BACKUP takes the others with it (vrrp_sync.c), so the split the
 * priorities ask for cannot hold.
 */
function syncSplits(ctx: PeerContext): void {
  const winner = new Map<Instance, Member>();
  const memberOf = new Map<Instance, Member>();
  for (const router of sharedRouters(ctx.nodes)) {
    const e = elect(router.members.map((member) => ({ member, prio: healthyPriority(member) })));
    for (const m of router.members) {
      memberOf.set(m.inst, m);
      if (e.winner) winner.set(m.inst, e.winner);
    }
  }
  const done = new Set<SyncGroup>();
  for (const [inst, m] of memberOf) {
    const group = inst.syncGroup;
    if (!group || done.has(group)) continue;
    done.add(group);
    const members = m.model.instances.filter((i) => i.syncGroup === group && winner.has(i));
    const nodes = new Set(members.map((i) => winner.get(i)!.node));
    if (nodes.size < 2) continue;
    const split = members.map((i) => `${i.name} on ${winner.get(i)!.node.name}`).join(', ');
    ctx.report(m.node, { loc: group.nameLoc, messageId: 'syncSplit', data: { group: group.name, split } });
  }
}
