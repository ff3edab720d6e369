import { ruleTester } from '../rule-tester';

ruleTester('deprecated-keyword', {
  valid: [
    'global_defs {\n  lvs_flush_on_stop\n  enable_snmp_vrrp\n}\n',
    'track_file tf {\n  file /var/run/tf\n}\n',
    // nb_get_retry is deprecated in HTTP_GET, but unknown (not deprecated) in TCP_CHECK.
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      nb_get_retry 2\n    }\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'global_defs keywords with a replacement',
      code: 'global_defs {\n  <|lvs_flush_onstop|>\n  <|enable_snmp_keepalived|>\n}\n',
      messages: [
        '"lvs_flush_onstop" is deprecated; use "lvs_flush_on_stop".',
        '"enable_snmp_keepalived" is deprecated; use "enable_snmp_vrrp".',
      ],
      messageId: 'deprecated',
      output: 'global_defs {\n  lvs_flush_on_stop\n  enable_snmp_vrrp\n}\n',
    },
    {
      name: 'root block vrrp_track_file -> track_file',
      code: '<|vrrp_track_file|> tf {\n  file /var/run/tf\n}\n',
      output: 'track_file tf {\n  file /var/run/tf\n}\n',
    },
    {
      name: 'nb_get_retry in HTTP_GET -> retry',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      <|nb_get_retry|> 3\n    }\n  }\n}\n',
      message: /use "retry"/,
      output:
        'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      retry 3\n    }\n  }\n}\n',
    },
    {
      name: 'no fix when the replacement is not a keyword of the same block',
      code: 'vrrp_instance VI_1 {\n  <|linkbeat_use_polling|>\n}\n',
      message: /use "linkbeat_interfaces \(root block\)"/,
      output: null,
    },
  ],
});
