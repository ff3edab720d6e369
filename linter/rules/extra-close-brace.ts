import { extentLoc, forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A `}` with no open block to close. */
export default defineRule({
  id: 'extra-close-brace',
  meta: { severity: 'error', fixable: true, category: 'syntax' },
  description: '"}" that closes nothing.',
  messages: {
    extra: 'Extra "}": there is no open block to close here.',
    uncounted:
      'keepalived reports this "}" as extra: the block it closes was opened by a quoted "{", which its reader does not count as a brace.',
  },
  check(ctx) {
    forProblems(ctx, ['extra-close-brace'], (p) =>
      p.data.closesBlock
        ? // It still closes a block: deleting it would change what keepalived reads.
          { loc: extentLoc(p), messageId: 'uncounted', data: {} }
        : {
            loc: extentLoc(p),
            messageId: 'extra',
            data: {},
            fix: p.data.extentEnd === undefined ? { ...p.loc, text: '' } : undefined,
          },
    );
  },
});
