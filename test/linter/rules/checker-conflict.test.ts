import { ruleTester } from '../rule-tester';

const rs = (checker: string): string => `virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n${checker}  }\n}\n`;

ruleTester('checker-conflict', {
  valid: [
    rs('    TCP_CHECK {\n      bindto 10.0.0.5\n      connect_ip 10.0.0.9\n    }\n'),
    rs('    TCP_CHECK {\n      connect_ip fe80::9\n      bind_if eth0\n    }\n'),
    rs('    UDP_CHECK {\n      min_reply_length 5\n      max_reply_length 10\n    }\n'),
  ],
  invalid: [
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
      name: 'link-local connect_ip without bind_if: reported at the closing brace',
      code: rs('    <|TCP_CHECK {\n      connect_ip fe80::9\n    }|>\n'),
      message: 'Checker link-local address fe80::9 requires a bind_if.',
    },
    {
      code: rs('    <|UDP_CHECK {\n      min_reply_length 10\n      max_reply_length 5\n    }|>\n'),
      message: 'UDP_CHECK min_reply_length 10 > max_reply_length 5: the check will always fail.',
    },
  ],
});
