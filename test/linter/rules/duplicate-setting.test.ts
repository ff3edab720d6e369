import { ruleTester } from '../rule-tester';

ruleTester('duplicate-setting', {
  valid: [
    // MASTER after BACKUP wins; an unknown state resets to BACKUP, after which BACKUP is taken.
    'vrrp_instance VI_1 {\n  state BACKUP\n  state MASTER\n}\nvrrp_instance VI_2 {\n  state MASTER\n  state master\n  state BACKUP\n}\n',
    'global_defs {\n  notify_fifo /tmp/f1\n  vrrp_notify_fifo /tmp/f2\n  lvs_notify_fifo /tmp/f3\n  snmp_socket tcp:localhost:705\n}\n',
    // vrrp_iptables after nftables replaces the table silently; twice, it says nothing either.
    'global_defs {\n  nftables keepalived_nf\n  vrrp_iptables\n  vrrp_iptables\n}\n',
    // Each track process or file has its own settings.
    'vrrp_track_process P1 {\n  process sshd\n  weight 10\n}\nvrrp_track_process P2 {\n  process nginx\n  weight 10\n}\n',
    // A track process weight of 0 sets nothing: the next one is taken.
    'vrrp_track_process P {\n  process sshd\n  weight 0\n  weight 2\n}\n',
    // A weight keepalived refuses sets nothing (a track file's is 1 then); nor does a track file's weight 1.
    'vrrp_track_process P {\n  process sshd\n  weight 300\n  weight 5\n}\ntrack_file F {\n  file /tmp/a\n  weight 1\n  weight 0\n}\ntrack_file G {\n  file /tmp/b\n  weight 300\n  weight 2\n}\n',
    // Settings other blocks may repeat (the last one wins there).
    'vrrp_instance VI_1 {\n  priority 100\n  priority 110\n}\n',
    // An empty group list sets nothing: the next one is taken.
    'vrrp_sync_group G {\n  group {\n  }\n  group {\n    VI_1\n    VI_2\n  }\n}\n',
    // keepalived skips a second vrrp_sync_group of a name unread, group lists and all.
    'vrrp_sync_group G {\n  group {\n    VI_1\n  }\n}\nvrrp_sync_group G {\n  group {\n    VI_1\n  }\n  group {\n    VI_2\n  }\n}\n',
    // lvs_sync_daemon without a usable interface sets nothing; MTU and ADVERT on one line are invalid-choice's.
    'global_defs {\n  lvs_sync_daemon interface_name_too_long\n  lvs_sync_daemon eth0\n  vrrp_rx_bufs_policy MTU ADVERT\n  vrrp_rx_bufs_policy MTU\n}\n',
    // Different scripts in two global_defs blocks; a second one in the same block is script-duplicate's.
    'global_defs {\n  notify_fifo_script /bin/a\n  startup_script /bin/s\n}\nglobal_defs {\n  vrrp_notify_fifo_script /bin/b\n  lvs_notify_fifo_script /bin/c\n  shutdown_script /bin/d\n}\n',
    'global_defs {\n  notify_fifo_script /bin/a\n  notify_fifo_script /bin/b\n}\n',
    // A script whose user no host has (a number) is dropped: the next global_defs block's is the first.
    'global_defs {\n  vrrp_notify_fifo_script /bin/a 0\n}\nglobal_defs {\n  vrrp_notify_fifo_script /bin/b\n}\n',
  ],
  invalid: [
    {
      name: 'use_ipvlan twice: the second line is refused whole',
      code: 'vrrp_instance VI_1 {\n  use_ipvlan ipv1 10.0.0.5/24\n  <|use_ipvlan fe80::5|>\n}\n',
      message: '"use_ipvlan" is already set; keepalived keeps the first value and ignores this line.',
    },
    {
      name: 'a duplicate vrrp_sync_group without its "{": its lines go to the group before it, which has a group list',
      code: 'vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n}\nvrrp_sync_group G\n  <|group {\n    VI_1\n  }|>\n',
      message: '"group" is already set; keepalived keeps the first value and ignores this line.',
    },
    {
      name: 'state BACKUP after state MASTER',
      code: 'vrrp_instance VI_1 {\n  state MASTER\n  priority 100\n  state <|BACKUP|>\n}\n',
      message:
        '(VI_1) state BACKUP after state MASTER; keepalived keeps MASTER and ignores this line ("state previously set as MASTER - ignoring BACKUP").',
    },
    {
      name: 'a second SSL block replaces the first',
      code: 'SSL {\n  password a\n}\n<|SSL|> {\n  password b\n}\n',
      message:
        'SSL is given again; keepalived drops the settings of the earlier SSL block and uses this one ("SSL context already specified - replacing").',
      severity: 'warning',
    },
    {
      name: 'an SSL file or password given twice in one SSL block: the later replaces the earlier',
      code: 'SSL {\n  certificate /etc/a.pem\n  password x\n  <|certificate /etc/b.pem|>\n  <|password y|>\n}\n',
      messages: [
        '"certificate" is given again in SSL; keepalived replaces the earlier value with this one ("SSL certfile already specified - replacing").',
        /"password" is given again in SSL/,
      ],
      severity: 'warning',
    },
    {
      name: 'a notify fifo script again in a later global_defs block (keepalived reads them as one)',
      code: 'global_defs {\n  vrrp_notify_fifo /run/vrrp.fifo\n  vrrp_notify_fifo_script /bin/a\n}\nglobal_defs {\n  <|vrrp_notify_fifo_script /bin/a|>\n}\n',
      message: '"vrrp_notify_fifo_script" is already set; keepalived keeps the first value and ignores this line.',
    },
    {
      name: "startup and shutdown scripts across global_defs blocks: only the first of a block here (a second in it is script-duplicate's)",
      code: 'global_defs {\n  startup_script /bin/a\n  shutdown_script /bin/b\n}\nglobal_defs {\n  <|startup_script /bin/c|>\n}\nglobal_defs {\n  <|shutdown_script /bin/d|>\n  shutdown_script /bin/e\n}\n',
      messages: [
        '"startup_script" is already set; keepalived keeps the first value and ignores this line.',
        '"shutdown_script" is already set; keepalived keeps the first value and ignores this line.',
      ],
    },
    {
      name: 'lvs_sync_daemon twice, across global_defs blocks',
      code: 'global_defs {\n  lvs_sync_daemon eth0 inst VI_1\n}\nglobal_defs {\n  <|lvs_sync_daemon eth1|>\n}\n',
      message: '"lvs_sync_daemon" is already set; keepalived keeps the first value and ignores this line.',
    },
    {
      name: 'vrrp_rx_bufs_policy lines add up: a size with a policy, ADVERT after MTU (reported on each line that makes the conflict)',
      code: 'global_defs {\n  vrrp_rx_bufs_policy MTU\n  <|vrrp_rx_bufs_policy ADVERT|>\n  <|vrrp_rx_bufs_policy 1024|>\n}\nglobal_defs {\n  <|vrrp_rx_bufs_policy 2048 MTU|>\n}\n',
      messages: [
        '"vrrp_rx_bufs_policy" is ADVERT here and MTU on another line; keepalived keeps MTU and ignores ADVERT.',
        '"vrrp_rx_bufs_policy" now has both a buffer size and a policy (MTU or ADVERT); keepalived keeps the size and ignores the policy.',
        /now has both a buffer size and a policy/,
      ],
    },
    {
      name: 'a second group list: from it to the enclosing closing brace, which keepalived then finds left over',
      code: 'track_group T {\n  group {\n    eth0\n  }\n  <|group {\n    eth1\n  }\n}|>\n',
      message:
        'track_group "T" already has a group list; keepalived ignores this one without reading it, so its closing brace ends track_group "T" and the brace after it is left over.',
    },
    {
      name: 'global_defs: the second of each, also across global_defs blocks',
      code: 'global_defs {\n  nftables\n  <|nftables|>\n  notify_fifo /tmp/f1\n  <|notify_fifo /tmp/f2|>\n  snmp_socket tcp:localhost:705\n}\nglobal_defs {\n  <|snmp_socket tcp:localhost:706|>\n}\n',
      messages: [
        '"nftables" is already set; keepalived keeps the first value and ignores this line.',
        /"notify_fifo" is already set/,
        /"snmp_socket" is already set/,
      ],
    },
    {
      name: 'nftables after vrrp_iptables, which sets it in a build without iptables (Debian, Ubuntu)',
      code: 'global_defs {\n  vrrp_iptables IN OUT\n  <|nftables keepalived_nf|>\n}\n',
      message:
        '"nftables" is already set by vrrp_iptables: keepalived built without iptables support (as Debian\'s and Ubuntu\'s are) takes vrrp_iptables as nftables, and ignores this line. Keep only nftables.',
    },
    {
      name: 'track process and track file: process, file and weight (a track file weight of 0 counts)',
      code: 'vrrp_track_process P {\n  process sshd\n  <|process /usr/sbin/sshd|>\n  weight 2\n  <|weight 3|>\n}\ntrack_file F {\n  file /tmp/a\n  <|file /tmp/b|>\n  weight 0\n  <|weight 3|>\n}\n',
      messageId: 'duplicate',
    },
  ],
});
