import { ruleTester } from '../rule-tester';

ruleTester('vrrp-vip-missing', {
  valid: [
    'vrrp_instance VI_1 {\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n',
    'vrrp_instance VI_1 {\n  virtual_router_id 51\n  no_virtual_ipaddress\n}\n',
    // An address from a definition may be any: it counts.
    '$VIP=10.0.0.1\nvrrp_instance VI_1 {\n  virtual_router_id 51\n  virtual_ipaddress {\n    $VIP\n  }\n}\n',
  ],
  invalid: [
    {
      code: 'vrrp_instance <|VI_1|> {\n  virtual_router_id 51\n}\n',
      message:
        '(VI_1) No VIP specified; at least one is sensible (or set no_virtual_ipaddress if this instance only drives scripts).',
      severity: 'warning',
    },
    {
      // keepalived skips an address it cannot read: the instance is left without a VIP.
      name: 'only addresses keepalived cannot read',
      code: 'vrrp_instance <|VI_1|> {\n  virtual_router_id 51\n  virtual_ipaddress {\n    floating_ip\n    10.0.0.300/24\n  }\n}\n',
      messageId: 'sensible',
      severity: 'warning',
    },
    {
      name: 'VRRPv3 requires a VIP',
      code: 'vrrp_instance <|VI_1|> {\n  version 3\n  virtual_router_id 51\n}\n',
      messageId: 'required',
      severity: 'error',
    },
  ],
});
