import type { Word } from '../../grammar/index';
import { nodeModel, usable, type Instance } from '../peer/model';
import { defineRule } from '../types';

/** vrrp_sync_group members that are not instances, belong to another group, or leave the group useless. */
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
      if (g.members.some((w) => w.opaque)) continue;
      if (valid.length === 0)
        ctx.report({ loc: g.nameLoc, messageId: g.members.length ? 'noneLeft' : 'noMembers', data: { group: g.name } });
      else if (valid.length === 1)
        ctx.report({ loc: g.nameLoc, messageId: 'onlyOne', data: { group: g.name, name: valid[0]!.name } });
      else if (valid.some((i) => i.priority === 255) && valid.some((i) => i.priority !== 255)) {
        ctx.report({ loc: g.nameLoc, messageId: 'mixedOwner', data: { group: g.name } });
      }
    }
  },
});
