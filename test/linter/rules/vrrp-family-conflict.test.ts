import { ruleTester } from '../rule-tester';

const instance = (body: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  priority 100\n${body}}\n`;

ruleTester('vrrp-family-conflict', {
  valid: [
    instance('  mcast_src_ip 10.0.0.5\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n'),
    // native_ipv6 first makes the instance IPv6; its IPv6 addresses then agree.
    instance('  native_ipv6\n  unicast_src_ip 2001:db8::1\n  virtual_ipaddress {\n    2001:db8::100/64\n  }\n'),
    // The first address decides, whatever kind of setting it is in.
    instance('  mcast_dst_ip ff02::12\n  mcast_src_ip fe80::1\n  virtual_ipaddress {\n    2001:db8::100/64\n  }\n'),
    instance('  use_ipvlan ipvl0 10.0.0.9/24 bridge\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n'),
  ],
  invalid: [
    {
      name: 'native_ipv6 after an IPv4 address',
      code: instance('  virtual_ipaddress {\n    10.0.0.1/24\n  }\n  <|native_ipv6|>\n'),
      message: '(VI_1) native_ipv6 in an IPv4 instance (10.0.0.1/24 made it IPv4); keepalived ignores native_ipv6.',
    },
    {
      name: 'a source, a multicast group and an ipvlan address of the other family',
      code: instance(
        '  unicast_peer {\n    10.0.0.9\n  }\n  mcast_src_ip <|2001:db8::9|>\n  mcast_dst_ip <|ff02::12|>\n  use_ipvlan ipvl0 <|2001:db8::7/64|>\n',
      ),
      messages: [
        '(VI_1) mcast_src_ip 2001:db8::9 is IPv6, but 10.0.0.9 already made the instance IPv4; keepalived skips this setting.',
        '(VI_1) mcast_dst_ip ff02::12 is IPv6, but 10.0.0.9 already made the instance IPv4; keepalived skips this setting.',
        '(VI_1) use_ipvlan 2001:db8::7/64 is IPv6, but 10.0.0.9 already made the instance IPv4; keepalived skips this setting.',
      ],
    },
    {
      name: 'an IPv6 source decides before IPv4 ones',
      code: instance('  unicast_src_ip 2001:db8::1\n  mcast_src_ip <|10.0.0.5|>\n'),
      message: /mcast_src_ip 10\.0\.0\.5 is IPv4, but 2001:db8::1 already made the instance IPv6/,
    },
  ],
});
