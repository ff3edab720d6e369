import { ruleTester } from '../rule-tester';

const ROOT = '/etc/keepalived/keepalived.conf';

ruleTester('include-cycle', {
  valid: [
    {
      code: 'include a.conf\ninclude a.conf\n',
      files: { '/etc/keepalived/a.conf': 'global_defs {\n}\n' },
      name: 'the same file twice is not a cycle',
    },
    { code: 'include a.conf\n', files: { '/etc/keepalived/a.conf': 'include b.conf\n', '/etc/keepalived/b.conf': '' } },
  ],
  invalid: [
    {
      name: 'a file that includes itself',
      code: 'include <|keepalived.conf|>\n',
      message: `Including "${ROOT}" here forms a cycle: that file is already being read.`,
    },
    {
      name: 'a cycle through another file: reported where it closes',
      code: 'include a.conf\n',
      files: { '/etc/keepalived/a.conf': 'include <|keepalived.conf|>\n' },
      message: /forms a cycle/,
    },
  ],
});
