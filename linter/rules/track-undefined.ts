import type { Loc, Statement } from '../../grammar/index';
import { nodeModel, usable, type TrackEntry } from '../peer/model';
import { lookupTrack } from '../peer/track-lookup';
import { defineRule, spanning, statementsNamed } from '../types';

/** The top-level statement a statement belongs to. */
function topLevel(s: Statement): Statement {
  while (s.parent) s = s.parent;
  return s;
}

/** Top-level blocks whose entries may name a track_group. */
const STATIC_BLOCKS = new Set(['static_ipaddress', 'static_routes', 'static_rules']);

const KIND_WORD: Record<string, string> = {
  script: 'track script',
  file: 'track file',
  process: 'track process',
  bfd: 'track bfd',
};

/** A track_* entry (or FILE_CHECK / BFD_CHECK) naming an object that is not defined before it. */
export default defineRule({
  id: 'track-undefined',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    "Tracked object (or a static address's, route's or rule's track_group) that is not defined, or only defined later in the file, or the instance's own interface; keepalived ignores the entry.",
  messages: {
    notFound: '{kind} "{name}" is not defined; keepalived ignores this entry.',
    later:
      '{kind} "{name}" is only defined further down; keepalived resolves names while reading, so it ignores this entry. Move the definition above its first use.',
    noScript: 'vrrp_script "{name}" has no usable script, so keepalived removes it and ignores this entry.',
    dropped: '{kind} "{name}" has no {setting}, so keepalived removes it and ignores this entry.',
    ownInterface:
      "({name}) track_interface {iface} is the instance's own interface; keepalived ignores the entry (the instance already goes to FAULT when its interface fails).",
    definition: 'definition of "{name}"',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    const check = (kind: Exclude<TrackEntry['kind'], 'interface'>, name: TrackEntry['name'], order: number, until?: Loc): void => {
      if (name.opaque) return;
      // FILE_CHECK also reports "no track_file" at its closing brace: cover that line too.
      const loc = until ? spanning(name, until) : name;
      const data = { kind: KIND_WORD[kind], name: name.text };
      const found = lookupTrack(m, kind, name.text, order);
      if (found.found) return;
      if (found.why === 'notFound') ctx.report({ loc, messageId: 'notFound', data });
      else {
        ctx.report({
          loc,
          messageId: found.why,
          data: found.why === 'dropped' ? { ...data, setting: found.setting } : data,
          related: [{ loc: found.def.stmt.args[0] ?? found.def.stmt.keyword, messageId: 'definition', data }],
        });
      }
    };
    for (const inst of m.instances) {
      // keepalived skips its own interface once, when it completes the instance: a second entry
      // for it is a duplicate it has already dropped (track-duplicate).
      let own = false;
      for (const t of inst.tracks) {
        if (t.kind !== 'interface') check(t.kind, t.name, inst.order);
        else if (!own && inst.iface && !t.name.opaque && t.name.text === inst.iface.text && usable(inst)) {
          own = true;
          ctx.report({ loc: t.name, messageId: 'ownInterface', data: { name: inst.name, iface: t.name.text } });
        }
      }
    }
    for (const g of m.syncGroups) {
      for (const t of g.tracks) if (t.kind !== 'interface') check(t.kind, t.name, g.order);
    }
    // Checkers refer to track_file and bfd_instance objects the same way.
    let order: Map<Statement, number> | undefined;
    for (const s of statementsNamed(ctx.parse.body, 'track_file')) {
      if (!s.spec || !s.args[0] || !s.parentPath.endsWith('FILE_CHECK')) continue;
      const top = topLevel(s);
      if (top.keyword.text !== 'virtual_server' || !top.spec) continue;
      order ??= new Map(ctx.parse.body.map((t, i) => [t, i]));
      check('file', s.args[0], order.get(top)!, s.parent?.close);
    }
    // Static addresses, routes and rules name a track_group defined before them (static_track_group_find).
    const groups = new Map<string, Statement>();
    for (const s of ctx.parse.body) if (s.spec && s.keyword.text === 'track_group' && s.args[0] && !groups.has(s.args[0].text)) groups.set(s.args[0].text, s);
    for (const block of ctx.parse.body) {
      if (!block.spec || !STATIC_BLOCKS.has(block.keyword.text)) continue;
      for (const e of block.entries ?? []) {
        const k = e.findIndex((w) => w.text === 'track_group');
        const name = k === -1 ? undefined : e[k + 1];
        if (!name || name.opaque) continue;
        const def = groups.get(name.text);
        const data = { kind: 'track_group', name: name.text };
        if (!def) ctx.report({ loc: name, messageId: 'notFound', data });
        else if (def.keyword.start > block.keyword.start || def.keyword.file !== block.keyword.file)
          ctx.report({ loc: name, messageId: 'later', data, related: [{ loc: def.args[0]!, messageId: 'definition', data }] });
      }
    }
    for (const s of statementsNamed(ctx.parse.body, 'name')) {
      if (!s.spec || !s.args[0] || !s.parentPath.endsWith('BFD_CHECK')) continue;
      // keepalived looks the one name up as it reads the line (more names: skipped unread).
      if (s.args.length !== 1) continue;
      const top = topLevel(s);
      if (top.keyword.text !== 'virtual_server' || !top.spec) continue;
      order ??= new Map(ctx.parse.body.map((t, i) => [t, i]));
      check('bfd', s.args[0], order.get(top)!);
    }
  },
});
