import { ruleTester } from '../rule-tester';

const inst = (name: string, prio = 100): string =>
  `vrrp_instance ${name} {\n  virtual_router_id 1\n  priority ${prio}\n}\n`;

ruleTester('sync-group-member', {
  valid: [
    inst('VI_1') + inst('VI_2') + 'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n}\n',
    // Members may be defined after the group.
    'vrrp_sync_group G {\n  group {\n    VI_1 VI_2\n  }\n}\n' + inst('VI_1') + inst('VI_2'),
  ],
  invalid: [
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
      name: 'no members',
      code: 'vrrp_sync_group <|G|> {\n  notify_master "/bin/true"\n}\n',
      messageId: 'noMembers',
    },
    {
      name: 'address owner mixed with other members',
      code: inst('VI_1', 255) + inst('VI_2') + 'vrrp_sync_group <|G|> {\n  group {\n    VI_1\n    VI_2\n  }\n}\n',
      messageId: 'mixedOwner',
    },
  ],
});
