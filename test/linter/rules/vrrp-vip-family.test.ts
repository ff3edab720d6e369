import { ruleTester } from '../rule-tester';

ruleTester('vrrp-vip-family', {
  valid: [
    'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    10.0.0.2/24\n  }\n}\n',
    // Excluded addresses may be of the other family.
    'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n  virtual_ipaddress_excluded {\n    2001:db8::1/64\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'every virtual_ipaddress block of an instance adds to its VIPs',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1\n  }\n  virtual_ipaddress {\n    10.0.0.2\n    <|2001:db8::1|>\n  }\n}\n',
      message: /\(VI_1\) 2001:db8::1 is IPv6 but the instance is IPv4/,
    },
    {
      name: 'native_ipv6 or an IPv6 multicast group before the VIPs makes the instance IPv6',
      code: 'vrrp_instance VI_1 {\n  native_ipv6\n  virtual_ipaddress {\n    <|10.0.0.2|>\n  }\n}\nvrrp_instance VI_2 {\n  mcast_dst_ip ff02::12\n  virtual_ipaddress {\n    <|10.0.0.3|>\n  }\n}\n',
      messages: [/\(VI_1\) 10\.0\.0\.2 is IPv4 but the instance is IPv6/, /\(VI_2\) 10\.0\.0\.3 is IPv4 but the instance is IPv6/],
    },
    {
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    <|2001:db8::1/64|>\n  }\n}\n',
      message:
        '(VI_1) 2001:db8::1/64 is IPv6 but the instance is IPv4; keepalived ignores it. Put it in virtual_ipaddress_excluded or in a separate IPv6 instance.',
    },
    {
      name: 'the family comes from the first address keepalived reads (here the source)',
      code: 'vrrp_instance VI_1 {\n  unicast_src_ip fe80::1\n  virtual_ipaddress {\n    <|10.0.0.1/24|>\n  }\n}\n',
      message: /is IPv4 but the instance is IPv6/,
    },
  ],
});
