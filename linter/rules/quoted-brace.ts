import { extentLoc, forProblems } from '../problem-rule';
import { defineRule } from '../types';

/** A line that starts with `"{"` or `"}"`: keepalived takes it as a brace without counting it. */
export default defineRule({
  id: 'quoted-brace',
  meta: { severity: 'warning', fixable: false, category: 'syntax' },
  description: 'Line starting with a quoted "{" or "}", which keepalived takes as a brace but does not count as one.',
  messages: {
    close:
      'keepalived ends the block at this quoted "}" (it compares the word without its quotes) but does not count it as a brace, so a later "}" no longer matches.',
    open: 'keepalived opens the block at this quoted "{" (it compares the word without its quotes) but does not count it as a brace, so the block\'s "}" will look extra.',
    ignored: ' The rest of the line is ignored.',
  },
  check(ctx) {
    forProblems(ctx, ['quoted-brace'], (p) => ({
      loc: extentLoc(p),
      messageId: (p.data.brace === '}' ? 'close' : 'open') + (Number(p.data.ignored) > 0 ? '+ignored' : ''),
      data: {},
    }));
  },
});
