import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** `$NAME` or `${NAME}` with no definition before it. */
export default defineRule({
  id: 'undefined-variable',
  meta: { severity: 'warning', fixable: false, category: 'syntax' },
  description: 'Reference to a $NAME that is not defined (earlier in the file).',
  messages: {
    plain: '"${name}" is not defined before this line; keepalived leaves the text unchanged.',
    braced: '"${{name}}" is not defined before this line; keepalived leaves it unchanged and its braces split the line into blocks.',
    builtin: 'Built-in "${{name}}" is not available with these parameters in keepalived {version}; its braces split the line.',
  },
  check(ctx) {
    forProblems(ctx, ['undefined-variable'], (p) => ({
      loc: p.loc,
      messageId: p.data.builtin ? 'builtin' : p.data.braced ? 'braced' : 'plain',
      data: { name: p.data.name, version: ctx.targetVersion },
      severity: p.data.braced ? 'error' : undefined,
    }));
  },
});
