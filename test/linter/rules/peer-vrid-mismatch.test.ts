import { B, node, peerTester } from '../peer/peer-tester';

/** A second vrrp_instance for a node, holding `vips` under `vrid` (`<|…|>` marks allowed). */
const instance = (vrid: string, vips: string, excluded = false): string => `vrrp_instance VI_DB {
  state BACKUP
  interface eth0
  virtual_router_id ${vrid}
  priority 100
  virtual_ipaddress${excluded ? '_excluded' : ''} {
    ${vips}
  }
}
`;

/** IPv6 unicast addresses for an IPv6 instance (lb1, then lb2). */
const V6 = { src: '2001:db8::11', peers: '2001:db8::12' };
const V6B = { src: '2001:db8::12', peers: '2001:db8::11' };

peerTester('peer-vrid-mismatch', {
  valid: [
    // One virtual router on both nodes.
    { nodes: { lb1: node(), lb2: node(B) } },
    // Active-active: two virtual routers with their own VIPs, each on both nodes.
    {
      nodes: {
        lb1: `${node()}${instance('61', '10.0.0.200/24')}`,
        lb2: `${node(B)}${instance('61', '10.0.0.200/24')}`,
      },
    },
    // Instances of other names, each alone: nothing says they are meant as a pair.
    { nodes: { lb1: node(), lb2: node({ ...B, vrid: '61', vips: '10.0.0.200/24' }).replace('VI_WEB', 'VI_APP') } },
    // Two copies of one example in one state, on their own VRIDs and VIPs: nothing pairs them.
    { nodes: { lb1: node(), lb2: node({ rid: 'lb2', vrid: '61', vips: '10.0.0.200/24' }) } },
    // Two pairs copied from one example (one instance name), on their own VRIDs and VIPs.
    {
      nodes: {
        lb1: node(),
        lb2: node(B),
        db1: node({ rid: 'db1', vrid: '61', vips: '10.0.0.200/24', src: '10.0.0.21', peers: '10.0.0.22' }),
        db2: node({ ...B, rid: 'db2', vrid: '61', vips: '10.0.0.200/24', src: '10.0.0.22', peers: '10.0.0.21' }),
      },
    },
    // A folder of unrelated nodes, each with the example's instance name on its own VRID and VIPs:
    // lb1's MASTER has two namesakes in the other state, so the name pairs none of them.
    {
      nodes: {
        lb1: node(),
        lb2: node({ ...B, vrid: '61', vips: '10.0.0.200/24' }),
        lb3: node({ ...B, rid: 'lb3', vrid: '62', vips: '10.0.0.201/24', src: '10.0.0.13' }),
      },
    },
    // lb1's one namesake (lb2's BACKUP) has another (lb3's MASTER): not a pair either.
    {
      nodes: {
        lb1: node(),
        lb2: node({ ...B, vrid: '61', vips: '10.0.0.200/24' }),
        lb3: node({ rid: 'lb3', vrid: '62', vips: '10.0.0.201/24', src: '10.0.0.13' }),
      },
    },
    // Link-local addresses belong to one link: every router may use fe80::1.
    {
      nodes: {
        lb1: node({ ...V6, vips: 'fe80::1/64\n    2001:db8::100/64' }),
        lb2: node({ ...B, ...V6B, vrid: '61', vips: 'fe80::1/64\n    2001:db8::200/64' }),
      },
    },
    // lb1 holds the VIP in two instances (vrrp-vip-duplicate), one of them on lb2's VRID: the two
    // nodes agree on VRID 60 for it.
    { nodes: { lb1: `${node()}${instance('70', '10.0.0.100/24')}`, lb2: node(B) } },
  ],
  invalid: [
    {
      // lb2's copy of the instance got another VRID and another VIP: no node backs the other up.
      name: 'one instance name on two nodes, with neither a VRID nor a VIP in common',
      nodes: { lb1: node({ vrid: '<|60|>' }), lb2: node({ ...B, vrid: '<|61|>', vips: '10.0.0.200/24' }) },
      messageId: 'unpaired',
      severity: 'warning',
      messages: [
        "(VI_WEB) lb2 has an instance of this name too, on VRID 61 (VIPs 10.0.0.200), but none of this one's (VRID 60, VIPs 10.0.0.100): the two never hear each other, each is MASTER, and neither backs the other up. If they are meant as a pair, give them the same virtual_router_id and VIPs.",
        /^\(VI_WEB\) lb1 has an instance of this name too, on VRID 60 \(VIPs 10.0.0.100\), but none of this one's \(VRID 61, VIPs 10.0.0.200\)/,
      ],
      relatedNodes: true,
    },
    {
      name: 'the backup holds the VIP under another VRID',
      nodes: { lb1: node({ vrid: '<|60|>' }), lb2: node({ ...B, vrid: '<|61|>' }) },
      messages: [
        "(VI_WEB) VRID 60 holds 10.0.0.100, which lb2 holds under VRID 61: nodes on different VRIDs never hear each other's adverts, so each becomes MASTER and both bring the address up at once. Use the same virtual_router_id on every node that holds 10.0.0.100.",
        /^\(VI_WEB\) VRID 61 holds 10.0.0.100, which lb1 holds under VRID 60:/,
      ],
      relatedNodes: true,
    },
    {
      name: 'only the shared addresses are named, as the node writes them',
      nodes: {
        lb1: node({ vrid: '<|60|>', vips: '10.0.0.100/24\n    10.0.0.101/32' }),
        lb2: node({ ...B, vrid: '<|61|>', vips: '10.0.0.101/24\n    10.0.0.102/24' }),
      },
      messages: [
        /VRID 60 holds 10.0.0.101, which lb2 holds under VRID 61/,
        /VRID 61 holds 10.0.0.101, which lb1 holds under VRID 60/,
      ],
    },
    {
      name: 'a third node on another VRID: one finding per other virtual router',
      nodes: {
        lb1: node({ vrid: '<|60|>' }),
        lb2: node({ ...B, vrid: '<|60|>' }),
        lb3: node({ ...B, rid: 'lb3', vrid: '<|62|>' }),
      },
      messages: [
        /VRID 60 holds 10.0.0.100, which lb3 holds under VRID 62/,
        /VRID 60 holds 10.0.0.100, which lb3 holds under VRID 62/,
        /VRID 62 holds 10.0.0.100, which lb1, lb2 hold under VRID 60: .* all of them bring the address up/,
      ],
    },
    {
      name: 'a node in both virtual routers, holding the address in only one of them',
      nodes: {
        lb1: node({ vrid: '<|60|>', vips: '10.0.0.100/24\n    10.0.0.101/24' }),
        lb2: `${node({ ...B, vips: '10.0.0.101/24' })}${instance('<|70|>', '10.0.0.100/24')}`,
      },
      messages: [
        /VRID 60 holds 10.0.0.100, which lb2 holds under VRID 70/,
        /\(VI_DB\) VRID 70 holds 10.0.0.100, which lb1 holds under VRID 60/,
      ],
    },
    {
      name: 'excluded addresses come up on the MASTER too',
      nodes: {
        lb1: node({ vrid: '<|60|>' }),
        lb2: `${node({ ...B, vips: '10.0.0.200/24' })}${instance('<|70|>', '10.0.0.100', true)}`,
      },
    },
    {
      name: 'IPv6 addresses are compared in their normal form; fe9::/16 is not link-local',
      nodes: {
        lb1: node({ ...V6, vrid: '<|60|>', vips: '2001:db8::100/64\n    fe9::1/64' }),
        lb2: node({ ...B, ...V6B, vrid: '<|61|>', vips: '2001:DB8:0:0::100/64\n    fe9:0::1/64' }),
      },
      messages: [
        /VRID 60 holds 2001:db8::100, fe9::1, which lb2/,
        /VRID 61 holds 2001:DB8:0:0::100, fe9:0::1, which lb1/,
      ],
    },
  ],
});
