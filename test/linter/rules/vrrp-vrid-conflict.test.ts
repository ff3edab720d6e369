import { ruleTester } from '../rule-tester';

const inst = (name: string, vrid: string, extra = ''): string =>
  `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n${extra}  virtual_ipaddress {\n    10.0.0.${name.length}/24\n  }\n}\n`;
const inst6 = (name: string, vrid: string, extra = ''): string =>
  `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n${extra}  virtual_ipaddress {\n    2001:db8::${name.length}/64\n  }\n}\n`;

ruleTester('vrrp-vrid-conflict', {
  valid: [
    inst('VI_1', '51') + inst('VI_2', '52'),
    // Other interface.
    inst('VI_1', '51') + 'vrrp_instance VI_2 {\n  interface eth1\n  virtual_router_id 51\n}\n',
    // IPv4 and IPv6 are separate VRID spaces.
    inst('VI_1', '51') +
      'vrrp_instance VI_6 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    fe80::1/64\n  }\n}\n',
    // Unicast without a configured source: keepalived does not compare (keepalived -t accepts it).
    inst('VI_1', '51', '  unicast_peer {\n    10.1.0.2\n  }\n') +
      inst('VI_2', '51', '  unicast_peer {\n    10.1.0.2\n  }\n'),
    // A source of the other family clears the one before: no source to compare.
    inst('VI_1', '51', '  unicast_src_ip 10.1.0.1\n  unicast_peer {\n    10.1.0.2\n  }\n') +
      inst('VI_2', '51', '  unicast_src_ip 10.1.0.1\n  mcast_src_ip fe80::1\n  unicast_peer {\n    10.1.0.2\n  }\n'),
    // Same source, no common peer.
    inst('VI_1', '51', '  unicast_src_ip 10.1.0.1\n  unicast_peer {\n    10.1.0.2\n  }\n') +
      inst('VI_2', '51', '  unicast_src_ip 10.1.0.1\n  unicast_peer {\n    10.1.0.3\n  }\n'),
    // Unicast and multicast are separate too.
    inst('VI_1', '51') + inst('VI_2', '51', '  unicast_peer {\n    10.1.0.2\n  }\n'),
    // Another multicast group: separate virtual routers.
    inst('VI_1', '51') + inst('VI_2', '51', '  mcast_dst_ip 224.0.0.50\n'),
    // A second interface line that keepalived can use replaces the first.
    inst('VI_1', '51') + inst('VI_2', '51', '  interface eth1\n'),
    // IPv6 on a VMAC against IPv6 on the interface: a warning only (below), no error.
  ],
  invalid: [
    {
      name: 'mcast_src_ip after unicast_src_ip sets the same source address',
      code:
        inst('VI_1', '51', '  unicast_src_ip 10.1.0.1\n  unicast_peer {\n    10.1.0.2\n  }\n') +
        inst('VI_2', '<|51|>', '  unicast_src_ip 10.1.0.9\n  mcast_src_ip 10.1.0.1\n  unicast_peer {\n    10.1.0.2\n  }\n'),
      messageId: 'unicast',
    },
    {
      name: 'a refused mcast_dst_ip puts the instance back on the default group',
      code: inst('VI_1', '51') + inst('VI_2', '<|51|>', '  mcast_dst_ip 224.0.0.50\n  mcast_dst_ip 10.9.9.9\n'),
      messageId: 'multicast',
    },
    {
      name: "global_defs' group is the group of an instance without its own",
      code: 'global_defs {\n  vrrp_mcast_group4 224.0.0.50\n}\n' + inst('VI_1', '51') + inst('VI_2', '<|51|>', '  mcast_dst_ip 224.0.0.50\n'),
      messageId: 'multicast',
    },
    {
      name: 'an interface name too long for keepalived leaves the interface before it',
      code: inst('VI_1', '51') + inst('VI_2', '<|51|>', '  interface abcdefghijklmnopq\n'),
      messageId: 'multicast',
    },
    {
      code: inst('VI_1', '51') + inst('VI_2', '<|51|>'),
      message:
        'VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0; keepalived refuses the configuration. Give each virtual router its own virtual_router_id.',
    },
    {
      name: 'unicast: same source and a common peer',
      code:
        inst('VI_1', '51', '  unicast_src_ip 10.1.0.1\n  unicast_peer {\n    10.1.0.2\n  }\n') +
        inst('VI_2', '<|51|>', '  unicast_src_ip 10.1.0.1\n  unicast_peer {\n    10.1.0.2\n  }\n'),
      messageId: 'unicast',
      message: '(VI_1) duplicate VRID conflict with VI_2 VRID 51: same unicast source and a common peer.',
    },
    {
      name: 'IPv6, both on a VMAC or ipvlan, or neither: keepalived refuses it',
      code: inst6('VI_1', '51', '  use_vmac\n') + inst6('VI_2', '<|51|>', '  use_ipvlan\n') + inst6('VI_3', '52') + inst6('VI_4', '<|52|>'),
      messages: [/^VI_1 and VI_2 both use VRID 51 with IPv6 on interface eth0; keepalived refuses/, /^VI_3 and VI_4 both use VRID 52 with IPv6/],
    },
    {
      name: 'IPv6, one on a VMAC (even with vmac_xmit_base) and one on the interface: keepalived does not notice, their adverts meet',
      code: inst6('VI_1', '51', '  use_vmac\n  vmac_xmit_base\n') + inst6('VI_2', '<|51|>'),
      severity: 'warning',
      message:
        "VI_1 and VI_2 both use VRID 51 with IPv6 on interface eth0, one of them on a VMAC or ipvlan: keepalived does not report it (it compares the multicast groups with the VMAC's scope), but both send adverts for VRID 51 on eth0's link. Give each virtual router its own virtual_router_id.",
    },
    {
      name: 'IPv4 on a VMAC: keepalived refuses it',
      code: inst('VI_1', '51', '  use_vmac\n') + inst('VI_2', '<|51|>'),
      messageId: 'multicast',
    },
  ],
});
