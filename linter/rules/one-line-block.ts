import { findKeyword } from '../../grammar/index';
import { defineRule, keywordBlocks } from '../types';

/** `vrrp_instance X { state MASTER priority 100 }`: keepalived reads one keyword per line. */
export default defineRule({
  id: 'one-line-block',
  meta: { severity: 'error', fixable: false, category: 'syntax' },
  description: 'Several keywords on one line inside braces; keepalived reads only the first.',
  messages: {
    oneLine: 'keepalived reads one keyword per line: inside "{keyword} {…}" only "{first}" is read here, and "{ignored}" are taken as its arguments and ignored. Put each keyword on its own line.',
  },
  check(ctx) {
    for (const s of keywordBlocks(ctx.parse.body)) {
      if (!s.children || !s.open) continue;
      const first = s.children[0];
      if (!first || first.keyword.file !== s.open.file || first.args.length === 0) continue;
      const lines = ctx.parse.files[s.open.file]!.lines;
      const openLine = lines.lineOf(s.open.start);
      // Only the first statement after `{` can share its line (a `{` or `}` would end it).
      for (const c of s.children.slice(0, 1)) {
        if (c.keyword.file !== s.open.file || lines.lineOf(c.keyword.start) !== openLine) continue;
        const ignored = c.args.filter((a) => findKeyword(s.parentPath + ' > ' + s.keyword.text, a.text));
        if (ignored.length === 0) continue;
        const last = c.args[c.args.length - 1]!;
        ctx.report({
          loc: { file: s.keyword.file, start: s.keyword.start, end: Math.max(last.end, s.close && s.close.file === s.keyword.file && lines.lineOf(s.close.start) === openLine ? s.close.end : last.end) },
          messageId: 'oneLine',
          data: { keyword: s.keyword.text, first: c.keyword.text, ignored: ignored.map((w) => w.text).join('", "') },
        });
      }
    }
  },
});
