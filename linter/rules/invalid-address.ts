import { forEachParam } from '../params';
import { defineRule } from '../types';
import { checkUnsigned, ipFamily, isIPv4, isMulticast, splitPrefix } from '../values';

/** IP addresses, prefixes and netmasks keepalived cannot parse. */
export default defineRule({
  id: 'invalid-address',
  meta: { severity: 'error', fixable: false, category: 'keyword' },
  description: 'IP address, prefix or netmask that keepalived cannot parse.',
  messages: {
    address: '"{value}" is not a valid IP address for "{keyword}".',
    multicast: '"{value}" is not a multicast address ({family}) for "{keyword}".',
    netmask: '"{value}" is not a valid netmask or prefix length for "{keyword}".',
  },
  check(ctx) {
    forEachParam(ctx.parse.body, (s, arg, param) => {
      const v = arg.text;
      const data = { keyword: s.keyword.text, value: v };
      switch (param.type) {
        case 'ipaddr': {
          const { addr, prefix } = splitPrefix(v);
          const fam = ipFamily(addr);
          const okPrefix = prefix === undefined || !checkUnsigned(prefix, 0, fam === 6 ? 128 : 32);
          if (!fam || !okPrefix) ctx.report({ loc: arg, messageId: 'address', data });
          return;
        }
        case 'ipv4_multicast':
          if (!isIPv4(v) || !isMulticast(v)) ctx.report({ loc: arg, messageId: 'multicast', data: { ...data, family: 'IPv4' } });
          return;
        case 'ipv6_multicast':
          if (ipFamily(v) !== 6 || !isMulticast(v)) ctx.report({ loc: arg, messageId: 'multicast', data: { ...data, family: 'IPv6' } });
          return;
        case 'multicast_ip':
          if (!isMulticast(v)) ctx.report({ loc: arg, messageId: 'multicast', data: { ...data, family: 'IPv4/IPv6' } });
          return;
        case 'netmask_or_prefix':
          if (!isIPv4(v) && checkUnsigned(v, 1, 128)) ctx.report({ loc: arg, messageId: 'netmask', data });
          return;
        default:
      }
    });
  },
});
