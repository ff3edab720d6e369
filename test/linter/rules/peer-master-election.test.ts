import { B, node, peerTester } from '../peer/peer-tester';

/** A node with two instances in one sync group, at priorities a and b. */
const synced = (a: string, b: string, src: string, peer: string, mark = false): string =>
  ['VI_1', 'VI_2']
    .map(
      (name, k) =>
        `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${51 + k}\n  priority ${k ? b : a}\n  unicast_src_ip ${src}\n  unicast_peer {\n    ${peer}\n  }\n  virtual_ipaddress {\n    10.0.0.${100 + k}/24\n  }\n}\n`,
    )
    .join('') + `vrrp_sync_group ${mark ? '<|G1|>' : 'G1'} {\n  group {\n    VI_1\n    VI_2\n  }\n}\n`;

peerTester('peer-master-election', {
  valid: [
    {
      name: 'a sync group whose members prefer one node',
      nodes: { lb1: synced('100', '100', '10.0.0.11', '10.0.0.12'), lb2: synced('90', '90', '10.0.0.12', '10.0.0.11') },
    },
    { nodes: { lb1: node(), lb2: node(B) } },
    // The dual-master layout: crossed roles on two VRIDs.
    {
      nodes: {
        lb1:
          node() +
          node({ vrid: '61', state: 'BACKUP', prio: '100', vips: '10.0.0.200/24' }).replace(
            /^[\s\S]*?vrrp_instance VI_WEB/,
            'vrrp_instance VI_DB',
          ),
        lb2:
          node(B) +
          node({ ...B, vrid: '61', state: 'MASTER', prio: '110', vips: '10.0.0.200/24' }).replace(
            /^[\s\S]*?vrrp_instance VI_WEB/,
            'vrrp_instance VI_DB',
          ),
      },
    },
  ],
  invalid: [
    {
      name: 'a sync group whose members prefer different nodes',
      nodes: {
        lb1: synced('100', '90', '10.0.0.11', '10.0.0.12', true),
        lb2: synced('90', '100', '10.0.0.12', '10.0.0.11', true),
      },
      messageId: 'syncSplit',
    },
    {
      name: 'an address owner without a state line starts as MASTER',
      // Marked at the instance's name, which has no state line.
      nodes: {
        lb1: node({ prio: '255' })
          .replace('  state MASTER\n', '')
          .replace('vrrp_instance VI_WEB', 'vrrp_instance <|VI_WEB|>'),
        lb2: node({ ...B, state: '<|MASTER|>' }),
      },
      messageId: 'twoMastersPriority',
    },
    {
      name: 'two MASTERs: the higher priority wins',
      nodes: { lb1: node({ state: '<|MASTER|>' }), lb2: node({ ...B, state: '<|MASTER|>' }) },
      message:
        '(VI_WEB) lb1, lb2 are all state MASTER; lb1 wins because its priority 110 is the highest, the others fall back to BACKUP.',
    },
    {
      name: 'two MASTERs with equal priority: the higher unicast_src_ip wins',
      nodes: { lb1: node({ state: '<|MASTER|>' }), lb2: node({ ...B, state: '<|MASTER|>', prio: '110' }) },
      messageId: 'twoMastersAddress',
      message: /lb2 wins because its unicast_src_ip is the higher address/,
    },
    {
      name: 'same priority',
      nodes: { lb1: node({ prio: '<|110|>' }), lb2: node({ ...B, prio: '<|110|>' }) },
      messageId: 'samePriorityAddress',
    },
    {
      name: 'same priority and a mistyped IPv6 unicast_src_ip: no address to compare (it used to throw)',
      nodes: {
        lb1: node({ prio: '<|110|>', src: '2001:db8::1', peers: '2001:db8::2' }),
        lb2: node({ ...B, prio: '<|110|>', src: '2001:db8::q', peers: '2001:db8::1' }),
      },
      message:
        '(VI_WEB) lb1, lb2 have the same priority 110; when they start together the node with the higher primary IP address on the interface becomes MASTER, and otherwise whichever is MASTER first keeps the role. Give the intended master a higher priority.',
    },
    {
      name: 'the MASTER is outranked by a BACKUP',
      // Reported on both nodes: either priority may be the slip.
      nodes: { lb1: node({ prio: '<|110|>' }), lb2: node({ ...B, prio: '<|120|>' }) },
      messages: [
        '(VI_WEB) lb1 is state MASTER with priority 110, but lb2 has priority 120: lb2 takes over as soon as it runs. Give the intended master the highest priority.',
        '(VI_WEB) lb2 has priority 120, above the 110 of lb1, which is state MASTER: lb2 takes over as soon as it runs. Give the intended master the highest priority.',
      ],
    },
  ],
});
