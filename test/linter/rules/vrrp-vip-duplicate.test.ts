import { ruleTester } from '../rule-tester';

const inst = (name: string, vips: string): string => `vrrp_instance ${name} {\n  virtual_ipaddress {\n${vips}  }\n}\n`;

ruleTester('vrrp-vip-duplicate', {
  valid: [inst('VI_1', '    10.0.0.1/24\n') + inst('VI_2', '    10.0.0.2/24\n')],
  invalid: [
    {
      code: inst('VI_1', '    10.0.0.1/24\n') + inst('VI_2', '    <|10.0.0.1/32|>\n'),
      message: '(VI_2) 10.0.0.1/32 is also a VIP of VI_1; two virtual routers would add and remove the same address.',
      severity: 'warning',
    },
    {
      code: inst('VI_1', '    2001:db8::1/64\n    <|2001:DB8:0::1/64|>\n'),
      messageId: 'same',
    },
  ],
});
