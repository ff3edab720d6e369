import { findRemoved } from '../../grammar/index';
import { extentLoc, forProblems, replace } from '../problem-rule';
import { defineRule } from '../types';
import { blockLabel } from './unknown-keyword';

/** Keywords older keepalived versions accepted and 2.x removed. */
export default defineRule({
  id: 'removed-keyword',
  meta: { severity: 'error', fixable: true, category: 'keyword' },
  description: 'Keyword removed from keepalived (it is now unknown and skipped).',
  messages: {
    removed: '"{keyword}" was removed in keepalived {removedIn}; keepalived now skips it. Use "{replacement}".',
    removedNoReplacement: '"{keyword}" was removed in keepalived {removedIn}; keepalived now skips it.',
  },
  check(ctx) {
    forProblems(ctx, ['unknown-keyword'], (p) => {
      const keyword = String(p.data.keyword);
      const r = findRemoved(String(p.data.block), keyword);
      if (!r) return undefined;
      const simple = r.replacement && /^[A-Za-z_][\w-]*$/.test(r.replacement);
      return {
        loc: extentLoc(p),
        messageId: r.replacement ? 'removed' : 'removedNoReplacement',
        data: { keyword, removedIn: r.removed_in, replacement: r.replacement, block: blockLabel(String(p.data.block)) },
        fix: simple ? replace(p.loc, r.replacement!) : undefined,
      };
    });
  },
});
