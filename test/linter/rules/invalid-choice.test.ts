import { ruleTester } from '../rule-tester';

ruleTester('invalid-choice', {
  valid: [
    'track_file tf1 {\n  file /tmp/tf1\n  init_file 5 overwrite\n}\n',
    'global_defs {\n  include_check read +match -brace_match +wildcard_match\n}\n',
    // keepalived skips white space at the start of each word (quoted here).
    'track_file tf1 {\n  file /tmp/tf1\n  init_file " 5" " overwrite"\n}\n',
    // Tunnel options after the forwarding method, as keepalived reads them.
    'virtual_server 10.0.0.1 80 {\n  lb_kind TUN type gue port 6080 csum\n  real_server 10.0.0.2 80 {\n    lvs_method TUN type gre nocsum\n  }\n}\n',
    'virtual_server 10.0.0.1 80 {\n  lb_kind TUN nocsum\n  real_server 10.0.0.2 80 {\n    lvs_method TUN type ipip\n  }\n}\n',
    // DNS_CHECK reads its type with strcasecmp.
    'virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    DNS_CHECK {\n      type aaaa\n    }\n  }\n}\n',
    'global_defs {\n  umask 0022\n}\n',
    'global_defs {\n  umask IWGRP|IWOTH\n}\n',
    'global_defs {\n  umask IWGRP | IWOTH\n}\n',
    'global_defs {\n  lvs_timeouts tcp 7200 tcpfin 120 udp 300\n}\n',
    'vrrp_instance VI_1 {\n  garp_extra_if 5\n}\n',
    'global_defs {\n  vrrp_rx_bufs_policy ""\n}\n',
    'vrrp_instance VI_1 {\n  state MASTER\n  smtp_alert true\n}\n',
    'vrrp_instance VI_1 {\n  state BACKUP\n  smtp_alert off\n}\n',
    'virtual_server 10.0.0.1 80 {\n  lb_algo wrr\n  lb_kind NAT\n  protocol TCP\n}\n',
    // protocol is case-insensitive in keepalived.
    'virtual_server 10.0.0.1 80 {\n  protocol udp\n}\n',
    'global_defs {\n  include_check -wildcard_match\n}\n',
    // Every word of garp_extra_if is "all" or a delay, in any order.
    'global_defs {\n  vrrp_garp_extra_if 5 all\n}\nvrrp_instance VI_1 {\n  garp_extra_if all +5\n}\n',
    // vrrp_rx_bufs_policy: MTU or ADVERT in any case, or a size; a size first makes later words harmless.
    'global_defs {\n  vrrp_rx_bufs_policy mtu\n  vrrp_rx_bufs_policy 1024 extra\n}\n',
    // lvs_sync_daemon: its options, and the old form with an instance name and sync id.
    'global_defs {\n  lvs_sync_daemon eth0 inst VI_1 id 5 maxlen 1400 port 8848 ttl 2 group 224.0.0.81\n}\n',
    'global_defs {\n  lvs_sync_daemon eth0 VI_1\n}\n',
  ],
  invalid: [
    {
      name: 'garp_extra_if: a word that is neither "all" (exactly) nor a number',
      code: 'global_defs {\n  vrrp_garp_extra_if all 1 <|extra|>\n}\nvrrp_instance VI_1 {\n  garp_extra_if <|ALL|> 3\n}\n',
      messages: [
        '"extra" is not valid for "vrrp_garp_extra_if"; expected one of: all or a number 1..86400.',
        '"ALL" is not valid for "garp_extra_if": values are case-sensitive; use "all".',
      ],
    },
    {
      name: 'vrrp_rx_bufs_policy reads a size from its first word, whichever word it looks at',
      code: 'global_defs {\n  vrrp_rx_bufs_policy MTU <|extra|>\n  vrrp_rx_bufs_policy ADVERT <|2048|>\n  vrrp_rx_bufs_policy <|big|>\n}\n',
      messages: [
        '"extra" is not valid for "vrrp_rx_bufs_policy": a word other than MTU or ADVERT is a buffer size, which keepalived reads from the first word ("MTU", not a number). Give the size alone.',
        /"2048" is not valid for "vrrp_rx_bufs_policy": .*\("ADVERT", not a number\)/,
        '"big" is not valid for "vrrp_rx_bufs_policy"; expected one of: MTU, ADVERT or a number 0..4294967295.',
      ],
    },
    {
      name: 'lvs_sync_daemon: option values out of range, a group that is not multicast, an unknown option',
      code: 'global_defs {\n  lvs_sync_daemon eth0 id <|300|> maxlen <|0|> port <|70000|> ttl <|0|> group <|10.0.0.1|> <|bogus|>\n}\n',
      messages: [
        '"300" is not valid for "id" in "lvs_sync_daemon" (a number 0..255); keepalived uses the VRID.',
        '"0" is not valid for "maxlen" in "lvs_sync_daemon" (a number 1..65507); keepalived ignores it.',
        '"70000" is not valid for "port" in "lvs_sync_daemon" (a number 1..65535); keepalived ignores it.',
        '"0" is not valid for "ttl" in "lvs_sync_daemon" (a number 1..255); keepalived ignores it.',
        '"10.0.0.1" is not a multicast address for "group" in "lvs_sync_daemon"; keepalived ignores it.',
        'Unknown option "bogus" for "lvs_sync_daemon"; expected inst, id, maxlen, port, ttl, group.',
      ],
    },
    {
      name: 'lvs_sync_daemon: the old sync id position, valid (a fix inserts "id") and not',
      code: 'global_defs {\n  lvs_sync_daemon eth0 VI_1 <|12|>\n}\n',
      messageId: 'syncOldId',
      severity: 'warning',
      output: 'global_defs {\n  lvs_sync_daemon eth0 VI_1 id 12\n}\n',
    },
    {
      name: 'lvs_sync_daemon: an invalid sync id in the old position; options without a value',
      code: 'global_defs {\n  lvs_sync_daemon eth0 VI_1 <|extra|>\n}\nglobal_defs {\n  lvs_sync_daemon eth1 <|id|>\n}\n',
      messages: [
        '"extra" is not valid for "id" in "lvs_sync_daemon" (a number 0..255); keepalived uses the VRID.',
        '"id" in "lvs_sync_daemon" needs a value; keepalived uses the VRID.',
      ],
    },
    {
      name: 'init_file: a word that is neither a number nor "overwrite" (a leading + is not a number here)',
      code: 'track_file tf1 {\n  file /tmp/tf1\n  init_file <|+1|>\n}\ntrack_file tf2 {\n  file /tmp/tf2\n  init_file 1 overwrite <|extra|>\n}\n',
      messages: [
        '"+1" is not valid for "init_file"; expected one of: overwrite or a number -254..254.',
        '"extra" is not valid for "init_file"; expected one of: overwrite or a number -254..254.',
      ],
    },
    {
      name: 'include_check: every word is a type; only the first may lack + or -',
      code: 'global_defs {\n  include_check read <|match|> <|+bogus|> -wildcard_match\n}\n',
      messages: [/include_check "match": only the first word may set the checks/, /"\+bogus" is not valid for "include_check"/],
    },
    {
      name: 'init_file compares "overwrite" exactly: a fix for the case',
      code: 'track_file tf1 {\n  file /tmp/tf1\n  init_file <|Overwrite|>\n}\n',
      messageId: 'choiceCase',
      output: 'track_file tf1 {\n  file /tmp/tf1\n  init_file overwrite\n}\n',
    },
    {
      name: 'tunnel options: an unknown word, type or port, a missing value',
      code: 'virtual_server 10.0.0.1 80 {\n  lb_kind DR <|10|>\n  real_server 10.0.0.2 80 {\n    lvs_method TUN type <|bogus|>\n  }\n  real_server 10.0.0.3 80 {\n    lvs_method TUN <|type|>\n  }\n  sorry_server 10.0.0.9 80\n}\n',
      messages: [
        /Invalid tunnel option "10" for "lb_kind"/,
        /Unknown tunnel type "bogus"/,
        /"type" needs a tunnel type/,
      ],
    },
    {
      name: 'tunnel options that do not go together: reported on the whole line',
      code: 'virtual_server 10.0.0.1 80 {\n  <|lb_kind TUN type gue|>\n  real_server 10.0.0.2 80 {\n    <|lvs_method TUN type ipip csum|>\n  }\n}\n',
      messages: [/gue tunnels need a port/, /ipip tunnels do not support csum/],
    },
    {
      name: 'regex_options: keepalived only logs an unknown word, so a warning',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      url {\n        path /\n        regex_options <|Caseless|>\n      }\n    }\n  }\n}\n',
      severity: 'warning',
    },
    {
      name: 'an unknown umask bit',
      code: 'global_defs {\n  umask <|IWGRP|udp|>\n}\n',
      messageId: 'umask',
    },
    {
      name: 'lvs_timeouts with an unknown option and a bad value',
      code: 'global_defs {\n  lvs_timeouts <|bogus|> <|1|> tcp <|1e3|>\n}\n',
      messages: [/Unknown option "bogus"/, /Unknown option "1"/, /"1e3" is not valid for "tcp"/],
    },
    {
      name: 'vrrp_rx_bufs_policy cannot be MTU and ADVERT',
      code: 'global_defs {\n  vrrp_rx_bufs_policy MTU <|ADVERT|>\n}\n',
      messageId: 'policyBoth',
    },
    {
      name: 'vrrp_strict checks its boolean from 2.3.0',
      code: 'global_defs {\n  vrrp_strict <|TRUE|>\n}\n',
      options: { targetVersion: '2.3.0' },
      messageId: 'boolean',
      output: 'global_defs {\n  vrrp_strict true\n}\n',
    },
    {
      name: 'enum values are case-sensitive',
      code: 'vrrp_instance VI_1 {\n  state <|master|>\n}\n',
      message: '"master" is not valid for "state": values are case-sensitive; use "MASTER".',
      messageId: 'choiceCase',
      output: 'vrrp_instance VI_1 {\n  state MASTER\n}\n',
    },
    {
      name: 'several enums in one block',
      code: 'virtual_server 10.0.0.1 80 {\n  lb_algo <|RR|>\n  lb_kind <|dr|>\n}\n',
      messages: [/use "rr"/, /use "DR"/],
      output: 'virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind DR\n}\n',
    },
    {
      name: 'a word that is no choice at all',
      code: 'vrrp_instance VI_1 {\n  state <|PRIMARY|>\n}\n',
      messageId: 'choice',
      message: /"PRIMARY" is not valid for "state"; expected one of: .*MASTER.*BACKUP/,
      output: null,
    },
    {
      name: 'booleans are lower case only',
      code: 'vrrp_instance VI_1 {\n  smtp_alert <|TRUE|>\n}\n',
      messageId: 'boolean',
      message: '"TRUE" is not a boolean for "smtp_alert"; use one of: true, on, yes, false, off, no (lower case).',
      output: 'vrrp_instance VI_1 {\n  smtp_alert true\n}\n',
    },
    {
      name: 'a boolean that is not one',
      code: 'vrrp_instance VI_1 {\n  smtp_alert <|enabled|>\n}\n',
      messageId: 'boolean',
      output: null,
    },
  ],
});
