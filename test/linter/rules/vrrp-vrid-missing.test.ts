import { ruleTester } from '../rule-tester';

ruleTester('vrrp-vrid-missing', {
  valid: [
    'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n}\n',
    // A value keepalived rejects leaves the one before it (invalid-number reports the value).
    'vrrp_instance VI_1 {\n  virtual_router_id 51\n  virtual_router_id 300\n}\n',
    // One that varies from run to run may be any.
    'vrrp_instance VI_1 {\n  virtual_router_id ${_RANDOM 1 255}\n}\n',
    // A skipped duplicate is duplicate-name's finding.
    'vrrp_instance VI_1 {\n  virtual_router_id 51\n}\nvrrp_instance VI_1 {\n  interface eth0\n}\n',
  ],
  invalid: [
    {
      // keepalived rejects 300 and 0x10 (invalid-number says so), and the id stays unset.
      name: 'every value rejected',
      code: 'vrrp_instance <|VI_1|> {\n  virtual_router_id 300\n  virtual_router_id 0x10\n}\n',
      message:
        '(VI_1) the virtual router id must be set: keepalived rejects every virtual_router_id value of this instance; use a number 1..255, the same on every node of this virtual router.',
    },
    {
      code: 'vrrp_instance <|VI_1|> {\n  interface eth0\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n',
      message:
        '(VI_1) the virtual router id must be set: add "virtual_router_id 1..255", the same on every node of this virtual router.',
    },
  ],
});
