import { ruleTester } from '../rule-tester';

ruleTester('literal-quote', {
  valid: [
    'vrrp_instance VI_1 {\n  interface "eth0"\n  priority 100\n}\n',
    // A script command is split the way a shell would: single quotes work there.
    "vrrp_script chk {\n  script \"/usr/bin/pgrep -f 'haproxy -f'\"\n}\nvrrp_script chk2 {\n  script '/usr/local/bin/check'\n}\n",
    "vrrp_instance VI_1 {\n  notify_master '/usr/local/bin/notify master'\n}\n",
    // An apostrophe inside a word, and quotes in comments.
    "global_defs {\n  notification_email_from ops'team@example.com # 'quoted'\n}\n",
    // Inside straight double quotes the text is the user's.
    'global_defs {\n  router_id "‘lb1’"\n}\n',
  ],
  invalid: [
    {
      name: 'single quotes around an interface name (a shell habit)',
      code: "vrrp_instance VI_1 {\n  interface <|'eth0'|>\n}\n",
      messages: [
        `"'eth0'": keepalived has no single quotes here, so they are part of the value. Use double quotes, or none.`,
      ],
      output: 'vrrp_instance VI_1 {\n  interface "eth0"\n}\n',
    },
    {
      name: 'typographic quotes pasted around a password',
      code: 'vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass <|“1111”|>\n  }\n}\n',
      messages: [
        '"“1111”": typographic quotes are not quotes to keepalived, so they are part of the value. Use straight double quotes ("), or none.',
      ],
      output: 'vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass "1111"\n  }\n}\n',
    },
    {
      name: 'typographic quotes in a script command are not understood either',
      code: 'vrrp_script chk {\n  script <|“/usr/local/bin/check|> <|arg”|>\n}\n',
      messageId: 'typographic',
      output: null,
    },
    {
      name: 'only one end quoted: reported, no fix',
      code: "global_defs {\n  router_id <|lb1'|>\n}\n",
      messageId: 'single',
      output: null,
    },
    {
      name: 'no fix when double quotes would read the inside otherwise (a $ or a backslash)',
      code: "global_defs {\n  router_id <|'lb$1'|>\n  smtp_helo_name <|'a\\\\b'|>\n}\n",
      messageId: 'single',
      output: null,
    },
    {
      name: 'in the data line of a value block',
      code: "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 dev <|'eth0'|>\n  }\n}\n",
      output: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 dev "eth0"\n  }\n}\n',
    },
  ],
});
