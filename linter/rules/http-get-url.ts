import type { Statement } from '../../grammar/index';
import { childrenNamed, defineRule, lineLoc, spanning, statementsNamed } from '../types';
import { plainDigits } from '../values';

const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** A status code or range within 100-599 (`200`, `200-299`). */
function statusOk(text: string): boolean {
  const plain = plainDigits(text);
  if (plain !== -1) return plain >= 100 && plain <= 599;
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] !== undefined ? Number(m[2]) : lo;
  return lo >= 100 && hi <= 599 && lo <= hi;
}

/** HTTP_GET / SSL_GET checkers whose urls keepalived ignores or misreads. */
export default defineRule({
  id: 'http-get-url',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'HTTP_GET/SSL_GET without url, url without path, digest that is not 32 hex digits, status_code outside 100-599.',
  messages: {
    noUrl: '{checker} has no url block with a path; keepalived ignores the checker.',
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
      // keepalived drops a url without path, then the checker if no url is left.
      let usable = 0;
      for (const url of urls) {
        // One pass over the url's lines (most checkers have several urls of a few lines each).
        let path = false;
        // A url has one digest: once keepalived took one, any later line is a duplicate, whatever
        // its value (digest_handler checks that first).
        let digest = false;
        for (const c of url.children ?? []) {
          if (!c.spec) continue;
          const keyword = c.keyword.text;
          if (keyword === 'path') path = true;
          else if (keyword === 'digest') {
            const w = c.args[0];
            if (!w || w.opaque) continue;
            if (digest) ctx.report({ loc: w, messageId: 'digestDuplicate', data: { value: w.text } });
            else if (w.text.length !== 32)
              ctx.report({ loc: w, messageId: 'digestLength', data: { value: w.text, length: w.text.length } });
            else if (!/^[0-9a-fA-F]+$/.test(w.text))
              ctx.report({ loc: w, messageId: 'digestHex', data: { value: w.text } });
            else digest = true;
          } else if (keyword === 'status_code') {
            for (const w of c.args) if (!w.opaque && !statusOk(w.text)) ctx.report({ loc: w, messageId: 'status', data: { value: w.text } });
          }
        }
        if (!path) ctx.report({ loc: blockLoc(url), messageId: 'noPath' });
        else usable++;
      }
      if (!usable) ctx.report({ loc: blockLoc(s), messageId: 'noUrl', data: { checker: s.keyword.text } });
    }
  },
});
