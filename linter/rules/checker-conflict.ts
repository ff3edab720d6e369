import type { Statement, Word } from '../../grammar/index';
import { intOf, lastChild } from '../peer/model';
import { defineRule, lineLoc, spanning, statementsNamed } from '../types';
import { ipFamily } from '../values';

const CHECKERS = new Set([
  'TCP_CHECK',
  'HTTP_GET',
  'SSL_GET',
  'SMTP_CHECK',
  'DNS_CHECK',
  'UDP_CHECK',
  'PING_CHECK',
  'MISC_CHECK',
  'FILE_CHECK',
  'BFD_CHECK',
]);

/** keepalived reports these when it closes the checker: the range runs to the closing brace. */
const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** Checker settings that contradict each other. */
export default defineRule({
  id: 'checker-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'Checker bindto and connect_ip of different families, link-local connect_ip without bind_if, UDP_CHECK min_reply_length above max_reply_length.',
  messages: {
    bindto: 'bindto address {address} does not match the family of connect_ip {target}; keepalived skips it.',
    connectIp: 'connect_ip address {address} does not match the family of bindto {target}; keepalived skips it.',
    linkLocal: 'Checker link-local address {address} requires a bind_if.',
    replyLength: 'UDP_CHECK min_reply_length {min} > max_reply_length {max}: the check will always fail.',
  },
  check(ctx) {
    for (const name of CHECKERS) for (const s of statementsNamed(ctx.parse.body, name)) checkOne(s);
    function checkOne(s: Statement): void {
      if (!s.spec || !s.parentPath.endsWith('> real_server')) return;
      // connect_ip defaults to the real server's address.
      let connect: Word | undefined = s.parent?.args[0];
      let bind: Word | undefined;
      for (const c of s.children ?? []) {
        const w = c.args[0];
        if (!c.spec || !w || w.opaque || (c.keyword.text !== 'bindto' && c.keyword.text !== 'connect_ip')) continue;
        const fam = ipFamily(w.text);
        if (!fam) continue;
        if (c.keyword.text === 'bindto') {
          if (connect && !connect.opaque && ipFamily(connect.text) && ipFamily(connect.text) !== fam) {
            ctx.report({ loc: w, messageId: 'bindto', data: { address: w.text, target: connect.text } });
            continue;
          }
          bind = w;
        } else if (c.keyword.text === 'connect_ip') {
          if (bind && ipFamily(bind.text) !== fam) {
            ctx.report({ loc: w, messageId: 'connectIp', data: { address: w.text, target: bind.text } });
            continue;
          }
          connect = w;
        }
      }
      const explicit = lastChild(s, 'connect_ip')?.args[0];
      if (explicit && !explicit.opaque && /^fe[89ab][0-9a-f]:/i.test(explicit.text) && !lastChild(s, 'bind_if')) {
        ctx.report({ loc: blockLoc(s), messageId: 'linkLocal', data: { address: explicit.text } });
      }
      if (s.keyword.text === 'UDP_CHECK') {
        const min = intOf(lastChild(s, 'min_reply_length')?.args[0]);
        const max = intOf(lastChild(s, 'max_reply_length')?.args[0]);
        if (min !== undefined && max !== undefined && min > max)
          ctx.report({ loc: blockLoc(s), messageId: 'replyLength', data: { min, max } });
      }
    }
  },
});
