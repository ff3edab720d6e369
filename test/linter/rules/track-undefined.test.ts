import { ruleTester } from '../rule-tester';

const script = (name: string, body = '  script "/bin/true"\n'): string => `vrrp_script ${name} {\n${body}}\n`;
const inst = (track: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  track_script {\n${track}  }\n}\n`;

ruleTester('track-undefined', {
  valid: [
    // A bfd_instance without neighbor_ip is disabled, but its name still resolves.
    'bfd_instance B2 {\n  min_rx 10\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    BFD_CHECK {\n      name B2\n    }\n  }\n}\n',
    'bfd_instance B2 {\n  min_rx 10\n}\nvrrp_instance VI_1 {\n  interface eth0\n  track_bfd {\n    B2\n  }\n}\n',
    script('chk') + inst('    chk\n'),
    script('chk') + inst('    chk weight -20\n'),
    // A bare `file` line sets nothing; the file of a later one counts.
    'track_file tf1 {\n  file\n  file /tmp/track-me\n}\nvrrp_instance VI_1 {\n  interface eth0\n  track_file {\n    tf1\n  }\n}\n',
    // Each script line keepalived can read replaces the one before; one with an open quote leaves it.
    script('chk', '  script "/bin/true x\n  script /bin/true\n') + inst('    chk\n'),
    script('chk', '  script /bin/true\n  script "/bin/true x\n') + inst('    chk\n'),
    // Interfaces are not declared anywhere: nothing to resolve.
    'vrrp_instance VI_1 {\n  track_interface {\n    eth1\n  }\n}\n',
    'track_file tf {\n  file /run/tf\n}\nvrrp_instance VI_1 {\n  track_file {\n    tf\n  }\n}\n',
    {
      name: 'definition in an included file, read before the instance',
      code: 'include /etc/keepalived/scripts.conf\n' + inst('    chk\n'),
      files: { '/etc/keepalived/scripts.conf': script('chk') },
    },
  ],
  invalid: [
    {
      name: "a static address's or route's track_group not defined before it",
      code: 'static_ipaddress {\n  10.9.0.1/24 dev eth0 track_group <|TG|>\n}\ntrack_group TG {\n  group {\n    VI_1\n  }\n}\nstatic_routes {\n  10.8.0.0/16 dev eth0 track_group <|NOPE|>\n  10.7.0.0/16 dev eth0 track_group TG\n}\n',
      messages: [
        /track_group "TG" is only defined further down/,
        'track_group "NOPE" is not defined; keepalived ignores this entry.',
      ],
    },
    {
      name: 'a track process or track file that keepalived drops (no process, no file)',
      code: 'vrrp_track_process P2 {\n  weight 1\n}\ntrack_file tf1 {\n  weight 1\n}\nvrrp_instance VI_1 {\n  interface eth0\n  track_process {\n    <|P2|>\n  }\n  track_file {\n    <|tf1|>\n  }\n}\n',
      messages: [
        'track process "P2" has no process, so keepalived removes it and ignores this entry.',
        'track file "tf1" has no file, so keepalived removes it and ignores this entry.',
      ],
    },
    {
      name: 'not defined at all',
      code: inst('    <|chk_missing|>\n'),
      message: 'track script "chk_missing" is not defined; keepalived ignores this entry.',
      messageId: 'notFound',
    },
    {
      name: 'defined after the instance (keepalived resolves names while reading)',
      code: inst('    <|chk|>\n') + script('chk'),
      messageId: 'later',
      message: /only defined further down/,
    },
    {
      name: 'vrrp_script without a script is removed',
      code: script('chk', '  interval 2\n') + inst('    <|chk|> weight 2\n'),
      messageId: 'noScript',
    },
    {
      name: 'vrrp_script whose only script line has a quote left open is removed',
      code: script('chk', '  script "/bin/true x\n') + inst('    <|chk|>\n'),
      messageId: 'noScript',
    },
    {
      name: 'track_process and track_bfd',
      code: 'vrrp_instance VI_1 {\n  track_process {\n    <|P1|>\n  }\n  track_bfd {\n    <|B1|>\n  }\n}\n',
      messages: [/track process "P1"/, /track bfd "B1"/],
    },
    {
      name: 'sync group tracking',
      code: 'vrrp_sync_group G {\n  group {\n    VI_1\n  }\n  track_script {\n    <|nope|>\n  }\n}\n',
      messageId: 'notFound',
    },
    {
      // The second eth0 is a duplicate keepalived drops while reading (track-duplicate).
      name: 'own interface in track_interface',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  track_interface {\n    <|eth0|>\n    eth1\n    eth0\n  }\n}\n',
      message:
        "(VI_1) track_interface eth0 is the instance's own interface; keepalived ignores the entry (the instance already goes to FAULT when its interface fails).",
    },
    {
      name: 'FILE_CHECK naming an undefined track_file',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    FILE_CHECK {\n      track_file <|nosuch\n    }|>\n  }\n}\n',
      message: 'track file "nosuch" is not defined; keepalived ignores this entry.',
    },
    {
      // The checker process reads bfd_instance blocks in file order too (find_checker_tracked_bfd_by_name).
      name: 'BFD_CHECK naming a bfd_instance defined further down',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    BFD_CHECK {\n      name <|B2|>\n    }\n  }\n}\nbfd_instance B2 {\n  neighbor_ip 10.0.0.2\n}\n',
      message:
        'track bfd "B2" is only defined further down; keepalived resolves names while reading, so it ignores this entry. Move the definition above its first use.',
    },
    {
      // keepalived removes a track_file without file; FILE_CHECK then has none (at its closing brace too).
      name: 'FILE_CHECK naming a track_file keepalived removed',
      code: 'track_file tf {\n  weight 5\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    FILE_CHECK {\n      track_file <|tf\n    }|>\n  }\n}\n',
      message: 'track file "tf" has no file, so keepalived removes it and ignores this entry.',
    },
  ],
});
