import { B, multicast, node, peerTester } from '../peer/peer-tester';

const GROUP_MESSAGE =
  "each node hears only the group it sends to, so the nodes never see each other's adverts and both become MASTER.";

peerTester('peer-setting-mismatch', {
  valid: [
    { name: 'matching pair', nodes: { lb1: node(), lb2: node(B) } },
    // Interface names are local to each host; they are not compared.
    { name: 'other interface name', nodes: { lb1: node(), lb2: node(B).replace('interface eth0', 'interface ens33') } },
    { name: 'advert_int 1 and 1.0 are the same', nodes: { lb1: node(), lb2: node({ ...B, advert: '1.0' }) } },
    // VRRPv2 adverts carry whole seconds: keepalived rounds 1.4 to 1.
    { name: 'advert_int 1 and 1.4 are both 1 s in VRRPv2', nodes: { lb1: node(), lb2: node({ ...B, advert: '1.4' }) } },
    // keepalived rejects advert_int 0 and keeps the default, 1 s.
    { name: 'a rejected advert_int is the default 1 s', nodes: { lb1: node(), lb2: node({ ...B, advert: '0' }) } },
    {
      name: 'a rejected advert_int leaves the one before',
      nodes: { lb1: node({ advert: '2' }), lb2: node({ ...B, advert: '2\n  advert_int 0' }) },
    },
    {
      name: 'VRRPv3 advert_int 1 and 1.004 are both 1 s (10 ms units)',
      nodes: {
        lb1: node({ version: '  version 3\n' }),
        lb2: node({ ...B, version: '  version 3\n', advert: '1.004' }),
      },
    },
    {
      name: 'auth_pass that differ only after the 8th byte (keepalived counts bytes)',
      nodes: {
        lb1: node({ auth: 'PASS\n    auth_pass \u00e9\u00e9\u00e9\u00e9one' }),
        lb2: node({ ...B, auth: 'PASS\n    auth_pass \u00e9\u00e9\u00e9\u00e9two' }),
      },
    },
    // keepalived adds a VIP without a prefix as the whole address.
    {
      name: 'a VIP without prefix and the same VIP /32',
      nodes: { lb1: node({ vips: '10.0.0.100' }), lb2: node({ ...B, vips: '10.0.0.100/32' }) },
    },
    { name: 'multicast pair on the default group', nodes: { lb1: multicast(node()), lb2: multicast(node(B)) } },
    {
      name: 'mcast_dst_ip 224.0.0.18 is the default group',
      nodes: { lb1: multicast(node()), lb2: multicast(node({ ...B, version: '  mcast_dst_ip 224.0.0.18\n' })) },
    },
    {
      name: 'the same group set globally on one node and per instance on the other',
      nodes: {
        lb1: multicast(node()).replace('script_user root', 'script_user root\n  vrrp_mcast_group4 224.0.0.30'),
        lb2: multicast(node({ ...B, version: '  mcast_dst_ip 224.0.0.30\n' })),
      },
    },
    {
      // keepalived skips an mcast_dst_ip that is no multicast address and uses the default.
      name: 'an mcast_dst_ip keepalived skips leaves the default',
      nodes: { lb1: multicast(node()), lb2: multicast(node({ ...B, version: '  mcast_dst_ip 10.0.0.1\n' })) },
    },
    {
      name: 'IPv6 groups written differently',
      nodes: {
        lb1: multicast(node({ vips: '2001:db8::100/64', version: '  mcast_dst_ip ff02::12\n', auth: 'PASS' })),
        lb2: multicast(
          node({ ...B, vips: '2001:db8::100/64', version: '  mcast_dst_ip FF02:0::0:12\n', auth: 'PASS' }),
        ),
      },
    },
    {
      // Unicast adverts go to the peers: the group plays no part.
      name: 'unicast pair with different mcast_dst_ip',
      nodes: { lb1: node(), lb2: node({ ...B, version: '  mcast_dst_ip 224.0.0.19\n' }) },
    },
    {
      // keepalived clears the authentication of both in strict mode: the passwords play no part.
      name: 'vrrp_strict on both nodes',
      nodes: {
        lb1: multicast(node()).replace('script_user root', 'script_user root\n  vrrp_strict'),
        lb2: multicast(node({ ...B, auth: 'PASS\n    auth_pass other' })).replace(
          'script_user root',
          'script_user root\n  vrrp_strict',
        ),
      },
    },
    {
      name: 'auth_type without auth_pass is no authentication, like none',
      nodes: { lb1: node({ auth: 'PASS' }), lb2: node(B).replace(/ {2}authentication \{\n[^}]*\}\n/, '') },
    },
    {
      name: 'an auth_type keepalived rejects leaves the one before',
      nodes: { lb1: node(), lb2: node({ ...B, auth: 'PASS\n    auth_type pass\n    auth_pass webpass' }) },
    },
  ],
  invalid: [
    {
      name: 'vrrp_strict on one node clears its authentication',
      nodes: {
        lb1: multicast(node({ auth: '<|PASS|>\n    auth_pass webpass' })).replace(
          'script_user root',
          'script_user root\n  vrrp_strict',
        ),
        lb2: multicast(node({ ...B, auth: '<|PASS|>\n    auth_pass webpass' })),
      },
      messageId: 'authType',
      messages: [
        "(VI_WEB) virtual router 60: authentication none (vrrp_strict ignores it) on lb1 differs from lb2 (PASS); the nodes drop each other's adverts and both become MASTER.",
        "(VI_WEB) virtual router 60: authentication PASS on lb2 differs from lb1 (none (vrrp_strict ignores it)); the nodes drop each other's adverts and both become MASTER.",
      ],
    },
    {
      name: 'auth_type without auth_pass on one node',
      nodes: { lb1: node({ auth: '<|PASS|>' }), lb2: node({ ...B, auth: '<|PASS|>\n    auth_pass webpass' }) },
      messageId: 'authType',
      messages: [/authentication none \(no auth_pass\) on lb1 differs from lb2 \(PASS\)/, /PASS on lb2 differs/],
    },
    {
      name: 'multicast groups differ',
      nodes: {
        lb1: multicast(node()).replace('vrrp_instance VI_WEB', 'vrrp_instance <|VI_WEB|>'),
        lb2: multicast(node({ ...B, version: '  mcast_dst_ip <|224.0.0.19|>\n' })),
      },
      messageId: 'mcastGroup',
      messages: [
        `(VI_WEB) virtual router 60: multicast group 224.0.0.18 on lb1 differs from lb2 (224.0.0.19); ${GROUP_MESSAGE}`,
        `(VI_WEB) virtual router 60: multicast group 224.0.0.19 on lb2 differs from lb1 (224.0.0.18); ${GROUP_MESSAGE}`,
      ],
    },
    {
      name: 'a group set in global_defs on one node only',
      nodes: {
        lb1: multicast(node()).replace('vrrp_instance VI_WEB', 'vrrp_instance <|VI_WEB|>'),
        lb2: multicast(node(B)).replace('script_user root', 'script_user root\n  vrrp_mcast_group4 <|239.1.1.1|>'),
      },
      messageId: 'mcastGroup',
      messages: [
        /group 224.0.0.18 on lb1 differs from lb2 \(239.1.1.1\)/,
        /group 239.1.1.1 on lb2 differs from lb1 \(224.0.0.18\)/,
      ],
    },
    {
      name: 'VIP sets differ (warning)',
      nodes: {
        // lb1 lacks an address: its virtual_ipaddress line, where it goes; lb2 holds one lb1 lacks.
        lb1: node().replace('  virtual_ipaddress', '  <|virtual_ipaddress|>'),
        lb2: node({ ...B, vips: '10.0.0.100/24\n    <|10.0.0.101/24|>' }),
      },
      messageId: 'vips',
      severity: 'warning',
      messages: [
        '(VI_WEB) virtual router 60: the VIPs on lb1 (10.0.0.100) differ from lb2 (10.0.0.100, 10.0.0.101); after a failover the new MASTER holds other addresses.',
      ],
    },
    {
      name: 'one VIP of several differs: each node at its own VIP the other lacks',
      nodes: {
        lb1: node({ vips: '10.0.0.100/24\n    <|10.0.0.101/24|>\n    10.0.0.103/24' }),
        lb2: node({ ...B, vips: '10.0.0.100/24\n    10.0.0.103/24\n    <|10.0.0.102/24|>' }),
      },
      messageId: 'vips',
      severity: 'warning',
      messages: [
        '(VI_WEB) virtual router 60: the VIPs on lb1 (10.0.0.100, 10.0.0.101, 10.0.0.103) differ from lb2 (10.0.0.100, 10.0.0.102, 10.0.0.103); after a failover the new MASTER holds other addresses.',
        /the VIPs on lb2 \(10.0.0.100, 10.0.0.102, 10.0.0.103\) differ from lb1/,
      ],
    },
    {
      name: 'the same VIPs with other prefix lengths (warning)',
      nodes: {
        lb1: node({ vips: '<|10.0.0.100/24|>\n    10.0.0.101/24' }),
        lb2: node({ ...B, vips: '10.0.0.101/24\n    <|10.0.0.100|>' }),
      },
      messageId: 'vipPrefix',
      severity: 'warning',
      messages: [
        '(VI_WEB) virtual router 60: the VIP prefix lengths on lb1 (10.0.0.100/24, 10.0.0.101/24) differ from lb2 (10.0.0.100/32, 10.0.0.101/24); the adverts agree, but after a failover the new MASTER adds the address with another netmask (another subnet route and broadcast address).',
        '(VI_WEB) virtual router 60: the VIP prefix lengths on lb2 (10.0.0.100/32, 10.0.0.101/24) differ from lb1 (10.0.0.100/24, 10.0.0.101/24); the adverts agree, but after a failover the new MASTER adds the address with another netmask (another subnet route and broadcast address).',
      ],
    },
    {
      // Each lists the other as its unicast peer: one virtual router, whose VIPs differ.
      name: 'unicast peers with disjoint VIPs, keepalived 2.2.7',
      options: { targetVersion: '2.2.7' },
      nodes: {
        lb1: node({ vips: '<|10.0.0.100/24|>' }),
        lb2: node({ ...B, vips: '<|10.0.0.200/24|>' }),
      },
      messageId: 'vipsDropped',
      messages: [
        '(VI_WEB) virtual router 60: the VIPs on lb1 (10.0.0.100) differ from lb2 (10.0.0.200); keepalived before 2.3.3 drops adverts whose addresses differ from its own, so both nodes become MASTER.',
        '(VI_WEB) virtual router 60: the VIPs on lb2 (10.0.0.200) differ from lb1 (10.0.0.100); keepalived before 2.3.3 drops adverts whose addresses differ from its own, so both nodes become MASTER.',
      ],
    },
    {
      // Multicast, one instance name, a typo in one node's VIP: the backup of its master, whose
      // VIPs differ (not a second virtual router on VRID 60).
      name: 'a pair of one instance name with disjoint VIPs (a typo on one node)',
      nodes: {
        lb1: multicast(node({ vips: '<|10.0.0.100/24|>' })),
        lb2: multicast(node({ ...B, vips: '<|10.0.0.101/24|>' })),
      },
      messageId: 'vipsDisjoint',
      severity: 'warning',
      messages: [
        "(VI_WEB) virtual router 60: the VIPs on lb1 (10.0.0.100) share no address with lb2 (10.0.0.101); a failover moves none of the MASTER's addresses, so the service has no backup. Give the nodes the same VIPs.",
        /the VIPs on lb2 \(10.0.0.101\) share no address with lb1 \(10.0.0.100\)/,
      ],
    },
    {
      name: 'VIP sets differ, keepalived 2.2.7: adverts dropped (error)',
      options: { targetVersion: '2.2.7' },
      nodes: {
        // lb1 lacks an address: its virtual_ipaddress line, where it goes; lb2 holds one lb1 lacks.
        lb1: node().replace('  virtual_ipaddress', '  <|virtual_ipaddress|>'),
        lb2: node({ ...B, vips: '10.0.0.100/24\n    <|10.0.0.101/24|>' }),
      },
      messageId: 'vipsDropped',
      messages: [
        '(VI_WEB) virtual router 60: the VIPs on lb1 (10.0.0.100) differ from lb2 (10.0.0.100, 10.0.0.101); keepalived before 2.3.3 drops adverts whose addresses differ from its own, so both nodes become MASTER.',
        '(VI_WEB) virtual router 60: the VIPs on lb2 (10.0.0.100, 10.0.0.101) differ from lb1 (10.0.0.100); keepalived before 2.3.3 drops adverts whose addresses differ from its own, so both nodes become MASTER.',
      ],
    },
    {
      name: 'VRRPv2 advert_int 1 and 1.6 (rounded to 2 s)',
      nodes: { lb1: node({ advert: '<|1|>' }), lb2: node({ ...B, advert: '<|1.6|>' }) },
      messageId: 'advertInt',
      messages: [/advert_int 1 on lb1 differs from lb2 \(2\)/, /advert_int 2 on lb2 differs from lb1 \(1\)/],
    },
    {
      name: 'VRRPv3 advert_int differs (warning: the backup takes the MASTER interval)',
      nodes: {
        lb1: node({ version: '  version 3\n', advert: '<|1|>' }),
        lb2: node({ ...B, version: '  version 3\n', advert: '<|0.5|>' }),
      },
      messageId: 'advertIntV3',
      severity: 'warning',
      messages: [
        "(VI_WEB) virtual router 60: advert_int 1 on lb1 differs from lb2 (0.5); a VRRPv3 backup takes the MASTER's interval, so the interval changes with each failover (keepalived 2.3.3 and later log the mismatch).",
        /advert_int 0.5 on lb2 differs from lb1 \(1\)/,
      ],
    },
    {
      name: 'advert_int differs',
      nodes: { lb1: node({ advert: '<|1|>' }), lb2: node({ ...B, advert: '<|2|>' }) },
      messageId: 'advertInt',
      messages: [/advert_int 1 on lb1 differs from lb2 \(2\)/, /advert_int 2 on lb2 differs from lb1 \(1\)/],
    },
    {
      name: 'auth_pass differs (first 8 bytes)',
      nodes: {
        lb1: node({ auth: 'PASS\n    auth_pass <|webpass|>' }),
        lb2: node({ ...B, auth: 'PASS\n    auth_pass <|otherpwd|>' }),
      },
      messageId: 'authPass',
    },
    {
      name: 'authentication type differs',
      nodes: {
        lb1: node({ auth: '<|PASS|>\n    auth_pass webpass' }),
        lb2: node({ ...B, auth: '<|AH|>\n    auth_pass webpass' }),
      },
      messageId: 'authType',
    },
    {
      name: 'version differs',
      nodes: { lb1: node({ version: '  version <|2|>\n' }), lb2: node({ ...B, version: '  version <|3|>\n' }) },
      messageId: 'version',
    },
  ],
});
