import { ruleTester } from '../rule-tester';

ruleTester('missing-argument', {
  valid: [
    'vrrp_instance VI_1 {\n  priority 100\n  nopreempt\n}\n',
    // Script keywords re-read the raw line, so an unclosed quote still leaves the command.
    'vrrp_instance VI_1 {\n  notify_master "/usr/local/bin/notify a b\n}\n',
    // An empty quoted word is an argument (invalid-number reports it).
    'vrrp_instance VI_1 {\n  advert_int ""\n}\n',
  ],
  invalid: [
    {
      name: 'keepalived exits at a keyword that needs an argument (exit 2)',
      code: 'vrrp_instance VI_1 {\n  <|priority|>\n}\n',
      message: /"priority" is missing its argument \(priority\); keepalived stops reading the configuration here\./,
      messageId: 'fatal',
    },
    {
      name: 'a handler that reports the missing value and carries on',
      code: 'global_defs {\n  <|router_id|>\n}\n',
      messageId: 'missing',
      message: /"router_id" is missing its argument .*keepalived ignores this line\./,
    },
    {
      name: 'real_server weight',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    <|weight|>\n  }\n}\n',
      messageId: 'fatal',
    },
    {
      name: 'keywords keepalived crashes or hangs on',
      code: '<|bfd_instance|> {\n}\n',
      messageId: 'crash',
      message: /crashes or hangs/,
    },
    {
      name: 'an unterminated quote leaves no argument',
      code: 'global_defs {\n  <|router_id|> "abc\n}\n',
      messageId: 'missing',
    },
  ],
});
