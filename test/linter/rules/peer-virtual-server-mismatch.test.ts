import { B, node, peerTester } from '../peer/peer-tester';

/** Options of lvs(): the lines of the virtual_server block, `<|…|>` marks allowed. */
interface Lvs {
  vs?: string;
  kind?: string;
  algo?: string;
  proto?: string;
  persistence?: string;
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
${o.persistence ?? ''}
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

peerTester('peer-virtual-server-mismatch', {
  valid: [
    // The same service on both directors.
    { nodes: { lb1: lb1(lvs()), lb2: lb2(lvs()) } },
    // Written differently, meaning the same: IPv6 normal form, real servers in another order,
    // lvs_sched/lvs_method for lb_algo/lb_kind, defaults written out.
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
    {
      nodes: {
        lb1: lb1(lvs({ algo: '', kind: '', proto: '' })),
        lb2: lb2(lvs({ algo: '  lb_algo wlc', kind: '  lb_kind NAT', proto: '  protocol UDP' })),
      },
    },
    // A node without any virtual_server is no director (VRRP only).
    { nodes: { lb1: lb1(lvs()), lb2: lb2() } },
    // A service on an address that is no shared VIP (here: on no VIP at all) follows no failover.
    { nodes: { lb1: lb1(lvs(), lvs({ vs: '192.0.2.1 80' })), lb2: lb2(lvs()) } },
    // Nodes of different virtual routers (active-active) run their own services.
    {
      nodes: {
        lb1: lb1(lvs()),
        lb2: node({ ...B, vrid: '61', vips: '10.0.0.200/24' }) + lvs({ vs: '10.0.0.200 80' }),
      },
    },
    // fwmark and group services are not compared (no address to match with a VIP).
    { nodes: { lb1: lb1(lvs(), lvs({ vs: 'fwmark 1', servers: ['10.0.1.21 0'] })), lb2: lb2(lvs()) } },
  ],
  invalid: [
    {
      name: 'a service the backup lacks',
      nodes: { lb1: lb1(lvs(), lvs({ vs: '<|10.0.0.100 443|>', servers: ['10.0.1.21 443'] })), lb2: lb2(lvs()) },
      message:
        'virtual_server 10.0.0.100 443 is not on lb2, which holds 10.0.0.100/24 too (VRID 60): when lb2 becomes MASTER it takes the address but balances nothing for this service.',
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
      message: /^virtual_server 10.0.0.150 80 is not on lb2, which holds 10.0.0.150 too \(VRID 60\)/,
    },
    {
      name: 'a real server the backup lacks, on each side',
      nodes: {
        lb1: lb1(lvs({ servers: ['10.0.1.21 80', '10.0.1.22 80', '10.0.1.23 80'] }))
          .replace('real_server 10.0.1.22 80', '<|real_server 10.0.1.22 80|>')
          .replace('real_server 10.0.1.23 80', '<|real_server 10.0.1.23 80|>'),
        lb2: lb2(lvs({ servers: ['10.0.1.21 80', '10.0.1.24 80'] })).replace(
          'real_server 10.0.1.24 80',
          '<|real_server 10.0.1.24 80|>',
        ),
      },
      messages: [
        "real_server 10.0.1.22 80 of virtual_server 10.0.0.100 80 is not in lb2's: after a failover to lb2 it receives no traffic.",
        /^real_server 10.0.1.23 80 of virtual_server 10.0.0.100 80 is not in lb2's/,
        /^real_server 10.0.1.24 80 of virtual_server 10.0.0.100 80 is not in lb1's/,
      ],
      messageId: 'realServer',
      relatedNodes: true,
    },
    {
      name: 'another port on a real server',
      nodes: {
        lb1: lb1(lvs({ servers: ['10.0.1.21 80', '10.0.1.22 80'] })).replace(
          'real_server 10.0.1.22 80',
          '<|real_server 10.0.1.22 80|>',
        ),
        lb2: lb2(lvs({ servers: ['10.0.1.21 80', '10.0.1.22 8080'] })).replace(
          'real_server 10.0.1.22 8080',
          '<|real_server 10.0.1.22 8080|>',
        ),
      },
    },
    {
      name: 'settings that differ, written or defaulted',
      nodes: {
        lb1: lb1(
          lvs({ algo: '  <|lb_algo rr|>', kind: '  <|lb_kind DR|>', persistence: '  <|persistence_timeout 300|>' }),
        ),
        lb2: lb2(lvs({ algo: '  <|lb_algo wrr|>', kind: '  <|lvs_method NAT|>', persistence: '' })).replace(
          'virtual_server 10.0.0.100 80',
          'virtual_server <|10.0.0.100 80|>',
        ),
      },
      messages: [
        'virtual_server 10.0.0.100 80: lb_algo is rr here but wrr on lb2, so the service behaves differently after a failover.',
        /lb_kind is DR here but NAT on lb2/,
        /persistence_timeout is 300 here but not set on lb2/,
        /persistence_timeout is not set here but 300 on lb1/,
        /lb_algo is wrr here but rr on lb1/,
        /lb_kind is NAT here but DR on lb1/,
      ],
      messageId: 'setting',
    },
    {
      name: 'a protocol left to its default',
      nodes: {
        lb1: lb1(lvs({ proto: '  <|protocol TCP|>' })),
        lb2: lb2(lvs({ proto: '' })).replace('virtual_server 10.0.0.100 80', 'virtual_server <|10.0.0.100 80|>'),
      },
      messages: [/protocol is TCP here but UDP \(not set\) on lb2/, /protocol is UDP \(not set\) here but TCP on lb1/],
    },
  ],
});
