import { ruleTester } from '../rule-tester';

ruleTester('track-unused', {
  valid: [
    'vrrp_script chk {\n  script "/bin/true"\n}\nvrrp_instance VI_1 {\n  track_script {\n    chk\n  }\n}\n',
    'vrrp_script chk {\n  script "/bin/true"\n}\nvrrp_sync_group G {\n  group {\n    VI_1\n  }\n  track_script {\n    chk\n  }\n}\n',
    'track_file tf {\n  file /run/tf\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    FILE_CHECK {\n      track_file tf\n    }\n  }\n}\n',
  ],
  invalid: [
    {
      code: 'vrrp_script <|chk_unused|> {\n  script "/bin/true"\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n}\n',
      message: 'vrrp_script "chk_unused" is defined but never tracked; it has no effect on failover.',
      severity: 'warning',
    },
    {
      code: 'track_file <|tf|> {\n  file /run/tf\n}\nvrrp_track_process <|proc|> {\n  process nginx\n}\n',
      messages: [/track_file "tf"/, /vrrp_track_process "proc"/],
    },
  ],
});
