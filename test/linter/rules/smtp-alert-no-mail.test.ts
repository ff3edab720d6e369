import { ruleTester } from '../rule-tester';

const MAIL = 'global_defs {\n  notification_email {\n    ops@example.com\n  }\n  smtp_server 10.0.0.25\n}\n';
const instance = (alert: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n${alert}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('smtp-alert-no-mail', {
  valid: [
    // Mail set up: recipients and a server.
    MAIL + instance('  smtp_alert\n'),
    MAIL.replace('smtp_server 10.0.0.25', 'smtp_server mail.example.com 587') +
      'global_defs {\n  smtp_alert_vrrp on\n}\n',
    // No alert asked for (real servers alert by default, but nobody wrote it).
    instance(''),
    'virtual_server 10.0.0.100 80 {\n  real_server 10.0.0.11 80 {\n  }\n}\n',
    // Alerts turned off.
    instance('  smtp_alert false\n') + 'global_defs {\n  smtp_alert no\n}\n',
    // A value keepalived cannot read leaves the alert as it was (invalid-choice reports it).
    instance('  smtp_alert maybe\n'),
    // In a block keepalived skips unread (a second instance of one name).
    instance('') + instance('  smtp_alert\n'),
  ],
  invalid: [
    {
      name: 'no smtp_server and no recipients',
      code: instance('  <|smtp_alert|>\n'),
      message:
        'smtp_alert is on, but global_defs has neither smtp_server nor notification_email: keepalived sends no e-mail. Add both to global_defs.',
    },
    {
      name: 'recipients but no server, on every line that asks',
      code:
        'global_defs {\n  notification_email {\n    ops@example.com\n  }\n  <|smtp_alert_checker|> yes\n}\n' +
        instance('  <|smtp_alert|> on\n') +
        'virtual_server 10.0.0.100 80 {\n  <|smtp_alert|>\n  real_server 10.0.0.11 80 {\n    <|smtp_alert|> true\n  }\n}\n',
      messageId: 'noServer',
      message: /is on, but global_defs has no smtp_server: keepalived sends no e-mail/,
    },
    {
      name: 'a server but an empty recipient list',
      code: 'global_defs {\n  notification_email {\n  }\n  smtp_server 10.0.0.25\n}\n' + instance('  <|smtp_alert|>\n'),
      message:
        'smtp_alert is on, but global_defs has no notification_email addresses: keepalived sends no e-mail. List the recipients in a notification_email block.',
    },
    {
      name: 'a sync group asks too',
      code: instance('') + 'vrrp_sync_group G {\n  group {\n    VI_1\n  }\n  <|smtp_alert|>\n}\n',
      messageId: 'neither',
    },
  ],
});
