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
  ],
});
