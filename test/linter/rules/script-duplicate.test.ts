import { ruleTester } from '../rule-tester';

ruleTester('script-duplicate', {
  valid: [
    'vrrp_instance VI_1 {\n  notify_deleted\n}\nvrrp_instance VI_2 {\n  notify_deleted /bin/true\n}\n',
    'vrrp_instance VI_1 {\n  notify_master "/etc/keepalived/notify.sh master"\n  notify_backup "/etc/keepalived/notify.sh backup"\n}\n',
    // keepalived takes the last `script` of a vrrp_script silently.
    'vrrp_script chk {\n  script "/bin/true"\n  script "/bin/false"\n}\n',
    // A MISC_CHECK's misc_path is taken the same way.
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path /bin/a\n      misc_path /bin/b\n    }\n  }\n}\n',
    // keepalived skips a second vrrp_instance of the same name without reading it.
    'vrrp_instance VI_1 {\n  notify /bin/a\n}\nvrrp_instance VI_1 {\n  notify /bin/a\n  notify /bin/b\n}\n',
    // One of each kind, and the same kind in two blocks.
    'vrrp_instance VI_1 {\n  notify /bin/a\n  notify_master /bin/a\n}\nvrrp_instance VI_2 {\n  notify /bin/a\n}\n',
    // keepalived drops a script whose user or group no host has (a path, a number): the next one is the first.
    'vrrp_instance VI_1 {\n  notify_backup root "/tmp"\n  notify_backup root "/tmp"\n}\n',
    'vrrp_instance VI_1 {\n  notify_backup /bin/a 0\n  notify_backup /bin/b\n}\n',
    'vrrp_instance VI_1 {\n  notify_backup /bin/a root /etc/group\n  notify_backup /bin/b\n}\n',
  ],
  invalid: [
    {
      name: 'notify_deleted without a script, then with one: the first line sets it',
      code: 'vrrp_instance VI_1 {\n  notify_deleted\n  <|notify_deleted /bin/true|>\n  <|notify_deleted|>\n}\n',
      messages: [
        'notify_deleted script already specified; keepalived ignores "/bin/true". Keep one (for state changes, a single notify script receives the new state as an argument).',
        'notify_deleted already specified; keepalived ignores this line.',
      ],
    },
    {
      // A user keepalived may find (it exists on some hosts) keeps the keyword taken.
      code: 'vrrp_instance VI_1 {\n  notify_backup /bin/a keepalived_script\n  <|notify_backup /bin/b|>\n}\n',
      message:
        'notify_backup script already specified; keepalived ignores "/bin/b". Keep one (for state changes, a single notify script receives the new state as an argument).',
    },
    {
      // A dropped line does not count, and it still does not take the keyword after a kept one.
      code: 'vrrp_instance VI_1 {\n  notify_backup /bin/a 0\n  notify_backup /bin/b\n  <|notify_backup /bin/c 0|>\n}\n',
      message:
        'notify_backup script already specified; keepalived ignores "/bin/c". Keep one (for state changes, a single notify script receives the new state as an argument).',
    },
    {
      code: 'vrrp_instance VI_1 {\n  notify_master "/etc/keepalived/notify.sh master"\n  <|notify_master "/etc/keepalived/notify.sh backup"|>\n}\n',
      message:
        'notify_master script already specified; keepalived ignores "/etc/keepalived/notify.sh backup". Keep one (for state changes, a single notify script receives the new state as an argument).',
    },
    {
      // In a nested block (a real server's notify_up), each later copy is reported.
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    notify_up /bin/a\n    <|notify_up /bin/b|>\n    <|notify_up /bin/c|>\n  }\n}\n',
      messages: [
        'notify_up script already specified; keepalived ignores "/bin/b". Keep one (for state changes, a single notify script receives the new state as an argument).',
        'notify_up script already specified; keepalived ignores "/bin/c". Keep one (for state changes, a single notify script receives the new state as an argument).',
      ],
    },
  ],
});
