import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** Lines longer than keepalived's 1023-byte buffer. */
export default defineRule({
  id: 'line-too-long',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: 'Line longer than 1023 bytes; keepalived cuts it and reads the rest as another line.',
  messages: {
    long: 'Line is {bytes} bytes; keepalived reads at most {limit} bytes per line and parses the rest as a separate line (2.4+: drops the first part).',
  },
  check(ctx) {
    forProblems(ctx, ['line-too-long'], (p) => ({ loc: p.loc, messageId: 'long', data: { bytes: p.data.bytes, limit: p.data.limit } }));
  },
});
