import { typedArgs } from '../params';
import type { Statement, Word } from '../../grammar/index';
import { defineRule, statementsNamed, type RuleContext } from '../types';
import { checkServerPort, checkUnsigned, ipFamily, isInetAton, isMulticast, sockaddrAddress, sockaddrFamily } from '../values';
import { readVmac, type VmacProblem } from '../vmac';

/** A report's data (built for reports only: most arguments are valid). */
const data = (s: Statement, value: string): { keyword: string; value: string } => ({ keyword: s.keyword.text, value });

/** The parameter types this rule checks. */
const ADDRESSES: ReadonlySet<string> = new Set([
  'ipaddr',
  'ipv4_multicast',
  'ipv6_multicast',
  'multicast_ip',
  'dns_name',
  'ifname',
  'netmask_or_prefix',
  'host_or_ip',
]);

/**
 * Whether smtp_server's word is an address with a mask or range after it. smtpserver_handler
 * (global_parser.c, 2.2.7) reads a word with "-" or "/" as a host name, not an address, and no
 * resolver has a name with a "/", or an address followed by "-N": "Invalid smtp server".
 */
const smtpAddressWithSuffix = (v: string): boolean => v.includes('/') || (v.includes('-') && ipFamily(sockaddrAddress(v)) !== 0);

/**
 * Whether keepalived's DNS_CHECK name check (dns_name_handler) finds an empty label: a leading '.'
 * (unless the name is "."), a '.' after a '.', or (a slip in its loop) a '.' as the second character.
 */
function dnsEmptyLabel(name: string): 'label' | 'second' | undefined {
  if ((name[0] === '.' && name.length > 1) || name.includes('..')) return 'label';
  return name[1] === '.' ? 'second' : undefined;
}

/** use_vmac [NAME] [MAC]: the words keepalived refuses. */
function checkVmac(ctx: RuleContext): void {
  const byInstance = new Map<Statement | undefined, Statement[]>();
  for (const s of statementsNamed(ctx.parse.body, 'use_vmac')) {
    if (!s.spec) continue;
    const lines = byInstance.get(s.parent);
    if (lines) lines.push(s);
    else byInstance.set(s.parent, [s]);
  }
  // A second name is vrrp-interface's: whether the first one counts depends on the other instances
  // (a name another one took leaves the instance without one).
  for (const lines of byInstance.values()) {
    for (const { word, problem } of readVmac(lines)) {
      if (problem && problem !== 'nameTwice' && problem !== 'taken')
        ctx.report({ loc: word, messageId: VMAC_MESSAGES[problem], data: { value: word.text } });
    }
  }
}

