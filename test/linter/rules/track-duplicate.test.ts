import { ruleTester } from '../rule-tester';

const script = (name: string): string => `vrrp_script ${name} {\n  script "/bin/true"\n}\n`;
const inst = (body: string, name = 'VI_1'): string =>
  `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('track-duplicate', {
  valid: [
    script('chk') + script('chk2') + inst('  track_script {\n    chk\n    chk2\n  }\n'),
    // The same name in two instances, and in an instance and its sync group: separate lists.
    script('chk') + inst('  track_script {\n    chk\n  }\n') + inst('  track_script {\n    chk\n  }\n', 'VI_2'),
    script('chk') +
      'vrrp_sync_group G {\n  group {\n    VI_1\n  }\n  track_script {\n    chk\n  }\n}\n' +
      inst('  track_script {\n    chk\n  }\n'),
    // One name in lists of two kinds.
    script('eth1') + inst('  track_script {\n    eth1\n  }\n  track_interface {\n    eth1\n  }\n'),
    // keepalived finds nothing of that name: "not found" twice (track-undefined), not a duplicate.
    inst('  track_script {\n    nosuch\n    nosuch\n  }\n'),
    // Defined only further down, and a vrrp_script without a script (removed at its "}"): not found either.
    inst('  track_script {\n    chk\n    chk\n  }\n') + script('chk'),
    'vrrp_script chk {\n  weight 10\n}\n' + inst('  track_script {\n    chk\n    chk\n  }\n'),
    'vrrp_track_process tp {\n  weight 5\n}\n' + inst('  track_process {\n    tp\n    tp\n  }\n'),
    // A block keepalived skips unread (a second instance of the same name).
    inst('') + script('chk') + inst('  track_script {\n    chk\n    chk\n  }\n'),
  ],
  invalid: [
    {
      name: 'a script listed twice',
      code: script('chk') + inst('  track_script {\n    chk weight -20\n    <|chk|> weight -50\n  }\n'),
      message: '"chk" is listed twice in track_script; keepalived ignores the second.',
    },
    {
      // keepalived adds every track_script block of an instance to one list.
      name: 'a name tracked again in a second block of the same list',
      code:
        script('chk') +
        inst(
          '  track_script {\n    chk\n  }\n  track_interface {\n    chk\n  }\n  track_script {\n    <|chk|> weight 5\n  }\n',
        ),
      message: '"chk" is listed twice in track_script; keepalived ignores the second.',
    },
    {
      name: 'an interface listed twice',
      code: inst('  track_interface {\n    eth1\n    <|eth1|> weight 10\n  }\n'),
      message: '"eth1" is listed twice in track_interface; keepalived ignores the second.',
    },
    {
      name: "a sync group's list",
      code:
        script('chk') +
        'vrrp_sync_group G {\n  group {\n    VI_1\n  }\n  track_script {\n    chk\n    <|chk|>\n  }\n}\n' +
        inst(''),
      message: '"chk" is listed twice in track_script; keepalived ignores the second.',
    },
    {
      name: 'a track file, a process and a bfd instance',
      code:
        'track_file tf {\n  file /run/tf\n}\nvrrp_track_process tp {\n  process nginx\n}\nbfd_instance B1 {\n  neighbor_ip 10.0.0.9\n}\n' +
        inst(
          '  track_file {\n    tf\n    <|tf|>\n  }\n  track_process {\n    tp\n    <|tp|>\n  }\n  track_bfd {\n    B1\n    <|B1|>\n  }\n',
        ),
      messages: [
        '"tf" is listed twice in track_file; keepalived ignores the second.',
        '"tp" is listed twice in track_process; keepalived ignores the second.',
        '"B1" is listed twice in track_bfd; keepalived ignores the second.',
      ],
    },
    {
      // The first definition is removed, a later one before the instance is found.
      name: 'found through a second definition of the name',
      code:
        'vrrp_script chk {\n  weight 10\n}\n' + script('chk') + inst('  track_script {\n    chk\n    <|chk|>\n  }\n'),
      message: '"chk" is listed twice in track_script; keepalived ignores the second.',
    },
  ],
});
