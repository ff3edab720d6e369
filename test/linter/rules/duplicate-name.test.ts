import { ruleTester } from '../rule-tester';

ruleTester('duplicate-name', {
  valid: [
    'vrrp_instance VI_1 {\n}\nvrrp_instance VI_2 {\n}\n',
    // Different kinds may share a name.
    'vrrp_script chk {\n  script "/bin/true"\n}\nvrrp_instance chk {\n}\n',
  ],
  invalid: [
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
