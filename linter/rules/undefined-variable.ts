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
    tooLong: 'Substituting definitions here gives a line of {length} characters, over keepalived\'s {limit}; keepalived refuses it (is a definition referring to itself?).',
    builtin: 'Built-in "${{name}}" is not available with these parameters in keepalived {version}; its braces split the line.',
    blank: 'Blank before the "}" of "${{name}}": keepalived replaces "${{name}" and one character more, so the "}" stays and closes the enclosing block. Write "${{name}}".',
    tail: 'Text after "${{name} …}" on the same line: keepalived {version} leaves part of the reference in the line after the value, and its "}" closes the enclosing block. Put the reference last on its line, or define the value with $NAME= first.',
  },
  check(ctx) {
    forProblems(ctx, ['undefined-variable', 'substitution-too-long', 'reference-blank', 'reference-tail'], (p) =>
      p.code === 'substitution-too-long'
        ? { loc: p.loc, messageId: 'tooLong', data: { length: p.data.length, limit: p.data.limit }, severity: 'error' }
        : p.code === 'reference-blank' || p.code === 'reference-tail'
          ? { loc: p.loc, messageId: p.code === 'reference-blank' ? 'blank' : 'tail', data: { name: p.data.name, version: ctx.targetVersion }, severity: 'error' }
          : {
            loc: p.loc,
            messageId: p.data.builtin ? 'builtin' : p.data.braced ? 'braced' : 'plain',
            data: { name: p.data.name, version: ctx.targetVersion },
            severity: p.data.braced ? 'error' : undefined,
          },
    );
  },
});
