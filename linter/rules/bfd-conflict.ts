import type { Statement, Word } from '../../grammar/index';
import { intOf } from '../peer/model';
import { defineRule, lineLoc, spanning } from '../types';
import { checkSigned, checkUnsigned, sockaddrFamily } from '../values';

/** keepalived reports these when it closes the block: the range runs to the closing brace. */
const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** The bfd_instance lines whose values keepalived compares when it closes the block. */
const HELD: ReadonlySet<string> = new Set(['neighbor_ip', 'neighbour_ip', 'source_ip', 'ttl', 'hoplimit', 'max_hops']);

/**
 * What keepalived holds when it closes a bfd_instance block, read line by line as its handlers
 * do: the last neighbor (neighbor_ip or neighbour_ip; a malformed one drops the instance), the
 * last source, ttl (or hoplimit) and max_hops it could read (a malformed one is ignored).
 * Undefined when there is nothing to check: no neighbor, the instance dropped, or a word that
 * varies.
 */
function heldSettings(s: Statement): { neighbor: Word; source?: Word; ttl?: number; hops?: number } | undefined {
  let neighbor: Word | undefined;
  let source: Word | undefined;
  let ttl: number | undefined;
  let hops: number | undefined;
  for (const c of s.children ?? []) {
    const w = c.args[0];
    if (!c.spec || !w) continue;
    const keyword = c.keyword.text;
    if (!HELD.has(keyword)) continue;
    if (w.opaque) return undefined;
    if (keyword === 'neighbor_ip' || keyword === 'neighbour_ip') {
      if (!sockaddrFamily(w.text)) return undefined;
      neighbor = w;
    } else if (keyword === 'source_ip') {
      if (sockaddrFamily(w.text)) source = w;
    } else if (keyword === 'max_hops') {
      if (!checkSigned(w.text, -1, 255)) hops = intOf(w);
    } else if (!checkUnsigned(w.text, 1, 255)) ttl = intOf(w);
  }
  return neighbor && { neighbor, source, ttl, hops };
}

/** bfd_instance settings that contradict each other. */
export default defineRule({
  id: 'bfd-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description: 'bfd_instance whose source_ip and neighbor_ip differ in family, or whose max_hops exceeds ttl/hoplimit.',
  messages: {
    family:
      'BFD instance {name}: source address {source} and neighbor address {neighbor} are not of the same family; keepalived disables the instance.',
    maxHops: 'BFD instance {name}: max_hops {hops} exceeds ttl/hoplimit {ttl}; keepalived lowers it to {ttl}.',
    maxHopsNegative:
      'BFD instance {name}: max_hops {hops} is 255 to keepalived (it keeps the value in one byte), which exceeds ttl/hoplimit {ttl}; keepalived lowers it to {ttl}.',
  },
  check(ctx) {
    for (const s of ctx.parse.body) {
      if (!s.spec || s.keyword.text !== 'bfd_instance' || s.args.length !== 1) continue;
      const data = { name: s.args[0]!.text };
      const held = heldSettings(s);
      if (!held) continue;
      const { neighbor, source, hops } = held;
      const nf = sockaddrFamily(neighbor.text);
      if (source && sockaddrFamily(source.text) !== nf) {
        ctx.report({
          loc: blockLoc(s),
          messageId: 'family',
          data: { ...data, source: source.text, neighbor: neighbor.text },
        });
        continue;
      }
      // Without ttl/hoplimit: 255 for an IPv4 neighbor, 64 for IPv6 (bfd_end_handler).
      const ttl = held.ttl ?? (nf === 4 ? 255 : 64);
      // keepalived keeps max_hops in one byte: -1 is 255 there, above every ttl but 255.
      if (hops !== undefined && (hops & 255) > ttl)
        ctx.report({
          loc: blockLoc(s),
          messageId: hops < 0 ? 'maxHopsNegative' : 'maxHops',
          data: { ...data, hops, ttl },
        });
    }
  },
});
