import { extentLoc, forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A `}` with no open block to close. */
export default defineRule({
  id: 'extra-close-brace',
  meta: { severity: 'error', fixable: true, category: 'syntax' },
  description: '"}" that closes nothing.',
  messages: { extra: 'Extra "}": there is no open block to close here.' },
  check(ctx) {
    forProblems(ctx, ['extra-close-brace'], (p) => ({
      loc: extentLoc(p),
      messageId: 'extra',
      data: {},
      fix: p.data.extentEnd === undefined ? { ...p.loc, text: '' } : undefined,
    }));
  },
});
