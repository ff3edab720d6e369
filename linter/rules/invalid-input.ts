import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** Input that is not a readable text configuration. */
export default defineRule({
  id: 'invalid-input',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: 'File that is binary, unreadable, too large, or has NUL bytes.',
  messages: {
    binary: 'This is not a text file (it holds NUL or control bytes); it was not analysed.',
    nul: 'Line holds a NUL byte; keepalived ignores the rest of the line (2.4+: the whole line).',
    missing: 'File "{path}" does not exist.',
    directory: '"{path}" is a directory.',
    'not-regular': '"{path}" is not a regular file.',
    unreadable: '"{path}" cannot be read: {message}',
    'too-large': '"{path}" is {size} bytes, over the {limit}-byte limit the linter reads.',
  },
  check(ctx) {
    forProblems(ctx, ['binary-file', 'embedded-nul', 'unreadable-file'], (p) => ({
      loc: p.loc,
      messageId: p.code === 'binary-file' ? 'binary' : p.code === 'embedded-nul' ? 'nul' : String(p.data.reason),
      data: { ...p.data },
    }));
  },
});
