import { B, node, peerTester } from '../peer/peer-tester';

/** lb1 with a second instance that holds 10.0.0.100 under another VRID (one node's duplicate). */
const twoInstances = `${node()}vrrp_instance VI_DB {
  state MASTER
  interface eth0
  virtual_router_id 70
  priority 110
  virtual_ipaddress {
    10.0.0.100/24
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
    // Active-active: two virtual routers with their own VIPs.
    { nodes: { lb1: node(), lb2: node({ ...B, vrid: '61', vips: '10.0.0.200/24' }) } },
    // Link-local addresses belong to one link: every router may use fe80::1.
    {
      nodes: {
        lb1: node({ ...V6, vips: 'fe80::1/64\n    2001:db8::100/64' }),
        lb2: node({ ...B, ...V6B, vrid: '61', vips: 'fe80::1/64\n    2001:db8::200/64' }),
      },
    },
    // One node holding a VIP in two instances is vrrp-vip-duplicate's finding, not a peer one.
    { nodes: { lb1: twoInstances, lb2: node(B) } },
  ],
  invalid: [
    {
      name: 'the backup holds the VIP under another VRID',
      nodes: { lb1: node({ vrid: '<|60|>' }), lb2: node({ ...B, vrid: '<|61|>' }) },
      messages: [
        "(VI_WEB) VRID 60 holds 10.0.0.100, also held by lb2 under VRID 61: nodes with different VRIDs never hear each other's adverts, so each becomes MASTER and the address is up on all of them at once. Use one virtual_router_id for these VIPs on every node.",
        /^\(VI_WEB\) VRID 61 holds 10.0.0.100, also held by lb1 under VRID 60:/,
      ],
      relatedNodes: true,
    },
    {
      name: 'only the shared addresses are named',
      nodes: {
        lb1: node({ vrid: '<|60|>', vips: '10.0.0.100/24\n    10.0.0.101/24' }),
        lb2: node({ ...B, vrid: '<|61|>', vips: '10.0.0.101/24\n    10.0.0.102/24' }),
      },
      messages: [
        /VRID 60 holds 10.0.0.101, also held by lb2 under VRID 61/,
        /VRID 61 holds 10.0.0.101, also held by lb1 under VRID 60/,
      ],
    },
    {
      name: 'a third node on another VRID',
      nodes: {
        lb1: node({ vrid: '<|60|>' }),
        lb2: node({ ...B, vrid: '<|60|>' }),
        lb3: node({ ...B, rid: 'lb3', vrid: '<|62|>' }),
      },
      messages: [
        /also held by lb3 under VRID 62/,
        /also held by lb3 under VRID 62/,
        /also held by lb1, lb2 under VRID 60/,
      ],
    },
    {
      name: 'IPv6 addresses are compared in their normal form',
      nodes: {
        lb1: node({ ...V6, vrid: '<|60|>', vips: '2001:db8::100/64' }),
        lb2: node({ ...B, ...V6B, vrid: '<|61|>', vips: '2001:DB8:0:0::100/64' }),
      },
    },
  ],
});
