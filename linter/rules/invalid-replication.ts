import { forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** Malformed `~SEQ(...)` / `~LST(...)` lines. */
export default defineRule({
  id: 'invalid-replication',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: 'Malformed ~SEQ or ~LST replication line.',
  messages: {
    spec: 'Invalid ~{kind} specification; expected ~SEQ(VAR, [START, [STEP,]] END) or ~LST(VAR, v1, v2, ...).',
    values: 'Invalid ~{kind} values: the step must not be 0 and must go from start towards end (~SEQx needs non-negative numbers).',
    'missing-paren': '~{kind} is missing its closing ")".',
    'too-many': '~{kind} would produce more lines than the linter expands.',
    long: '~{kind} parameters too long: keepalived reads at most 63 characters from the first number to the ")".',
  },
  check(ctx) {
    forProblems(ctx, ['invalid-replication'], (p) => ({ loc: p.loc, messageId: String(p.data.reason), data: { kind: p.data.kind } }));
  },
});
