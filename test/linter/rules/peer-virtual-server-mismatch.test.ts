import { B, node, peerTester } from '../peer/peer-tester';

/** Options of lvs(): lines of the virtual_server block (`<|…|>` marks allowed). */
interface Lvs {
  vs?: string;
  kind?: string;
  algo?: string;
  proto?: string;
  extra?: string;
  servers?: string[];
}

/** One virtual_server block; the default is the one both nodes have in the valid cases. */
function lvs(o: Lvs = {}): string {
  const servers = o.servers ?? ['10.0.1.21 80', '10.0.1.22 80'];
  return `virtual_server ${o.vs ?? '10.0.0.100 80'} {
  delay_loop 6
${o.algo ?? '  lb_algo rr'}
${o.kind ?? '  lb_kind DR'}
${o.proto ?? '  protocol TCP'}
${o.extra ?? ''}
${servers
  .map(
    (s) => `  real_server ${s} {
    TCP_CHECK {
      connect_timeout 3
    }
  }
`,
  )
  .join('')}}
`;
}

const lb1 = (...blocks: string[]): string => node() + blocks.join('');
const lb2 = (...blocks: string[]): string => node(B) + blocks.join('');
const lb3 = (...blocks: string[]): string => node({ ...B, rid: 'lb3', prio: '90' }) + blocks.join('');

/** Marks the first occurrence of `text` in `config`. */
const mark = (config: string, text: string): string => config.replace(text, `<|${text}|>`);

/** Two DNS services, UDP and TCP, on one address and port. */
const dns = (first: string, second: string): string =>
  lvs({ vs: '10.0.0.100 53', proto: `  protocol ${first}`, servers: ['10.0.1.21 53'] }) +
  lvs({ vs: '10.0.0.100 53', proto: `  protocol ${second}`, servers: ['10.0.1.21 53'] });

