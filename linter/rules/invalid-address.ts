import { typedArgs } from '../params';
import type { Statement, Word } from '../../grammar/index';
import { defineRule, statementsNamed } from '../types';
import { checkUnsigned, ipFamily, isInetAton, isIPv4, isMulticast, sockaddrFamily } from '../values';

/** A report's data (built for reports only: most arguments are valid). */
const data = (s: Statement, value: string): { keyword: string; value: string } => ({ keyword: s.keyword.text, value });

/** The parameter types this rule checks. */
const ADDRESSES: ReadonlySet<string> = new Set(['ipaddr', 'ipv4_multicast', 'ipv6_multicast', 'multicast_ip', 'dns_name', 'ifname', 'netmask_or_prefix']);

/** IP addresses, prefixes and netmasks keepalived cannot parse. */
export default defineRule({
  id: 'invalid-address',
  meta: { severity: 'error', fixable: false, category: 'keyword', scope: 'block' },
  description: 'IP address, prefix or netmask that keepalived cannot parse.',
  messages: {
    address: '"{value}" is not a valid IP address for "{keyword}".',
    multicast: '"{value}" is not a multicast address ({family}) for "{keyword}".',
    netmask: '"{value}" is not a valid netmask or prefix length for "{keyword}".',
    virtualServer: '"{value}" is not a valid address for virtual_server (an IP address, "fwmark N" or "group NAME"); keepalived skips this virtual server.',
    port: '"{value}" is not a valid port (0..65535).',
    ifname: 'Interface name "{value}" is longer than 15 characters; keepalived ignores it.',
    dnsName: '"{value}" is not a valid DNS name ({problem}); keepalived ignores it.',
    linkLocal: '{value} is not a link-local multicast address (ff02::/16); VRRP adverts over IPv6 should use one.',
  },
  check(ctx) {
    for (const s of statementsNamed(ctx.parse.body, 'virtual_server')) {
      if (!s.spec || s.args.length === 0) continue;
      const [addr, port] = s.args as [Word, Word | undefined];
      if (addr.opaque || addr.text === 'fwmark' || addr.text === 'group') continue;
      if (!sockaddrFamily(addr.text)) ctx.report({ loc: addr, messageId: 'virtualServer', data: { value: addr.text } });
      else if (port && !port.opaque && checkUnsigned(port.text, 0, 65535)) ctx.report({ loc: port, messageId: 'port', data: { value: port.text } });
    }
    for (const c = typedArgs(ctx.parse.body, ctx.targetVersion, ADDRESSES); c.next(); ) {
      const { statement: s, arg, param } = c;
      const v = arg.text;
      switch (param.type) {
        case 'ipaddr':
          // Every ipaddr keyword is read by inet_stosockaddr, which drops a range or mask unread.
          if (!sockaddrFamily(v)) ctx.report({ loc: arg, messageId: 'address', data: data(s, v) });
          continue;
        case 'ipv4_multicast':
          if (!isIPv4(v) || !isMulticast(v)) ctx.report({ loc: arg, messageId: 'multicast', data: { ...data(s, v), family: 'IPv4' } });
          continue;
        case 'ipv6_multicast':
          if (ipFamily(v) !== 6 || !isMulticast(v)) ctx.report({ loc: arg, messageId: 'multicast', data: { ...data(s, v), family: 'IPv6' } });
          else if (!/^ff02:/i.test(v)) ctx.report({ loc: arg, messageId: 'linkLocal', data: data(s, v), severity: 'warning' });
          continue;
        case 'multicast_ip':
          if (!isMulticast(v)) ctx.report({ loc: arg, messageId: 'multicast', data: { ...data(s, v), family: 'IPv4/IPv6' } });
          continue;
        case 'dns_name': {
          const labels = v.replace(/\.$/, '').split('.');
          const problem = labels.some((l) => l === '') ? 'empty label' : labels.some((l) => l.length > 63) ? 'label over 63 characters' : v.length > 253 ? 'over 253 characters' : undefined;
          if (problem) ctx.report({ loc: arg, messageId: 'dnsName', data: { ...data(s, v), problem } });
          continue;
        }
        case 'ifname':
          if (v.length > 15) ctx.report({ loc: arg, messageId: 'ifname', data: data(s, v) });
          continue;
        case 'netmask_or_prefix':
        {
          // IPv4 services read it with inet_aton (so `255` and `0x10` pass), IPv6 ones as 1..128.
          const addr = s.parent?.args[0];
          const fam = addr && !addr.opaque ? ipFamily(addr.text) : 0;
          const ok4 = isInetAton(v);
          const ok6 = !checkUnsigned(v, 1, 128);
          if (fam === 4 ? !ok4 : fam === 6 ? !ok6 : !ok4 && !ok6) ctx.report({ loc: arg, messageId: 'netmask', data: data(s, v) });
          continue;
        }
        default:
      }
    }
  },
});
