import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** An include whose pattern matches no file. */
export default defineRule({
  id: 'include-not-found',
  meta: { severity: 'warning', fixable: false, category: 'syntax' },
  description: 'include pattern that matches no file.',
  messages: {
    missing: 'Included file "{resolved}" does not exist; keepalived skips it.',
    noMatch: 'No file matches "{resolved}"; keepalived includes nothing here.',
    quoted: 'Included file "{resolved}" does not exist: keepalived does not remove quotes from include patterns.',
  },
  check(ctx) {
    forProblems(ctx, ['include-not-found'], (p) => ({
      loc: p.loc,
      messageId: String(p.data.pattern).includes('"') ? 'quoted' : p.data.wildcard ? 'noMatch' : 'missing',
      data: { resolved: p.data.resolved, pattern: p.data.pattern },
    }));
  },
});
