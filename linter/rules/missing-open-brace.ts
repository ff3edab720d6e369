import { extentLoc, forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A block keyword whose `{` is missing. */
export default defineRule({
  id: 'missing-open-brace',
  meta: { severity: 'error', fixable: true, category: 'syntax' },
  description: 'Block keyword not followed by "{".',
  messages: {
    missing: '"{keyword}" opens a block but no "{" follows; keepalived reads the next lines into it and the block structure after it shifts.',
  },
  check(ctx) {
    forProblems(ctx, ['missing-open-brace'], (p) => ({
      loc: extentLoc(p),
      messageId: 'missing',
      data: { keyword: p.data.keyword },
      fix: { file: p.loc.file, start: Number(p.data.insertAt ?? p.loc.end), end: Number(p.data.insertAt ?? p.loc.end), text: ' {' },
    }));
  },
});