/** The message of each problem readVmac finds. */
const VMAC_MESSAGES: Record<Exclude<VmacProblem, 'taken' | 'nameTwice'>, string> = {
  macTwice: 'vmacMacTwice',
  mac: 'vmacMac',
  multicast: 'vmacMulticast',
  reserved: 'vmacReserved',
  name: 'vmacName',
};

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
    port: '"{value}" is not a valid port (1..65535, or 0 for none).',
    fwmark: '"{value}" is not a valid fwmark (0..4294967295); keepalived skips this virtual server.',
    ifname: 'Interface name "{value}" is longer than 15 characters; keepalived ignores it.',
    smtpServer:
      '"{value}" is not an address keepalived can read for smtp_server: it looks a word with "/" or "-" up as a host name, which does not exist ("Invalid smtp server"), so no e-mail is sent. Give the address alone.',
    dnsName: '"{value}" is not a valid DNS name ({problem}); keepalived ignores it.',
    dnsSecondDot:
      '"{value}" is read as having an empty label: keepalived\'s check looks at the character after the first one, and here it is "."; keepalived ignores the name.',
    dnsQuery: '"{value}" is not a valid DNS name ({problem}); keepalived accepts it, but the query it sends for it is malformed.',
    vmacName: '"{value}" is not a valid VMAC interface name (1 to 15 characters, without "/", ":" or blanks, not "." or ".."); keepalived ignores it.',
    vmacMac: '"{value}" is not a valid VMAC MAC address (five or six hex octets separated by ":"); keepalived ignores it.',
    vmacMulticast: '{value} is a multicast MAC address; keepalived does not use it for a VMAC.',
    vmacReserved: '{value} is a VRRP virtual router MAC address (00:00:5e:00:01:xx or 00:00:5e:00:02:xx); keepalived does not allow it as the VMAC\'s address.',
    vmacMacTwice: 'The VMAC\'s MAC address is already given; keepalived ignores this one.',
    linkLocal: '{value} is not a link-local multicast address (ff02::/16); VRRP adverts over IPv6 should use one.',
    notLinkLocal:
      "\"{value}\" is not a link-local multicast address (ff02::/16) for \"{keyword}\"; keepalived skips it, and the instance uses global_defs' vrrp_mcast_group6 or the default ff02::12.",
  },
  check(ctx) {
    for (const s of statementsNamed(ctx.parse.body, 'virtual_server')) {
      if (!s.spec || s.args.length === 0) continue;
      const [addr, port] = s.args as [Word, Word | undefined];
      if (addr.opaque || addr.text === 'group') continue;
      if (addr.text === 'fwmark') {
        // read_unsigned(0..UINT32_MAX) in alloc_vs (check_data.c, 2.2.7); a bad mark skips the block.
        if (port && !port.opaque && checkUnsigned(port.text, 0, 4294967295)) ctx.report({ loc: port, messageId: 'fwmark', data: { value: port.text } });
        continue;
      }
      if (!sockaddrFamily(addr.text)) ctx.report({ loc: addr, messageId: 'virtualServer', data: { value: addr.text } });
      else if (port && !port.opaque && checkServerPort(port.text)) ctx.report({ loc: port, messageId: 'port', data: { value: port.text } });
    }
    checkVmac(ctx);
    for (const c = typedArgs(ctx.parse.body, ctx.targetVersion, ADDRESSES); c.next(); ) {
      const { statement: s, arg, param } = c;
      const v = arg.text;
      switch (param.type) {
        case 'ipaddr':
          // Every ipaddr keyword is read by inet_stosockaddr, which drops a range or mask unread.
          if (!sockaddrFamily(v)) ctx.report({ loc: arg, messageId: 'address', data: data(s, v) });
          continue;
        // The multicast groups are read by inet_stosockaddr too: `224.0.0.18/` is 224.0.0.18.
        case 'ipv4_multicast':
          if (sockaddrFamily(v) !== 4 || !isMulticast(sockaddrAddress(v)))
            ctx.report({ loc: arg, messageId: 'multicast', data: { ...data(s, v), family: 'IPv4' } });
          continue;
        case 'ipv6_multicast':
          if (sockaddrFamily(v) !== 6 || !isMulticast(sockaddrAddress(v)))
            ctx.report({ loc: arg, messageId: 'multicast', data: { ...data(s, v), family: 'IPv6' } });
          else if (!/^ff02:/i.test(sockaddrAddress(v))) ctx.report({ loc: arg, messageId: 'linkLocal', data: data(s, v), severity: 'warning' });
          continue;
        case 'multicast_ip': {
          const f = sockaddrFamily(v);
          const a = sockaddrAddress(v);
          if (!f || !isMulticast(a)) ctx.report({ loc: arg, messageId: 'multicast', data: { ...data(s, v), family: 'IPv4/IPv6' } });
          // vrrp_mcast_dstip_handler takes only link-local groups for IPv6 (IN6_IS_ADDR_MC_LINKLOCAL).
          else if (f === 6 && !/^ff[0-9a-f]2:/i.test(a)) ctx.report({ loc: arg, messageId: 'notLinkLocal', data: data(s, v) });
          continue;
        }
        case 'dns_name': {
          const empty = dnsEmptyLabel(v);
          if (empty) ctx.report({ loc: arg, messageId: empty === 'second' ? 'dnsSecondDot' : 'dnsName', data: { ...data(s, v), problem: 'empty label' } });
          else {
            const labels = v.replace(/\.$/, '').split('.');
            const problem = labels.some((l) => l.length > 63) ? 'label over 63 characters' : v.length > 253 ? 'over 253 characters' : undefined;
            if (problem) ctx.report({ loc: arg, messageId: 'dnsQuery', data: { ...data(s, v), problem }, severity: 'warning' });
          }
          continue;
        }
        case 'host_or_ip':
          if (smtpAddressWithSuffix(v)) ctx.report({ loc: arg, messageId: 'smtpServer', data: data(s, v) });
          continue;
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
