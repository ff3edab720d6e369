import { ruleTester } from '../rule-tester';

const chk = 'vrrp_script chk {\n  script "/usr/bin/pgrep nginx"\n}\n';
const inst = (name: string, prio: number, track: string): string =>
  `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id 51\n  priority ${prio}\n${track}}\n`;

ruleTester('vrrp-owner-tracking', {
  valid: [
    // A bfd_instance weight keepalived refuses leaves its weight at 0.
    'bfd_instance B {\n  neighbor_ip 10.0.0.9\n  weight 300\n}\n' + inst('VI_1', 255, '  track_bfd {\n    B\n  }\n'),
    // A track entry's weight keepalived refuses falls back: 0 for an interface, the script's own (0 here).
    chk + inst('VI_1', 255, '  track_interface {\n    eth1 weight 300\n  }\n  track_script {\n    chk weight 300\n  }\n'),
    // A vrrp_script weight strtol reads as 0 weighs nothing.
    'vrrp_script chk {\n  script "/usr/bin/pgrep nginx"\n  weight high\n}\n' +
      inst('VI_1', 255, '  track_script {\n    chk\n  }\n'),
    chk + inst('VI_1', 100, '  track_script {\n    chk weight -20\n  }\n'),
    // weight 0: the owner goes to FAULT on failure, which is allowed.
    chk + inst('VI_1', 255, '  track_script {\n    chk\n  }\n'),
    inst('VI_1', 255, '  track_interface {\n    eth1\n  }\n'),
    // keepalived drops the instance's own interface before it looks at weights (track-undefined
    // reports the entry): nothing is left to ignore.
    inst('VI_1', 255, '  track_interface {\n    eth0 weight 10\n  }\n'),
    // keepalived applies a tracked process's weight on an owner and in a sync group alike.
    'vrrp_track_process P {\n  process nginx\n  weight 10\n}\n' +
      inst('VI_1', 255, '  track_process {\n    P weight -10\n  }\n'),
    chk +
      inst('VI_1', 100, '  track_script {\n    chk weight -20\n  }\n') +
      inst('VI_2', 100, '') +
      'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  sync_group_tracking_weight\n}\n',
    // The deprecated global_tracking sets the same flag.
    chk +
      inst('VI_1', 100, '  track_script {\n    chk weight -20\n  }\n') +
      inst('VI_2', 100, '') +
      'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  global_tracking\n}\n',
  ],
  invalid: [
    {
      // ±254 is clamped to ±253, still a weight.
      name: 'a weight of 254 on an owner',
      code: chk + inst('VI_1', 255, '  track_script {\n    <|chk weight -254|>\n  }\n'),
      message:
        '(VI_1) ignoring tracked script "chk" with weight -253: an address owner (priority 255) cannot change priority. Use weight 0 (fault on failure) or a priority below 255.',
    },
    {
      // keepalived drops the second entry as a duplicate while reading: one report, for the first.
      name: 'a weighted script listed twice on an owner',
      code: chk + inst('VI_1', 255, '  track_script {\n    <|chk weight -20|>\n    chk weight -30\n  }\n'),
      message:
        '(VI_1) ignoring tracked script "chk" with weight -20: an address owner (priority 255) cannot change priority. Use weight 0 (fault on failure) or a priority below 255.',
    },
    {
      // keepalived reports the number, then takes what strtol reads from it: -30.
      name: 'a vrrp_script weight with a stray character still weighs',
      code:
        'vrrp_script chk {\n  script "/usr/bin/pgrep nginx"\n  weight -30;\n}\n' +
        inst('VI_1', 255, '  track_script {\n    <|chk|>\n  }\n'),
      message:
        '(VI_1) ignoring tracked script "chk" with weight -30: an address owner (priority 255) cannot change priority. Use weight 0 (fault on failure) or a priority below 255.',
    },
    {
      name: "a sync group's own weighted track, with an address owner among its members",
      code:
        chk +
        inst('VI_1', 255, '') +
        inst('VI_2', 100, '') +
        'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  track_script {\n    <|chk weight 10|>\n  }\n  track_interface {\n    eth1\n  }\n}\n',
      message:
        '(G) tracked script "chk" with weight 10 in a sync group whose member "VI_1" is an address owner (priority 255); keepalived sets the weight to 0.',
    },
    {
      code: chk + inst('VI_1', 255, '  track_script {\n    <|chk weight -20|>\n  }\n'),
      message:
        '(VI_1) ignoring tracked script "chk" with weight -20: an address owner (priority 255) cannot change priority. Use weight 0 (fault on failure) or a priority below 255.',
    },
    {
      code: inst('VI_1', 255, '  track_interface {\n    <|eth1 weight 10|>\n  }\n'),
      message: /ignoring tracked interface "eth1" with weight 10/,
    },
    {
      name: 'sync group member without sync_group_tracking_weight',
      code:
        chk +
        inst('VI_1', 100, '  track_script {\n    <|chk weight -20|>\n  }\n') +
        inst('VI_2', 100, '') +
        'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n}\n',
      messageId: 'sync',
    },
    {
      name: 'script the linter cannot see on the host: warning',
      code:
        'vrrp_script chk {\n  script "/etc/keepalived/check.sh"\n  weight -5\n}\n' +
        inst('VI_1', 255, '  track_script {\n    <|chk|>\n  }\n'),
      severity: 'warning',
    },
  ],
});
