import { B, node, peerTester } from '../peer/peer-tester';

peerTester('peer-setting-mismatch', {
  valid: [
    { name: 'matching pair', nodes: { lb1: node(), lb2: node(B) } },
    // Interface names are local to each host; they are not compared.
    { name: 'other interface name', nodes: { lb1: node(), lb2: node(B).replace('interface eth0', 'interface ens33') } },
    { name: 'advert_int 1 and 1.0 are the same', nodes: { lb1: node(), lb2: node({ ...B, advert: '1.0' }) } },
    // VRRPv2 adverts carry whole seconds: keepalived rounds 1.4 to 1.
    { name: 'advert_int 1 and 1.4 are both 1 s in VRRPv2', nodes: { lb1: node(), lb2: node({ ...B, advert: '1.4' }) } },
    // keepalived rejects advert_int 0 and keeps the default, 1 s.
    { name: 'a rejected advert_int is the default 1 s', nodes: { lb1: node(), lb2: node({ ...B, advert: '0' }) } },
    {
      name: 'a rejected advert_int leaves the one before',
      nodes: { lb1: node({ advert: '2' }), lb2: node({ ...B, advert: '2\n  advert_int 0' }) },
    },
    {
      name: 'VRRPv3 advert_int 1 and 1.004 are both 1 s (10 ms units)',
      nodes: {
        lb1: node({ version: '  version 3\n' }),
        lb2: node({ ...B, version: '  version 3\n', advert: '1.004' }),
      },
    },
    {
      name: 'auth_pass that differ only after the 8th byte (keepalived counts bytes)',
      nodes: {
        lb1: node({ auth: 'PASS\n    auth_pass \u00e9\u00e9\u00e9\u00e9one' }),
        lb2: node({ ...B, auth: 'PASS\n    auth_pass \u00e9\u00e9\u00e9\u00e9two' }),
      },
    },
  ],
  invalid: [
    {
      name: 'VIP sets differ (warning)',
      nodes: {
        lb1: node().replace('  virtual_ipaddress', '  <|virtual_ipaddress|>'),
        lb2: node({ ...B, vips: '10.0.0.100/24\n    10.0.0.101/24' }).replace(
          '  virtual_ipaddress',
          '  <|virtual_ipaddress|>',
        ),
      },
      messageId: 'vips',
      severity: 'warning',
      messages: [
        '(VI_WEB) virtual router 60: the VIPs on lb1 (10.0.0.100) differ from lb2 (10.0.0.100, 10.0.0.101); after a failover the new MASTER holds other addresses.',
      ],
    },
    {
      name: 'VIP sets differ, keepalived 2.2.7: adverts dropped (error)',
      options: { targetVersion: '2.2.7' },
      nodes: {
        lb1: node().replace('  virtual_ipaddress', '  <|virtual_ipaddress|>'),
        lb2: node({ ...B, vips: '10.0.0.100/24\n    10.0.0.101/24' }).replace(
          '  virtual_ipaddress',
          '  <|virtual_ipaddress|>',
        ),
      },
      messageId: 'vipsDropped',
      messages: [
        '(VI_WEB) virtual router 60: the VIPs on lb1 (10.0.0.100) differ from lb2 (10.0.0.100, 10.0.0.101); keepalived before 2.3.3 drops adverts whose addresses differ from its own, so both nodes become MASTER.',
        '(VI_WEB) virtual router 60: the VIPs on lb2 (10.0.0.100, 10.0.0.101) differ from lb1 (10.0.0.100); keepalived before 2.3.3 drops adverts whose addresses differ from its own, so both nodes become MASTER.',
      ],
    },
    {
      name: 'VRRPv2 advert_int 1 and 1.6 (rounded to 2 s)',
      nodes: { lb1: node({ advert: '<|1|>' }), lb2: node({ ...B, advert: '<|1.6|>' }) },
      messageId: 'advertInt',
      messages: [/advert_int 1 on lb1 differs from lb2 \(2\)/, /advert_int 2 on lb2 differs from lb1 \(1\)/],
    },
    {
      name: 'VRRPv3 advert_int differs (warning: the backup takes the MASTER interval)',
      nodes: {
        lb1: node({ version: '  version 3\n', advert: '<|1|>' }),
        lb2: node({ ...B, version: '  version 3\n', advert: '<|0.5|>' }),
      },
      messageId: 'advertIntV3',
      severity: 'warning',
      messages: [
        "(VI_WEB) virtual router 60: advert_int 1 on lb1 differs from lb2 (0.5); a VRRPv3 backup takes the MASTER's interval, so the interval changes with each failover (keepalived 2.3.3 and later log the mismatch).",
        /advert_int 0.5 on lb2 differs from lb1 \(1\)/,
      ],
    },
    {
      name: 'advert_int differs',
      nodes: { lb1: node({ advert: '<|1|>' }), lb2: node({ ...B, advert: '<|2|>' }) },
      messageId: 'advertInt',
      messages: [/advert_int 1 on lb1 differs from lb2 \(2\)/, /advert_int 2 on lb2 differs from lb1 \(1\)/],
    },
    {
      name: 'auth_pass differs (first 8 bytes)',
      nodes: {
        lb1: node({ auth: 'PASS\n    auth_pass <|webpass|>' }),
        lb2: node({ ...B, auth: 'PASS\n    auth_pass <|otherpwd|>' }),
      },
      messageId: 'authPass',
    },
    {
      name: 'authentication type differs',
      nodes: {
        lb1: node({ auth: '<|PASS|>\n    auth_pass webpass' }),
        lb2: node({ ...B, auth: '<|AH|>\n    auth_pass webpass' }),
      },
      messageId: 'authType',
    },
    {
      name: 'version differs',
      nodes: { lb1: node({ version: '  version <|2|>\n' }), lb2: node({ ...B, version: '  version <|3|>\n' }) },
      messageId: 'version',
    },
  ],
});
