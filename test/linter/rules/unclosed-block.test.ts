import { ruleTester } from '../rule-tester';

ruleTester('unclosed-block', {
  valid: [
    'global_defs {\n  router_id a\n}\n',
    'global_defs {\n  router_id a\n}',
    // keepalived counts braces: a value block without "{" leaves the count at zero, so it says nothing.
    'vrrp_instance VI_1 {\n  virtual_ipaddress\n    10.0.0.1/24\n  }\n',
  ],
  invalid: [
    {
      name: 'a block open at the end of the file',
      code: '<|global_defs {|>\n  router_id a\n',
      message: '"global_defs" block is never closed: a "}" is missing before the end of the file.',
      output: 'global_defs {\n  router_id a\n}\n',
    },
    {
      name: 'no trailing newline',
      code: '<|global_defs {|>\n  router_id a',
      output: 'global_defs {\n  router_id a\n}\n',
    },
    {
      name: 'two nested blocks: two findings, two braces',
      code: '<|vrrp_instance VI_1 {|>\n  <|virtual_ipaddress {|>\n    10.0.0.1\n',
      messages: [/"vrrp_instance" block/, /"virtual_ipaddress" block/],
      output: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1\n}\n}\n',
    },
    {
      name: 'a skipped block (a duplicate) counts its braces: one finding, a brace for each level still open',
      code: 'vrrp_instance A {\n}\n<|vrrp_instance A {|>\n  virtual_ipaddress {\n    10.0.0.1\n',
      message:
        '"vrrp_instance" block is never closed: keepalived skips it by counting its braces, and 2 "}" are missing before the end of the file.',
      output: 'vrrp_instance A {\n}\nvrrp_instance A {\n  virtual_ipaddress {\n    10.0.0.1\n}\n}\n',
    },
  ],
});
