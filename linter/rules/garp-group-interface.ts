import type { Loc, Word } from '../../grammar/index';
import { entryLines, garpGroupHasDelay } from '../peer/model';
import { defineRule, spanning } from '../types';

/**
 * Interfaces given to more than one garp_group, and empty `interfaces` lists, as keepalived 2.2.7
 * reads them (garp_group_interface_handler, garp_group_interfaces_handler, vrrp_parser.c): the
 * first group an interface is given to keeps it. An `interfaces` list names the wrong interface
 * in its message (the list's second word), and with a single word it reads past the list and stops.
 */
export default defineRule({
  id: 'garp-group-interface',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'Interface given to a second garp_group, or an empty garp_group interfaces list.',
  messages: {
    again: 'Interface {iface} already has a garp_group; keepalived ignores it here.',
    againFatal:
      'Interface {iface} already has a garp_group; with it alone in the list, keepalived 2.2.7 stops reading the configuration at the end of this block ("missing a parameter").',
    empty: 'Empty garp_group interfaces list; keepalived ignores it.',
    first: 'first garp_group of {iface}',
  },
  check(ctx) {
    const owner = new Map<string, Word>();
    for (const group of ctx.parse.body) {
      if (group.keyword.text !== 'garp_group' || !group.spec || !group.children || group.skipped) continue;
      const mine: string[] = [];
      for (const s of group.children) {
        if (!s.spec) continue;
        const words: Word[] =
          s.keyword.text === 'interface'
            ? s.args.slice(0, 1)
            : s.keyword.text === 'interfaces'
              ? entryLines(s).flat()
              : [];
        if (s.keyword.text === 'interfaces' && s.entries?.length === 0) {
          ctx.report({ loc: spanning(s.keyword, s.close), messageId: 'empty', severity: 'warning' });
          continue;
        }
        for (const w of words) {
          if (w.opaque) continue;
          const first = owner.get(w.text);
          if (!first) {
            owner.set(w.text, w);
            mine.push(w.text);
            continue;
          }
          // keepalived reports a list's problems once it has read the list, at its closing brace.
          const loc: Loc = s.keyword.text === 'interfaces' ? spanning(w, s.close) : w;
          const fatal = s.keyword.text === 'interfaces' && words.length < 2;
          ctx.report({
            loc,
            messageId: fatal ? 'againFatal' : 'again',
            data: { iface: w.text },
            related: [{ loc: first, messageId: 'first', data: { iface: w.text } }],
          });
          if (fatal) return;
        }
      }
      // A group without a delay is removed as it closes, and its interfaces are free again.
      if (!garpGroupHasDelay(group)) for (const iface of mine) owner.delete(iface);
    }
  },
});
