import { extentLoc, forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A `{` that no block keyword asked for. */
export default defineRule({
  id: 'unexpected-open-brace',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: '"{" that no block keyword opens; keepalived ignores it and its "}" closes the enclosing block.',
  messages: {
    inValueBlock: '"{" inside the {block} block is read as a data line, but keepalived still counts it, so one "}" is missing at the end of the file. Value blocks cannot nest.',
    unexpected: 'Unexpected "{": keepalived ignores it, so the matching "}" closes the enclosing block and what follows is read one level too high.',
    quoted: 'Unexpected quoted "{": keepalived compares the word without its quotes and ignores it like a stray "{" (it is not counted as a brace).',
  },
  check(ctx) {
    forProblems(ctx, ['unexpected-open-brace'], (p) =>
      p.data.inValueBlock
        ? { loc: p.loc, messageId: 'inValueBlock', data: { block: p.data.inValueBlock } }
        : { loc: extentLoc(p), messageId: p.data.quoted ? 'quoted' : 'unexpected', data: {} },
    );
  },
});
