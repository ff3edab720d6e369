import { ruleTester } from '../rule-tester';

ruleTester('invalid-address', {
  valid: [
    // smtp_server: an address, a host name (a "-" in a name is the resolver's business) and a port.
    'global_defs {\n  smtp_server 10.0.0.25 587\n}\n',
    'global_defs {\n  smtp_server mail-relay.example.com\n}\n',
    // inet_aton reads a bare number or hex as a netmask, as keepalived does for IPv4 services.
    'virtual_server 10.0.0.1 80 {\n  persistence_granularity 255\n}\n',
    'virtual_server 10.0.0.1 80 {\n  persistence_granularity 0x10\n}\n',
    'global_defs {\n  vrrp_mcast_group6 ff02::12\n}\n',
    'vrrp_instance VI_1 {\n  mcast_src_ip 10.0.0.1\n  unicast_src_ip 10.0.0.1\n}\n',
    'vrrp_instance VI_1 {\n  unicast_src_ip fe80::1\n}\n',
    'global_defs {\n  vrrp_mcast_group4 224.0.0.18\n  vrrp_mcast_group6 ff02::12\n}\n',
    // The groups are read by inet_stosockaddr too: a mask or range after them is dropped unread.
    'global_defs {\n  vrrp_mcast_group4 224.0.0.18/\n  vrrp_mcast_group6 ff02::12/64\n}\n',
    'vrrp_instance VI_1 {\n  mcast_dst_ip 224.0.0.19-30\n}\nvrrp_instance VI_2 {\n  mcast_dst_ip ff12::12\n}\n',
    // inet_stosockaddr drops what follows a '-' (a range), else a '/' (a mask), unread.
    'vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1/33\n  mcast_src_ip 10.0.0.1-5\n}\n',
    'virtual_server 10.0.0.1/33 80 {\n  real_server 10.0.0.2/40 80 {\n    TCP_CHECK {\n      connect_ip 2001:db8::9/200\n    }\n  }\n}\n',
    // DNS_CHECK names: the root, and a trailing '.'.
    'virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    DNS_CHECK {\n      name .\n    }\n    DNS_CHECK {\n      name example.com.\n    }\n  }\n}\n',
    // use_vmac: a name, a MAC address (five octets: the sixth is the VRID), both in either order.
    'vrrp_instance VI_1 {\n  use_vmac\n}\nvrrp_instance VI_2 {\n  use_vmac vrrp.52 02:00:00:00:00:52\n}\nvrrp_instance VI_3 {\n  use_vmac 02:00:00:00:01 vrrp.53\n}\n',
  ],
  invalid: [
    {
      // vrrp_mcast_dstip_handler takes only link-local groups for IPv6 (IN6_IS_ADDR_MC_LINKLOCAL).
      name: 'an IPv6 mcast_dst_ip that is not link-local',
      code: 'vrrp_instance VI_1 {\n  mcast_dst_ip <|ff05::12|>\n}\n',
      message:
        '"ff05::12" is not a link-local multicast address (ff02::/16) for "mcast_dst_ip"; keepalived skips it, and the instance uses global_defs\' vrrp_mcast_group6 or the default ff02::12.',
    },
    {
      name: 'the address before a mask must still be valid (keepalived skips the block of a virtual server it cannot read)',
      code: 'virtual_server <|10.0.0.300/24|> 80 {\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      bindto 10.0.0.300/24\n    }\n  }\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      bindto <|10.0.0.300/24|>\n    }\n  }\n}\n',
      messages: [/not a valid address for virtual_server/, /not a valid IP address for "bindto"/],
    },
    {
      name: 'a DNS name with an empty label',
      code: 'virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    DNS_CHECK {\n      name <|a..b|>\n    }\n  }\n}\n',
      messageId: 'dnsName',
    },
    {
      name: 'a DNS name whose second character is a dot: keepalived\'s check takes it for an empty label',
      code: 'virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    DNS_CHECK {\n      name <|a.example.com|>\n    }\n  }\n}\n',
      messageId: 'dnsSecondDot',
      message:
        '"a.example.com" is read as having an empty label: keepalived\'s check looks at the character after the first one, and here it is "."; keepalived ignores the name.',
      severity: 'error',
    },
    {
      name: 'a DNS name with a leading dot',
      code: 'virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    DNS_CHECK {\n      name <|.example.com|>\n    }\n  }\n}\n',
      messageId: 'dnsName',
    },
    {
      name: 'a DNS label over 63 characters: keepalived accepts it, its query is malformed',
      code: `virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    DNS_CHECK {\n      name <|${'x'.repeat(64)}.com|>\n    }\n  }\n}\n`,
      messageId: 'dnsQuery',
      severity: 'warning',
    },
    {
      name: 'VMAC interface names keepalived refuses: too long, with a blank or a slash',
      code: 'vrrp_instance VI_1 {\n  use_vmac <|vrrp.interface.51|>\n}\nvrrp_instance VI_2 {\n  use_vmac <|"vrrp 52"|>\n}\nvrrp_instance VI_3 {\n  use_vmac <|a/b|>\n}\n',
      messageId: 'vmacName',
      messages: [/"vrrp\.interface\.51" is not a valid VMAC interface name/, /"vrrp 52"/, /"a\/b"/],
    },
    {
      name: 'VMAC MAC addresses keepalived cannot read',
      code: 'vrrp_instance VI_1 {\n  use_vmac <|02:00:00:00|>\n}\nvrrp_instance VI_2 {\n  use_vmac <|002:00:00:00:00:01|>\n}\nvrrp_instance VI_3 {\n  use_vmac <|02:00:00:00:00:zz|>\n}\n',
      messageId: 'vmacMac',
    },
    {
      name: 'a multicast VMAC MAC address, and the VRRP virtual router MAC',
      code: 'vrrp_instance VI_1 {\n  use_vmac <|01:00:5e:00:00:01|>\n}\nvrrp_instance VI_2 {\n  use_vmac <|00:00:5e:00:01:38|>\n}\n',
      messages: [/is a multicast MAC address/, /is a VRRP virtual router MAC address/],
    },
    {
      name: 'an IPv6 VRRP multicast group that is not link-local',
      code: 'global_defs {\n  vrrp_mcast_group6 <|ff05::12|>\n}\n',
      messageId: 'linkLocal',
      severity: 'warning',
    },
    {
      name: 'a netmask inet_aton refuses',
      code: 'virtual_server 10.0.0.1 80 {\n  persistence_granularity <|+5|>\n}\n',
      messageId: 'netmask',
    },
    {
      name: 'a truncated IPv4 address',
      code: 'vrrp_instance VI_1 {\n  mcast_src_ip <|1.2.3|>\n}\n',
      message: '"1.2.3" is not a valid IP address for "mcast_src_ip".',
      messageId: 'address',
    },
    {
      name: 'an octet over 255',
      code: 'vrrp_instance VI_1 {\n  unicast_src_ip <|10.0.0.256|>\n}\n',
    },
    {
      name: 'a unicast address as the multicast group',
      code: 'global_defs {\n  vrrp_mcast_group4 <|10.0.0.1|>\n  vrrp_mcast_group6 <|fe80::1|>\n}\n',
      messages: [/not a multicast address \(IPv4\)/, /not a multicast address \(IPv6\)/],
      messageId: 'multicast',
    },
    {
      name: 'a virtual_server address keepalived cannot read: it skips the block',
      code: 'virtual_server <|10.0.0.300|> 80 {\n}\n',
      messageId: 'virtualServer',
      message:
        '"10.0.0.300" is not a valid address for virtual_server (an IP address, "fwmark N" or "group NAME"); keepalived skips this virtual server.',
    },
    {
      name: 'a fwmark keepalived cannot read: it skips the virtual server',
      code: 'virtual_server fwmark <|http|> {\n}\nvirtual_server fwmark <|4294967296|> {\n}\nvirtual_server fwmark 4294967295 {\n}\n',
      messageId: 'fwmark',
      messages: ['"http" is not a valid fwmark (0..4294967295); keepalived skips this virtual server.', /"4294967296"/],
    },
    {
      name: 'a port out of range',
      code: 'virtual_server 10.0.0.1 <|99999|> {\n}\n',
      messageId: 'port',
      message: '"99999" is not a valid port (1..65535, or 0 for none).',
    },
    {
      name: 'a port of zeros is none, but "+0" is read as a number out of range',
      code: 'virtual_server 10.0.0.1 00 {\n}\nvirtual_server 10.0.0.2 <|+0|> {\n}\n',
      messageId: 'port',
    },
    {
      name: 'an interface name longer than 15 characters',
      code: 'vrrp_instance VI_1 {\n  interface <|averyveryverylongifname0|>\n}\n',
      messageId: 'ifname',
    },
    {
      name: 'persistence_granularity takes a netmask or a prefix length',
      code: 'virtual_server 10.0.0.1 80 {\n  persistence_granularity <|255.0.255.0x|>\n}\n',
      messageId: 'netmask',
    },
    {
      name: 'smtp_server: an address with a mask or a range is looked up as a host name',
      code: 'global_defs {\n  smtp_server <|10.0.0.25/24|> 25\n}\nglobal_defs {\n  smtp_server <|10.0.0.25-26|>\n}\n',
      messages: [
        '"10.0.0.25/24" is not an address keepalived can read for smtp_server: it looks a word with "/" or "-" up as a host name, which does not exist ("Invalid smtp server"), so no e-mail is sent. Give the address alone.',
        /"10\.0\.0\.25-26" is not an address keepalived can read for smtp_server/,
      ],
    },
  ],
});
