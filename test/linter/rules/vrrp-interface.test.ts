import { ruleTester } from '../rule-tester';

const unicast = 'vrrp_instance <|VI_U|> {\n  virtual_router_id 54\n  unicast_peer {\n    10.0.0.2\n  }\n}\n';

ruleTester('vrrp-interface', {
  valid: [
    'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n}\n',
    // 2.3 and later accept unicast instances without an interface.
    { code: unicast.replace('<|VI_U|>', 'VI_U'), options: { targetVersion: '2.4.3' } },
  ],
  invalid: [
    {
      name: 'use_vmac with unicast and no interface: reported from its line to the closing brace',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 51\n  <|use_vmac\n  unicast_peer {\n    10.0.0.2\n  }\n}|>\n',
      message: '(VI_1) Cannot use use_vmac with unicast and no interface; keepalived clears it. Add "interface <nic>".',
    },
    {
      code: 'vrrp_instance <|VI_NO_IF|> {\n  virtual_router_id 53\n}\n',
      message:
        '(VI_NO_IF) Unknown interface!: the instance has no interface; keepalived stops validating VRRP. Add "interface <nic>".',
    },
    {
      name: 'keepalived 2.2.7 needs an interface even with unicast peers',
      code: unicast,
      options: { targetVersion: '2.2.7' },
      messageId: 'missingUnicast',
    },
    {
      code: 'vrrp_instance VI_LO {\n  interface <|lo|>\n  virtual_router_id 52\n}\n',
      message: '(VI_LO) cannot use a loopback interface (lo) for VRRP; keepalived ignores it.',
    },
  ],
});
