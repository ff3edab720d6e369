import { findKeyword } from '../../grammar/index';
import { allStatements, defineRule, spanning } from '../types';

/** Words after a keyword's last argument. Most are silently ignored by keepalived. */
export default defineRule({
  id: 'extra-argument',
  meta: { severity: 'warning', fixable: true, category: 'keyword', scope: 'block' },
  description: "Words that keepalived ignores (or rejects) after a keyword's arguments.",
  messages: {
    ignored: '"{keyword}" takes at most {max} argument(s); keepalived ignores "{extra}".',
    rejected: '"{keyword}" takes at most {max} argument(s); keepalived reports "{extra}" as an error.',
    oneLine:
      '"{keyword}" takes at most {max} argument(s); keepalived ignores "{extra}". keepalived reads one keyword per line: put "{next}" on its own line.',
    blockParams: 'Block "{keyword}" takes no parameters on its opening line; keepalived reports "{extra}" as an error.',
    nameSkipped: '"{keyword}" takes exactly one name; with "{extra}" as well keepalived skips the whole block.',
    groupFatal:
      '"virtual_server_group" takes exactly one name; with "{extra}" as well keepalived stops reading the configuration here.',
  },
  check(ctx) {
    const all = allStatements(ctx.parse.body);
    for (let n = 0; n < all.length; n++) {
      const s = all[n]!;
      const spec = s.spec;
      if (!spec || spec.max === null || spec.max === undefined) continue;
      let max = spec.max;
      if (spec.block === 'values') max = spec.name === 'virtual_server_group' ? 1 : 0;
      if (s.args.length <= max) continue;
      const extraWords = s.args.slice(max);
      const loc = spanning(extraWords[0]!, extraWords[extraWords.length - 1]);
      const data = { keyword: s.keyword.text, max, extra: extraWords.map((w) => w.text).join(' ') };
      const removed = { ...loc, start: s.args[max - 1]?.end ?? s.keyword.end, text: '' };
      // Deleting a `"` could change how keepalived pairs the quotes on the line: no fix then.
      const src = ctx.parse.files[loc.file]!.text.slice(removed.start, removed.end);
      const fix = src.includes('"') || extraWords.some((w) => w.substituted) ? undefined : removed;
      if (s.skipped === 'extra-name') {
        ctx.report({ loc, messageId: 'nameSkipped', data, severity: 'error' });
        continue;
      }
      if (spec.name === 'virtual_server_group') {
        ctx.report({ loc, messageId: 'groupFatal', data, severity: 'error' });
        continue;
      }
      if (spec.block === 'values') {
        ctx.report({ loc, messageId: 'blockParams', data, severity: 'error', fix });
        continue;
      }
      if (spec.extraError) {
        ctx.report({ loc, messageId: 'rejected', data, severity: 'error', fix });
        continue;
      }
      const next = extraWords.find((w) => findKeyword(s.parentPath, w.text));
      if (next) ctx.report({ loc, messageId: 'oneLine', data: { ...data, next: next.text }, tags: ['unnecessary'] });
      else ctx.report({ loc, messageId: 'ignored', data, tags: ['unnecessary'], fix });
    }
  },
});