peerTester('peer-virtual-server-mismatch', {
  valid: [
    // The same service on both directors.
    { nodes: { lb1: lb1(lvs()), lb2: lb2(lvs()) } },
    // A real server of the other family, which keepalived skips (only TUN mixes families), on one node only.
    { nodes: { lb1: lb1(lvs({ servers: ['10.0.1.21 80', '10.0.1.22 80', '2001:db8::23 80'] })), lb2: lb2(lvs()) } },
    // Written differently, meaning the same: IPv6 normal form, real servers in another order,
    // lvs_sched/lvs_method for lb_algo/lb_kind.
    {
      nodes: {
        lb1:
          node({ vips: '2001:db8::100/64' }) +
          lvs({ vs: '2001:db8::100 80', servers: ['2001:db8::21 80', '2001:db8::22 80'] }),
        lb2:
          node({ ...B, vips: '2001:DB8:0::100/64' }) +
          lvs({
            vs: '2001:db8:0:0::100 80',
            algo: '  lvs_sched rr',
            kind: '  lvs_method DR',
            servers: ['2001:db8::22 80', '2001:DB8::21 80'],
          }),
      },
    },
    // Defaults left out or written, a protocol in lower case, invalid values keepalived ignores.
    {
      nodes: {
        lb1: lb1(lvs({ algo: '', kind: '', proto: '  protocol udp' })),
        lb2: lb2(
          lvs({ algo: '  lb_algo wlc\n  lb_algo RR', kind: '  lb_kind NAT\n  lb_kind dr', proto: '  protocol UDP' }),
        ),
      },
    },
    // A real server or sorry server keepalived cannot read (port 70000) is dropped on its node:
    // nothing to compare; the sorry server before it stays.
    {
      nodes: {
        lb1: lb1(
          lvs({
            servers: ['10.0.1.21 80', '10.0.1.22 80', '10.0.1.23 70000'],
            extra: '  sorry_server 10.0.1.99 80\n  sorry_server 10.0.1.98 70000',
          }),
        ),
        lb2: lb2(lvs({ extra: '  sorry_server 10.0.1.99 80' })),
      },
    },
    // lb_kind and lvs_method share one handler: the last line wins.
    { nodes: { lb1: lb1(lvs({ kind: '  lb_kind NAT\n  lvs_method DR' })), lb2: lb2(lvs()) } },
    // A forwarding method set on each real server instead of the service.
    {
      nodes: {
        lb1: lb1(lvs()),
        lb2: lb2(lvs({ kind: '' }).replace(/TCP_CHECK/g, 'lvs_method DR\n    TCP_CHECK')),
      },
    },
    // persistence_timeout as keepalived reads it: bare means 360, leading zeros, granularity.
    {
      nodes: {
        lb1: lb1(
          lvs({ extra: '  persistence_timeout 360' }),
          lvs({ vs: '10.0.0.100 443', extra: '  persistence_timeout 0300' }),
        ),
        lb2: lb2(
          lvs({ extra: '  persistence_timeout' }),
          lvs({ vs: '10.0.0.100 443', extra: '  persistence_timeout 300' }),
        ),
      },
    },
    {
      nodes: {
        lb1: lb1(lvs({ extra: '  persistence_granularity 255.255.255.0' })),
        lb2: lb2(lvs({ extra: '  persistence_timeout 360' })),
      },
    },
    // Real-server ports as keepalived uses them: none or 0 is the service's, DR resets others.
    {
      nodes: {
        lb1: lb1(lvs({ servers: ['10.0.1.21 80', '10.0.1.22 80'] })),
        lb2: lb2(lvs({ servers: ['10.0.1.21', '10.0.1.22 0'] })),
      },
    },
    { nodes: { lb1: lb1(lvs()), lb2: lb2(lvs({ servers: ['10.0.1.21 8080', '10.0.1.22 80'] })) } },
    // UDP and TCP services on one port, written in another order.
    { nodes: { lb1: lb1(dns('UDP', 'TCP')), lb2: lb2(dns('TCP', 'UDP')) } },
    // A second block for the same service adds its real servers.
    {
      nodes: {
        lb1: lb1(lvs({ servers: ['10.0.1.21 80'] }), lvs({ servers: ['10.0.1.22 80'] })),
        lb2: lb2(lvs()),
      },
    },
    // A service on an address that is no shared VIP (here: on no VIP at all) follows no failover.
    { nodes: { lb1: lb1(lvs(), lvs({ vs: '192.0.2.1 80' })), lb2: lb2(lvs()) } },
    // Nodes of different virtual routers (active-active) run their own services.
    {
      nodes: {
        lb1: lb1(lvs()),
        lb2: node({ ...B, vrid: '61', vips: '10.0.0.200/24' }) + lvs({ vs: '10.0.0.200 80' }),
      },
    },
    // fwmark and group services are not compared, and may carry any address.
    { nodes: { lb1: lb1(lvs(), lvs({ vs: 'fwmark 1', servers: ['10.0.1.21 0'] })), lb2: lb2(lvs()) } },
    {
      nodes: {
        lb1: lb1(lvs(), lvs({ vs: '10.0.0.100 443' })),
        lb2: lb2(lvs(), 'virtual_server_group WEB {\n  10.0.0.100 443\n}\n', lvs({ vs: 'group WEB' })),
      },
    },
    // A real server whose address is not known before run time: no real servers are compared.
    {
      nodes: {
        lb1: lb1(lvs()),
        lb2: lb2(lvs({ servers: ['10.0.1.${_RANDOM 1 9} 80', '10.0.1.21 80'] })),
      },
    },
  ],
  invalid: [
    {
      name: 'a service the backup lacks',
      nodes: { lb1: lb1(lvs(), lvs({ vs: '<|10.0.0.100 443|>', servers: ['10.0.1.21 443'] })), lb2: lb2(lvs()) },
      message:
        'virtual_server 10.0.0.100 443 is missing on lb2, where VRID 60 holds 10.0.0.100/24 too: after a failover there, the address answers but nothing balances this service.',
      messageId: 'missing',
      relatedNodes: true,
    },
    {
      name: 'a service on an excluded VIP',
      nodes: {
        lb1:
          node({ vips: '10.0.0.100/24\n  }\n  virtual_ipaddress_excluded {\n    10.0.0.150' }) +
          lvs() +
          lvs({ vs: '<|10.0.0.150 80|>' }),
        lb2: node({ ...B, vips: '10.0.0.100/24\n  }\n  virtual_ipaddress_excluded {\n    10.0.0.150' }) + lvs(),
      },
      message: /^virtual_server 10.0.0.150 80 is missing on lb2, where VRID 60 holds 10.0.0.150 too/,
    },
    {
      name: 'the TCP half of a DNS service',
      nodes: {
        lb1: lb1(dns('UDP', 'TCP')).replace(
          /virtual_server 10.0.0.100 53(?![^]*virtual_server 10.0.0.100 53)/,
          'virtual_server <|10.0.0.100 53|>',
        ),
        lb2: lb2(lvs({ vs: '10.0.0.100 53', proto: '  protocol UDP', servers: ['10.0.1.21 53'] })),
      },
      messageId: 'missing',
    },
    {
      name: 'a backup that defines no virtual_server at all',
      nodes: { lb1: mark(lb1(lvs(), lvs({ vs: '10.0.0.100 443' })), '10.0.0.100 80'), lb2: lb2() },
      message:
        '10.0.0.100/24 is also held by lb2 (VRID 60), which define no virtual_server: after a failover there, the services balanced here on it (10.0.0.100 80, 10.0.0.100 443) are gone.',
      messageId: 'noDirector',
    },
    {
      name: 'a real server the backup lacks, on each side',
      nodes: {
        lb1: mark(
          mark(lb1(lvs({ servers: ['10.0.1.21 80', '10.0.1.22 80', '10.0.1.23 80'] })), 'real_server 10.0.1.22 80'),
          'real_server 10.0.1.23 80',
        ),
        lb2: mark(lb2(lvs({ servers: ['10.0.1.21 80', '10.0.1.24 80'] })), 'real_server 10.0.1.24 80'),
      },
      messages: [
        'real_server 10.0.1.22 80 of virtual_server 10.0.0.100 80 is missing on lb2: after a failover there it receives no traffic.',
        /^real_server 10.0.1.23 80 of virtual_server 10.0.0.100 80 is missing on lb2/,
        /^real_server 10.0.1.24 80 of virtual_server 10.0.0.100 80 is missing on lb1/,
      ],
      messageId: 'realServer',
      relatedNodes: true,
    },
    {
      name: 'a tunnelled real server of the other family, which keepalived keeps',
      nodes: {
        lb1: mark(
          lb1(lvs({ kind: '  lb_kind TUN', servers: ['10.0.1.21 80', '10.0.1.22 80', '2001:db8::23 80'] })),
          'real_server 2001:db8::23 80',
        ),
        lb2: lb2(lvs({ kind: '  lb_kind TUN' })),
      },
      message:
        'real_server 2001:db8::23 80 of virtual_server 10.0.0.100 80 is missing on lb2: after a failover there it receives no traffic.',
    },
    {
      name: 'another port on a NAT real server',
      nodes: {
        lb1: mark(lb1(lvs({ kind: '  lb_kind NAT' })), 'real_server 10.0.1.22 80'),
        lb2: mark(
          lb2(lvs({ kind: '  lb_kind NAT', servers: ['10.0.1.21 80', '10.0.1.22 8080'] })),
          'real_server 10.0.1.22 8080',
        ),
      },
    },
    {
      // A granularity keepalived cannot read turns no persistence on.
      name: 'a persistence_granularity keepalived cannot read against a persistent service',
      nodes: {
        lb1: mark(lb1(lvs({ extra: '  persistence_granularity 255.255.255.x' })), '10.0.0.100 80'),
        lb2: lb2(lvs({ extra: '  <|persistence_timeout 360|>' })),
      },
      messages: [
        /persistence_timeout is not set here but 360 on lb2/,
        /persistence_timeout is 360 here but not set on lb1/,
      ],
    },
    {
      name: 'settings that differ, written or defaulted',
      nodes: {
        lb1: lb1(
          lvs({
            algo: '  <|lb_algo rr|>',
            kind: '  lb_kind DR',
            extra: '  <|persistence_timeout 300|>\n  <|sorry_server 10.0.9.9 80|>',
          }),
        ),
        lb2: mark(lb2(lvs({ algo: '  <|lb_algo wrr|>', extra: '  <|persistence_timeout 60|>' })), '10.0.0.100 80'),
      },
      messages: [
        'virtual_server 10.0.0.100 80: lb_algo is rr here but wrr on lb2, so the service behaves differently after a failover.',
        /persistence_timeout is 300 here but 60 on lb2/,
        /sorry_server is 10.0.9.9 80 here but not set on lb2/,
        // A setting left out is reported at the service's address.
        /sorry_server is not set here but 10.0.9.9 80 on lb1/,
        /lb_algo is wrr here but rr on lb1/,
        /persistence_timeout is 60 here but 300 on lb1/,
      ],
      messageId: 'setting',
    },
    {
      name: 'the forwarding method of the real servers',
      nodes: {
        lb1: lb1(lvs({ kind: '  <|lb_kind DR|>' })),
        lb2: lb2(lvs({ kind: '  lb_kind NAT\n  <|lvs_method TUN|>' })),
      },
      messages: [/lb_kind is DR here but TUN on lb2/, /lb_kind is TUN here but DR on lb1/],
    },
    {
      name: 'one protocol each for one address and port',
      nodes: {
        lb1: lb1(lvs({ proto: '  <|protocol TCP|>' })),
        lb2: mark(lb2(lvs({ proto: '' })), '10.0.0.100 80'),
      },
      messages: [/protocol is TCP here but UDP \(not set\) on lb2/, /protocol is UDP \(not set\) here but TCP on lb1/],
    },
    {
      name: 'three nodes: one finding per place, naming every node it concerns',
      nodes: {
        lb1: lb1(lvs({ algo: '  <|lb_algo rr|>' })),
        lb2: lb2(lvs({ algo: '  <|lb_algo rr|>' })),
        lb3: lb3(lvs({ algo: '  <|lb_algo wrr|>' })),
      },
      messages: [/rr here but wrr on lb3,/, /rr here but wrr on lb3,/, /wrr here but rr on lb1, lb2,/],
    },
  ],
});
