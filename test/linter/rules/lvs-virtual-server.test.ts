import { ruleTester } from '../rule-tester';

const vs = (head: string, body: string): string => `virtual_server ${head} {\n${body}}\n`;
const base = '  lb_algo rr\n  lb_kind DR\n  protocol TCP\n';

ruleTester('lvs-virtual-server', {
  valid: [
    // A tunnelled service keeps real and sorry servers of the other family (the sorry server
    // takes the service's method); a fwmark service made IPv6 by its granularity, with IPv6 ones.
    vs('10.0.0.51 80', '  lb_algo rr\n  lb_kind TUN\n  protocol TCP\n  real_server 2001:db8::3 80 {\n  }\n  sorry_server 2001:db8::4 80\n'),
    vs('fwmark 34', '  lb_kind DR\n  lb_algo rr\n  persistence_granularity 64\n  real_server 2001:db8::6 0 {\n  }\n  ip_family inet6\n'),
    // keepalived skips a service whose fwmark it cannot read (invalid-address reports it).
    'virtual_server fwmark http {\n  protocol TCP\n}\n',
    // A sorry_server keepalived cannot read (a bad port) leaves the one before it in place.
    vs('10.0.0.1 80', base + '  sorry_server 10.0.0.9 80\n  sorry_server 10.0.0.8 http\n  sorry_server_inhibit\n  real_server 10.0.1.1 80 {\n  }\n'),
    // A port of zeros is no port (not read): the real servers and the sorry server count.
    vs('10.0.0.1 80', base + '  sorry_server 10.0.0.8 00\n  sorry_server_inhibit\n  real_server 10.0.1.1 0 {\n  }\n'),
    // A port keepalived cannot read: it skips the service ("- skipping"), so nothing else is said.
    vs('10.0.0.12 80x', '  lb_kind DR\n  real_server 10.0.1.1 8080 {\n  }\n'),
    // A real server without a weight takes the service's; a duplicate is removed before the sum.
    vs('10.0.0.10 80', base + '  weight 5\n  quorum 8\n  real_server 10.0.1.1 80 {\n  }\n  real_server 10.0.1.2 80 {\n  }\n'),
    // hysteresis below the quorum in use; sorry_server settings after the sorry_server.
    vs('10.0.0.1 80', base + '  quorum 3\n  hysteresis 2\n  sorry_server 10.0.0.9 80\n  sorry_server_inhibit\n  real_server 10.0.1.1 80 {\n    weight 3\n  }\n'),
    // No port on a persistent service (a bare persistence_timeout or a granularity makes it one);
    // ops on a UDP service.
    vs('10.0.0.1', base.replace('TCP', 'UDP') + '  ops\n  persistence_timeout\n  real_server 10.0.1.1 {\n  }\n'),
    vs('10.0.0.1 0', base + '  persistence_granularity 255.255.255.0\n  real_server 10.0.1.1 {\n  }\n'),
    vs('10.0.0.1 80', base + '  real_server 10.0.1.1 80 {\n    weight 1\n  }\n'),
    vs('10.0.0.1 80', '  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 8080 {\n  }\n'),
    vs('fwmark 1', '  lb_algo rr\n  lb_kind DR\n  real_server 10.0.1.1 {\n  }\n'),
    vs('10.0.0.1 80', base + '  quorum 2\n  real_server 10.0.1.1 80 {\n  }\n  real_server 10.0.1.2 80 {\n  }\n'),
    // A flag after its scheduler; a real server's own NAT method lets it map ports.
    vs('10.0.0.1 80', '  lvs_sched mh\n  mh-port\n  lvs_method DR\n  protocol TCP\n  real_server 10.0.1.1 8080 {\n    lvs_method NAT\n  }\n'),
    // A tunnelled sorry server may be of the other family.
    vs('10.0.0.1 80', '  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  sorry_server 2001:db8::9 80\n  sorry_server_lvs_method TUN\n  real_server 10.0.1.1 80 {\n  }\n'),
    // A NAT real server of a fwmark service keeps its port (keepalived clears it for DR and TUN).
    vs('fwmark 1', '  lb_algo rr\n  lb_kind NAT\n  real_server 10.0.1.1 80 {\n  }\n  real_server 10.0.1.2 80 {\n  }\n'),
    // An unknown protocol sets none, so a fwmark service has none to ignore.
    vs('fwmark 1', '  lb_algo rr\n  lb_kind DR\n  protocol bogus\n  real_server 10.0.1.1 {\n  }\n'),
    // ip_family that agrees with the address.
    vs('10.0.0.1 80', '  ip_family inet\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n'),
    // hashed under sh; an unknown scheduler name is ignored, so sh stays the scheduler.
    vs('10.0.0.1 80', '  lb_algo sh\n  hashed\n  lb_algo bogus\n  sh-port\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n'),
    // The method may be given on the real servers only, and the sorry server's with
    // sorry_server_lvs_method.
    vs('10.0.0.1 80', '  lb_algo rr\n  protocol TCP\n  real_server 10.0.1.1 80 {\n    lvs_method NAT\n  }\n'),
    vs(
      '10.0.0.1 80',
      '  lb_algo rr\n  protocol TCP\n  sorry_server 10.0.0.9 80\n  sorry_server_lvs_method DR\n  real_server 10.0.1.1 80 {\n    lvs_method DR\n  }\n',
    ),
    // lb_kind and lvs_method share one handler: the last valid line wins (keepalived 2.2.7 accepts
    // this without a word), and a method keepalived does not know leaves the one before it.
    vs('10.0.0.1 80', '  lb_algo rr\n  lb_kind DR\n  lvs_method NAT\n  protocol TCP\n  real_server 10.0.1.1 8080 {\n  }\n'),
    vs('10.0.0.1 80', '  lb_algo rr\n  lb_kind NAT\n  lb_kind dr\n  protocol TCP\n  real_server 10.0.1.1 8080 {\n  }\n'),
    // Each real and sorry server starts with the method in force when its line is read: NAT here.
    vs('10.0.0.1 80', '  lb_algo rr\n  protocol TCP\n  lb_kind DR\n  real_server 10.0.1.1 80 {\n  }\n  lb_kind NAT\n  real_server 10.0.1.2 8081 {\n  }\n  sorry_server 10.0.0.9 8090\n  lb_kind DR\n'),
    // A real server's mask is dropped unread (inet_stosockaddr): it is a real server all the same.
    vs('10.0.0.1 80', base + '  real_server 10.0.0.9/24 80 {\n  }\n'),
    // A sorry server that is also a real server, with the same inhibit_on_failure (here from the service).
    vs('10.0.0.1 80', base + '  inhibit_on_failure\n  sorry_server 10.0.1.1 80\n  sorry_server_inhibit\n  real_server 10.0.1.1 80 {\n  }\n'),
    // A NAT sorry server maps ports; a DR one without a port takes the service's.
    vs('10.0.0.1 80', base + '  sorry_server 10.0.0.9 8080\n  sorry_server_lvs_method NAT\n  real_server 10.0.1.1 80 {\n  }\n'),
    vs('fwmark 1', '  lb_algo rr\n  lb_kind DR\n  ha_suspend off\n  sorry_server 10.0.0.9\n  real_server 10.0.1.1 {\n  }\n'.replace('  ha_suspend off\n', '')),
    // Services of a group are lvs-virtual-server-group's.
    'virtual_server_group G {\n  fwmark 3\n}\nvirtual_server group G {\n  lb_algo rr\n  lb_kind NAT\n  real_server 10.0.1.1 80 {\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'the quorum against the weights keepalived keeps; a hysteresis it cannot read leaves the one before; a granularity it cannot read makes no persistence',
      code:
        vs('10.0.0.11 80', base + '  quorum <|3|>\n  real_server 10.0.1.1 80 {\n    weight 2\n  }\n  <|real_server 10.0.1.1 80|> {\n    weight 2\n  }\n') +
        vs('10.0.0.12 80', base + '  hysteresis <|1|>\n  hysteresis -1\n  real_server 10.0.1.1 80 {\n  }\n') +
        vs('<|10.0.0.13|> 0', base + '  persistence_granularity abc\n  real_server 10.0.1.1 {\n  }\n'),
      messages: [
        /quorum 3 for 10.0.0.11 80 exceeds the total weight of its real servers \(2\)/,
        /duplicated/,
        /hysteresis 1 is not below the quorum in use \(1\)/,
        /has no port \(or port 0\)/,
      ],
    },
    {
      name: 'a service without real servers: keepalived drops it before any other check',
      code: '<|virtual_server 10.0.0.1 {\n  ops\n}|>\n',
      message: 'Virtual server 10.0.0.1 has no real servers; keepalived ignores it.',
    },
    {
      name: 'ha_suspend with a fwmark',
      code: vs('fwmark 7', '  lb_algo rr\n  lb_kind NAT\n  <|ha_suspend|>\n  real_server 10.0.1.1 {\n  }\n'),
      message: 'Virtual server fwmark 7: ha_suspend cannot be used with fwmarks; keepalived clears it.',
    },
    {
      name: 'the sorry server is also a real server, with another inhibit_on_failure',
      code: vs('10.0.0.1 80', base + '  <|sorry_server 10.0.1.1 80|>\n  sorry_server_inhibit\n  real_server 10.0.1.1 80 {\n  }\n'),
      message:
        "Virtual server 10.0.0.1 80: real server 10.0.1.1 80 is also the sorry server, with another inhibit_on_failure setting; keepalived gives the sorry server the real server's.",
    },
    {
      name: 'a real server read under DR stays DR when a later line sets NAT',
      code: vs('10.0.0.1 80', '  lb_algo rr\n  protocol TCP\n  lb_kind DR\n  real_server 10.0.1.1 <|8080|> {\n  }\n  lb_kind NAT\n'),
      messageId: 'portMismatch',
    },
    {
      name: 'a sorry server read under DR stays DR when a later line sets NAT',
      code: vs('10.0.0.1 80', '  lb_algo rr\n  protocol TCP\n  lb_kind DR\n  real_server 10.0.1.1 80 {\n  }\n  sorry_server 10.0.0.9 <|8090|>\n  lb_kind NAT\n'),
      messageId: 'sorryPort',
    },
    {
      name: 'a DR sorry server with another port; a fwmark sorry server with a port',
      code:
        vs('10.0.0.1 80', base + '  sorry_server 10.0.0.9 <|8080|>\n  real_server 10.0.1.1 80 {\n  }\n') +
        vs('fwmark 10', '  lb_algo rr\n  lb_kind DR\n  sorry_server 10.0.0.9 <|80|>\n  real_server 10.0.1.1 {\n  }\n'),
      messages: [
        'Virtual server 10.0.0.1 80 uses DR, which cannot map ports: the sorry server port 8080 differs from 80; keepalived resets it.',
        'fwmark virtual server fwmark 10: the sorry server has a port, which keepalived clears.',
      ],
    },
    {
      name: 'a quorum keepalived cannot read is reset to 1, so it exceeds nothing',
      code: vs('10.0.0.1 80', base + '  quorum 4294967296\n  hysteresis <|1|>\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: /hysteresis 1 is not below the quorum in use \(1\)/,
    },
    {
      name: 'every real server at weight 0: the default quorum is reduced to 0 (one drained server among others is fine)',
      code:
        vs('<|10.0.0.1|> 80', base + '  real_server 10.0.1.1 80 {\n    weight 0\n  }\n  real_server 10.0.1.2 80 {\n    weight 0\n  }\n') +
        vs('10.0.0.2 80', base + '  real_server 10.0.1.1 80 {\n    weight 0\n  }\n  real_server 10.0.1.2 80 {\n  }\n') +
        // An empty word is 0 to keepalived; a weight it cannot read leaves the one before (1 here).
        vs('10.0.0.3 80', base + '  real_server 10.0.1.1 80 {\n    weight ""\n  }\n  real_server 10.0.1.2 80 {\n    weight 5x\n  }\n') +
        vs('<|10.0.0.4|> 80', base + '  real_server 10.0.1.1 80 {\n    weight ""\n  }\n'),
      messages: [
        'Every real server of 10.0.0.1 80 has weight 0; keepalived reduces the quorum to 0 ("exceeds total weight of real servers 0") and the service gets no traffic. Give a real server a weight.',
        'Every real server of 10.0.0.4 80 has weight 0; keepalived reduces the quorum to 0 ("exceeds total weight of real servers 0") and the service gets no traffic. Give a real server a weight.',
      ],
      severity: 'warning',
    },
    {
      name: 'hysteresis not below the quorum in use (1 by default); sorry_server settings before the sorry_server',
      code: vs('10.0.0.1 80', base + '  hysteresis <|1|>\n  <|sorry_server_inhibit|>\n  sorry_server 10.0.0.9 80\n  real_server 10.0.1.1 80 {\n  }\n'),
      messages: [
        'Virtual server 10.0.0.1 80: hysteresis 1 is not below the quorum in use (1); keepalived sets it to quorum - 1.',
        /sorry_server_inhibit before \(or without\) a sorry_server keepalived can read/,
      ],
    },
    {
      name: 'sorry_server settings after a sorry_server keepalived skips (its port is not a number)',
      code: vs('10.0.0.1 80', base + '  sorry_server 10.0.0.8 http\n  <|sorry_server_lvs_method NAT|>\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: /^sorry_server_lvs_method before \(or without\) a sorry_server keepalived can read/,
    },
    {
      name: 'real servers keepalived skips (port out of range, bad address) do not count',
      code: '<|virtual_server 10.0.0.1 80 {\n' + base + '  real_server 10.0.1.1 70000 {\n  }\n  real_server 10.0.1.300 80 {\n  }\n}|>\n',
      message: 'Virtual server 10.0.0.1 80 has no real servers; keepalived ignores it.',
    },
    {
      name: 'no port without persistence; ops with TCP',
      code: vs('<|10.0.0.1|>', base + '  <|ops|>\n  persistence_timeout 0\n  real_server 10.0.1.1 {\n  }\n'),
      messages: [/has no port \(or port 0\), which only a persistent service may have/, 'Virtual server 10.0.0.1: one-packet scheduling (ops) requires UDP, not TCP; keepalived turns it off.'],
    },
    {
      name: 'the last of lb_kind and lvs_method wins; weights add up for the quorum',
      code: vs(
        '10.0.0.1 80',
        '  lb_algo rr\n  lvs_method NAT\n  lb_kind DR\n  protocol TCP\n  quorum <|9|>\n  real_server 10.0.1.1 8080 {\n    weight 4\n  }\n  real_server 10.0.1.2 80 {\n    weight 4\n  }\n',
      ).replace('10.0.1.1 8080', '10.0.1.1 <|8080|>'),
      messages: [/exceeds the total weight of its real servers \(8\)/, /uses DR, which cannot map ports/],
    },
    {
      name: 'a flag before its scheduler',
      code: vs('10.0.0.1 80', '  <|mh-fallback|>\n  lb_algo sh\n  sh-fallback\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: /mh-fallback only applies to the mh scheduler/,
      severity: 'error',
    },
    {
      name: 'a flag for the other of sh and mh: keepalived ignores it silently, so a warning',
      code: vs('10.0.0.1 80', '  lb_algo sh\n  <|mh-port|>\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: /mh-port only applies to the mh scheduler/,
      severity: 'warning',
    },
    {
      name: 'a sorry server of the other address family, up to the closing brace where keepalived checks it',
      code: 'virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  sorry_server <|2001:db8::9 80\n  real_server 10.0.1.1 80 {\n  }\n}|>\n',
      message:
        'Address family of virtual server 10.0.0.1 80 and sorry server 2001:db8::9 differ; keepalived skips the sorry server (only sorry_server_lvs_method TUN can mix families).',
    },
    {
      name: 'a fwmark service takes its family from a prefix-length granularity or its first real server that is not tunnelled',
      code:
        vs('fwmark 31', '  lb_kind DR\n  lb_algo rr\n  persistence_granularity 100\n  real_server <|1.1.1.1 0 {\n  }|>\n  real_server 2001:db8::7 0 {\n  }\n') +
        vs('fwmark 32', '  lb_kind DR\n  lb_algo rr\n  real_server 10.0.0.1 0 {\n  }\n  real_server <|2001:db8::1 0 {\n  }|>\n  <|ip_family inet6|>\n'),
      messages: [
        'Address family of virtual server fwmark 31 and real server 1.1.1.1 0 differ; keepalived skips the real server (only TUN can mix families).',
        /^Address family of virtual server fwmark 32 and real server 2001:db8::1 0 differ/,
        'Virtual server fwmark 32: ip_family inet6 conflicts with the family it already has (from its address, an earlier ip_family, a real server or persistence_granularity); keepalived ignores the line.',
      ],
    },
    {
      name: 'lb_kind TUN after a real server comes too late for its family check; a netmask granularity is IPv4',
      code:
        vs('10.0.0.50 80', '  lb_algo rr\n  protocol TCP\n  real_server <|2001:db8::2 80 {\n  }|>\n  real_server 10.0.0.2 80 {\n  }\n  lb_kind TUN\n') +
        vs('fwmark 33', '  lb_kind DR\n  lb_algo rr\n  persistence_granularity 255.255.255.0\n  real_server <|2001:db8::5 0 {\n  }|>\n  real_server 10.0.0.5 0 {\n  }\n'),
      messageId: 'family',
    },
    {
      name: 'ip_family against the address, or against an earlier ip_family of a fwmark service',
      code:
        vs('10.0.0.1 80', '  <|ip_family inet6|>\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n') +
        vs('fwmark 5', '  ip_family inet\n  <|ip_family inet6|>\n  lb_algo rr\n  lb_kind NAT\n  real_server 10.0.1.1 80 {\n  }\n'),
      messages: [
        'Virtual server 10.0.0.1 80: ip_family inet6 conflicts with the family it already has (from its address, an earlier ip_family, a real server or persistence_granularity); keepalived ignores the line.',
        'Virtual server fwmark 5: ip_family inet6 conflicts with the family it already has (from its address, an earlier ip_family, a real server or persistence_granularity); keepalived ignores the line.',
      ],
    },
    {
      name: 'hashed without lb_algo sh (before it, or under another scheduler)',
      code:
        vs('10.0.0.1 80', '  <|hashed|>\n  lb_algo sh\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n') +
        vs('10.0.0.2 80', '  lb_algo rr\n  <|hashed|>\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n'),
      messages: [/hashed only applies to the sh scheduler/, /hashed only applies to the sh scheduler/],
    },
    {
      name: 'no real server',
      code: '<|virtual_server 10.0.0.1 80 {\n' + base + '}|>\n',
      message: 'Virtual server 10.0.0.1 80 has no real servers; keepalived ignores it.',
    },
    {
      // keepalived resets the port of a real server of a service without one (all ports) too.
      name: 'DR on a service without a port, a real server with one',
      code: vs('10.0.0.1', base + '  persistence_timeout 50\n  real_server 10.0.1.1 <|3307|> {\n  }\n'),
      message:
        'Virtual server 10.0.0.1 uses DR, which cannot map ports: the service has no port (all ports), so keepalived resets real server port 3307 to none. Leave the port out.',
    },
    {
      name: 'DR cannot map ports',
      code: vs('10.0.0.1 80', base + '  real_server 10.0.1.1 <|8080|> {\n  }\n'),
      message:
        'Virtual server 10.0.0.1 80 uses DR, which cannot map ports: real server port 8080 differs from 80 and keepalived resets it.',
    },
    {
      name: 'fwmark with protocol and a real-server port',
      code: vs('fwmark 1', '  lb_algo rr\n  lb_kind DR\n  <|protocol TCP|>\n  real_server 10.0.1.1 <|80|> {\n  }\n'),
      messages: [/protocol is ignored for a fwmark service/, /has a port, which keepalived clears/],
    },
    {
      name: 'quorum above the total weight',
      code: vs('10.0.0.1 80', base + '  quorum <|5|>\n  real_server 10.0.1.1 80 {\n    weight 2\n  }\n'),
      message: 'quorum 5 for 10.0.0.1 80 exceeds the total weight of its real servers (2); keepalived reduces it to 2.',
    },
    {
      name: 'only a scheduler keepalived knows sets one: an unknown name is ignored',
      code: vs('<|10.0.0.1|> 80', '  lb_algo loadbalance\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: 'Virtual server 10.0.0.1 80: no scheduler set; keepalived uses lb_algo wlc.',
    },
    {
      name: 'only a protocol keepalived knows sets one: an unknown name is ignored',
      code: vs('<|10.0.0.1|> 80', '  lb_algo rr\n  lb_kind NAT\n  protocol TCPP\n  real_server 10.0.1.1 80 {\n  }\n'),
      message: 'Virtual server 10.0.0.1 80: no protocol set; keepalived defaults to UDP. Add "protocol TCP" (or UDP/SCTP).',
    },
    {
      name: 'defaults keepalived fills in',
      code: 'virtual_server <|<|<|10.0.0.1|>|>|> 80 {\n  real_server 10.0.1.1 80 {\n  }\n}\n',
      messages: [/no protocol set/, /no scheduler set/, /no forwarding method set/],
    },
    {
      // keepalived gives the service NAT at the first real server it keeps without a method.
      name: 'a real server without a method, the others with theirs',
      code: vs(
        '<|10.0.0.1|> 80',
        '  lb_algo rr\n  protocol TCP\n  real_server 10.0.1.1 80 {\n    lvs_method NAT\n  }\n  real_server 10.0.1.2 80 {\n  }\n',
      ),
      message: 'Virtual server 10.0.0.1 80: no forwarding method set; keepalived uses lb_kind NAT.',
    },
    {
      name: 'a sorry server without a method, the real servers with theirs',
      code: vs('<|10.0.0.1|> 80', '  lb_algo rr\n  protocol TCP\n  sorry_server 10.0.0.9 80\n  real_server 10.0.1.1 80 {\n    lvs_method NAT\n  }\n'),
      messageId: 'noMethod',
    },
    {
      // keepalived drops these two before it looks for their method: no "no forwarding method".
      name: 'a duplicate and an other-family real server without a method',
      code: vs(
        '10.0.0.1 80',
        '  lb_algo rr\n  protocol TCP\n  real_server 10.0.1.1 80 {\n    lvs_method DR\n  }\n  <|real_server 10.0.1.1 80|> {\n  }\n  real_server <|2001:db8::1 80 {\n  }|>\n',
      ),
      messages: [/is duplicated/, /Address family of virtual server/],
    },
    {
      name: 'real server of another family',
      code: vs(
        '10.0.0.1 80',
        base.replace('DR', 'NAT') + '  real_server <|2001:db8::1 80 {\n  }|>\n  real_server 10.0.1.1 80 {\n  }\n',
      ),
      messageId: 'family',
    },
    {
      name: 'sh-port before lb_algo sh',
      code: vs('10.0.0.1 80', '  <|sh-port|>\n' + base.replace('rr', 'sh') + '  real_server 10.0.1.1 80 {\n  }\n'),
      message: 'sh-port only applies to the sh scheduler, set with lb_algo sh before it; keepalived ignores it.',
    },
    {
      name: 'duplicate real server',
      code: vs('10.0.0.1 80', base + '  real_server 10.0.1.1 80 {\n  }\n  <|real_server 10.0.1.1 80|> {\n  }\n'),
      messageId: 'duplicate',
    },
  ],
});
