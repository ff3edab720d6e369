import { ruleTester } from '../rule-tester';

const inst = (body: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp-unicast-peer', {
  valid: [
    inst('  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n    10.0.0.3\n  }\n'),
    inst(''),
    // unicast_fault_no_peer: going to FAULT without peers is intended.
    inst('  unicast_src_ip 10.0.0.1\n  unicast_fault_no_peer\n'),
    // keepalived reads peers and the source with inet_stosockaddr: a range or mask is dropped unread.
    inst('  unicast_src_ip 10.0.0.1/24\n  unicast_peer {\n    10.0.0.2-5\n    10.0.0.3/33\n  }\n'),
    // A refused mcast_dst_ip (not a multicast address) is no group to ignore.
    inst('  mcast_dst_ip 224.0.0.50\n  mcast_dst_ip 10.9.9.9\n  unicast_peer {\n    10.0.0.2\n  }\n'),
    // keepalived adds the peers of every unicast_peer block to one list: an empty second block takes none away.
    inst('  unicast_src_ip 10.0.0.1\n  unicast_ttl 5\n  unicast_peer {\n    10.0.0.2\n  }\n  unicast_peer {\n  }\n'),
    // A unicast_ttl keepalived did not read (out of range, not a number) leaves nothing to reset.
    'vrrp_instance VI_1 {\n  virtual_router_id 51\n  unicast_ttl 300\n}\nvrrp_instance VI_2 {\n  virtual_router_id 52\n  unicast_ttl x\n}\n',
  ],
  invalid: [
    {
      name: 'peer of the other family',
      code: inst('  unicast_peer {\n    10.0.0.2\n    <|fe80::1|>\n  }\n'),
      message: 'VRRP instance VI_1 is IPv4; unicast peer fe80::1 is of another family and keepalived skips it.',
    },
    {
      name: 'unicast_ttl is checked as the instance block closes, before lines that continue it bring peers',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  <|unicast_ttl 10\n}|>\nvrrp_instance\n  unicast_peer {\n    10.0.0.2\n  }\n}\n',
      messageId: 'ttlNoPeers',
    },
    {
      name: 'a peer listed again in a later unicast_peer block',
      code: inst('  unicast_peer {\n    10.0.0.2\n  }\n  unicast_peer {\n    <|10.0.0.2|>\n    10.0.0.3\n  }\n'),
      message: '(VI_1) 10.0.0.2 - duplicate unicast_peer.',
      severity: 'warning',
    },
    {
      name: 'duplicate peer and own address (warnings)',
      code: inst(
        '  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n    <|10.0.0.2|>\n    <|10.0.0.1|>\n  }\n',
      ),
      messages: ['(VI_1) 10.0.0.2 - duplicate unicast_peer.', /own unicast_src_ip/],
      severity: 'warning',
    },
    {
      name: 'unicast keyword without peers',
      code: inst('  <|unicast_src_ip 10.0.0.1|>\n'),
      messageId: 'noPeers',
    },
    {
      name: 'unicast_ttl without peers: keepalived reports it at the end of the block',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 51\n  <|unicast_ttl 10\n}|>\n',
      messageId: 'ttlNoPeers',
    },
    {
      name: 'an empty quoted unicast_ttl is 0 to keepalived, a value it resets too',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 51\n  <|unicast_ttl ""10\n}|>\n',
      messageId: 'ttlNoPeers',
    },
    {
      code: inst('  <|mcast_dst_ip 224.0.0.19|>\n  unicast_peer {\n    10.0.0.2\n  }\n'),
      messageId: 'mcastDst',
    },
  ],
});
