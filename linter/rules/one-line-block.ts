import { childPath, findKeyword } from '../../grammar/index';
import { defineRule, keywordBlocks } from '../types';

/** Whether no line break lies between two offsets of a file's text. */
function sameLine(text: string, a: number, b: number): boolean {
  for (let i = Math.min(a, b); i < Math.max(a, b); i++) if (text.charCodeAt(i) === 10) return false;
  return true;
}

/** `vrrp_instance X { state MASTER priority 100 }`: keepalived reads one keyword per line. */
export default defineRule({
  id: 'one-line-block',
  meta: { severity: 'error', fixable: false, category: 'syntax', scope: 'block' },
  description: 'Several keywords on one line inside braces; keepalived reads only the first.',
  messages: {
    oneLine: 'keepalived reads one keyword per line: inside "{keyword} {…}" only "{first}" is read here, and "{ignored}" are taken as its arguments and ignored. Put each keyword on its own line.',
  },
  check(ctx) {
    for (const s of keywordBlocks(ctx.parse.body)) {
      if (!s.children || !s.open) continue;
      const first = s.children[0];
      if (!first || first.keyword.file !== s.open.file || first.args.length === 0) continue;
      const text = ctx.parse.files[s.open.file]!.text;
      // Only the first statement after `{` can share its line (a `{` or `}` would end it).
      if (!sameLine(text, s.open.end, first.keyword.start)) continue;
      const ignored = first.args.filter((a) => findKeyword(childPath(s.parentPath, s.keyword.text), a.text));
      if (ignored.length === 0) continue;
      const last = first.args[first.args.length - 1]!;
      const closesHere = s.close && s.close.file === s.keyword.file && sameLine(text, s.open.end, s.close.start);
      ctx.report({
        loc: { file: s.keyword.file, start: s.keyword.start, end: Math.max(last.end, closesHere ? s.close!.end : last.end) },
        messageId: 'oneLine',
        data: { keyword: s.keyword.text, first: first.keyword.text, ignored: ignored.map((w) => w.text).join('", "') },
      });
    }
  },
});
