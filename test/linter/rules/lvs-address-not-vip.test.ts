import { ruleTester } from '../rule-tester';

const inst =
  'vrrp_instance VI_1 {\n  virtual_router_id 50\n  virtual_ipaddress {\n    172.16.1.3 label eth1:0\n  }\n}\n';
const vs = (addr: string): string => `virtual_server ${addr} 80 {\n  real_server 172.16.1.7 80 {\n  }\n}\n`;

ruleTester('lvs-address-not-vip', {
  valid: [
    inst + vs('172.16.1.3'),
    // A director without VRRP: nothing to compare with.
    vs('172.16.1.100'),
    inst + 'virtual_server fwmark 1 {\n  real_server 172.16.1.7 {\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'the lvs-dr example: VIP 172.16.1.3, virtual_server 172.16.1.100',
      code: inst + 'virtual_server <|172.16.1.100|> 80 {\n  real_server 172.16.1.7 80 {\n  }\n}\n',
      message:
        'Virtual server address 172.16.1.100 is not a VIP of any vrrp_instance here (172.16.1.3); clients reach the director through a VIP, so this service follows no failover.',
      severity: 'warning',
    },
  ],
});
