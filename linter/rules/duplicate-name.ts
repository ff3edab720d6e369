import { defineRule, lineLoc, spanning, type Report } from '../types';
import type { Statement, Word } from '../../grammar/index';
import { groupKept } from '../lvs';
import { normAddr } from '../peer/model';
import { sockaddrAddress, sockaddrFamily } from '../values';

/**
 * A bfd_instance's neighbor (neighbor_ip or neighbour_ip, the later line) and source address. A
 * neighbor keepalived cannot read ends the instance ("ignoring instance"); a source it cannot read
 * is ignored, and the one before stays (bfd_nbrip_handler, bfd_srcip_handler).
 */
function bfdAddresses(s: Statement): { neighbor: Word; source: Word | undefined } | undefined {
  let neighbor: Word | undefined;
  let source: Word | undefined;
  for (const c of s.children ?? []) {
    const w = c.args[0];
    if (!c.spec || !w) continue;
    const readable = w.opaque === true || sockaddrFamily(w.text) !== 0;
    if (c.keyword.text === 'neighbor_ip' || c.keyword.text === 'neighbour_ip') {
      if (!readable) return undefined;
      neighbor = w;
    } else if (c.keyword.text === 'source_ip' && readable) source = w;
  }
  if (!neighbor || neighbor.opaque || source?.opaque) return undefined;
  const nf = sockaddrFamily(neighbor.text);
  // keepalived disables an instance without a usable neighbor, or with a source of the other family.
  if (!nf || (source && sockaddrFamily(source.text) !== nf)) return undefined;
  return { neighbor, source };
}

/** Named objects keepalived keeps only once; a second definition is skipped. */
const NAMED = new Set([
  'vrrp_instance',
  'vrrp_script',
  'vrrp_sync_group',
  'track_file',
  'vrrp_track_file',
  'vrrp_track_process',
  'bfd_instance',
  'virtual_server_group',
  'garp_group',
  'track_group',
]);

/** Kinds whose duplicates keepalived itself rejects (the others it keeps silently). */
const REPORTED_BY_KEEPALIVED = new Set(['vrrp_instance', 'vrrp_sync_group', 'bfd_instance']);

/** Two objects of the same kind with the same name. */
export default defineRule({
  id: 'duplicate-name',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'Second definition of a named object, or a second BFD instance for the same neighbor; keepalived skips it.',
  messages: {
    duplicate: '{kind} "{name}" is already defined; keepalived skips this one.',
    duplicateSilent:
      '{kind} "{name}" is already defined; keepalived keeps both without a word, and references find only one of them.',
    first: 'first definition of "{name}"',
    bfdNeighbor:
      'BFD instance "{name}" has the same {what} as "{other}"; keepalived ignores this instance ("duplicate {what} address").',
    bfdFirst: 'the BFD instance "{name}"',
  },
  check(ctx) {
    const seen = new Map<string, Statement>();
    // The BFD instances kept so far, by neighbor and source address (find_bfd_by_addr, bfd_data.c).
    const bfds: Array<{ neighbor: string; source: string | undefined; stmt: Statement }> = [];
    for (const s of ctx.parse.body) {
      if (!s.spec || !NAMED.has(s.keyword.text) || s.args.length === 0) continue;
      // A virtual_server_group left without entries is removed as its block closes: not a definition.
      if (s.keyword.text === 'virtual_server_group' && !groupKept(s)) continue;
      const kind = s.keyword.text === 'vrrp_track_file' ? 'track_file' : s.keyword.text;
      const key = `${kind}\0${s.args[0]!.text}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, s);
        if (s.keyword.text === 'bfd_instance') checkBfd(s);
        continue;
      }
      const reported = REPORTED_BY_KEEPALIVED.has(s.keyword.text);
      const r: Report = {
        loc: s.args[0]!,
        messageId: reported ? 'duplicate' : 'duplicateSilent',
        severity: reported ? 'error' : 'warning',
        data: { kind: s.keyword.text, name: s.args[0]!.text },
        related: [{ loc: first.args[0]!, messageId: 'first', data: { name: s.args[0]!.text } }],
      };
      ctx.report(r);
    }

    function checkBfd(s: Statement): void {
      const a = bfdAddresses(s);
      if (!a) return;
      const neighbor = normAddr(sockaddrAddress(a.neighbor.text));
      const source = a.source ? normAddr(sockaddrAddress(a.source.text)) : undefined;
      // The same neighbor is a duplicate unless both have a source and the sources differ.
      const first = bfds.find((b) => b.neighbor === neighbor && (!b.source || !source || b.source === source))?.stmt;
      if (!first) {
        bfds.push({ neighbor, source, stmt: s });
        return;
      }
      // Reported when keepalived closes the block.
      ctx.report({
        loc: spanning(a.neighbor, s.close ?? lineLoc(s)),
        messageId: 'bfdNeighbor',
        data: { name: s.args[0]!.text, other: first.args[0]!.text, what: a.source ? 'source/neighbor' : 'neighbor' },
        related: [{ loc: first.args[0]!, messageId: 'bfdFirst', data: { name: first.args[0]!.text } }],
      });
    }
  },
});
