import { ruleTester } from '../rule-tester';

ruleTester('unterminated-quote', {
  valid: [
    'global_defs {\n  router_id "my router"\n}\n',
    'global_defs {\n  router_id "id#with!chars"\n}\n',
    // A quote inside a comment does not count.
    'global_defs {\n  router_id lb01 # say "hi\n}\n',
  ],
  invalid: [
    {
      name: 'an odd number of quotes: one finding for the line',
      code: 'global_defs {\n  <|router_id "abc|>\n}\n',
      message:
        "Unterminated quote: this line has an odd number of '\"'; keepalived drops the rest of the line after the open quote.",
    },
    {
      name: 'a script keyword: keepalived re-reads the line but still reports the quote',
      code: 'vrrp_instance VI_1 {\n  <|notify_master "/usr/local/bin/notify a b|>\n}\n',
    },
    {
      name: 'a quote in the middle of a word',
      code: 'global_defs {\n  <|router_id a"b c|>\n}\n',
    },
    {
      name: 'no escapes inside quotes: "a\\"b" leaves a quote open',
      code: 'global_defs {\n  router_id "a\\"b<|"|>\n}\n',
    },
  ],
});
