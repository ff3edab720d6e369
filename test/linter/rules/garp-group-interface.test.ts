import { ruleTester } from '../rule-tester';

ruleTester('garp-group-interface', {
  valid: [
    'garp_group {\n  garp_interval 1\n  interface eth0\n  interfaces {\n    eth1 eth2\n  }\n}\ngarp_group {\n  gna_interval 1\n  interface eth3\n}\n',
    // A garp_group skipped as a whole gives nothing to its interfaces.
    'garp_group {\n  garp_interval 1\n}\n',
    // A group without a delay is removed as it closes: its interfaces are free for the next one.
    'garp_group {\n  interface eth0\n}\ngarp_group {\n  garp_interval 0.5\n  interface eth0\n}\n',
  ],
  invalid: [
    {
      name: 'an interface of an earlier group, by interface and in a list (reported at the end of the list, as keepalived does)',
      code: 'garp_group {\n  garp_interval 1\n  interface eth0\n  interfaces {\n    eth1\n    <|eth0 eth2\n  }|>\n}\ngarp_group {\n  interface <|eth1|>\n}\n',
      messages: [
        'Interface eth0 already has a garp_group; keepalived ignores it here.',
        'Interface eth1 already has a garp_group; keepalived ignores it here.',
      ],
    },
    {
      name: 'a list of one interface that already has a group: keepalived stops',
      code: 'garp_group {\n  garp_interval 1\n  interface eth2\n}\ngarp_group {\n  interfaces {\n    <|eth2\n  }|>\n}\n',
      messageId: 'againFatal',
    },
    {
      name: 'an empty interfaces list',
      code: 'garp_group {\n  garp_interval 1\n  <|interfaces {\n  }|>\n}\n',
      messageId: 'empty',
      severity: 'warning',
    },
  ],
});
