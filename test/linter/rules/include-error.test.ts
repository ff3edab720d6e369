import { ruleTester } from '../rule-tester';

ruleTester('include-error', {
  valid: [{ code: 'include conf.d/*.conf\n', files: { '/etc/keepalived/conf.d/a.conf': 'global_defs {\n}\n' } }],
  invalid: [
    {
      name: 'include of a directory',
      code: 'include <|conf.d|>\n',
      files: { '/etc/keepalived/conf.d/a.conf': '' },
      message: '"/etc/keepalived/conf.d" is a directory; keepalived skips it.',
      messageId: 'directory',
    },
  ],
});
