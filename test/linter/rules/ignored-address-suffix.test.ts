import { ruleTester } from '../rule-tester';

const service = (body: string): string =>
  `virtual_server 10.0.0.100 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n${body}}\n`;

ruleTester('ignored-address-suffix', {
  valid: [
    // Plain addresses, IPv4 and IPv6.
    service(
      '  sorry_server 10.0.0.99 80\n  real_server 10.0.0.11 80 {\n    TCP_CHECK {\n      connect_ip 10.0.0.11\n      bindto fe80::1\n    }\n  }\n',
    ),
    'vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2 min_ttl 1\n    fd00::2\n  }\n  mcast_dst_ip 224.0.0.30\n}\n',
    // A VIP's prefix length counts, and a virtual_server_group reads ranges of its own.
    'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n',
    'virtual_server_group G {\n  10.0.0.1-10 80\n  10.0.1.0/24 80\n}\n',
    'virtual_server group G {\n  lb_algo rr\n}\nvirtual_server fwmark 7 {\n  lb_algo rr\n}\n',
    // An address keepalived cannot read at all is invalid-address's.
    service('  real_server 10.0.0.300/24 80 {\n  }\n'),
    // lvs_sync_daemon: only the value of "group" is an address (an instance may be called "group").
    'global_defs {\n  lvs_sync_daemon eth0 inst group-1 group 224.0.0.81\n}\n',
    // Words whose value varies are not judged.
    '$NET=10.0.0.11/24\n' + service('  real_server $NET 80 {\n  }\n'),
  ],
  invalid: [
    {
      name: 'a prefix length after a real server, with its fix',
      code: service('  real_server 10.0.0.11<|/24|> 80 {\n  }\n'),
      message:
        'keepalived ignores "/24" after 10.0.0.11: real_server takes one address, without a prefix length. Remove it.',
      output: service('  real_server 10.0.0.11 80 {\n  }\n'),
    },
    {
      name: "a range after a real server: no fix, the servers meant are the author's to write",
      code: service('  real_server 10.0.0.11<|-15|> 80 {\n  }\n'),
      message:
        'keepalived ignores "-15" after 10.0.0.11: a real_server is one address, not a range, so only 10.0.0.11 is used. Write one real_server block per server.',
      output: null,
    },
    {
      name: 'the service address, by mask and by range',
      code: 'virtual_server 10.0.0.100<|/24|> 80 {\n  lb_algo rr\n}\nvirtual_server 10.0.0.100<|-110|> 443 {\n  lb_algo rr\n}\n',
      messages: [
        /"\/24" after 10\.0\.0\.100: virtual_server takes one address/,
        'keepalived ignores "-110" after 10.0.0.100: a virtual_server is one address, not a range, so only 10.0.0.100 is used. For a range of addresses, use a virtual_server_group.',
      ],
    },
    {
      name: 'sorry server and checker addresses',
      code: service(
        '  sorry_server 10.0.0.99<|/32|> 80\n  real_server 10.0.0.11 80 {\n    HTTP_GET {\n      connect_ip 10.0.0.11<|/24|>\n      bindto 10.0.0.1<|-3|>\n    }\n  }\n',
      ),
      messages: [
        /sorry_server takes one address, without/,
        /connect_ip takes one address, without/,
        /bindto takes one address, not a range/,
      ],
    },
    {
      name: 'VRRP sources, peers and groups',
      code:
        'vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1<|/24|>\n  unicast_peer {\n    10.0.0.2<|/24|> min_ttl 1\n    10.0.0.3<|-5|>\n  }\n}\n' +
        'vrrp_instance VI_2 {\n  mcast_src_ip fd00::1<|/64|>\n  mcast_dst_ip 224.0.0.30<|/4|>\n}\n',
      messages: [
        /unicast_src_ip takes one address, without/,
        /unicast_peer takes one address, without/,
        'keepalived ignores "-5" after 10.0.0.3: a unicast_peer entry is one address, not a range, so only 10.0.0.3 is used. List each peer on a line of its own.',
        /"\/64" after fd00::1: mcast_src_ip/,
        /mcast_dst_ip takes one address, without/,
      ],
      output:
        'vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2 min_ttl 1\n    10.0.0.3-5\n  }\n}\n' +
        'vrrp_instance VI_2 {\n  mcast_src_ip fd00::1\n  mcast_dst_ip 224.0.0.30\n}\n',
    },
    {
      name: 'global multicast groups, the sync daemon group and a BFD neighbor',
      code:
        'global_defs {\n  vrrp_mcast_group4 224.0.0.19<|/24|>\n  vrrp_mcast_group6 ff02::13<|-5|>\n  lvs_sync_daemon eth0 id 3 group 224.0.0.81<|/8|>\n}\n' +
        'bfd_instance B1 {\n  neighbor_ip 10.0.0.9<|/24|>\n  source_ip 10.0.0.1<|-4|>\n}\n',
      messages: [
        /vrrp_mcast_group4 takes one address, without/,
        'keepalived ignores "-5" after ff02::13: vrrp_mcast_group6 takes one address, not a range, so only ff02::13 is used.',
        /lvs_sync_daemon group takes one address, without/,
        /neighbor_ip takes one address, without/,
        /source_ip takes one address, not a range/,
      ],
    },
    {
      name: 'a quoted address: the range inside the quotes',
      code: service('  real_server "10.0.0.11<|/24|>" 80 {\n  }\n'),
      output: service('  real_server "10.0.0.11" 80 {\n  }\n'),
    },
  ],
});
