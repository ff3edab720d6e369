import { ruleTester } from '../rule-tester';

const instance = (body: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n${body}  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n`;
const V = { targetVersion: '2.4.3' };

ruleTester('vrrp-owner-adverts', {
  valid: [
    { code: instance('  priority 255\n  owner_ignore_adverts\n'), options: V },
    // Without a priority line an initial MASTER is the address owner.
    { code: instance('  state MASTER\n  owner_ignore_adverts yes\n'), options: V },
    { code: instance('  priority 100\n  owner_ignore_adverts false\n'), options: V },
    // A value keepalived rejects sets nothing (invalid-choice reports it).
    { code: instance('  priority 100\n  owner_ignore_adverts maybe\n'), options: V },
  ],
  invalid: [
    {
      name: 'turned on below priority 255',
      code: instance('  priority 100\n  <|owner_ignore_adverts|>\n'),
      options: V,
      message:
        '(VI_1) owner_ignore_adverts applies to an address owner only (priority 255, here 100); keepalived ignores it.',
    },
    {
      name: 'the last valid line counts',
      code: instance('  priority 100\n  owner_ignore_adverts off\n  owner_ignore_adverts <|on|>\n'),
      options: V,
      message: /applies to an address owner only/,
    },
    {
      name: 'turned off at priority 255',
      code: instance('  priority 255\n  owner_ignore_adverts <|false|>\n'),
      options: V,
      message:
        '(VI_1) an address owner (priority 255) must ignore adverts ("strict_mode with priority 255 requires owner_ignore_adverts"); keepalived turns owner_ignore_adverts back on.',
    },
  ],
});
