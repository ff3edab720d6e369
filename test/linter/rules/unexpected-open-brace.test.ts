import { ruleTester } from '../rule-tester';

ruleTester('unexpected-open-brace', {
  valid: [
    'vrrp_instance VI_1\n{\n  state MASTER\n}\n',
    // Inside a value block a "{" line is data, not a brace.
    'vrrp_instance VI_1 {\n  track_interface { eth0 }\n}\n',
    // An unknown keyword's "{" is reported by unknown-keyword.
    'foo_block {\n}\n',
  ],
  invalid: [
    {
      // keepalived 2.2.7: "(Line 3) Unexpected '{' - ignoring", and nothing else (not counted).
      name: 'a quoted "{" line outside a pending block is ignored, and derails nothing',
      code: 'global_defs {\n  router_id a\n<|"{"|>\n  router_id b\n}\n',
      message:
        'Unexpected quoted "{": keepalived compares the word without its quotes and ignores it like a stray "{" (it is not counted as a brace).',
    },
    {
      name: 'a "{" on its own line inside a block: never back in step, so the cascade runs to the end of the file',
      code: 'vrrp_instance VI_1 {\n  state MASTER\n  <|{\n  priority 100\n}\n|>',
      message:
        'Unexpected "{": keepalived ignores it, so the matching "}" closes the enclosing block and what follows is read one level too high.',
    },
    {
      name: 'a "{" at the top level',
      code: '<|{\n}|>\nglobal_defs {\n}\n',
    },
    {
      name: 'an undefined ${NAME} splits the line at its braces',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id $<|{VRID}\n}|>\n',
    },
    {
      name: 'a "{" inside a value block is data, but keepalived still counts it',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 <|{|>\n  }\n}\n',
      messageId: 'inValueBlock',
      message:
        '"{" inside the virtual_ipaddress block is read as a data line, but keepalived still counts it, so one "}" is missing at the end of the file. Value blocks cannot nest.',
    },
    {
      name: 'one finding for each line with stray braces in a value block (keepalived flags each line)',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    <|{|> { {\n    10.0.0.1/24\n    <|{|>\n  }\n}\n',
      messageId: 'inValueBlock',
    },
    {
      name: 'a stray "{" at the end of the file',
      code: 'global_defs {\n}\n<|{\n|>',
    },
  ],
});
