import { nodeModel, usable, type TrackEntry } from '../peer/model';
import { trackList } from '../peer/track-lookup';
import { defineRule } from '../types';

/**
 * The same object listed twice in one instance's or sync group's track lists: keepalived ignores
 * the second (`(VI_1) duplicate track_script chk - ignoring`). It looks the name up first, so an
 * entry naming nothing it can find is "not found" every time, never a duplicate (track-undefined).
 */
export default defineRule({
  id: 'track-duplicate',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'An object listed twice in the track lists of one vrrp_instance or vrrp_sync_group; keepalived ignores the second entry.',
  messages: {
    duplicate: '"{value}" is listed twice in {block}; keepalived ignores the second.',
    first: 'first listed here',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    const check = (tracks: TrackEntry[], order: number): void => {
      // Every block of one list (two `track_script` blocks) adds to the same list.
      for (const { entry, first } of trackList(m, tracks, order).duplicates) {
        ctx.report({
          loc: entry.name,
          messageId: 'duplicate',
          data: { value: entry.name.text, block: entry.block.keyword.text },
          related: [{ loc: first.name, messageId: 'first' }],
        });
      }
    };
    for (const inst of m.instances) if (usable(inst)) check(inst.tracks, inst.order);
    for (const g of m.syncGroups) if (!g.stmt.skipped) check(g.tracks, g.order);
  },
});
