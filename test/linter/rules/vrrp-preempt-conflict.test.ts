import { ruleTester } from '../rule-tester';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('vrrp-preempt-conflict', {
  valid: [
    inst('  state BACKUP\n  priority 100\n  nopreempt\n'),
    // `preempt` after it clears nopreempt (keepalived's backwards-compatible keyword).
    inst('  state BACKUP\n  priority 255\n  nopreempt\n  preempt\n'),
    inst('  state BACKUP\n  preempt_delay 10\n'),
    inst('  state MASTER\n  priority 100\n'),
    inst('  state MASTER\n  preempt_delay 0\n'),
    // A duplicate instance with its own "{" is skipped whole: its state MASTER does not count.
    inst('  state BACKUP\n  priority 100\n  nopreempt\n') + 'vrrp_instance VI_1 {\n  state MASTER\n}\n',
  ],
  invalid: [
    {
      name: 'nopreempt again after preempt',
      code: inst('  priority 255\n  nopreempt\n  preempt\n  <|nopreempt|>\n'),
      messageId: 'ownerNopreempt',
    },
    {
      code: inst('  priority 255\n  <|nopreempt|>\n'),
      message: '(VI_1) nopreempt is incompatible with priority 255; keepalived resets nopreempt.',
    },
    {
      // keepalived reads the lines after a duplicate instance without its "{" as settings of the
      // instance it made before: here its state becomes MASTER, which clears its nopreempt.
      name: 'a later state MASTER in a duplicate instance without "{" continues the first',
      code: inst('  state BACKUP\n  priority 100\n  <|nopreempt|>\n') + 'vrrp_instance VI_1\n  state MASTER\n}\n',
      messageId: 'masterNopreempt',
    },
    {
      name: 'state MASTER clears nopreempt and preempt_delay',
      code: inst('  state MASTER\n  priority 100\n  <|nopreempt|>\n  <|preempt_delay 10|>\n'),
      messages: [
        /nopreempt does not work with initial state MASTER/,
        /preempt_delay does not work with initial state MASTER/,
      ],
    },
    {
      name: 'state MASTER without a priority line is the address owner (255)',
      code: inst('  state MASTER\n  <|nopreempt|>\n  <|preempt_delay 10|>\n'),
      messages: [/nopreempt is incompatible with priority 255/, /preempt_delay does not work with initial state MASTER/],
    },
    {
      name: 'an address owner without a state line starts as MASTER',
      code: inst('  priority 255\n  <|preempt_delay 5|>\n'),
      messageId: 'masterDelay',
    },
    {
      code: inst('  state BACKUP\n  nopreempt\n  <|preempt_delay 10|>\n'),
      messageId: 'nopreemptDelay',
    },
    {
      code: inst('  <|timer_expired_backup|>\n'),
      messageId: 'expiredBackup',
    },
  ],
});
