import { ruleTester } from '../rule-tester';

const vips = (lines: string): string => `vrrp_instance VI_1 {\n  virtual_ipaddress {\n${lines}  }\n}\n`;

ruleTester('malformed-entry', {
  valid: [
    vips(
      '    10.0.0.2/24 dev eth0 label eth0:1\n    10.0.0.3/24 brd 10.0.0.255 dev eth0 scope link\n    fe80::10/64 dev eth0\n',
    ),
    'vrrp_instance VI_1 {\n  unicast_peer {\n    10.0.0.9\n    10.0.0.8 min_ttl 1 max_ttl 5\n  }\n}\n',
    'global_defs {\n  notification_email {\n    ops@example.com\n    noc@example.org\n  }\n}\n',
    // One value on one line works for a value block.
    'vrrp_instance VI_1 {\n  virtual_ipaddress { 10.0.0.1/24 }\n}\n',
  ],
  invalid: [
    {
      name: 'an address that is not one',
      code: vips('    <|10.0.0.300/24|>\n'),
      message: '"10.0.0.300/24" is not a valid IP address; keepalived skips this virtual_ipaddress entry.',
      messageId: 'badAddress',
    },
    {
      name: 'prefix length out of range',
      code: vips('    <|10.0.0.1/33|>\n'),
      message: 'Prefix length "33" is outside 0..32.',
    },
    {
      name: 'bad scope and over-long label',
      code: vips('    10.0.0.2/24 dev eth0 scope <|bogus|> label <|verylonglabelname0|>\n'),
      messages: [/Invalid scope "bogus"/, /Label "verylonglabelname0" is longer than 15 characters/],
    },
    {
      name: 'unknown option',
      code: vips('    10.0.0.3 <|foo|>\n'),
      messageId: 'unknownOption',
    },
    {
      name: 'IPv4-only option on an IPv6 address',
      code: vips('    fe80::1/64 <|brd|> 10.0.0.255\n'),
      messageId: 'ipv6Option',
    },
    {
      name: 'one-line value block: the second address is read as an option',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress { 10.0.0.4/24 <|10.0.0.5/24|> }\n}\n',
      messageId: 'oneLine',
      message: /each address must be on its own line/,
    },
    {
      name: 'unicast_peer: bad address, bad ttl, unknown option',
      code: 'vrrp_instance VI_1 {\n  unicast_peer {\n    <|abc|>\n    10.0.0.9 min_ttl <|300|>\n    10.0.0.8 <|ttl|> <|3|>\n  }\n}\n',
      messages: [
        /"abc" is not a valid IP address; keepalived skips this unicast_peer entry/,
        '"min_ttl" must be 0..255.',
        /Unknown unicast_peer option "ttl"/,
        /Unknown unicast_peer option "3"/,
      ],
    },
    {
      name: 'notification_email entry that is no address (keepalived does not check: warning)',
      code: 'global_defs {\n  notification_email {\n    ops@example.com\n    <|not-an-email|>\n  }\n}\n',
      messageId: 'email',
      severity: 'warning',
    },
  ],
});
