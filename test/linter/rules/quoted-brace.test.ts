import { ruleTester } from '../rule-tester';

// Every case checked against keepalived 2.2.7 (`keepalived -t`); see test/BUGS.md #14.
ruleTester('quoted-brace', {
  valid: [
    // Braces inside a quoted word are data.
    'global_defs {\n  router_id "a{b}c"\n}\n',
    // A quoted "{" in a value block is a data line like any other.
    'global_defs {\n  notification_email {\n    a@example.com\n    "{"\n  }\n}\n',
    // At the top level a quoted "}" is looked up as a keyword (unknown-keyword reports it).
    '"}"\n',
    // Only the first word counts.
    'global_defs {\n  router_id "}"\n}\n',
  ],
  invalid: [
    {
      name: 'a quoted "}" ends global_defs; the real "}" is then extra',
      code: 'global_defs {\n  router_id a\n<|"}"|>\n}\n',
      message:
        'keepalived ends the block at this quoted "}" (it compares the word without its quotes) but does not count it as a brace, so a later "}" no longer matches.',
    },
    {
      name: 'a quoted "{" opens a block keyword',
      code: 'global_defs\n<|"{"|>\n  router_id a\n}\n',
      message:
        'keepalived opens the block at this quoted "{" (it compares the word without its quotes) but does not count it as a brace, so the block\'s "}" will look extra.',
    },
    {
      name: 'a quoted "}" ends a value block',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1\n<|"}"|>\n  nopreempt\n}\n',
    },
    {
      name: 'the words after a quoted "}" are ignored',
      code: 'global_defs {\n  router_id a\n<|"}"|> router_id b\n}\n',
      message:
        'keepalived ends the block at this quoted "}" (it compares the word without its quotes) but does not count it as a brace, so a later "}" no longer matches. The rest of the line is ignored.',
    },
  ],
});
