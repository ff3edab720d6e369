import { ruleTester } from '../rule-tester';

ruleTester('virtual-server-group-undefined', {
  valid: [
    'virtual_server_group WEB {\n  10.0.0.1 80\n}\nvirtual_server group WEB {\n  protocol TCP\n}\n',
    'virtual_server 10.0.0.1 80 {\n  protocol TCP\n}\n',
  ],
  invalid: [
    {
      code: 'virtual_server_group WEB {\n  10.0.0.1 80\n}\nvirtual_server group <|WBE|> {\n  protocol TCP\n}\n',
      message: /virtual_server_group "WBE" is not defined/,
      severity: 'warning',
    },
  ],
});
