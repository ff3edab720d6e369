import { ruleTester } from '../rule-tester';

ruleTester('extra-argument', {
  valid: [
    'vrrp_instance VI_1 {\n  interface eth0\n  priority 100\n  nopreempt\n}\n',
    'virtual_server_group VSG {\n  10.0.0.1 80\n}\n',
    'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.10/24 dev eth0 label eth0:1\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'extra words are ignored',
      code: 'vrrp_instance VI_1 {\n  interface eth0 <|eth1|>\n  priority 100 <|200 300|>\n}\n',
      messages: [
        '"interface" takes at most 1 argument(s); keepalived ignores "eth1".',
        '"priority" takes at most 1 argument(s); keepalived ignores "200 300".',
      ],
      messageId: 'ignored',
      output: 'vrrp_instance VI_1 {\n  interface eth0\n  priority 100\n}\n',
    },
    {
      name: 'extra words from a definition: reported at the reference, no fix',
      code: '$B=eth0 eth1\nvrrp_instance VI_1 {\n  interface <|$B|>\n}\n',
      messageId: 'ignored',
      output: null,
    },
    {
      name: 'a keyword that takes no argument',
      code: 'vrrp_instance VI_1 {\n  nopreempt <|true|>\n}\n',
      message: /at most 0 argument/,
      output: 'vrrp_instance VI_1 {\n  nopreempt\n}\n',
    },
    {
      name: 'another keyword on the same line: explained, not auto-fixed',
      code: 'vrrp_instance VI_1 {\n  state MASTER <|interface eth0|>\n}\n',
      messageId: 'oneLine',
      message: /put "interface" on its own line/,
      output: null,
    },
    {
      name: 'keywords whose extra words keepalived rejects',
      code: 'global_defs {\n  snmp_socket udp:127.0.0.1:705 <|extra|>\n}\n',
      messageId: 'rejected',
      severity: 'error',
      output: 'global_defs {\n  snmp_socket udp:127.0.0.1:705\n}\n',
    },
    {
      name: 'a second name: keepalived skips the whole vrrp_instance (oracle 52)',
      code: 'vrrp_instance VI_1 <|extra_name_word|> {\n  interface eth0\n}\n',
      message:
        '"vrrp_instance" takes exactly one name; with "extra_name_word" as well keepalived skips the whole block.',
      messageId: 'nameSkipped',
      severity: 'error',
    },
    {
      name: 'vrrp_sync_group and track_group also take exactly one name',
      code: 'vrrp_sync_group G <|H|> {\n  group {\n    VI_1\n  }\n}\ntrack_group T <|U V|> {\n  group {\n    eth0\n  }\n}\n',
      messageId: 'nameSkipped',
      severity: 'error',
    },
    {
      name: 'virtual_server_group with a second word is fatal',
      code: 'virtual_server_group G <|extra|> {\n  10.0.0.1 80\n}\n',
      messageId: 'groupFatal',
      severity: 'error',
      message: /stops reading the configuration here/,
    },
    {
      name: 'a value block takes no words on its opening line',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress <|foo|> {\n    10.0.0.1\n  }\n}\n',
      messageId: 'blockParams',
      severity: 'error',
      message:
        'Block "virtual_ipaddress" takes no parameters on its opening line; keepalived reports "foo" as an error.',
      output: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n',
    },
  ],
});
