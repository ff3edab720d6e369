import { allStatements, defineRule, logOnly } from '../types';

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
    for (const s of allStatements(ctx.parse.body)) {
      const spec = s.spec;
      if (!spec || spec.min < 1 || s.args.length > 0 || spec.onMissing === 'accepted') continue;
      const first = spec.params?.[0];
      const expected = first ? first.name.replace(/_/g, ' ') : 'a value';
      const messageId = spec.onMissing === 'fatal' ? 'fatal' : spec.onMissing === 'crash' ? 'crash' : 'missing';
      ctx.report({ loc: s.keyword, messageId, data: { keyword: s.keyword.text, expected }, severity: logOnly(s) });
    }
  },
});
