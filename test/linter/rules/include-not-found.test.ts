import { ruleTester } from '../rule-tester';

ruleTester('include-not-found', {
  valid: [
    { code: 'include a.conf\n', files: { '/etc/keepalived/a.conf': '' } },
    {
      code: 'include /etc/x.conf\n',
      files: { '/srv/sysroot/etc/x.conf': '' },
      options: { includeRoot: '/srv/sysroot' },
      name: 'absolute include under --include-root',
    },
    { code: 'include {a,b}.conf\n', files: { '/etc/keepalived/a.conf': '', '/etc/keepalived/b.conf': '' } },
  ],
  invalid: [
    {
      name: 'a missing file',
      code: 'include <|nothere.conf|>\n',
      message: 'Included file "/etc/keepalived/nothere.conf" does not exist; keepalived skips it.',
      messageId: 'missing',
      severity: 'warning',
    },
    {
      name: 'a wildcard matching nothing',
      code: 'include <|conf.d/*.conf|>\n',
      messageId: 'noMatch',
      message: 'No file matches "/etc/keepalived/conf.d/*.conf"; keepalived includes nothing here.',
    },
    {
      name: 'quotes are part of the pattern',
      code: 'include <|"a.conf"|>\n',
      files: { '/etc/keepalived/a.conf': '' },
      messageId: 'quoted',
    },
    {
      name: 'the missing include names the resolved path under --include-root',
      code: 'include <|/etc/y.conf|>\n',
      options: { includeRoot: '/srv/sysroot' },
      message: /"\/srv\/sysroot\/etc\/y\.conf"/,
    },
    {
      name: 'one missing brace alternative',
      code: 'include <|{a,b}.conf|>\n',
      files: { '/etc/keepalived/a.conf': '' },
      message: /"\/etc\/keepalived\/b\.conf"/,
    },
  ],
});
