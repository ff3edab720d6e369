import { B, node, peerTester } from '../peer/peer-tester';

peerTester('peer-router-id-duplicate', {
  valid: [{ nodes: { lb1: node(), lb2: node(B) } }],
  invalid: [
    {
      nodes: { lb1: node({ rid: '<|lb|>' }), lb2: node({ ...B, rid: '<|lb|>' }) },
      messages: [
        'router_id "lb" is also used by lb2; notification e-mails and SNMP cannot tell the nodes apart.',
        /also used by lb1/,
      ],
    },
  ],
});
