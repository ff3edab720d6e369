import { ruleTester } from '../rule-tester';

const rs = (checker: string): string => `virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n${checker}  }\n}\n`;

ruleTester('checker-conflict', {
  valid: [
    rs('    TCP_CHECK {\n      bindto 10.0.0.5\n      connect_ip 10.0.0.9\n    }\n'),
    rs('    TCP_CHECK {\n      connect_ip fe80::9\n      bind_if eth0\n    }\n'),
    // A refused bind_if leaves the one before.
    'virtual_server 2001:db8::1 80 {\n  real_server fe80::2 80 {\n    TCP_CHECK {\n      bind_if eth0\n      bind_if averyveryverylongifname\n    }\n  }\n}\n',
    // A link-local real server: fine with bind_if, and for checkers without a connection.
    'virtual_server 2001:db8::1 80 {\n  real_server fe80::2 80 {\n    TCP_CHECK {\n      bind_if eth0\n    }\n    MISC_CHECK {\n      misc_path /bin/true\n    }\n  }\n}\n',
    // SMTP_CHECK: its host has bind_if, and the checker sets nothing of a connection itself.
    'virtual_server 2001:db8::1 25 {\n  real_server fe80::2 25 {\n    SMTP_CHECK {\n      host {\n        bind_if eth0\n      }\n    }\n  }\n}\n',
    rs('    UDP_CHECK {\n      min_reply_length 5\n      max_reply_length 10\n    }\n'),
    // A length keepalived cannot read leaves the one before (max: 255 by default).
    rs('    UDP_CHECK {\n      max_reply_length -1\n    }\n'),
    // Two BFDs on one real server, and one BFD on two real servers.
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    BFD_CHECK {\n      name B\n    }\n    BFD_CHECK {\n      name C\n    }\n  }\n  real_server 10.0.0.3 80 {\n    BFD_CHECK {\n      name B\n    }\n  }\n}\n',
    // SMTP_CHECK's own connection starts without an address: the real server's address and a
    // host's connect_ip are not compared with its lines (keepalived 2.2.7 accepts both).
    rs('    SMTP_CHECK {\n      bindto 2001:db8::9\n    }\n'),
    rs('    SMTP_CHECK {\n      host {\n        connect_ip 10.0.0.2\n      }\n      bindto 2001:db8::9\n    }\n'),
    // A host block's starts as the real server's; its own connect_ip first changes that.
    rs('    SMTP_CHECK {\n      host {\n        connect_ip 2001:db8::2\n        bindto 2001:db8::9\n      }\n    }\n'),
    // keepalived drops a mask unread.
    rs('    TCP_CHECK {\n      bindto 10.0.0.5/40\n    }\n'),
  ],
  invalid: [
    {
      name: 'a bind_if name too long for keepalived binds nothing (the name before stays)',
      code: 'virtual_server 2001:db8::1 80 {\n  real_server fe80::2 80 {\n    <|TCP_CHECK {\n      bind_if averyveryverylongifname\n    }|>\n  }\n}\n',
      messageId: 'linkLocal',
    },
    {
      name: 'UDP_CHECK min_reply_length above the default max_reply_length (255)',
      code: rs('    <|UDP_CHECK {\n      min_reply_length 300\n    }|>\n'),
      message: 'UDP_CHECK min_reply_length 300 > max_reply_length 255: the check will always fail.',
    },
    {
      name: 'bindto of another family than connect_ip (the real server address by default)',
      code: rs('    TCP_CHECK {\n      bindto <|2001:db8::5|>\n    }\n'),
      message: 'bindto address 2001:db8::5 does not match the family of connect_ip 10.0.0.2; keepalived skips it.',
    },
    {
      code: rs('    TCP_CHECK {\n      bindto 10.0.0.5\n      connect_ip <|2001:db8::9|>\n    }\n'),
      messageId: 'connectIp',
    },
    {
      name: 'SMTP_CHECK: the second of the two lines, in the checker or in a host block',
      code: rs(
        '    SMTP_CHECK {\n      bindto 2001:db8::9\n      connect_ip <|10.0.0.2|>\n      host {\n        connect_ip 10.0.0.3\n        bindto <|2001:db8::8|>\n      }\n    }\n',
      ),
      messages: [
        'connect_ip address 10.0.0.2 does not match the family of bindto 2001:db8::9; keepalived skips it.',
        'bindto address 2001:db8::8 does not match the family of connect_ip 10.0.0.3; keepalived skips it.',
      ],
    },
    {
      name: "an SMTP_CHECK host block's connection starts as the real server's address",
      code: rs('    SMTP_CHECK {\n      host {\n        bindto <|2001:db8::9|>\n        connect_ip 10.0.0.9\n      }\n    }\n'),
      message: 'bindto address 2001:db8::9 does not match the family of connect_ip 10.0.0.2; keepalived skips it.',
    },
    {
      name: "a link-local real server is the checker's address unless connect_ip says otherwise",
      code: 'virtual_server 2001:db8::1 80 {\n  real_server fe80::2 80 {\n    <|HTTP_GET {\n      url {\n        path /\n      }\n    }|>\n  }\n}\n',
      message: 'Checker link-local address fe80::2 requires a bind_if.',
    },
    {
      name: 'an SMTP_CHECK host block is a connection of its own',
      code: rs(
        '    SMTP_CHECK {\n      <|host {\n        connect_ip fe80::1\n        connect_port 25\n      }|>\n      host {\n        connect_ip 10.0.0.7\n      }\n    }\n',
      ),
      message: 'Checker link-local address fe80::1 requires a bind_if.',
    },
    {
      name: "with every host dropped, SMTP_CHECK's own connection (the real server's address) is checked too",
      code: 'virtual_server 2001:db8::1 25 {\n  real_server fe80::2 25 {\n    <|SMTP_CHECK {\n      <|host {\n      }|>\n    }|>\n  }\n}\n',
      messages: [
        'Checker link-local address fe80::2 requires a bind_if.',
        'Checker link-local address fe80::2 requires a bind_if.',
      ],
    },
    {
      name: 'link-local connect_ip without bind_if: reported at the closing brace',
      code: rs('    <|TCP_CHECK {\n      connect_ip fe80::9\n    }|>\n'),
      message: 'Checker link-local address fe80::9 requires a bind_if.',
    },
    {
      code: rs('    <|UDP_CHECK {\n      min_reply_length 10\n      max_reply_length 5\n    }|>\n'),
      message: 'UDP_CHECK min_reply_length 10 > max_reply_length 5: the check will always fail.',
    },
    {
      name: 'a second name in one BFD_CHECK',
      code: rs('    BFD_CHECK {\n      name B\n      name <|C|>\n    }\n'),
      message: 'This BFD_CHECK already names "B"; keepalived drops the checker over a second name.',
    },
    {
      name: 'a second BFD_CHECK for the same BFD on one real server',
      code: rs('    BFD_CHECK {\n      name B\n    }\n    BFD_CHECK {\n      name <|B|>\n    }\n'),
      message: 'The real server already has a BFD_CHECK for "B"; keepalived drops this one.',
    },
  ],
});
