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
      name: 'two nested blocks: two findings; the outer one needs both braces, and one pass of its fix adds them',
      code: '<|vrrp_instance VI_1 {|>\n  <|virtual_ipaddress {|>\n    10.0.0.1\n',
      messages: [
        '"vrrp_instance" block is never closed: 2 "}" are missing before the end of the file, for it and the blocks still open inside it.',
        '"virtual_ipaddress" block is never closed: a "}" is missing before the end of the file.',
      ],
      output: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1\n}\n}\n',
    },
    {
      // Found by the fuzz run of 2026-11-29 (seed 20261129, case 7687): each pass added the virtual
      // server's one "}", which went to the real server's count, and the 41 braces took 41 passes.
      name: 'a skipped block left open inside an open block: the outer block counts its braces too',
      code:
        '<|virtual_server 10.0.0.1 80 {|>\n  <|real_server 1vrrp_instance x {|>\n' + 'vrrp_instance x {\n'.repeat(40),
      messages: [
        '"virtual_server" block is never closed: 42 "}" are missing before the end of the file, for it and the blocks still open inside it.',
        '"real_server" block is never closed: keepalived skips it by counting its braces, and 41 "}" are missing before the end of the file.',
      ],
      output:
        'virtual_server 10.0.0.1 80 {\n  real_server 1vrrp_instance x {\n' +
        'vrrp_instance x {\n'.repeat(40) +
        '}\n'.repeat(42),
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
