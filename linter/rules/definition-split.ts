import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A blank or comment-only line inside a multi-line `$NAME=` definition, with more of it below. */
export default defineRule({
  id: 'definition-split',
  meta: { severity: 'warning', fixable: false, category: 'syntax' },
  description:
    "Blank or comment-only line inside a multi-line $NAME= definition: keepalived's processes read the definition differently.",
  messages: {
    split:
      'This line ends the definition of "${name}" for keepalived\'s VRRP, checker and BFD processes, which read it as an empty line, but its parent process skips it and takes the next line into "${name}" too. Remove this line, or end the definition before it.',
  },
  check(ctx) {
    forProblems(ctx, ['definition-split'], (p) => ({ loc: p.loc, messageId: 'split', data: { name: p.data.name } }));
  },
});
