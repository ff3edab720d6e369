import { allStatements, defineRule, logOnly } from '../types';
import { isChoice } from '../values';

/** Keywords given without the argument they need. */
export default defineRule({
  id: 'missing-argument',
  meta: { severity: 'error', fixable: false, category: 'keyword', scope: 'block' },
  description: 'Keyword without a required argument.',
  messages: {
    fatal: '"{keyword}" is missing its argument ({expected}); keepalived stops reading the configuration here.',
    missing: '"{keyword}" is missing its argument ({expected}); keepalived ignores this line.',
    crash: '"{keyword}" is missing its argument ({expected}); without it keepalived crashes or hangs.',
  },
  check(ctx) {
    const all = allStatements(ctx.parse.body);
    for (let n = 0; n < all.length; n++) {
      const s = all[n]!;
      const spec = s.spec;
      if (!spec || spec.min < 1 || spec.onMissing === 'accepted') continue;
      const first = spec.params?.[0];
      // `garp_extra_if all`: words, but none of them the number keepalived needs.
      if (s.args.length > 0 && !(first?.needsNumber && s.args.every((w) => !w.opaque && isChoice(first, w.text))))
        continue;
      const expected = first ? first.name.replace(/_/g, ' ') : 'a value';
      const messageId = spec.onMissing === 'fatal' ? 'fatal' : spec.onMissing === 'crash' ? 'crash' : 'missing';
      ctx.report({ loc: s.keyword, messageId, data: { keyword: s.keyword.text, expected }, severity: logOnly(s) });
    }
  },
});
