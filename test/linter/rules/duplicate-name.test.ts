import { ruleTester } from '../rule-tester';

ruleTester('duplicate-name', {
  valid: [
    'vrrp_instance VI_1 {\n}\nvrrp_instance VI_2 {\n}\n',
    // Different kinds may share a name.
    'vrrp_script chk {\n  script "/bin/true"\n}\nvrrp_instance chk {\n}\n',
    // BFD instances on other neighbors, or the same neighbor from other sources.
    'bfd_instance b1 {\n  neighbor_ip 10.0.0.3\n}\nbfd_instance b2 {\n  neighbor_ip 10.0.0.4\n}\n',
    'bfd_instance b1 {\n  neighbor_ip 10.0.0.3\n  source_ip 10.0.0.1\n}\nbfd_instance b2 {\n  neighbor_ip 10.0.0.3\n  source_ip 10.0.0.2\n}\n',
    // A virtual_server_group left without entries is removed: the next one of that name is no duplicate.
    'virtual_server_group G1 {\n}\nvirtual_server_group G1 {\n  10.0.0.1 80\n}\n',
    // A neighbor keepalived cannot read ends the instance: no second instance for 10.0.0.3.
    'bfd_instance b1 {\n  neighbor_ip 10.0.0.3\n}\nbfd_instance b2 {\n  neighbor_ip 10.0.0.300\n  neighbor_ip 10.0.0.3\n}\n',
  ],
  invalid: [
    {
      name: 'a second BFD instance for the same neighbor (the spelling neighbour_ip too), to its closing brace',
      code: 'bfd_instance b1 {\n  neighbor_ip 10.0.0.3\n}\nbfd_instance b2 {\n  neighbour_ip <|10.0.0.3\n}|>\n',
      message:
        'BFD instance "b2" has the same neighbor as "b1"; keepalived ignores this instance ("duplicate neighbor address").',
    },
    {
      name: 'the same source and neighbor',
      code: 'bfd_instance b6 {\n  neighbor_ip 10.0.0.6\n  source_ip 10.0.0.1\n}\nbfd_instance b7 {\n  neighbor_ip <|10.0.0.6\n  source_ip 10.0.0.1\n}|>\n',
      message: /same source\/neighbor as "b6"/,
    },
    {
      name: 'the same neighbor, one of the two without a source: a duplicate',
      code: 'bfd_instance b1 {\n  neighbor_ip 10.0.0.5\n  source_ip 10.0.0.1\n}\nbfd_instance b2 {\n  neighbor_ip <|10.0.0.5\n}|>\nbfd_instance b3 {\n  neighbor_ip 10.0.0.6\n}\nbfd_instance b4 {\n  neighbor_ip <|10.0.0.6\n  source_ip 10.0.0.2\n}|>\n',
      messages: [/"b2" has the same neighbor as "b1"/, /"b4" has the same source\/neighbor as "b3"/],
    },
    {
      name: 'a source_ip keepalived cannot read leaves the one before',
      code: 'bfd_instance b6 {\n  neighbor_ip 10.0.0.6\n  source_ip 10.0.0.1\n}\nbfd_instance b7 {\n  neighbor_ip <|10.0.0.6\n  source_ip 10.0.0.1\n  source_ip 10.0.0.300\n}|>\n',
      message: /same source\/neighbor as "b6"/,
    },
    {
      name: 'second vrrp_instance with the same name',
      code: 'vrrp_instance VI_1 {\n}\nvrrp_instance <|VI_1|> {\n}\n',
      message: 'vrrp_instance "VI_1" is already defined; keepalived skips this one.',
    },
    {
      name: 'vrrp_sync_group twice, then three times',
      code: 'vrrp_sync_group G {\n}\nvrrp_sync_group <|G|> {\n}\nvrrp_sync_group <|G|> {\n}\n',
      message: /vrrp_sync_group "G" is already defined; keepalived skips this one\./,
    },
    {
      name: 'kinds keepalived keeps silently (vrrp_script, track_file, …) are warnings',
      code: 'vrrp_script chk {\n}\nvrrp_script <|chk|> {\n}\ntrack_file tf {\n}\nvrrp_track_file <|tf|> {\n}\n',
      messageId: 'duplicateSilent',
      severity: 'warning',
      message: /keepalived keeps both without a word, and references find only one of them\./,
    },
  ],
});
