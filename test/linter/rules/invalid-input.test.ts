import { ruleTester } from '../rule-tester';

ruleTester('invalid-input', {
  valid: ['global_defs {\n}\n', 'global_defs {\n  router_id "é ü"\n}\n'],
  invalid: [
    {
      name: 'NUL bytes make the text binary',
      code: '<||>global_defs {\n}\n\u0000\u0000\n',
      messageId: 'binary',
      message: 'This is not a text file (it holds NUL or control bytes); it was not analysed.',
    },
    {
      name: 'a NUL byte after the first 8 KiB: the line is cut (2.2.7) or dropped (2.4+)',
      code: `${'# padding line\n'.repeat(600)}vrrp_instance VI_1 {\n  priority 100<|\u0000|>x\n}\n`,
      messageId: 'nul',
      message: 'Line holds a NUL byte; keepalived ignores the rest of the line (2.4+: the whole line).',
    },
  ],
});
