import { B, node, peerTester } from '../peer/peer-tester';

/** A vrrp_script chk without a script before the node's own: keepalived removes it at its "}". */
const removedFirst = (n: string, weight: string): string =>
  n.replace('vrrp_script chk {', `vrrp_script chk {\n  weight ${weight}\n}\nvrrp_script chk {`);
const track = (n: string): string => n.replace('  track_script {\n    chk\n', '  track_script {\n    <|chk|>\n');

peerTester('peer-failover-gap', {
  valid: [
    { name: '110 - 20 = 90 < 100: failover', nodes: { lb1: node(), lb2: node(B) } },
    { name: 'weight 0: FAULT, failover', nodes: { lb1: node({ weight: '0' }), lb2: node({ ...B, weight: '0' }) } },
    {
      name: 'positive weight: the backup gains more than the gap',
      nodes: { lb1: node({ weight: '20' }), lb2: node({ ...B, weight: '20' }) },
    },
    {
      // With reverse a failure raises the priority (-20 × -1): not meant to hand the role over.
      name: 'a reversed negative weight',
      nodes: { lb1: node({ weight: '-20 reverse' }), lb2: node({ ...B, weight: '-20 reverse' }) },
    },
    {
      name: "a file's default weight: a missing file or a 0 adds nothing",
      nodes: {
        lb1: node()
          .replace('  track_script {\n    chk\n  }\n', '  track_file {\n    maint\n  }\n')
          .replace('vrrp_script chk {', 'track_file maint {\n  file /etc/keepalived/maint\n}\nvrrp_script chk {'),
        lb2: node(B),
      },
    },
    {
      // The entry takes the weight of the definition keepalived keeps (-20), not the removed one's.
      name: 'a removed definition of the same name before the kept one',
      nodes: { lb1: removedFirst(node(), '-5'), lb2: node(B) },
    },
  ],
  invalid: [
    {
      name: 'weight too small',
      nodes: { lb1: track(node({ weight: '-5' })), lb2: node({ ...B, weight: '-5' }) },
      message:
        "chk failing on lb1 lowers priority 110 → 105, still above lb2's 100: no failover. The drop must exceed 10.",
    },
    {
      name: 'the weight of the definition keepalived keeps, not of a removed one before it',
      nodes: { lb1: track(removedFirst(node({ weight: '-5' }), '-50')), lb2: node({ ...B, weight: '-5' }) },
      message:
        "chk failing on lb1 lowers priority 110 → 105, still above lb2's 100: no failover. The drop must exceed 10.",
    },
    {
      name: 'a tie is not a failover',
      nodes: { lb1: track(node({ weight: '-10' })), lb2: node({ ...B, weight: '-10' }) },
      messageId: 'tie',
    },
    {
      name: 'positive weight smaller than the gap',
      nodes: { lb1: track(node({ weight: '5' })), lb2: node({ ...B, weight: '5' }) },
      message:
        "chk failing on lb1 lowers priority 115 → 110, still above lb2's 105: no failover. The drop must exceed 10.",
    },
    {
      name: 'a backup with nopreempt never takes over from a MASTER that still sends adverts',
      nodes: {
        lb1: track(node()),
        lb2: node({ ...B, weight: '-20' }).replace('  state BACKUP\n', '  state BACKUP\n  nopreempt\n'),
      },
      message:
        "chk failing on lb1 lowers priority 110 → 90, below lb2's 100, but lb2 has nopreempt: a backup with nopreempt never takes over from a MASTER that still sends adverts. Use weight 0 (FAULT) for this check, or drop nopreempt.",
    },
    {
      name: 'address owner ignores the weight',
      nodes: { lb1: track(node({ prio: '255' })), lb2: node(B) },
      messageId: 'ignoredOwner',
    },
  ],
});
