import { ruleTester } from '../rule-tester';

ruleTester('required-setting-missing', {
  valid: [
    // neighbour_ip is the other spelling of neighbor_ip.
    'bfd_instance b3 {\n  neighbour_ip 10.0.0.7\n}\n',
    'garp_group {\n  garp_interval 0\n  interface eth0\n}\ngarp_group {\n  gna_interval 2147.483647\n  interface eth1\n}\n',
    'vrrp_script chk {\n  script "/bin/true"\n}\n',
    'vrrp_track_process P {\n  process nginx\n}\n',
    'track_file tf {\n  file /run/tf\n}\n',
    'bfd_instance B {\n  neighbor_ip 10.0.0.9\n}\n',
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path /bin/true\n    }\n  }\n}\n',
    'bfd_instance B {\n  neighbor_ip 10.0.0.2\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    BFD_CHECK {\n      name B\n    }\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'a garp_group without a valid delay is removed (at its closing brace)',
      code: '<|garp_group {\n  garp_interval 3000\n  interface eth0\n}|>\n<|garp_group {\n  interface eth1\n}|>\n',
      messageId: 'garpDelay',
    },
    {
      name: 'a script line without a value sets no script (keepalived: No script set ... - removing)',
      code: '<|vrrp_script chk {\n  script\n  interval 2\n}|>\n',
      messageId: 'vrrpScript',
    },
    {
      name: 'misc_path and file without a value',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    <|MISC_CHECK {\n      misc_path\n    }|>\n  }\n}\n<|track_file tf {\n  file\n}|>\n',
      messages: [/MISC_CHECK has no misc_path/, /track_file "tf" has no file/],
    },
    {
      name: 'vrrp_script without script: reported at the closing brace, so the range runs to it',
      code: '<|vrrp_script chk {\n  interval 2\n}|>\n',
      message: 'vrrp_script "chk" has no script; keepalived removes it, and every track_script naming it is ignored.',
    },
    { code: '<|vrrp_track_process P2 {\n  weight 10\n}|>\n', messageId: 'trackProcess' },
    { code: '<|track_file tf {\n  weight 2\n}|>\n', messageId: 'trackFile' },
    { code: '<|bfd_instance B2 {\n  min_rx 10\n}|>\n', messageId: 'bfdNeighbor' },
    {
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    <|MISC_CHECK {\n      misc_timeout 5\n    }|>\n    <|FILE_CHECK {\n    }|>\n  }\n}\n',
      messages: [
        'MISC_CHECK has no misc_path; keepalived skips the checker.',
        'FILE_CHECK has no track_file; keepalived ignores the checker.',
      ],
    },
    {
      name: 'a BFD_CHECK without its name',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    <|BFD_CHECK {\n    }|>\n  }\n}\n',
      message: 'BFD_CHECK has no name; keepalived skips the checker.',
    },
  ],
});
