import { ruleTester } from '../rule-tester';

const inst = (name: string, prio = 100, state = ''): string =>
  `vrrp_instance ${name} {\n${state ? `  state ${state}\n` : ''}  virtual_router_id 1\n  priority ${prio}\n}\n`;
const group = (...members: string[]): string =>
  `vrrp_sync_group G {\n  group {\n${members.map((m) => `    ${m}\n`).join('')}  }\n}\n`;

ruleTester('sync-group-member', {
  valid: [
    inst('VI_1') + inst('VI_2') + 'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n}\n',
    // Members may be defined after the group.
    'vrrp_sync_group G {\n  group {\n    VI_1 VI_2\n  }\n}\n' + inst('VI_1') + inst('VI_2'),
    // The group tracks an interface its members do not (dont_track_primary leaves the own one out).
    'vrrp_instance VI_1 {\n  interface eth0\n  dont_track_primary\n}\nvrrp_instance VI_2 {\n  interface eth1\n  dont_track_primary\n}\n' +
      'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  track_interface {\n    eth0\n    eth2 weight 10\n  }\n}\n',
    // keepalived looks at the states as written, in member order: only a MASTER owner before a BACKUP is reported.
    inst('VI_1', 255) + inst('VI_2') + group('VI_1', 'VI_2'),
    inst('VI_1', 255, 'MASTER') + inst('VI_2') + group('VI_1', 'VI_2'),
    inst('VI_1', 100, 'BACKUP') + inst('VI_2', 255, 'MASTER') + group('VI_1', 'VI_2'),
    inst('VI_1', 255, 'MASTER') + inst('VI_2', 100, 'MASTER') + group('VI_1', 'VI_2'),
    inst('VI_1', 255, 'BACKUP') + inst('VI_2', 100, 'BACKUP') + group('VI_1', 'VI_2'),
    // keepalived skips a group whose name is taken, so its one member does not make it a group of one.
    inst('VI_1') + inst('VI_2') + inst('VI_3') + group('VI_1', 'VI_2') + 'vrrp_sync_group G {\n  group {\n    VI_3\n  }\n}\n',
    // An empty group list leaves the group without one: the next one is read.
    inst('VI_1') + inst('VI_2') + 'vrrp_sync_group G {\n  group {\n  }\n  group {\n    VI_1\n    VI_2\n  }\n}\n',
    // Without its "{" a taken name's lines go to the group before it: a group list there comes too
    // late (the first one stands).
    inst('VI_1') + inst('VI_2') + inst('VI_3') + group('VI_1', 'VI_2') + 'vrrp_sync_group G\n  group {\n    VI_3\n  }\n}\n',
  ],
  invalid: [
    {
      // keepalived reads the first group list only ("Group list already specified for sync group G").
      name: 'a second group list, in the block or in lines that continue it',
      code:
        inst('VI_1') +
        inst('VI_2') +
        'vrrp_sync_group <|G|> {\n  group {\n    VI_1\n  }\n  group {\n    VI_2\n  }\n}\nvrrp_sync_group <|H|> {\n  group {\n    VI_2\n  }\n}\nvrrp_sync_group H\n  group {\n    VI_1\n  }\n}\n',
      messages: [
        'Sync group "G" has only one virtual router ("VI_1"); a sync group is meant to keep several instances in the same state.',
        'Sync group "H" has only one virtual router ("VI_2"); a sync group is meant to keep several instances in the same state.',
      ],
    },
    {
      // The second eth0 is a duplicate keepalived ignores (track-duplicate): reported once.
      name: "the group tracks a member's own interface, or one of its track_interface",
      code:
        'vrrp_instance VI_1 {\n  interface eth0\n}\nvrrp_instance VI_2 {\n  interface eth1\n  dont_track_primary\n  track_interface {\n    eth2\n  }\n}\n' +
        'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  track_interface {\n    <|eth0|>\n    <|eth2|> weight 10\n    eth0\n  }\n}\n',
      severity: 'warning',
      messages: [
        'Sync group "G" tracks interface eth0, the interface of its member "VI_1", which tracks it already; keepalived reports it ("configured on VRRP instance and sync group"). Track it in one place, or set dont_track_primary.',
        'Sync group "G" tracks interface eth2, which its member "VI_2" tracks too (track_interface); keepalived reports it ("configured on VRRP instance and sync group"). Track it in one place.',
      ],
    },
    {
      name: 'member that is not an instance, leaving one member',
      code: inst('VI_1') + 'vrrp_sync_group <|G1|> {\n  group {\n    VI_1\n    <|VI_MISSING|>\n  }\n}\n',
      messages: [
        'Sync group "G1" has only one virtual router ("VI_1"); a sync group is meant to keep several instances in the same state.',
        'Virtual router "VI_MISSING" in sync group "G1" is not a vrrp_instance; keepalived ignores it.',
      ],
    },
    {
      name: 'instance in two groups',
      code:
        inst('VI_1') +
        inst('VI_2') +
        'vrrp_sync_group G1 {\n  group {\n    VI_1\n    VI_2\n  }\n}\nvrrp_sync_group <|G2|> {\n  group {\n    <|VI_1|>\n  }\n}\n',
      messages: [/"G2" has no usable member/, /already in sync group "G1"/],
    },
    {
      name: 'no members: from the name to the closing brace, where keepalived 2.4 reports it',
      code: 'vrrp_sync_group <|G {\n  notify_master "/bin/true"\n}|>\n',
      messageId: 'noMembers',
    },
    {
      name: 'a MASTER address owner listed before a BACKUP member',
      code:
        inst('VI_1', 255, 'MASTER') +
        inst('VI_2', 100, 'BACKUP') +
        group('VI_1', 'VI_2').replace('group G', 'group <|G|>'),
      messageId: 'mixedOwner',
    },
  ],
});
