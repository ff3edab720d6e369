import { ruleTester } from '../rule-tester';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('vrrp-preempt-conflict', {
  valid: [
    inst('  state BACKUP\n  priority 100\n  nopreempt\n'),
    inst('  state BACKUP\n  preempt_delay 10\n'),
    inst('  state MASTER\n  priority 100\n'),
    inst('  state MASTER\n  preempt_delay 0\n'),
  ],
  invalid: [
    {
      code: inst('  priority 255\n  <|nopreempt|>\n'),
      message: '(VI_1) nopreempt is incompatible with priority 255; keepalived resets nopreempt.',
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
      code: inst('  state BACKUP\n  nopreempt\n  <|preempt_delay 10|>\n'),
      messageId: 'nopreemptDelay',
    },
    {
      code: inst('  <|timer_expired_backup|>\n'),
      messageId: 'expiredBackup',
    },
  ],
});
