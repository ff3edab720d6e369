import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** Includes keepalived refuses to read. */
export default defineRule({
  id: 'include-error',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: 'include of a directory, a non-regular or executable file, an unreadable or binary file.',
  messages: {
    directory: '"{path}" is a directory; keepalived skips it.',
    'not-regular': '"{path}" is not a regular, non-executable file; keepalived skips it.',
    unreadable: '"{path}" cannot be read.',
    binary: '"{path}" is not a text file; it is not read.',
    'too-large': '"{path}" is larger than the size the linter reads ({size} bytes).',
    depth: 'Includes nest too deeply at "{path}".',
    'too-many': 'The include pattern "{path}" matches too many files.',
  },
  check(ctx) {
    forProblems(ctx, ['include-error'], (p) => ({ loc: p.loc, messageId: String(p.data.reason), data: { path: p.data.path, size: p.data.size } }));
  },
});
