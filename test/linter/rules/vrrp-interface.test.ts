import { ruleTester } from '../rule-tester';

const unicast = 'vrrp_instance <|VI_U|> {\n  virtual_router_id 54\n  unicast_peer {\n    10.0.0.2\n  }\n}\n';

ruleTester('vrrp-interface', {
  valid: [
    // With dynamic_interfaces keepalived makes the interface as it reads the name.
    'global_defs {\n  dynamic_interfaces\n}\nvrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 253\n  use_vmac vrrp.253\n}\ninterface_up_down_delays {\n  vrrp.253 1.5\n}\n',
    'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 253\n  use_vmac vrrp.253\n}\ninterface_up_down_delays {\n  eth0 1 1.5\n}\n',
    'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n}\n',
    'vrrp_instance VI_1 {\n  interface eth0\n  promote_secondaries\n}\n',
    // 2.3 and later accept unicast instances without an interface.
    { code: unicast.replace('<|VI_U|>', 'VI_U'), options: { targetVersion: '2.4.3' } },
    // vrf before interface; a VMAC with unicast and vmac_xmit_base; an ipvlan with its address.
    'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac\n  vmac_xmit_base\n  unicast_peer {\n    10.0.0.2\n  }\n}\n',
    // A VRF instance: unicast, no interface.
    {
      code: 'vrrp_instance VI_4 {\n  vrf red\n  unicast_peer {\n    10.0.0.2\n  }\n}\n',
      options: { targetVersion: '2.4.3' },
    },
    'vrrp_instance VI_2 {\n  interface eth0\n  use_ipvlan ipvl0 10.0.0.9/24 bridge\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n',
    // An IPv6 ipvlan may take its source from the interface.
    'vrrp_instance VI_3 {\n  interface eth0\n  use_ipvlan\n  virtual_ipaddress {\n    2001:db8::1/64\n  }\n}\n',
    // A VIP's use_vmac: on another interface with the instance's use_vmac, on the instance's own
    // with use_vmac_addr, or without either on the instance; and on an address keepalived drops.
    'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac\n  virtual_ipaddress {\n    10.0.0.10/24 dev eth1 use_vmac\n  }\n  virtual_ipaddress_excluded {\n    2001:db8::10/64 use_vmac\n  }\n}\n',
    'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac_addr\n  virtual_ipaddress {\n    10.0.0.10/24 use_vmac\n    10.0.0.11 dev eth0 use_vmac\n  }\n}\n',
    'vrrp_instance VI_1 {\n  interface eth0\n  virtual_ipaddress {\n    10.0.0.10/24 dev eth1 use_vmac\n  }\n}\n',
    'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac\n  virtual_ipaddress {\n    10.0.0.10/24 label eth0:a_label_too_long use_vmac\n    10.0.0.11 dev\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'interface_up_down_delays naming a VMAC of the configuration',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 253\n  use_vmac vrrp.253\n}\ninterface_up_down_delays {\n  eth0 1 1.5\n  <|vrrp.253|> 1.5\n}\n',
      message:
        'vrrp.253 is the VMAC interface of (VI_1), which keepalived creates only after reading the configuration: interface_up_down_delays cannot name it, and keepalived stops ("unknown interface vrrp.253 specified for up/down delay"). Remove the entry, or add dynamic_interfaces to global_defs.',
    },
    {
      name: "use_vmac on a VIP on the instance's interface (no dev, or its own) while the instance has use_vmac",
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac\n  virtual_ipaddress {\n    10.0.0.10/24 <|use_vmac|>\n    10.0.0.11 dev eth0 <|use_vmac|>\n  }\n}\n',
      messages: [
        '(VI_1) use_vmac on 10.0.0.10/24, which is on the instance\'s interface, while the instance has use_vmac itself: keepalived reports it ("use_vmac specified for VIP/eVIP … and vrrp instance") and puts the address on the instance\'s VMAC. Remove the address\'s use_vmac.',
        /^\(VI_1\) use_vmac on 10\.0\.0\.11, which is on the instance's interface/,
      ],
    },
    {
      name: 'use_vmac on a VIP on another interface, or an eVIP of the other family, while the instance has use_vmac_addr',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac_addr\n  virtual_ipaddress {\n    10.0.0.10/24 dev eth1 <|use_vmac|>\n  }\n  virtual_ipaddress_excluded {\n    fe80::10/64 <|use_vmac|>\n  }\n}\n',
      messages: [
        '(VI_1) use_vmac on 10.0.0.10/24, which is on another interface or of the other family, while the instance has use_vmac_addr: keepalived reports it ("use_vmac_addr specified and use_vmac specified for VIP/eVIP …") and ignores the address\'s use_vmac.',
        /^\(VI_1\) use_vmac on fe80::10\/64, which is on another interface or of the other family/,
      ],
    },
    {
      // From 2.3 a unicast instance needs no interface: every VIP with a "dev" is then on another
      // interface (or the other family, for an eVIP), and use_vmac_addr refuses its use_vmac.
      name: 'use_vmac on a VIP with a dev in a unicast instance without interface (2.3+), with use_vmac_addr',
      code: 'vrrp_instance VI_1 {\n  use_vmac_addr\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress {\n    10.0.0.10/24 dev eth1 <|use_vmac|>\n  }\n}\n',
      options: { targetVersion: '2.4.3' },
      messageId: 'vipVmacAddr',
    },
    {
      // The instance's own use_vmac is cleared without an interface: no "and vrrp instance" report
      // for a VIP without "dev" (removed for want of an interface), nor with one.
      name: 'use_vmac on VIPs of a unicast instance without interface that has use_vmac (2.3+)',
      code: 'vrrp_instance VI_1 {\n  <|use_vmac\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress {\n    <|10.0.0.10/24|> use_vmac\n    10.0.0.11/24 dev eth1 use_vmac\n  }\n}|>\n',
      options: { targetVersion: '2.4.3' },
      messages: [/Cannot use use_vmac with unicast and no interface/, /no interface for VIP 10\.0\.0\.10\/24/],
    },
    {
      name: 'keepalived 2.2.7 wants an interface even for a VRF instance',
      code: 'vrrp_instance <|VI_V|> {\n  vrf red\n  unicast_peer {\n    10.0.0.2\n  }\n}\n',
      options: { targetVersion: '2.2.7' },
      messageId: 'missingUnicast',
    },
    {
      name: 'vrf after an interface',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  <|vrf red|>\n}\n',
      message:
        '(VI_1) vrf after an interface; keepalived ignores the vrf ("Cannot specify VRF interface and interface").',
    },
    {
      name: 'vrf before an interface, and vrf without unicast peers: keepalived clears it once the instance is read',
      code: 'vrrp_instance VI_1 {\n  <|vrf red|>\n  interface eth0\n  unicast_peer {\n    10.0.0.2\n  }\n}\nvrrp_instance VI_2 {\n  <|vrf blue|>\n}\n',
      options: { targetVersion: '2.4.3' },
      messages: [
        '(VI_1) vrf with an interface; keepalived clears the vrf ("vrf can only be specified without interface").',
        '(VI_2) vrf without unicast peers; keepalived clears the vrf ("vrf can only be specified with unicast").',
      ],
    },
    {
      name: 'promote_secondaries with a VMAC or an ipvlan',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac\n  <|promote_secondaries|>\n}\nvrrp_instance VI_2 {\n  interface eth0\n  <|promote_secondaries|>\n  use_ipvlan ipvl0 10.0.0.9/24\n}\n',
      messages: [
        '(VI_1) promote_secondaries is set automatically for a VMAC or ipvlan; keepalived ignores the line.',
        /\(VI_2\) promote_secondaries is set automatically/,
      ],
    },
    {
      name: 'vmac_xmit_base without use_vmac (an ipvlan is no VMAC)',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_ipvlan ipvl0 10.0.0.9/24\n  <|vmac_xmit_base|>\n}\n',
      messageId: 'xmitBaseNoVmac',
      severity: 'warning',
    },
    {
      name: 'an IPv4 ipvlan without an address, or with an IPv6 one',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  <|use_ipvlan ipvl0|>\n}\nvrrp_instance VI_2 {\n  interface eth0\n  virtual_ipaddress {\n    10.0.0.2\n  }\n  <|use_ipvlan ipvl1 2001:db8::7/64|>\n}\n',
      messages: [
        '(VI_1) An IPv4 ipvlan needs its own IPv4 address ("use_ipvlan NAME ADDRESS"); without one keepalived puts the instance in FAULT state.',
        /\(VI_2\) An IPv4 ipvlan needs its own IPv4 address/,
      ],
    },
    {
      name: 'a VMAC with unicast peers and no vmac_xmit_base: from its line to the closing brace',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  <|use_vmac\n  unicast_peer {\n    10.0.0.2\n  }\n}|>\n',
      message:
        '(VI_1) use_vmac with unicast peers needs vmac_xmit_base; keepalived sets it and reports the instance. Add "vmac_xmit_base".',
      severity: 'warning',
    },
    {
      name: 'an ipvlan with unicast peers: keepalived sets vmac_xmit_base and drops it again',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  <|use_ipvlan ipvl0 10.0.0.9/24\n  unicast_peer {\n    10.0.0.2\n  }\n}|>\n',
      messageId: 'unicastIpvlan',
      severity: 'warning',
    },
    {
      name: 'use_vmac with unicast and no interface: reported from its line to the closing brace',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 51\n  <|use_vmac\n  unicast_peer {\n    10.0.0.2\n  }\n}|>\n',
      message: '(VI_1) Cannot use use_vmac with unicast and no interface; keepalived clears it. Add "interface <nic>".',
    },
    {
      code: 'vrrp_instance <|VI_NO_IF|> {\n  virtual_router_id 53\n}\n',
      message:
        '(VI_NO_IF) Unknown interface!: the instance has no interface; keepalived stops validating VRRP. Add "interface <nic>".',
    },
    {
      name: 'keepalived 2.2.7 needs an interface even with unicast peers',
      code: unicast,
      options: { targetVersion: '2.2.7' },
      messageId: 'missingUnicast',
    },
    {
      name: '2.3 and later: a unicast instance without an interface cannot place a VIP without "dev"',
      code: 'vrrp_instance VI_U {\n  virtual_router_id 54\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress {\n    <|192.168.200.19/24|>\n    192.168.200.20/24 dev eth1\n  }\n  virtual_ipaddress_excluded {\n    <|192.168.200.21|>\n  }\n}\n',
      options: { targetVersion: '2.4.3' },
      messageId: 'vipNoInterface',
      messages: [
        '(VI_U) no interface for VIP 192.168.200.19/24: the instance has no interface and the address no "dev"; keepalived 2.4.3 removes it. Add "dev <nic>" or an interface.',
        /VIP 192\.168\.200\.21:/,
      ],
    },
    {
      name: 'a taken VMAC name leaves the instance without one: its next name is taken, and taken again later',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac vmac1\n}\nvrrp_instance VI_2 {\n  interface eth0\n  use_vmac <|vmac1|>\n  use_vmac vmac2\n}\nvrrp_instance VI_3 {\n  interface eth0\n  use_vmac <|vmac2|>\n}\n',
      messages: [/VI_1 already uses the VMAC interface name "vmac1"/, /VI_2 already uses the VMAC interface name "vmac2"/],
    },
    {
      name: 'a second VMAC name after one another instance took: no second name to keepalived',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac vrrp.51\n}\nvrrp_instance VI_2 {\n  interface eth0\n  use_vmac <|vrrp.51|>\n  use_vmac vrrp.52 <|vrrp.53|>\n}\n',
      messages: [/VI_1 already uses the VMAC interface name "vrrp.51"/, "The VMAC's interface name is already given; keepalived ignores this one."],
    },
    {
      name: 'a second VMAC name in one instance',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac vrrp.51 <|vrrp.52|>\n}\nvrrp_instance VI_2 {\n  interface eth0\n  use_vmac vrrp.53\n  use_vmac <|vrrp.54|>\n}\n',
      messageId: 'vmacNameTwice',
    },
    {
      name: 'a VMAC interface name another instance already uses',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  use_vmac vmac1\n}\nvrrp_instance VI_2 {\n  interface eth0\n  use_vmac <|vmac1|> 02:00:00:00:00:01\n}\nvrrp_instance VI_3 {\n  interface eth0\n  use_vmac vmac3\n}\n',
      messageId: 'vmacNameTaken',
      message: '(VI_2) VRRP instance VI_1 already uses the VMAC interface name "vmac1"; keepalived ignores it here.',
    },
    {
      name: 'a name no interface can have: an address label, and an empty string',
      code: 'vrrp_instance VI_1 {\n  interface <|eth0:1|>\n  virtual_router_id 51\n}\nvrrp_instance VI_2 {\n  interface <|""|>enp0s3\n  virtual_router_id 52\n}\n',
      messages: [
        '(VI_1) no interface can be called "eth0:1": keepalived reports that it does not exist and stops the VRRP process ("Non-existent interface specified in configuration").',
        '(VI_2) no interface can be called "": keepalived reports that it does not exist and stops the VRRP process ("Non-existent interface specified in configuration").',
      ],
    },
    {
      name: 'with no such interface the instance has none as keepalived closes it (a VMAC with unicast is cleared), and it completes no instance',
      code: 'vrrp_instance VI_1 {\n  interface <|""|>ens19\n  virtual_router_id 51\n  <|use_vmac vip\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n}|>\n',
      messages: [
        '(VI_1) no interface can be called "": keepalived reports that it does not exist and stops the VRRP process ("Non-existent interface specified in configuration").',
        '(VI_1) Cannot use use_vmac with unicast and no interface; keepalived clears it. Add "interface <nic>".',
      ],
    },
    {
      name: 'the loopback clears the interface, so the instance has none',
      code: 'vrrp_instance <|VI_LO|> {\n  interface <|lo|>\n  virtual_router_id 52\n}\n',
      messages: [
        '(VI_LO) Unknown interface!: the instance has no interface; keepalived stops validating VRRP. Add "interface <nic>".',
        '(VI_LO) cannot use a loopback interface (lo) for VRRP; keepalived ignores it.',
      ],
    },
    {
      name: 'each loopback line is reported, and it clears an interface given before it',
      code: 'vrrp_instance <|VI_LO|> {\n  interface eth0\n  interface <|lo|>\n  interface <|lo|>\n  virtual_router_id 52\n}\n',
    },
    {
      name: 'an interface after the loopback is used',
      code: 'vrrp_instance VI_LO {\n  interface <|lo|>\n  interface eth0\n  virtual_router_id 52\n}\n',
      messageId: 'loopback',
    },
  ],
});
