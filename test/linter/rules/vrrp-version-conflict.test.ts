import { ruleTester } from '../rule-tester';

const instance = (body: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  priority 100\n${body}}\n`;

ruleTester('vrrp-version-conflict', {
  valid: [
    instance('  version 3\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n'),
    // The same version again changes nothing.
    instance('  version 3\n  version 3\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n'),
    // Before any address the family is not known yet: keepalived takes version 2 (and runs VRRPv2 over IPv6).
    instance('  version 2\n  virtual_ipaddress {\n    2001:db8::1/64\n  }\n'),
    instance('  virtual_ipaddress {\n    2001:db8::1/64\n  }\n  version 3\n'),
    // A value keepalived rejects is invalid-number's; it sets nothing.
    instance('  version 4\n  version 2\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n'),
  ],
  invalid: [
    {
      name: 'a second, different version',
      code: instance('  version 3\n  version <|2|>\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n'),
      message: '(VI_1) version 2 conflicts with version 3 given before; keepalived ignores it.',
    },
    {
      name: 'version 2 after an IPv6 address',
      code: instance('  virtual_ipaddress {\n    2001:db8::1/64\n  }\n  version <|2|>\n'),
      message:
        '(VI_1) version 2 comes after 2001:db8::1/64 made the instance IPv6, which uses version 3; keepalived ignores it.',
    },
    {
      name: 'version 2 after native_ipv6',
      code: instance('  native_ipv6\n  version <|2|>\n  virtual_ipaddress {\n    2001:db8::1/64\n  }\n'),
      message: /version 2 comes after native_ipv6 made the instance IPv6/,
    },
  ],
});
