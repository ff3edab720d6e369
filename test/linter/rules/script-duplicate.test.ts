import { ruleTester } from '../rule-tester';

ruleTester('script-duplicate', {
  valid: [
    'vrrp_instance VI_1 {\n  notify_master "/etc/keepalived/notify.sh master"\n  notify_backup "/etc/keepalived/notify.sh backup"\n}\n',
    // keepalived takes the last `script` of a vrrp_script silently.
    'vrrp_script chk {\n  script "/bin/true"\n  script "/bin/false"\n}\n',
  ],
  invalid: [
    {
      code: 'vrrp_instance VI_1 {\n  notify_master "/etc/keepalived/notify.sh master"\n  <|notify_master "/etc/keepalived/notify.sh backup"|>\n}\n',
      message:
        'notify_master script already specified; keepalived ignores "/etc/keepalived/notify.sh backup". Keep one (for state changes, a single notify script receives the new state as an argument).',
    },
  ],
});
