import { ruleTester } from '../rule-tester';

const group = (entries: string): string => `virtual_server_group G {\n${entries}}\n`;
const service = (body: string): string => `virtual_server <|group|> G {\n${body}}\n`;

ruleTester('lvs-virtual-server-group', {
  valid: [
    // A group of fwmarks only: no protocol needed (keepalived checks it for addresses only).
    group('  fwmark 3\n') +
      'virtual_server group G {\n  lb_algo rr\n  lb_kind NAT\n  real_server 10.0.1.1 80 {\n  }\n}\n',
    // Addresses with ports, a protocol, real servers on the same port.
    group('  10.3.0.1 80\n  10.3.0.2-9 80\n') +
      'virtual_server group G {\n  lb_algo rr\n  lb_kind DR\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n}\n',
    // Services by address are lvs-virtual-server's.
    'virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  real_server 10.0.1.1 80 {\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'a group with addresses needs a protocol',
      code: group('  10.3.0.1 80\n') + service('  lb_algo rr\n  lb_kind NAT\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: 'Virtual server group G: no protocol set; keepalived defaults to UDP. Add "protocol TCP" (or UDP/SCTP).',
    },
    {
      name: 'an address entry without a port, not persistent',
      code:
        group('  10.3.0.1\n') +
        service('  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: /Virtual server group G has no port \(or port 0\), which only a persistent service may have/,
    },
    {
      name: 'a group of fwmarks: protocol, ha_suspend, DR ports ignored',
      code:
        group('  fwmark 6\n') +
        'virtual_server group G {\n  lb_algo rr\n  lb_kind DR\n  <|protocol TCP|>\n  <|ha_suspend|>\n  sorry_server 10.0.0.9 <|80|>\n  real_server 10.0.1.1 <|80|> {\n  }\n}\n',
      messages: [
        'Virtual server group G: protocol is ignored for a fwmark service.',
        'Virtual server group G: ha_suspend cannot be used with fwmarks; keepalived clears it.',
        'fwmark virtual server group G: the sorry server has a port, which keepalived ignores.',
        'fwmark virtual server group G: real server 10.0.1.1 80 has a port, which keepalived ignores.',
      ],
    },
    {
      name: 'a group of the same name after one keepalived removes (no entries) is the group',
      code:
        'virtual_server_group G {\n}\n' +
        group('  10.3.0.1 80\n') +
        'virtual_server group G {\n  lb_algo rr\n  lb_kind DR\n  protocol TCP\n  real_server 10.0.1.1 <|8080|> {\n  }\n}\n',
      messageId: 'groupPort',
    },
    {
      name: 'DR ports that differ from an entry',
      code:
        group('  10.3.0.1 80\n') +
        'virtual_server group G {\n  lb_algo rr\n  lb_kind DR\n  protocol TCP\n  sorry_server 10.0.0.9 <|8080|>\n  real_server 10.0.1.1 <|8080|> {\n  }\n}\n',
      messages: [
        'Virtual server group G uses DR, which cannot map ports: the sorry server port 8080 differs from 80; keepalived ignores it.',
        'Virtual server group G uses DR, which cannot map ports: real server port 8080 differs from the port 80 of a group entry; keepalived reports it.',
      ],
    },
  ],
});
