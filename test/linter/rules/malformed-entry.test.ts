import { ruleTester } from '../rule-tester';

const vips = (lines: string): string => `vrrp_instance VI_1 {\n  virtual_ipaddress {\n${lines}  }\n}\n`;

ruleTester('malformed-entry', {
  valid: [
    // Each instance has its own track lists.
    'vrrp_script chk {\n}\nvrrp_instance VI_1 {\n  track_script {\n    chk\n  }\n}\nvrrp_instance VI_2 {\n  track_script {\n    chk\n  }\n}\n',
    // Keywords in any order; any other word is the destination ([to] [TYPE] PREFIX); "lock" before a metric; "or" takes an address.
    'vrrp_instance VI_1 {\n  virtual_routes {\n    src 10.0.1.1 to 192.168.100.0/24 via 10.0.1.254 dev eth0\n    to 192.168.101.0/24 via 10.0.1.254 dev eth0\n    192.168.108.0/24 dev eth0 mtu lock 1400\n    default6 2001:db8::1 dev eth0\n    blackhole 192.168.103.0/24 dev eth0\n    192.168.109.0/24 dev eth0 protocol static no_track\n  }\n}\n',
    // via may name its family; src and via are plain addresses; from is an IPv6 prefix.
    'static_routes {\n  10.0.0.0/8 via inet 10.1.1.1 dev eth0\n  10.4.0.0/16 src 10.1.1.1 dev eth0\n  2001:db8:1::/64 from 2001:db8::/64 via inet6 fe80::1 dev eth0\n}\n',
    vips(
      '    10.0.0.2/24 dev eth0 label eth0:1\n    10.0.0.3/24 brd 10.0.0.255 dev eth0 scope link\n    fe80::10/64 dev eth0\n',
    ),
    'vrrp_instance VI_1 {\n  unicast_peer {\n    10.0.0.9\n    10.0.0.8 min_ttl 1 max_ttl 5\n  }\n}\n',
    // keepalived compares the last values: a later max_ttl puts the order right.
    'vrrp_instance VI_1 {\n  unicast_peer {\n    10.0.0.8 min_ttl 20 max_ttl 10 max_ttl 30\n  }\n}\n',
    'global_defs {\n  notification_email {\n    ops@example.com\n    noc@example.org\n  }\n}\n',
    // One value on one line works for a value block.
    'vrrp_instance VI_1 {\n  virtual_ipaddress { 10.0.0.1/24 }\n}\n',
    // Every option keepalived knows for an address (2.2.7 to 2.4.x), IPv6 scope global (0) included.
    vips(
      '    10.0.0.4/24 home -nodad mngtmpaddr noprefixroute autojoin no_track use_vmac preferred_lft forever\n    10.0.0.5/30 brd +\n    10.0.0.6 peer 10.0.0.7\n    2001:db8::1/64 scope global preferred_lft 60\n',
    ),
    // A nexthop may go through an interface named "as" (the word is then the value of dev).
    'static_routes {\n  10.7.0.0/16 nexthop via 10.1.1.1 dev as weight 2\n}\n',
    // Rule values: numbers in any base for preferences and fwmarks, a mask, a uid range.
    'vrrp_instance VI_1 {\n  virtual_rules {\n    from 10.3.0.0/16 table 100 priority 0x10 fwmark 0x10/0xff\n    from 10.4.0.0/16 table 100 priority +28 fwmark /5 uidrange 1000-2000\n    from 10.5.0.0/16 table 100 priority 010 sup_pl 5 ipproto tcp\n  }\n}\n',
    // Option values keepalived reads: times in its units, ms or s (clamped to 0.2..120 s with a log
    // line only), numbers in any base for the iproute2 tables, a lock before the value.
    'static_routes {\n  10.2.0.0/16 dev eth0 rtt 2s rttvar lock 2.5s rto_min 200ms\n  10.3.0.0/16 dev eth0 rtt 120001ms hoplimit 255 tos 0x10 scope 253\n  10.5.0.0/16 dev eth0 rtt 5S metric 4294967295 mtu lock 1500 quickack 1 realms 1/2\n  10.6.0.0/16 nexthop via 10.1.1.1 dev eth0 weight 256 nexthop via 10.1.1.2 dev eth0 weight 1\n}\n',
    // track_group belongs to static addresses, with their dev.
    'track_group TG {\n  group {\n    VI_1\n  }\n}\nstatic_ipaddress {\n  10.9.0.1/24 dev eth0 track_group TG\n}\n',
  ],
  invalid: [
    {
      name: 'route values keepalived reports and leaves out, more decimals than a unit has, empty realms, a negative tos',
      code:
        'static_routes {\n  10.1.0.0/16 dev eth0 features <|x|>\n  10.2.0.0/16 dev eth0 ttl-propagate <|on|>\n  10.3.0.0/16 dev eth0 rtt <|0.5|>\n' +
        '  10.4.0.0/16 dev eth0 rtt <|1.2345s|>\n  10.5.0.0/16 dev eth0 realms <|/5|>\n  10.6.0.0/16 dev eth0 tos <|-1|>\n  10.7.0.0/16 dev eth0 protocol 0x12\n}\n',
      messages: [
        '"x" is not a valid features for a route (ecn); keepalived ignores it.',
        '"on" is not a valid ttl-propagate for a route (enabled or disabled); keepalived ignores it.',
        /"0.5" is not a valid rtt/,
        /"1.2345s" is not a valid rtt/,
        /"\/5" is not a valid realms/,
        /"-1" is not a valid tos/,
      ],
    },
    {
      name: 'a tracked rule with another protocol, and ipproto numbers above 127',
      code:
        'static_rules {\n  from 10.1.0.0/16 table 100 priority 1 protocol <|0|>\n  from 10.2.0.0/16 table 100 priority 2 protocol 0 no_track\n' +
        '  from 10.3.0.0/16 table 100 priority 3 ipproto <|255|>\n  from 10.4.0.0/16 table 100 priority 4 ipproto 08 protocol 18\n}\n',
      messages: [
        'A rule keepalived tracks has protocol keepalived (18); keepalived resets "0" ("Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED"). Add no_track to keep it.',
        '"255" is not a valid ipproto for a rule (a protocol name, or 0..127); keepalived ignores it.',
      ],
    },
    {
      name: 'rule option values keepalived cannot read: it drops the rule (protocol and ipproto: it leaves them out)',
      code:
        'vrrp_instance VI_1 {\n  virtual_rules {\n    from 10.1.0.0/16 table <|0|> priority 10\n    from 10.2.0.0/16 table 100 priority <|08|>\n' +
        '    from 10.6.0.0/16 table 100 priority 13 fwmark <|5/-1|>\n    from 10.7.0.0/16 table 100 priority 14 uidrange <|1000|>\n' +
        '    from 10.8.0.0/16 table 100 priority 15 protocol <|256|>\n    from 10.9.0.0/16 priority 16 goto <|abc|> bogus\n  }\n}\n',
      messages: [
        '"0" is not a valid table for a rule (a table other than 0); keepalived skips this rule.',
        '"08" is not a valid priority for a rule (0..4294967295); keepalived skips this rule.',
        /"5\/-1" is not a valid fwmark/,
        /"1000" is not a valid uidrange/,
        '"256" is not a valid protocol for a rule (0..255); keepalived ignores it.',
        /"abc" is not a valid goto/,
      ],
    },
    {
      name: 'route option values keepalived cannot read: it drops the route',
      code:
        'static_routes {\n  10.1.0.0/16 dev eth0 rtt <|4294967295|>\n  10.4.0.0/16 dev eth0 rtt <|1e3|>\n  10.8.0.0/16 dev eth0 hoplimit <|256|>\n' +
        '  10.9.0.0/16 dev eth0 mtu lock <|1500x|>\n  10.11.0.0/16 dev eth0 tos <|256|>\n  10.13.0.0/16 dev eth0 scope <|08|>\n' +
        '  10.16.0.0/16 dev eth0 realms <|1/300|>\n  10.17.0.0/16 nexthop via 10.0.0.1 dev eth0 weight <|0|>\n  10.19.0.0/16 dev eth0 rto_min <|121s|> mtu 1x\n}\n',
      messages: [
        '"4294967295" is not a valid rtt for a route (a time: a number of 1/8000 s, or Nms, or Ns (at most 120 s)); keepalived skips this route.',
        /"1e3" is not a valid rtt/,
        '"256" is not a valid hoplimit for a route (0..255); keepalived skips this route.',
        /"1500x" is not a valid mtu/,
        '"256" is not a valid tos for a route (a name from /etc/iproute2, or 0..255); keepalived skips this route.',
        /"08" is not a valid scope/,
        /"1\/300" is not a valid realms/,
        '"0" is not a valid weight for a route (1..256); keepalived skips this route.',
        /"121s" is not a valid rto_min/,
      ],
    },
    {
      name: 'route options of the other family, a tracked route with another protocol, a nexthop route without its own dev',
      code: 'vrrp_instance VI_1 {\n  virtual_routes {\n    192.168.108.0/24 dev eth0 mtu lock 1400 <|pref|> high\n    2001:db8:9::/64 dev eth0 <|realms|> 5\n    192.168.102.0/24 via 10.0.1.254 dev eth0 protocol <|static|>\n  }\n}\n',
      options: { targetVersion: '2.2.7' },
      messages: [
        '"pref" is only valid for IPv6 routes; keepalived ignores it.',
        '"realms" is only valid for IPv4 routes; keepalived ignores it.',
        'A route keepalived tracks has protocol keepalived (18); keepalived resets "static" ("Route cannot be tracked if protocol is not RTPROT_KEEPALIVED"). Add no_track to keep it.',
      ],
    },
    {
      name: '"as to" on a route is ignored with the address after it (no destination, so no family mix); in a nexthop it drops the nexthop',
      code: 'static_routes {\n  10.1.0.0/16 <|as|> to 2001:db8::9 via 10.0.0.254 dev eth0\n  10.4.0.0/16 dev eth0 nexthop via 10.0.0.253 <|as|> to 10.9.0.0\n}\n',
      messages: [
        '"as to" (address translation) applies to MPLS routes only; keepalived ignores it and the address after it.',
        '"as to" (address translation) is not supported in a nexthop; keepalived drops this nexthop and those after it.',
      ],
    },
    {
      name: 'the devs of nexthops do not make a route trackable (2.2.7)',
      code: 'vrrp_instance VI_1 {\n  virtual_routes {\n    <|192.168.106.0/24|> nexthop via 10.0.1.253 dev eth0\n  }\n}\n',
      options: { targetVersion: '2.2.7' },
      severity: 'warning',
      message: 'Route has no "dev": keepalived 2.2.7 cannot track it.',
    },
    {
      name: 'keepalived steps over the word after inet6: a route left without destination',
      code: 'vrrp_instance VI_1 {\n  virtual_routes {\n    inet6 <|default|> via fd00::fe dev eth0\n  }\n}\n',
      message:
        'keepalived steps over the word after "inet6" ("default": a quirk of its reader) and finds no destination, so it drops the route ("Route must have a destination"). Put the destination first, e.g. "::/0 via …".',
    },
    {
      name: "keepalived steps over the word after a rule's inet6 (a warning: what follows may still read)",
      code: 'vrrp_instance VI_1 {\n  virtual_rules {\n    inet6 <|no_track|> from fd00::/64 table 107 priority 107\n  }\n}\n',
      severity: 'warning',
      message:
        'keepalived steps over the word after "inet6" ("no_track": a quirk of its reader), so it reads the rest of the line without it. Put inet6 after the addresses.',
    },
    {
      name: 'a rule port that is not a range',
      code: 'vrrp_instance VI_1 {\n  virtual_rules {\n    from all ipproto tcp dport <|80|> sport 1000-2000 table 109 priority 109\n  }\n}\n',
      message:
        'dport "80" is not read as a range by keepalived (it wants START-END: write 80-80); keepalived ignores it.',
    },
    {
      name: 'a virtual_server_group whose every entry is skipped is removed (at its closing brace)',
      code: '<|virtual_server_group G1 {\n  <|10.0.0.300 80|>\n  <|10.0.0.1-0|> 80\n}|>\n',
      messages: [
        /has no valid entry left; keepalived removes the group/,
        /not a valid virtual_server_group entry/,
        /not greater than the start/,
      ],
    },
    {
      name: 'an address that is not one',
      code: vips('    <|10.0.0.300/24|>\n'),
      message: '"10.0.0.300/24" is not a valid IP address; keepalived skips this virtual_ipaddress entry.',
      messageId: 'badAddress',
    },
    {
      name: 'prefix length out of range',
      code: vips('    <|10.0.0.1/33|>\n'),
      message: 'Prefix length "33" is not a number 0..32; keepalived uses the whole address (/32).',
    },
    {
      name: 'bad scope and over-long label',
      code: vips('    10.0.0.2/24 dev eth0 scope <|bogus|> label <|verylonglabelname0|>\n'),
      messages: [/Invalid scope "bogus"/, /Label "verylonglabelname0" is longer than 15 characters/],
    },
    {
      name: 'unknown option',
      code: vips('    10.0.0.3 <|foo|>\n'),
      messageId: 'unknownOption',
    },
    {
      name: 'a broadcast on an IPv6 address skips it; a scope other than global and a label are ignored',
      code: vips(
        '    fe80::1/64 <|brd|> 10.0.0.255\n    2001:db8::5/64 scope <|link|>\n    2001:db8::6/64 label <|eth0:x|>\n',
      ),
      messages: [
        'A broadcast address cannot be given to the IPv6 address fe80::1/64; keepalived skips this address.',
        'Scope "link" cannot be given to the IPv6 address 2001:db8::5/64; keepalived ignores the scope.',
        'A label cannot be given to the IPv6 address 2001:db8::6/64; keepalived ignores the label.',
      ],
    },
    {
      name: 'words keepalived does not know for an address (each of them)',
      code: vips(
        '    10.0.0.1/24 <|nodad|>\n    10.0.0.2/24 <|protocol|> <|5|>\n    10.0.0.3/24 <|track_group|> <|g|>\n',
      ),
      messageId: 'unknownOption',
    },
    {
      name: 'use_vmac is not an option of a static address',
      code: 'static_ipaddress {\n  10.9.0.1/24 dev eth0 <|use_vmac|>\n}\n',
      messageId: 'unknownOption',
    },
    {
      name: 'broadcast problems',
      code: vips(
        '    10.0.0.7/31 brd <|-|>\n    10.0.0.8 brd <|10.0.0.255|> peer 10.0.0.9\n    10.0.0.17/24 brd <|300.1.1.1|>\n',
      ),
      messages: [
        'Broadcast "-" with prefix length 31: too long to compute a broadcast address (at most /30); keepalived ignores it.',
        'An address with a peer has no broadcast address; keepalived ignores the broadcast.',
        '"300.1.1.1" is not an IPv4 broadcast address (or "+" / "-"); keepalived skips this address.',
      ],
    },
    {
      name: 'peer problems',
      code: vips(
        '    <|10.0.0.10/24|> peer 10.0.0.11\n    10.0.0.12 peer <|2001:db8::1|>\n    10.0.0.13 peer <|bogus|>\n    10.0.0.20 peer <|10.0.0.21/24|>\n    10.0.0.14 peer 10.0.0.15 peer <|10.0.0.16|>\n',
      ),
      messages: [
        'An address with a peer takes its prefix from the peer; keepalived ignores the prefix of 10.0.0.10/24.',
        "Peer 2001:db8::1 is not of the address's family; keepalived ignores it.",
        '"bogus" is not a valid peer address; keepalived ignores it.',
        '"10.0.0.21/24" is not a valid peer address; keepalived ignores it.',
        'A second peer (10.0.0.16); keepalived ignores it.',
      ],
    },
    {
      name: 'a second dev, a bad lifetime, a static track_group without dev',
      code:
        vips('    10.0.0.18/24 dev eth0 <|dev|> eth1\n    10.0.0.19/24 preferred_lft <|abc|>\n') +
        'static_ipaddress {\n  10.9.0.2/24 <|track_group|> TG\n}\n',
      messages: [
        'A second "dev" for this address; keepalived skips the address ("Cannot specify ipaddress device more than once").',
        'preferred_lft "abc" is not "forever" or a number 0..4294967295; keepalived ignores it.',
        'A static address with track_group needs "dev"; keepalived ignores the track_group.',
      ],
    },
    {
      name: 'one-line value block: the second address is read as an option',
      code: 'vrrp_instance VI_1 {\n  virtual_ipaddress { 10.0.0.4/24 <|10.0.0.5/24|> }\n}\n',
      messageId: 'oneLine',
      message: /each address must be on its own line/,
    },
    {
      name: 'unicast_peer: bad address, bad ttl, unknown option',
      code: 'vrrp_instance VI_1 {\n  unicast_peer {\n    <|abc|>\n    10.0.0.9 min_ttl <|300|>\n    10.0.0.8 <|ttl|> <|3|>\n  }\n}\n',
      messages: [
        /"abc" is not a valid IP address; keepalived skips this unicast_peer entry/,
        '"min_ttl" must be 0..255.',
        /Unknown unicast_peer option "ttl"/,
        /Unknown unicast_peer option "3"/,
      ],
    },
    {
      name: 'notification_email entry that is no address (keepalived does not check: warning)',
      code: 'global_defs {\n  notification_email {\n    ops@example.com\n    <|not-an-email|>\n  }\n}\n',
      messageId: 'email',
      severity: 'warning',
    },
    {
      name: 'an address option without its value',
      code: vips('    10.0.0.1/24 <|dev|>\n'),
      messageId: 'missingVipValue',
      message: '"dev" needs a value; keepalived skips this address ("No dev parameter specified").',
    },
    {
      name: 'min_ttl above max_ttl',
      code: 'vrrp_instance VI_1 {\n  unicast_peer {\n    10.0.0.2 <|min_ttl 10 max_ttl 5|>\n    10.0.0.3 <|max_ttl 10 min_ttl 20|>\n  }\n}\n',
      messages: [
        'min_ttl 10 is greater than max_ttl 5: every packet will be discarded.',
        'min_ttl 20 is greater than max_ttl 10: every packet will be discarded.',
      ],
    },
    {
      name: 'an empty group list in a sync group or a track group',
      code: 'vrrp_sync_group G {\n  <|group {\n  }|>\n}\ntrack_group T {\n  <|group {\n  }|>\n}\n',
      messages: [
        'Empty group list in vrrp_sync_group; keepalived ignores it (a later group block of the same vrrp_sync_group is then taken).',
        /Empty group list in track_group/,
      ],
      severity: 'warning',
    },
    {
      name: 'routes: via and src take an address without prefix; from is IPv6 only; one family per route',
      code:
        'static_routes {\n  10.5.0.0/16 via <|10.1.1.1/24|> dev eth0\n  10.6.0.0/16 src <|10.1.1.1/24|> dev eth0\n  10.7.0.0/16 from <|10.1.0.0/16|> dev eth0\n' +
        '  10.8.0.0/16 via <|inet6|> fe80::1 dev eth0\n  2001:db8:1::/64 via <|10.1.1.1|> dev eth0\n}\n',
      messages: [
        '"10.1.1.1/24" is not a valid IP address; keepalived skips this route entry.',
        '"10.1.1.1/24" is not a valid IP address; keepalived skips this route entry.',
        'Route "from" 10.1.0.0/16: only IPv6 routes take a source prefix; keepalived skips this route.',
        '"inet6" is of the other address family than the rest of the route; keepalived skips this route ("Cannot mix IPv4 and IPv6 addresses for route").',
        /"10\.1\.1\.1" is of the other address family/,
      ],
    },
    {
      name: 'route and rule addresses whose prefix keepalived cannot read (src takes no prefix at all)',
      code: 'static_routes {\n  <|10.2.0.0/16.|> via 10.1.1.254 dev eth0\n  10.4.0.0/16 src <|10.1.1.1/x|> dev eth0\n}\nstatic_rules {\n  from <|10.3.0.0/33|> table 100 preference 10\n}\n',
      messages: [
        'Prefix length "16." is not a number 0..32; keepalived uses the whole address (/32).',
        '"10.1.1.1/x" is not a valid IP address; keepalived skips this route entry.',
        'Prefix length "33" is not a number 0..32; keepalived uses the whole address (/32).',
      ],
    },
    {
      name: 'routes: an unknown keyword',
      code: 'vrrp_instance VI_1 {\n  virtual_routes {\n    10.1.0.0/16 via 10.0.0.254 dev eth0 <|bogus|>\n  }\n}\n',
      messageId: 'routeKeyword',
      message: 'Unknown route keyword "bogus"; keepalived skips it.',
    },
    {
      name: 'routes: deprecated "gw" (a warning)',
      code: 'vrrp_instance VI_1 {\n  virtual_routes {\n    10.2.0.0/16 <|gw|> 10.0.0.254 dev eth0\n  }\n}\n',
      messageId: 'routeDeprecated',
      message: '"gw" in routes is deprecated; use "via".',
      severity: 'warning',
    },
    {
      name: 'a route without "dev" cannot be tracked by 2.2.7',
      code: 'vrrp_instance VI_1 {\n  virtual_routes {\n    <|10.3.0.0/16|> via 10.0.0.254\n  }\n}\n',
      options: { targetVersion: '2.2.7' },
      messageId: 'routeNoInterface',
      severity: 'warning',
    },
    {
      name: 'rules: no action (none of table, goto, nop, blackhole, unreachable, prohibit, l3mdev)',
      code: 'static_rules {\n  from 10.0.0.0/8 priority 100 blackhole\n  not from 10.1.0.0/16 table 100 priority 101\n  from 10.2.0.0/16 priority 102 type prohibit\n  from 10.3.0.0/16 priority 103 unreachable\n  <|from 10.4.0.0/16 priority 104|>\n}\n',
      message: 'Rule has no action (table, goto, nop, blackhole, unreachable, prohibit or l3mdev); keepalived ignores it ("No action specified for rule - ignoring").',
    },
    {
      name: 'rules: no preference, unknown option',
      code: 'vrrp_instance VI_1 {\n  virtual_rules {\n    <|from 10.0.0.0/24 table 100|>\n    from 10.0.1.0/24 table 100 priority 10 <|bogusopt|>\n  }\n}\n',
      messages: [/Rule has no preference/, 'Unknown rule option "bogusopt"; keepalived skips it.'],
    },
    {
      // A name listed twice is track-duplicate's.
      name: 'track_script entries: weight range, syntax',
      code: 'vrrp_script chk {\n}\nvrrp_script chk2 {\n}\nvrrp_instance VI_1 {\n  track_script {\n    chk weight <|300|>\n    chk\n    chk2 weight 10 <|badopt|>\n  }\n}\n',
      messages: ['Weight 300 in track_script must be -253..253.', /Unexpected "badopt" in track_script/],
    },
    {
      name: 'an empty notification_email block',
      code: 'global_defs {\n  <|notification_email {\n  }|>\n}\n',
      messageId: 'emptyBlock',
      severity: 'warning',
    },
    {
      name: 'virtual_server_group entries keepalived skips',
      code: 'virtual_server_group G {\n  <|10.0.0.5-3|> 80\n  <|bogus 80|>\n  10.0.0.9 80\n}\n',
      messages: [
        /Address range end 3 is not greater than the start of "10\.0\.0\.5-3"/,
        /"bogus 80" is not a valid virtual_server_group entry/,
      ],
    },
  ],
});
