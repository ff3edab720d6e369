import { ruleTester } from '../rule-tester';

const instance = (body: string, vips: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    ${vips}\n  }\n}\n`;
const UNICAST = '  priority 110\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n';

ruleTester('vrrp-vip-node-address', {
  valid: [
    // A VIP that no node has of its own.
    instance(UNICAST, '10.0.0.100/24'),
    // The address owner holds its own address as VIP.
    instance('  priority 255\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n', '10.0.0.1/24'),
    // Another family's peer, and an IPv6 VIP written otherwise than an IPv4 peer.
    instance('  priority 110\n  mcast_src_ip 10.0.0.1\n', '10.0.0.100/24'),
    // A second instance of one name is skipped by keepalived: nothing of it counts.
    instance(UNICAST, '10.0.0.100/24') + instance(UNICAST, '10.0.0.2/24'),
  ],
  invalid: [
    {
      name: "a VIP that is a unicast peer's address",
      code: instance(UNICAST, '<|10.0.0.2/24|>'),
      message:
        "(VI_1) VIP 10.0.0.2 is the address of unicast peer 10.0.0.2, another node's own address: when this node becomes MASTER it adds that address too, and the two nodes conflict over it. A VIP must be an address that no node has of its own.",
    },
    {
      name: 'a peer written with a prefix length keepalived drops, in virtual_ipaddress_excluded',
      code:
        'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2/24\n  }\n' +
        '  virtual_ipaddress {\n    10.0.0.100/24\n  }\n  virtual_ipaddress_excluded {\n    <|10.0.0.2|>\n  }\n}\n',
      messageId: 'peerAddress',
    },
    {
      name: "the node's own source address without priority 255",
      code: instance(UNICAST, '<|10.0.0.1/24|>'),
      message:
        "(VI_1) VIP 10.0.0.1 is this node's own source address, but its priority is 110, not 255: the node keeps the address in every state, and the node that becomes MASTER in its place adds it too. Use an address that no node has of its own, or make this node the address owner (priority 255).",
    },
    {
      name: 'mcast_src_ip, and the default priority',
      code: instance('  mcast_src_ip fd00::1\n', '<|fd00:0::1/64|>'),
      message: /VIP fd00:0::1 is this node's own source address, but its priority is 100, not 255/,
    },
  ],
});
