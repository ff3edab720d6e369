import { groupOwner, nodeModel, trackWeight, usable } from '../peer/model';
import { trackList, vrrpScriptUse } from '../peer/track-lookup';
import { surelyExists } from '../peer/script-command';
import { defineRule, spanning } from '../types';

const KIND_WORD: Record<string, string> = {
  script: 'tracked script',
  interface: 'tracked interface',
  file: 'tracked file',
  process: 'tracked process',
  bfd: 'tracked bfd',
};

/** Weighted tracking that keepalived ignores: on an address owner (priority 255) or a sync group member. */
export default defineRule({
  id: 'vrrp-owner-tracking',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'Weighted track_* entry on an address owner (priority 255) or on a sync group member, or on a sync group with an address owner; keepalived ignores the weight.',
  messages: {
    owner:
      '({name}) ignoring {kind} "{track}" with weight {weight}: an address owner (priority 255) cannot change priority. Use weight 0 (fault on failure) or a priority below 255.',
    sync: '({name}) ignoring {kind} "{track}" with weight {weight}: the instance is in sync group "{group}". Add sync_group_tracking_weight to the group or use weight 0.',
    groupOwner:
      '({group}) {kind} "{track}" with weight {weight} in a sync group whose member "{owner}" is an address owner (priority 255); keepalived sets the weight to 0.',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    for (const i of m.instances) {
      if (!usable(i)) continue;
      const group = i.syncGroup && !i.syncGroup.trackingWeight ? i.syncGroup : undefined;
      if (i.priority !== 255 && !group) continue;
      for (const { entry: t, def } of trackList(m, i.tracks, i.order).kept) {
        // keepalived applies a tracked process's weight even here (vrrp_complete_instance has no
        // case for processes, in 2.2.7 as in 2.4).
        if (t.kind === 'process') continue;
        // Its own interface is dropped before the weights are looked at (track-undefined says so).
        if (t.kind === 'interface' && i.iface && !t.name.opaque && t.name.text === i.iface.text) continue;
        const weight = trackWeight(m, t, def);
        if (weight === 0) continue;
        const data = { name: i.name, kind: KIND_WORD[t.kind], track: t.name.text, weight, group: group?.name ?? '' };
        const loc = spanning(t.name, t.entry[t.entry.length - 1]);
        // keepalived only reports this for a script it can find, which only the host knows.
        const program = t.kind === 'script' ? vrrpScriptUse(m, def!)?.argv[0]?.text : undefined;
        const severity = t.kind === 'script' && !(program && surelyExists(program)) ? 'warning' : undefined;
        ctx.report({ loc, messageId: i.priority === 255 ? 'owner' : 'sync', data, severity });
      }
    }
    // A sync group's own weighted tracks, when a member is an address owner (vrrp.c, after the
    // instances are complete: the priority as keepalived settles it).
    for (const g of m.syncGroups) {
      const owner = groupOwner(m, g);
      if (!owner) continue;
      for (const { entry: t, def } of trackList(m, g.tracks, g.order).kept) {
        const weight = trackWeight(m, t, def);
        if (weight === 0) continue;
        const data = { group: g.name, kind: KIND_WORD[t.kind], track: t.name.text, weight, owner: owner.name };
        ctx.report({ loc: spanning(t.name, t.entry[t.entry.length - 1]), messageId: 'groupOwner', data });
      }
    }
  },
});
