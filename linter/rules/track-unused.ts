import { nodeModel, type TrackKind } from '../peer/model';
import { defineRule, statementsNamed } from '../types';

/** A vrrp_script, track_file, vrrp_track_process or bfd_instance that nothing tracks. */
export default defineRule({
  id: 'track-unused',
  meta: { severity: 'warning', fixable: false, category: 'semantic' },
  description:
    'Tracked object (vrrp_script, track_file, vrrp_track_process, bfd_instance) that no instance, sync group or checker uses.',
  messages: {
    unused: '{keyword} "{name}" is defined but never tracked; it has no effect on failover.',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    const used: Record<TrackKind, Set<string>> = {
      script: new Set(),
      interface: new Set(),
      file: new Set(),
      process: new Set(),
      bfd: new Set(),
    };
    for (const t of [...m.instances.flatMap((i) => i.tracks), ...m.syncGroups.flatMap((g) => g.tracks)])
      used[t.kind].add(t.name.text);
    for (const s of statementsNamed(ctx.parse.body, 'track_file'))
      if (s.spec && s.args[0] && s.parentPath.endsWith('FILE_CHECK')) used.file.add(s.args[0].text);
    for (const s of statementsNamed(ctx.parse.body, 'name'))
      if (s.spec && s.args[0] && s.parentPath.endsWith('BFD_CHECK')) used.bfd.add(s.args[0].text);
    for (const kind of ['script', 'file', 'process', 'bfd'] as const) {
      for (const [name, defs] of m.defs[kind]) {
        const first = defs[0]!;
        if (used[kind].has(name) || first.stmt.args[0]!.opaque) continue;
        ctx.report({ loc: first.stmt.args[0]!, messageId: 'unused', data: { keyword: first.stmt.keyword.text, name } });
      }
    }
  },
});
