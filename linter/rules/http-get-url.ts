import type { Statement } from '../../grammar/index';
import { childrenNamed, defineRule, lineLoc, spanning, statementsNamed } from '../types';

const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** HTTP_GET / SSL_GET checkers whose urls keepalived ignores or misreads. */
export default defineRule({
  id: 'http-get-url',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'HTTP_GET/SSL_GET without url, url without path, digest that is not 32 hex digits, status_code outside 100-599.',
  messages: {
    noUrl: '{checker} has no url { path ... } block; keepalived ignores the checker.',
    noPath: 'url has no path; keepalived ignores this url.',
    digestLength: 'digest "{value}" must be 32 hexadecimal characters (an MD5 sum), not {length}.',
    digestHex: 'digest "{value}" is not hexadecimal.',
    digestDuplicate: 'digest "{value}" is a duplicate.',
    status: 'Invalid HTTP status code "{value}"; use a code or range within 100-599 (e.g. 200 or 200-299).',
  },
  check(ctx) {
    for (const s of [...statementsNamed(ctx.parse.body, 'HTTP_GET'), ...statementsNamed(ctx.parse.body, 'SSL_GET')]) {
      if (!s.spec || (s.keyword.text !== 'HTTP_GET' && s.keyword.text !== 'SSL_GET')) continue;
      const urls = childrenNamed(s, 'url');
      if (!urls.length) ctx.report({ loc: blockLoc(s), messageId: 'noUrl', data: { checker: s.keyword.text } });
      for (const url of urls) {
        if (!childrenNamed(url, 'path').length) ctx.report({ loc: blockLoc(url), messageId: 'noPath' });
        const digests = new Set<string>();
        for (const d of childrenNamed(url, 'digest')) {
          const w = d.args[0];
          if (!w || w.opaque) continue;
          if (w.text.length !== 32)
            ctx.report({ loc: w, messageId: 'digestLength', data: { value: w.text, length: w.text.length } });
          else if (!/^[0-9a-fA-F]+$/.test(w.text))
            ctx.report({ loc: w, messageId: 'digestHex', data: { value: w.text } });
          else if (digests.has(w.text.toLowerCase()))
            ctx.report({ loc: w, messageId: 'digestDuplicate', data: { value: w.text } });
          digests.add(w.text.toLowerCase());
        }
        for (const sc of childrenNamed(url, 'status_code')) {
          for (const w of sc.args) {
            if (w.opaque) continue;
            const m = /^(\d+)(?:-(\d+))?$/.exec(w.text);
            const lo = m ? Number(m[1]) : NaN;
            const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
            if (!m || lo < 100 || hi > 599 || lo > hi)
              ctx.report({ loc: w, messageId: 'status', data: { value: w.text } });
          }
        }
      }
    }
  },
});
