import { ruleTester } from '../rule-tester';

const NBSP = '\u00a0';
const ZWSP = '\u200b';

ruleTester('irregular-whitespace', {
  valid: [
    'vrrp_instance VI_1 {\n  interface eth0\n  priority 100\n}\n',
    // In a comment, or inside quotes (the user's text), keepalived keeps it and so do we.
    `vrrp_instance VI_1 {\n  priority 100 # no${NBSP}break\n  notify_master "/usr/bin/logger a${NBSP}b"\n}\n`,
    // A byte order mark that starts the file is unknown-keyword's.
    '\ufeffvrrp_instance VI_1 {\n  priority 100\n}\n',
  ],
  invalid: [
    {
      name: 'a no-break space between a keyword and its value: one unknown word to keepalived',
      code: `vrrp_instance VI_1 {\n  priority<|${NBSP}|>100\n}\n`,
      messages: [
        `An irregular space (U+00A0) in "priority${NBSP}100": keepalived splits words at spaces and tabs only, so it reads it as part of the word. Replace it with a space.`,
      ],
      output: 'vrrp_instance VI_1 {\n  priority 100\n}\n',
    },
    {
      name: 'indentation of no-break spaces: one finding for the run',
      code: `vrrp_instance VI_1 {\n<|${NBSP}${NBSP}|>priority 100\n}\n`,
      messageId: 'space',
      output: 'vrrp_instance VI_1 {\n  priority 100\n}\n',
    },
    {
      name: 'no-break spaces and spaces mixed (an editor that pasted every other one): one finding, each replaced',
      code: `vrrp_instance VI_1 {\n  TCP_CHECK {\n<|${NBSP} ${NBSP} ${NBSP}|>  connect_timeout 10\n  }\n}\n`,
      messages: [
        `An irregular space (U+00A0) in "${NBSP}": keepalived splits words at spaces and tabs only, so it reads it as part of the word. Replace it with a space.`,
      ],
      output: 'vrrp_instance VI_1 {\n  TCP_CHECK {\n       connect_timeout 10\n  }\n}\n',
    },
    {
      name: 'a zero-width space after an interface name',
      code: `vrrp_instance VI_1 {\n  interface eth0<|${ZWSP}|>\n}\n`,
      messages: [
        `An invisible character (U+200B) in "eth0${ZWSP}": keepalived reads it as part of the word. Remove it.`,
      ],
      output: 'vrrp_instance VI_1 {\n  interface eth0\n}\n',
    },
    {
      name: 'in the data line of a value block, and an ideographic space',
      code: `vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24<|\u3000|>dev eth0\n  }\n}\n`,
      messageId: 'space',
      output: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n}\n',
    },
    {
      name: 'no fix where the keyword it would make breaks the block structure (a block keyword without its "{")',
      code: 'vrrp_<|\ufeff|>track_file "quoted val{\n',
      messageId: 'invisible',
      output: null,
    },
    {
      name: 'no fix where removing a lone no-break space makes the next word, a block keyword, the keyword',
      code: `  <|${NBSP}|> \tvrrp_sync_group\n`,
      messageId: 'space',
      output: null,
    },
    {
      name: 'no fix when the "{" keepalived ignores leaves the reading out of step to the end of the file',
      code: 'vrrp_instance A {\n <|\u3000|> authentication {\n    auth_type PASS\n  }\n',
      messageId: 'space',
      output: null,
    },
    {
      name: 'the fix where the keyword it makes opens the block that follows',
      code: `vrrp_instance<|${NBSP}|>VI_1 {\n  priority 100\n}\n`,
      output: 'vrrp_instance VI_1 {\n  priority 100\n}\n',
    },
    {
      name: 'a byte order mark in the middle of a file (two files pasted together)',
      code: 'vrrp_instance VI_1 {\n  priority 100\n}\n<|\ufeff|>vrrp_instance VI_2 {\n  priority 90\n}\n',
      messageId: 'invisible',
      output: 'vrrp_instance VI_1 {\n  priority 100\n}\nvrrp_instance VI_2 {\n  priority 90\n}\n',
    },
  ],
});
