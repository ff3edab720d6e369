import { B, node, peerTester } from '../peer/peer-tester';

/** A vrrp_script chk without a script before the node's own: keepalived removes it at its "}". */
const removedFirst = (n: string, weight: string): string =>
  n.replace('vrrp_script chk {', `vrrp_script chk {\n  weight ${weight}\n}\nvrrp_script chk {`);
const track = (n: string): string => n.replace('  track_script {\n    chk\n', '  track_script {\n    <|chk|>\n');

/**
 * A node with two instances in sync group G, which tracks chk (weight -20) for both: VI_1 (VRID 1)
 * at priority p1, VI_2 (VRID 2) at p2.
 */
const grouped = (p1: number, p2: number, mark = false): string =>
  'vrrp_script chk {\n  script "/usr/bin/true"\n  weight -20\n}\n' +
  [1, 2]
    .map(
      (i) =>
        `vrrp_instance VI_${i} {\n  state BACKUP\n  interface eth0\n  virtual_router_id ${i}\n  priority ${i === 1 ? p1 : p2}\n` +
        `  virtual_ipaddress {\n    10.0.0.${i}\n  }\n}\n`,
    )
    .join('') +
  `vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  track_script {\n    ${mark ? '<|chk|>' : 'chk'}\n  }\n}\n`;

/** Sync group G with sync_group_tracking_weight, and only VI_1 tracking chk (weight -20). */
const vi1Tracks = (p1: number, p2: number, mark = false): string =>
  grouped(p1, p2)
    .replace(/  track_script \{\n    chk\n  \}\n\}\n$/, '  sync_group_tracking_weight\n}\n')
    .replace('priority ' + p1 + '\n', `priority ${p1}\n  track_script {\n    ${mark ? '<|chk|>' : 'chk'}\n  }\n`);

/** Sync group G with sync_group_tracking_weight: VI_1 tracks chk with weight 0, VI_2 with weight -5. */
const withSibling = (p1: number, p2: number): string =>
  grouped(p1, p2)
    .replace(/  track_script \{\n    chk\n  \}\n\}\n$/, '  sync_group_tracking_weight\n}\n')
    .replace('priority ' + p1 + '\n', `priority ${p1}\n  track_script {\n    chk weight 0\n  }\n`)
    .replace('priority ' + p2 + '\n', `priority ${p2}\n  track_script {\n    chk weight -5\n  }\n`);

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
    {
      // VI_2's own -5 is too small for its gap, but VI_1 tracks chk with weight 0: its FAULT puts
      // the sync group into FAULT on lb1 (vrrp_sync_fault), and lb2 takes both.
      name: "a sibling's FAULT hands the sync group over",
      nodes: { lb1: withSibling(100, 150), lb2: withSibling(90, 100) },
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
      // Neither member falls below its backup: the group stays MASTER on lb1. Reported once per
      // member, both at the group's entry.
      name: 'a sync group whose members all stay above their backups',
      nodes: { lb1: grouped(150, 150, true), lb2: grouped(100, 100) },
      messages: [
        "chk failing on lb1 lowers priority 150 → 130, still above lb2's 100: no failover. The drop must exceed 50.",
        "chk failing on lb1 lowers priority 150 → 130, still above lb2's 100: no failover. The drop must exceed 50.",
      ],
    },
    {
      // VI_1 falls to 80 below lb2's 90, but lb2's VI_2 still hears lb1's 150 (above its 100), so
      // lb2's group never wants MASTER as a whole (vrrp_sync_can_goto_master); lb1 keeps both.
      name: "the backup's sync group holds it back",
      nodes: { lb1: vi1Tracks(100, 150, true), lb2: vi1Tracks(90, 100) },
      message:
        'chk failing on lb1 lowers priority 100 → 80, below lb2\'s 90, but lb2 stays BACKUP: its sync group "G" goes MASTER only when all its members want to, and VI_2 still hears a higher priority. Use weight 0 (a FAULT takes the whole group over), or weights that drop every member of the group below its backup.',
    },
    {
      name: 'address owner ignores the weight',
      nodes: { lb1: track(node({ prio: '255' })), lb2: node(B) },
      messageId: 'ignoredOwner',
    },
  ],
});
