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
    {
      name: 'an executable file',
      code: 'include <|notify.sh|>\n',
      files: { '/etc/keepalived/notify.sh': { kind: 'executable', text: '#!/bin/sh\n' } },
      message: '"/etc/keepalived/notify.sh" is not a regular, non-executable file; keepalived skips it.',
      messageId: 'not-regular',
    },
    {
      name: 'an unreadable file',
      code: 'include <|secret.conf|>\n',
      files: { '/etc/keepalived/secret.conf': { kind: 'unreadable' } },
      messageId: 'unreadable',
    },
    {
      name: 'a binary file',
      code: 'include <|blob.conf|>\n',
      files: { '/etc/keepalived/blob.conf': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]) },
      messageId: 'binary',
      message: '"/etc/keepalived/blob.conf" is not a text file; it is not read.',
    },
    {
      name: 'a glob matching a directory among files',
      code: 'include <|conf.d/*|>\n',
      files: { '/etc/keepalived/conf.d/a.conf': '', '/etc/keepalived/conf.d/sub/b.conf': '' },
      messageId: 'directory',
    },
    {
      name: 'includes nested more than 64 levels deep',
      code: 'include d1.conf\n',
      files: Object.fromEntries(
        Array.from({ length: 70 }, (_, i) => [
          `/etc/keepalived/d${i + 1}.conf`,
          i === 62 ? `include <|d${i + 2}.conf|>\n` : `include d${i + 2}.conf\n`,
        ]),
      ),
      messageId: 'depth',
      message: /Includes nest too deeply at "\/etc\/keepalived\/d64\.conf"\./,
    },
  ],
});
