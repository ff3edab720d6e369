import { B, node, peerTester } from '../peer/peer-tester';

peerTester('peer-unicast-mismatch', {
  valid: [
    { nodes: { lb1: node(), lb2: node(B) } },
    // keepalived drops a mask or range on a peer or source address unread.
    {
      nodes: { lb1: node({ src: '10.0.0.11/24', peers: '10.0.0.12-14' }), lb2: node({ ...B, peers: '10.0.0.11/32' }) },
    },
    {
      name: 'three nodes, each listing the two others',
      nodes: {
        lb1: node({ peers: '10.0.0.12\n    10.0.0.13' }),
        lb2: node({ ...B, peers: '10.0.0.11\n    10.0.0.13' }),
        lb3: node({ ...B, rid: 'lb3', prio: '90', src: '10.0.0.13', peers: '10.0.0.11\n    10.0.0.12' }),
      },
    },
  ],
  invalid: [
    {
      name: "lb2's unicast_peer lacks lb1's unicast_src_ip",
      nodes: {
        lb1: node(),
        lb2: node({ ...B, peers: '10.0.0.13' }).replace('  unicast_peer {', '  <|unicast_peer|> {'),
      },
      message:
        "(VI_WEB) unicast_peer on lb2 does not list lb1's unicast_src_ip 10.0.0.11: lb2 never sends its adverts to lb1, which becomes MASTER too whenever lb2 is MASTER.",
    },
    {
      name: 'one node unicast, the other multicast',
      nodes: {
        lb1: node().replace('  unicast_peer {', '  <|unicast_peer|> {'),
        lb2: node(B)
          .replace(/ {2}unicast_src_ip .*\n {2}unicast_peer \{\n.*\n {2}\}\n/, '')
          .replace('vrrp_instance <|VI_WEB|>', 'x')
          .replace('vrrp_instance VI_WEB', 'vrrp_instance <|VI_WEB|>'),
      },
      messageId: 'mixed',
      messages: [/lb1 uses unicast, unlike lb2 \(multicast\)/, /lb2 uses multicast, unlike lb1 \(unicast\)/],
    },
  ],
});
