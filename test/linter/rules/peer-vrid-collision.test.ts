import { B, node, peerTester } from '../peer/peer-tester';

peerTester('peer-vrid-collision', {
  valid: [
    { nodes: { lb1: node(), lb2: node(B) } },
    // Overlapping VIP sets are one virtual router (a mismatch, not a collision).
    { nodes: { lb1: node(), lb2: node({ ...B, vips: '10.0.0.100/24\n    10.0.0.101/24' }) } },
  ],
  invalid: [
    {
      nodes: { lb1: node({ vrid: '<|60|>' }), lb2: node({ ...B, vrid: '<|60|>', vips: '10.0.0.200/24' }) },
      messages: [
        /VRID 60 \(IPv4\) with VIPs 10.0.0.100 is also used by lb2 with VIPs 10.0.0.200/,
        /VIPs 10.0.0.200 is also used by lb1/,
      ],
    },
  ],
});
