import type { Statement, Word } from '../../grammar/index';
import { intOf, lastChild, normAddr } from '../peer/model';
import { childrenNamed, defineRule, lineLoc, spanning } from '../types';
import { ipFamily } from '../values';

/** The whole block of a statement, from its keyword to its closing brace. */
const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** virtual_server settings keepalived completes, clears or rejects after reading the block. */
export default defineRule({
  id: 'lvs-virtual-server',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'virtual_server without real servers, protocol, scheduler or forwarding method; fwmark with protocol or real-server ports; DR/TUN port mismatch; quorum above the total weight; duplicate real servers.',
  messages: {
    noRealServer: 'Virtual server {vs} has no real servers; keepalived ignores it.',
    noProtocol: 'Virtual server {vs}: no protocol set; keepalived defaults to UDP. Add "protocol TCP" (or UDP/SCTP).',
    noScheduler: 'Virtual server {vs}: no scheduler set; keepalived uses lb_algo wlc.',
    noMethod: 'Virtual server {vs}: no forwarding method set; keepalived uses lb_kind NAT.',
    fwmarkProtocol: 'Virtual server {vs}: protocol is ignored for a fwmark service.',
    fwmarkPort: 'fwmark virtual server {vs}: real server {rs} has a port, which keepalived clears.',
    portMismatch:
      'Virtual server {vs} uses {method}, which cannot map ports: real server port {rsPort} differs from {vsPort} and keepalived resets it.',
    quorum:
      'quorum {quorum} for {vs} exceeds the total weight of its real servers ({total}); keepalived reduces it to {total}.',
    duplicate: 'Virtual server {vs}: real server {rs} is duplicated; keepalived removes the second one.',
    family:
      'Address family of virtual server {vs} and real server {rs} differ; keepalived skips the real server (only TUN can mix families).',
    schedulerFlag:
      '{flag} only applies to the {scheduler} scheduler, set with lb_algo {scheduler} before it; keepalived ignores it.',
    first: 'first definition',
  },
  check(ctx) {
    for (const vs of ctx.parse.body) {
      if (!vs.spec || vs.keyword.text !== 'virtual_server' || !vs.args.length || vs.args.some((w) => w.opaque))
        continue;
      const kind = vs.args[0]!.text === 'fwmark' ? 'fwmark' : vs.args[0]!.text === 'group' ? 'group' : 'address';
      if (kind === 'address' && !ipFamily(vs.args[0]!.text)) continue;
      const vsName = vs.args.map((w) => w.text).join(' ');
      const vsPort = kind === 'address' ? (intOf(vs.args[1]) ?? 0) : 0;
      const data = { vs: vsName };
      const at = vs.args[0]!;
      const rss = childrenNamed(vs, 'real_server').filter((r) => r.args[0] && ipFamily(r.args[0].text));
      if (!rss.length) ctx.report({ loc: blockLoc(vs), messageId: 'noRealServer', data });
      const protocol = lastChild(vs, 'protocol');
      if (kind === 'fwmark' && protocol) ctx.report({ loc: lineLoc(protocol), messageId: 'fwmarkProtocol', data });
      if (kind !== 'fwmark' && !protocol) ctx.report({ loc: at, messageId: 'noProtocol', data });
      if (!lastChild(vs, 'lb_algo') && !lastChild(vs, 'lvs_sched'))
        ctx.report({ loc: at, messageId: 'noScheduler', data });
      const method = (lastChild(vs, 'lb_kind') ?? lastChild(vs, 'lvs_method'))?.args[0]?.text;
      if (!method && !rss.some((r) => lastChild(r, 'lb_kind') || lastChild(r, 'lvs_method')))
        ctx.report({ loc: at, messageId: 'noMethod', data });
      // sh-*/mh-* flags count only when the matching scheduler was set on an earlier line.
      let sched: string | undefined;
      for (const c of vs.children ?? []) {
        if (!c.spec) continue;
        if (c.keyword.text === 'lb_algo' || c.keyword.text === 'lvs_sched') sched = c.args[0]?.text;
        const m = /^(sh|mh)-(port|fallback)$/.exec(c.keyword.text);
        if (m && sched !== m[1])
          ctx.report({ loc: lineLoc(c), messageId: 'schedulerFlag', data: { flag: c.keyword.text, scheduler: m[1] } });
      }
      const vsFamily = kind === 'address' ? ipFamily(vs.args[0]!.text) : 0;
      const seen = new Map<string, Word>();
      let total = 0;
      for (const rs of rss) {
        const addr = rs.args[0]!;
        const port = rs.args[1];
        // Only built for a report: most real servers have none.
        const rsName = (): string => rs.args.map((w) => w.text).join(' ');
        const rsMethod = (lastChild(rs, 'lb_kind') ?? lastChild(rs, 'lvs_method'))?.args[0]?.text ?? method;
        if (vsFamily && rsMethod !== 'TUN' && ipFamily(addr.text) !== vsFamily) {
          // Reported when keepalived closes the real_server block.
          ctx.report({ loc: spanning(addr, rs.close), messageId: 'family', data: { ...data, rs: rsName() } });
          continue;
        }
        const key = `${normAddr(addr.text)} ${intOf(port) ?? 0}`;
        const prev = seen.get(key);
        if (prev)
          ctx.report({
            loc: lineLoc(rs),
            messageId: 'duplicate',
            data: { ...data, rs: rsName() },
            related: [{ loc: prev, messageId: 'first' }],
          });
        seen.set(key, addr);
        total += intOf(lastChild(rs, 'weight')?.args[0]) ?? 1;
        if (kind === 'fwmark' && port && intOf(port) !== 0)
          ctx.report({ loc: port, messageId: 'fwmarkPort', data: { ...data, rs: rsName() } });
        const rsPort = intOf(port);
        if (
          kind === 'address' &&
          (rsMethod === 'DR' || rsMethod === 'TUN') &&
          vsPort !== 0 &&
          rsPort !== undefined &&
          rsPort !== 0 &&
          rsPort !== vsPort
        ) {
          ctx.report({ loc: port!, messageId: 'portMismatch', data: { ...data, method: rsMethod, rsPort, vsPort } });
        }
      }
      const quorum = lastChild(vs, 'quorum');
      const q = intOf(quorum?.args[0]);
      if (quorum && q !== undefined && q >= 1 && rss.length && q > total)
        ctx.report({ loc: quorum.args[0]!, messageId: 'quorum', data: { ...data, quorum: q, total } });
    }
  },
});
