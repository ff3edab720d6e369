import { ruleTester } from '../rule-tester';

ruleTester('extra-close-brace', {
  valid: [
    'global_defs {\n}\n',
    // "}}" is two logical lines, each closing one block.
    'vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n  }}\n',
    'global_defs {\n}vrrp_instance VI_1{\n}\n',
  ],
  invalid: [
    {
      name: 'a stray "}" between blocks',
      code: 'global_defs {\n}\n<|}|>\nvrrp_script chk {\n  script "/bin/true"\n}\n',
      message: 'Extra "}": there is no open block to close here.',
      output: 'global_defs {\n}\n\nvrrp_script chk {\n  script "/bin/true"\n}\n',
    },
    {
      name: '"}}" closing one block too many',
      code: 'global_defs {\n  router_id a\n}<|}|>\n',
      output: 'global_defs {\n  router_id a\n}\n',
    },
    {
      // keepalived 2.2.7: "(Line 4) Extra '}' found" - the "}" still ends global_defs.
      name: 'a "}" that closes a block a quoted "{" opened: extra for the count, no fix',
      code: 'global_defs\n"{"\n  router_id a\n<|}|>\nvrrp_script chk {\n  script "/bin/true"\n}\n',
      message:
        'keepalived reports this "}" as extra: the block it closes was opened by a quoted "{", which its reader does not count as a brace.',
      output: null,
    },
    {
      // Deleting the "}" would make "\!" an escaped "!": the comment would become words (RB-20).
      name: 'a "}" between a backslash and a comment: reported, no fix',
      code: 'global_defs {\n}\nx \\<|}|>! note\n',
      output: null,
    },
    {
      // Each copy of a ~SEQ line has the "}": the first closes global_defs, the second is extra.
      // Deleting it from the file would delete it from both copies (RB-21).
      name: 'a "}" on a replicated line: reported, no fix',
      code: 'global_defs {\n  router_id a\n~SEQ(i, 1, 2) <|}|>\n',
      output: null,
    },
    {
      name: 'a "}" at the very start',
      code: '<|}|>\n',
      output: '\n',
    },
  ],
});
