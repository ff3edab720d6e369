import { ruleTester } from '../rule-tester';

ruleTester('removed-keyword', {
  valid: [
    'global_defs {\n  router_id lb01\n}\n',
    // lvs_id is only a removed keyword of global_defs.
    'vrrp_instance VI_1 {\n  state BACKUP\n}\n',
  ],
  invalid: [
    {
      name: 'lvs_id was replaced by router_id',
      code: 'global_defs {\n  <|lvs_id|> lb01\n}\n',
      message: '"lvs_id" was removed in keepalived 1.1.8; keepalived now skips it. Use "router_id".',
      messageId: 'removed',
      output: 'global_defs {\n  router_id lb01\n}\n',
    },
    {
      name: 'nat_mask has no replacement',
      code: 'virtual_server 10.0.0.1 80 {\n  <|nat_mask|> 255.255.255.0\n}\n',
      message: '"nat_mask" was removed in keepalived 1.2.20; keepalived now skips it.',
      messageId: 'removedNoReplacement',
      output: null,
    },
    {
      name: 'a removed block: the range spans the cascade its braces cause',
      code: '<|real_server_group RSG {\n}|>\n',
      messageId: 'removedNoReplacement',
    },
  ],
});
