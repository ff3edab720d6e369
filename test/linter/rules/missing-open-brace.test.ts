import { ruleTester } from '../rule-tester';

ruleTester('missing-open-brace', {
  valid: [
    'vrrp_instance VI_1 {\n  state MASTER\n}\n',
    // The brace may come on the next line.
    'vrrp_instance VI_1\n{\n  state MASTER\n}\n',
    'global_defs{\n}\n',
  ],
  invalid: [
    {
      name: 'a value block without "{" that makes up for a missing "}" at the end: keepalived is silent, so a warning without a fix',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  <|virtual_ipaddress|>\n    10.0.0.1/24\n  }\n',
      messageId: 'valueSilent',
      severity: 'warning',
      output: null,
    },
    {
      name: 'the same with settings after the "}": the processes that skip vrrp_instance by its braces read them at the top level',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  <|track_interface\n    eth1\n  }\n  priority 100\n  advert_int 1\n|>',
      messageId: 'missing',
    },
    {
      name: 'two value blocks without "{", the second one last: the first one\'s "}" is what ends the other processes\' skip',
      code: 'vrrp_instance VI_1 {\n  interface eth0\n  <|track_interface\n    eth1\n  }\n  priority 100\n  track_interface\n    eth2\n  }\n|>',
      messageId: 'missing',
    },
    {
      name: 'sub-block without "{": the range runs to where the structure agrees again',
      code: 'vrrp_instance VI_1 {\n  <|authentication\n  auth_type PASS\n}\nglobal_defs {\n}|>\n',
      message: /"authentication" opens a block but no "\{" follows/,
      output: 'vrrp_instance VI_1 {\n  authentication {\n  auth_type PASS\n}\nglobal_defs {\n}\n',
    },
    {
      name: 'a block keyword at the end of the file opens nothing: a warning (keepalived 2.2.7 accepts it)',
      code: 'global_defs {\n}\n<|global_defs|>\n',
      messageId: 'atEof',
      message: '"global_defs" at the end of the file opens no block: nothing follows it.',
      severity: 'warning',
      output: null,
    },
    {
      name: 'a named block without "{": the brace goes after the name',
      code: '<|vrrp_instance VI_1\n  state MASTER\n}|>\n',
      output: 'vrrp_instance VI_1 {\n  state MASTER\n}\n',
    },
    {
      name: 'a real_server without "{": after its address and port',
      code: 'virtual_server 10.0.0.1 80 {\n  <|real_server 10.0.0.2 80\n    weight 1\n  }\n}|>\n',
      output: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight 1\n  }\n}\n',
    },
    {
      name: 'a duplicate instance without "{": nothing to skip, its lines go to the instance made last',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 1\n}\nvrrp_instance VI_2 {\n  virtual_router_id 2\n}\n<|vrrp_instance VI_1\n  priority 300\n}|>\n',
      message:
        '"vrrp_instance" opens a block keepalived skips, but no "{" follows: with nothing to skip, keepalived reads the next lines as settings of the vrrp_instance before it (VI_2), and the block structure after it shifts.',
      output:
        'vrrp_instance VI_1 {\n  virtual_router_id 1\n}\nvrrp_instance VI_2 {\n  virtual_router_id 2\n}\nvrrp_instance VI_1 {\n  priority 300\n}\n',
    },
    {
      name: 'a nameless instance without "{" (its brace lost in an open quote) continues the one before',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id 1\n}\n<|vrrp_instance "VI_2 {\n  interface lo\n}|>\n',
      messageId: 'continues',
      output: null,
    },
    {
      name: 'a nameless first instance without "{": no instance before it to name',
      code: '<|vrrp_instance\n  interface lo\n}|>\n',
      messageId: 'missing',
    },
  ],
});
