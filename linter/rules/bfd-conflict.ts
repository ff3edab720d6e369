import type { Statement } from '../../grammar/index';
import { intOf, lastChild } from '../peer/model';
import { defineRule, lineLoc, spanning } from '../types';
import { sockaddrFamily } from '../values';

/** keepalived reports these when it closes the block: the range runs to the closing brace. */
const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** bfd_instance settings that contradict each other. */
export default defineRule({
  id: 'bfd-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description: 'bfd_instance whose source_ip and neighbor_ip differ in family, or whose max_hops exceeds ttl/hoplimit.',
  messages: {
    family:
      'BFD instance {name}: source address {source} and neighbor address {neighbor} are not of the same family; keepalived disables the instance.',
    maxHops: 'BFD instance {name}: max_hops {hops} exceeds ttl/hoplimit {ttl}; keepalived lowers it to {ttl}.',
  },
  check(ctx) {
    for (const s of ctx.parse.body) {
      if (!s.spec || s.keyword.text !== 'bfd_instance' || s.args.length !== 1) continue;
      const data = { name: s.args[0]!.text };
      const neighbor = lastChild(s, 'neighbor_ip')?.args[0];
      const source = lastChild(s, 'source_ip')?.args[0];
      if (neighbor && source && !neighbor.opaque && !source.opaque) {
        const nf = sockaddrFamily(neighbor.text);
        const sf = sockaddrFamily(source.text);
        if (nf && sf && nf !== sf)
          ctx.report({
            loc: blockLoc(s),
            messageId: 'family',
            data: { ...data, source: source.text, neighbor: neighbor.text },
          });
      }
      const hops = intOf(lastChild(s, 'max_hops')?.args[0]);
      const ttl = intOf((lastChild(s, 'ttl') ?? lastChild(s, 'hoplimit'))?.args[0]);
      if (hops !== undefined && ttl !== undefined && ttl >= 1 && ttl <= 255 && hops > ttl) {
        ctx.report({ loc: blockLoc(s), messageId: 'maxHops', data: { ...data, hops, ttl } });
      }
    }
  },
});
