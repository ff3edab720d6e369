import { ruleTester } from '../rule-tester';

const inst = (body: string, auth: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  authentication {\n${auth}  }\n}\n`;

ruleTester('vrrp-authentication', {
  valid: [
    inst('', '    auth_type PASS\n    auth_pass 12345678\n'),
    // The last auth_pass counts: an empty one before it is replaced.
    inst('', '    auth_type PASS\n    auth_pass ""\n    auth_pass secret\n'),
    // Eight bytes in UTF-8.
    inst('', '    auth_type PASS\n    auth_pass \u00e9\u00e9\u00e9\u00e9\n'),
    inst('  state MASTER\n  priority 255\n', '    auth_type AH\n    auth_pass secret\n'),
    'vrrp_instance VI_1 {\n  version 3\n}\n',
    // auth_type and auth_pass set the instance's values in whichever authentication block they stand.
    inst('', '    auth_type PASS\n    auth_pass 1111\n  }\n  authentication {\n    auth_type PASS\n'),
    inst('', '    auth_pass 1111\n  }\n  authentication {\n    auth_type PASS\n'),
  ],
  invalid: [
    {
      name: 'every auth_pass over 8 characters, not only the last one',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  authentication {\n    auth_type PASS\n    auth_pass <|longpassword1|>\n    auth_pass <|longpassword2|>\n  }\n  authentication {\n    auth_type PASS\n    auth_pass <|longpassword3|>\n  }\n}\n',
      messageId: 'truncated',
    },
    {
      code: inst('', '    auth_type PASS\n    auth_pass <|123456789abc|>\n'),
      message:
        'auth_pass is longer than 8 bytes; keepalived uses only "12345678": the rest adds nothing, and a peer whose password differs only after it still matches.',
      output:
        'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  authentication {\n    auth_type PASS\n    auth_pass 12345678\n  }\n}\n',
    },
    {
      name: 'keepalived counts bytes: five two-byte characters are cut after the fourth',
      code: inst('', '    auth_type PASS\n    auth_pass <|\u00e9\u00e9\u00e9\u00e9\u00e9|>\n'),
      messageId: 'truncated',
      output: inst('', '    auth_type PASS\n    auth_pass \u00e9\u00e9\u00e9\u00e9\n'),
    },
    {
      name: 'typographic quotes pasted around a password: the 8th byte falls inside the closing quote, so no fix',
      code: inst('', '    auth_type PASS\n    auth_pass <|\u201c1111\u201d|>\n'),
      message:
        'auth_pass is longer than 8 bytes; keepalived uses only its first 8 bytes, "\u201c1111" and part of "\u201d": the rest adds nothing, and a peer whose password differs only after it still matches.',
      output: null,
    },
    {
      code: inst('  state <|MASTER|>\n  priority 100\n', '    auth_type AH\n    auth_pass secret\n'),
      messageId: 'ahMaster',
    },
    {
      // `""1111` is an empty word and an ignored one (extra-argument): no password either.
      name: 'an empty auth_pass',
      code: inst('', '    auth_type PASS\n    auth_pass <|""|>1111\n'),
      message: '(VI_1) auth_pass is empty: keepalived takes that as no password and ignores the authentication.',
    },
    {
      name: 'AH from an earlier authentication block: an auth_type keepalived does not know leaves it',
      code: inst('  state <|MASTER|>\n  priority 100\n', '    auth_type AH\n    auth_pass 1111\n  }\n  authentication {\n    auth_type MD5\n'),
      messageId: 'ahMaster',
    },
    {
      name: 'AH in a later authentication block replaces PASS',
      code: inst('  state <|MASTER|>\n  priority 100\n', '    auth_type PASS\n    auth_pass 1111\n  }\n  authentication {\n    auth_type AH\n'),
      messageId: 'ahMaster',
    },
    {
      code: 'vrrp_instance VI_1 {\n  <|authentication|> {\n    auth_type PASS\n  }\n}\n',
      message: '(VI_1) authentication specified but no auth_pass given; keepalived ignores it.',
    },
    {
      code: 'vrrp_instance VI_1 {\n  version 3\n  <|authentication|> {\n    auth_type PASS\n    auth_pass secret\n  }\n}\n',
      messageId: 'version3',
    },
    {
      // A global vrrp_version keepalived refuses (4) leaves the one before (3).
      name: 'VRRPv3 from global_defs, past a version keepalived refuses',
      code: 'global_defs {\n  vrrp_version 3\n  vrrp_version 4\n}\nvrrp_instance VI_1 {\n  <|authentication|> {\n    auth_type PASS\n    auth_pass secret\n  }\n}\n',
      message: /VRRP version 3 does not support authentication/,
    },
    {
      code: 'global_defs {\n  vrrp_strict\n}\nvrrp_instance VI_1 {\n  <|authentication|> {\n    auth_type PASS\n    auth_pass secret\n  }\n}\n',
      messageId: 'strict',
    },
  ],
});
