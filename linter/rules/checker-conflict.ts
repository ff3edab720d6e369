import type { Statement, Word } from '../../grammar/index';
import { lastChild, lastUnsigned } from '../peer/model';
import { childrenNamed, defineRule, lineLoc, spanning, statementsNamed } from '../types';
import { sockaddrFamily } from '../values';

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

/** Checkers that open a connection, to the real server unless connect_ip says otherwise. */
const CONNECTS = new Set(['HTTP_GET', 'SSL_GET', 'TCP_CHECK', 'DNS_CHECK', 'PING_CHECK', 'UDP_CHECK']);

/** SMTP_CHECK settings of a connection: any of them makes the checker's own connection count. */
const SMTP_CONNECTION = new Set([
  'connect_ip',
  'connect_port',
  'bindto',
  'bind_port',
  'bind_if',
  'fwmark',
  'connect_timeout',
]);

/** keepalived reports these when it closes the checker: the range runs to the closing brace. */
const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** Checker settings that contradict each other. */
export default defineRule({
  id: 'checker-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'Checker bindto and connect_ip of different families, link-local connect_ip without bind_if, UDP_CHECK min_reply_length above max_reply_length, a BFD_CHECK with two names or for a BFD the real server already checks.',
  messages: {
    bindto: 'bindto address {address} does not match the family of connect_ip {target}; keepalived skips it.',
    connectIp: 'connect_ip address {address} does not match the family of bindto {target}; keepalived skips it.',
    linkLocal: 'Checker link-local address {address} requires a bind_if.',
    replyLength: 'UDP_CHECK min_reply_length {min} > max_reply_length {max}: the check will always fail.',
    bfdTwice: 'This BFD_CHECK already names "{first}"; keepalived drops the checker over a second name.',
    bfdMonitored: 'The real server already has a BFD_CHECK for "{name}"; keepalived drops this one.',
  },
  check(ctx) {
    for (const name of CHECKERS) for (const s of statementsNamed(ctx.parse.body, name)) checkOne(s);
    // A BFD_CHECK's name (bfd_name_handler): one per checker, one checker per BFD and real server.
    // A name line keepalived refuses drops the checker, and it reads nothing after that.
    const monitored = new Map<Statement | undefined, Set<string>>();
    for (const s of statementsNamed(ctx.parse.body, 'BFD_CHECK')) {
      if (!s.spec || !s.parentPath.endsWith('> real_server')) continue;
      let bfds = monitored.get(s.parent);
      if (!bfds) monitored.set(s.parent, (bfds = new Set()));
      let first: Word | undefined;
      for (const c of s.children ?? []) {
        if (!c.spec || c.keyword.text !== 'name') continue;
        const w = c.args[0];
        if (c.args.length !== 1 || !w || w.opaque) break;
        if (first) {
          ctx.report({ loc: w, messageId: 'bfdTwice', data: { first: first.text } });
          break;
        }
        if (bfds.has(w.text)) {
          ctx.report({ loc: w, messageId: 'bfdMonitored', data: { name: w.text } });
          break;
        }
        first = w;
        bfds.add(w.text);
      }
    }
    function checkOne(s: Statement): void {
      if (!s.spec || !s.parentPath.endsWith('> real_server')) return;
      if (s.keyword.text === 'SMTP_CHECK') {
        // SMTP_CHECK's own connection starts without an address (no real server's address is
        // compared with its lines); each host block's starts as the real server's
        // (smtp_host_handler), like another checker's.
        addressFamilies(s, undefined);
        for (const h of s.children ?? []) if (h.spec && h.keyword.text === 'host') addressFamilies(h, s.parent?.args[0]);
      } else addressFamilies(s, s.parent?.args[0]);
      // Each connection (check_conn_opts): the checker's own, and for SMTP_CHECK each host block's,
      // whose address defaults to the real server's. SMTP_CHECK's own counts only when it sets
      // something of a connection or has no host block (else its first host's stands in).
      const rsAddr = s.parent?.args[0];
      if (s.keyword.text === 'SMTP_CHECK') {
        const hosts = (s.children ?? []).filter((h) => h.spec && h.keyword.text === 'host');
        // A host whose connection fails the check is dropped; with none left the checker's own counts.
        let kept = 0;
        for (const h of hosts) if (!linkLocal(h, rsAddr)) kept++;
        if (kept === 0 || (s.children ?? []).some((c) => c.spec && SMTP_CONNECTION.has(c.keyword.text)))
          linkLocal(s, rsAddr);
      } else if (CONNECTS.has(s.keyword.text)) linkLocal(s, rsAddr);
      if (s.keyword.text === 'UDP_CHECK') {
        // keepalived's defaults: 0 and 255 (UINT8_MAX).
        // min_length_handler/max_length_handler: a length it cannot read leaves the one before.
        const min = lastUnsigned(s, 'min_reply_length', 0, 65535) ?? 0;
        const max = lastUnsigned(s, 'max_reply_length', 0, 65535) ?? 255;
        if (min > max) ctx.report({ loc: blockLoc(s), messageId: 'replyLength', data: { min, max } });
      }
    }
    /** A link-local IPv6 destination (connect_ip, else the real server's address) needs bind_if: true when reported. */
    function linkLocal(block: Statement, rsAddr: Word | undefined): boolean {
      const dst = lastChild(block, 'connect_ip')?.args[0] ?? rsAddr;
      // (The first letter first: every real server's address comes through here.)
      if (!dst || dst.opaque || (dst.text.charCodeAt(0) | 0x20) !== 0x66 || !/^fe[89ab][0-9a-f]:/i.test(dst.text))
        return false;
      // A name of 16 characters or more is refused ("too long - ignoring"): it binds nothing.
      if (childrenNamed(block, 'bind_if').some((c) => c.args[0] && (c.args[0].opaque || c.args[0].text.length < 16))) return false;
      ctx.report({ loc: blockLoc(block), messageId: 'linkLocal', data: { address: dst.text } });
      return true;
    }
    /**
     * keepalived compares bindto and connect_ip of one block as it reads them, and reports the
     * second one; connect_ip starts as `connect` (the real server's address for most checkers).
     */
    function addressFamilies(s: Statement, connect: Word | undefined): void {
      let bind: Word | undefined;
      for (const c of s.children ?? []) {
        const w = c.args[0];
        if (!c.spec || !w || w.opaque || (c.keyword.text !== 'bindto' && c.keyword.text !== 'connect_ip')) continue;
        const fam = sockaddrFamily(w.text);
        if (!fam) continue;
        if (c.keyword.text === 'bindto') {
          if (connect && !connect.opaque && sockaddrFamily(connect.text) && sockaddrFamily(connect.text) !== fam) {
            ctx.report({ loc: w, messageId: 'bindto', data: { address: w.text, target: connect.text } });
            continue;
          }
          bind = w;
        } else if (c.keyword.text === 'connect_ip') {
          if (bind && sockaddrFamily(bind.text) !== fam) {
            ctx.report({ loc: w, messageId: 'connectIp', data: { address: w.text, target: bind.text } });
            continue;
          }
          connect = w;
        }
      }
    }
  },
});
