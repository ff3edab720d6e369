import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A file that includes itself, directly or through others. */
export default defineRule({
  id: 'include-cycle',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: 'include that leads back to a file being read, so keepalived would never finish.',
  messages: { cycle: 'Including "{path}" here forms a cycle: that file is already being read.' },
  check(ctx) {
    forProblems(ctx, ['include-cycle'], (p) => ({ loc: p.loc, messageId: 'cycle', data: { path: p.data.path } }));
  },
});
