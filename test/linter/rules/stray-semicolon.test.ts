import { ruleTester } from '../rule-tester';

ruleTester('stray-semicolon', {
  valid: [
    'vrrp_instance VI_1 {\n  interface eth0\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n',
    // Quoted: the ";" is the user's.
    'vrrp_instance VI_1 {\n  notify_master "/usr/bin/logger a;b;"\n}\n',
    // A lone ";" is another rule's (extra-argument).
    'vrrp_instance VI_1 {\n  priority 100 ;\n}\n',
    // Inside a comment.
    'vrrp_instance VI_1 {\n  priority 100 # ;\n}\n',
  ],
  invalid: [
    {
      name: 'a ";" after an argument',
      code: 'vrrp_instance VI_1 {\n  interface eth0<|;|>\n  priority 100<|;|>\n}\n',
      messages: [
        '"eth0;" ends in ";": keepalived has no statement terminator, so the ";" is part of the value. Remove it.',
        '"100;" ends in ";": keepalived has no statement terminator, so the ";" is part of the value. Remove it.',
      ],
      output: 'vrrp_instance VI_1 {\n  interface eth0\n  priority 100\n}\n',
    },
    {
      name: 'a ";" in a comment before does not hide one after',
      code: '# one; two\nvrrp_instance VI_1 { # three;\n  priority 100<|;|>\n}\n',
    },
    {
      name: 'a run of them is one finding',
      code: 'vrrp_instance VI_1 {\n  priority 100<|;;|>\n}\n',
      output: 'vrrp_instance VI_1 {\n  priority 100\n}\n',
    },
    {
      name: 'in the data lines of a value block',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0<|;|>\n  }\n}\n',
      output: 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n}\n',
    },
  ],
});
