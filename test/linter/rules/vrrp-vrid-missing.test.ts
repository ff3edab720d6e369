import { ruleTester } from '../rule-tester';

ruleTester('vrrp-vrid-missing', {
  valid: [
    'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n}\n',
    // An invalid value is invalid-number's finding.
    'vrrp_instance VI_1 {\n  virtual_router_id 300\n}\n',
    // A skipped duplicate is duplicate-name's finding.
    'vrrp_instance VI_1 {\n  virtual_router_id 51\n}\nvrrp_instance VI_1 {\n  interface eth0\n}\n',
  ],
  invalid: [
    {
      code: 'vrrp_instance <|VI_1|> {\n  interface eth0\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n',
      message:
        '(VI_1) the virtual router id must be set: add "virtual_router_id 1..255", the same on every node of this virtual router.',
    },
  ],
});
