import { B, multicast, node, peerTester } from '../peer/peer-tester';

/** A second pair, db1 and db2, on VRID 60 by unicast, with VIPs of their own. */
const UNICAST_DB = {
  db1: node({ rid: 'db1', vips: '10.0.0.200/24', src: '10.0.0.21', peers: '10.0.0.22' }).replace('VI_WEB', 'VI_DB'),
  db2: node({ ...B, rid: 'db2', vips: '10.0.0.200/24', src: '10.0.0.22', peers: '10.0.0.21' }).replace(
    'VI_WEB',
    'VI_DB',
  ),
};

peerTester('peer-vrid-collision', {
  valid: [
    { nodes: { lb1: node(), lb2: node(B) } },
    // Overlapping VIP sets are one virtual router (a mismatch, not a collision).
    { nodes: { lb1: node(), lb2: node({ ...B, vips: '10.0.0.100/24\n    10.0.0.101/24' }) } },
    // Nodes that list each other as unicast peers are one virtual router whatever their VIPs (a
    // mismatch, peer-setting-mismatch's), not two clusters.
    { name: 'unicast peers with disjoint VIPs', nodes: { lb1: node(), lb2: node({ ...B, vips: '10.0.0.200/24' }) } },
    // A lone node whose instance has the name of another node's instance on that VRID is its
    // partner with a VIP typo: a mismatch (peer-setting-mismatch), not a collision.
    {
      name: 'a pair of one instance name with disjoint VIPs',
      nodes: { lb1: multicast(node()), lb2: multicast(node({ ...B, vips: '10.0.0.200/24' })) },
    },
    // Two unicast pairs on one VRID, each sending only to its own peers: neither hears the other.
    {
      name: 'two unicast pairs on one VRID',
      nodes: {
        lb1: node(),
        lb2: node(B),
        ...UNICAST_DB,
      },
    },
    // A multicast pair and a unicast pair on one VRID: the unicast one joins no group.
    {
      name: 'a multicast pair and a unicast pair on one VRID',
      nodes: {
        lb1: multicast(node()),
        lb2: multicast(node(B)),
        ...UNICAST_DB,
      },
    },
    // Two multicast instances on one VRID, sending to different groups (mcast_dst_ip, or global_defs'
    // vrrp_mcast_group4): each hears only its own group.
    {
      name: 'multicast on different groups',
      nodes: {
        lb1: multicast(node()).replace('  interface eth0\n', '  interface eth0\n  mcast_dst_ip 224.0.0.19\n'),
        lb2: multicast(node({ ...B, vips: '10.0.0.200/24' })).replace('VI_WEB', 'VI_DB'),
        db1: multicast(node({ rid: 'db1', vips: '10.0.0.201/24' }))
          .replace('VI_WEB', 'VI_APP')
          .replace('  router_id db1\n', '  router_id db1\n  vrrp_mcast_group4 224.0.0.20\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'two instances of other names',
      nodes: {
        lb1: multicast(node({ vrid: '<|60|>' })),
        lb2: multicast(node({ ...B, vrid: '<|60|>', vips: '10.0.0.200/24' })).replace('VI_WEB', 'VI_DB'),
      },
      messageId: 'collision',
      messages: [
        /VRID 60 \(IPv4\) with VIPs 10.0.0.100 is also used by lb2 with VIPs 10.0.0.200/,
        /\(VI_DB\) VRID 60 \(IPv4\) with VIPs 10.0.0.200 is also used by lb1/,
      ],
    },
    {
      // Both send to 224.0.0.19: lb1 by its own mcast_dst_ip, lb2 by global_defs' group.
      name: 'multicast on one group set two ways',
      nodes: {
        lb1: multicast(node({ vrid: '<|60|>' })).replace(
          '  interface eth0\n',
          '  interface eth0\n  mcast_dst_ip 224.0.0.19\n',
        ),
        lb2: multicast(node({ ...B, vrid: '<|60|>', vips: '10.0.0.200/24' }))
          .replace('VI_WEB', 'VI_DB')
          .replace('  router_id lb2\n', '  router_id lb2\n  vrrp_mcast_group4 224.0.0.19\n'),
        // A unicast node on the VRID hears neither, and is not named.
        db1: node({ rid: 'db1', vrid: '60', vips: '10.0.0.201/24', src: '10.0.0.21', peers: '10.0.0.22' }).replace(
          'VI_WEB',
          'VI_APP',
        ),
      },
      messageId: 'collision',
      messages: [
        /VRID 60 \(IPv4\) with VIPs 10.0.0.100 is also used by lb2 with VIPs 10.0.0.200: /,
        /\(VI_DB\) VRID 60 \(IPv4\) with VIPs 10.0.0.200 is also used by lb1 with VIPs 10.0.0.100: /,
      ],
    },
    {
      // lb2 is alone on VRID 60, but its VIP is db1's under VRID 61: lb2 is db1's partner (a VRID
      // mismatch), not lb1's, whatever their names.
      name: 'a lone node whose VIP another node holds under another VRID',
      nodes: {
        lb1: multicast(node({ vrid: '<|60|>' })),
        lb2: multicast(node({ ...B, vrid: '<|60|>', vips: '10.0.0.200/24' })),
        db1: multicast(node({ rid: 'db1', vrid: '61', vips: '10.0.0.200/24' })).replace('VI_WEB', 'VI_DB'),
      },
      messageId: 'collision',
      messages: [/VIPs 10.0.0.100 is also used by lb2 with VIPs 10.0.0.200/, /VIPs 10.0.0.200 is also used by lb1/],
    },
    {
      // Two copies of one example, both MASTER: nothing says one backs the other up.
      name: 'one instance name in one state on both nodes',
      nodes: {
        lb1: multicast(node({ vrid: '<|60|>' })),
        lb2: multicast(node({ rid: 'lb2', vrid: '<|60|>', vips: '10.0.0.200/24' })),
      },
      messageId: 'collision',
      messages: [/VIPs 10.0.0.100 is also used by lb2 with VIPs 10.0.0.200/, /VIPs 10.0.0.200 is also used by lb1/],
    },
    {
      // Two pairs copied from one example: each pair is a virtual router, the names say nothing.
      name: 'two pairs of one instance name',
      nodes: {
        lb1: multicast(node({ vrid: '<|60|>' })),
        lb2: multicast(node({ ...B, vrid: '<|60|>' })),
        db1: multicast(node({ rid: 'db1', vrid: '<|60|>', vips: '10.0.0.200/24' })),
        db2: multicast(node({ ...B, rid: 'db2', vrid: '<|60|>', vips: '10.0.0.200/24' })),
      },
      messageId: 'collision',
      messages: [
        /VIPs 10.0.0.100 is also used by db1, db2 with VIPs 10.0.0.200/,
        /VIPs 10.0.0.100 is also used by db1, db2 with VIPs 10.0.0.200/,
        /VIPs 10.0.0.200 is also used by lb1, lb2 with VIPs 10.0.0.100/,
        /VIPs 10.0.0.200 is also used by lb1, lb2 with VIPs 10.0.0.100/,
      ],
    },
    {
      name: 'keepalived before 2.3.3 drops the adverts: each acts alone',
      options: { targetVersion: '2.2.7' },
      nodes: {
        lb1: multicast(node({ vrid: '<|60|>' })),
        lb2: multicast(node({ ...B, vrid: '<|60|>', vips: '10.0.0.200/24' })).replace('VI_WEB', 'VI_DB'),
      },
      messageId: 'collisionDropped',
      messages: [
        '(VI_WEB) VRID 60 (IPv4) with VIPs 10.0.0.100 is also used by lb2 with VIPs 10.0.0.200: keepalived before 2.3.3 drops adverts with other VIPs and logs each one, so the two virtual routers ignore each other (from 2.3.3 on they fight over the MASTER role). If the nodes are meant to back each other up, both are MASTER now: give them the same VIPs; otherwise give each virtual router its own virtual_router_id.',
        /\(VI_DB\) VRID 60 \(IPv4\) with VIPs 10.0.0.200 is also used by lb1 with VIPs 10.0.0.100: keepalived before 2.3.3/,
      ],
    },
  ],
});
