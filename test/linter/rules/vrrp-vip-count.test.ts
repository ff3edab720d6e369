import { ruleTester } from '../rule-tester';

/** An instance with these virtual_ipaddress entries (one per line); `<|`/`|>` may mark one. */
const instance = (vips: string[], extra = ''): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  priority 100\n${extra}  virtual_ipaddress {\n${vips.map((v) => `    ${v}\n`).join('')}  }\n}\n`;
const v4 = (n: number, from = 0): string[] =>
  Array.from({ length: n }, (_, k) => `10.1.${(from + k) >> 8}.${(from + k) & 255}/32`);
const v6 = (n: number, from = 1): string[] =>
  Array.from({ length: n }, (_, k) => `2001:db8::${(from + k).toString(16)}/128`);
/** Marks entry k (its one word). */
const mark = (vips: string[], k: number): string[] => vips.map((v, i) => (i === k ? `<|${v}|>` : v));
const OLD = { targetVersion: '2.2.7' };
const NEW = { targetVersion: '2.4.3' };

ruleTester('vrrp-vip-count', {
  valid: [
    { code: instance(v4(255)), options: OLD },
    // 89 IPv6 addresses fit at MTU 1500 (the first one link-local, as multicast IPv6 wants).
    { code: instance(['fe80::1/64', ...v6(88)]), options: OLD },
    // Addresses of the other family are not added to the instance (vrrp-vip-family reports them).
    { code: instance([...v4(255), ...v6(5)]), options: OLD },
    // From 2.3.3 a second copy of an address is not added.
    { code: instance([...v4(255), '10.1.0.0/32']), options: NEW },
    // ...nor an address an excluded VIP already holds.
    {
      code: instance([...v4(255), '192.0.2.1/32'], '  virtual_ipaddress_excluded {\n    192.0.2.1\n  }\n'),
      options: NEW,
    },
    // Excluded VIPs are not advertised: any number of them.
    {
      code: instance(
        v4(1),
        `  virtual_ipaddress_excluded {\n${v4(300, 1000)
          .map((v) => `    ${v}\n`)
          .join('')}  }\n`,
      ),
      options: OLD,
    },
  ],
  invalid: [
    {
      name: 'IPv4: the 256th address and those after it are not advertised',
      code: instance(mark(v4(257), 255)),
      options: OLD,
      message:
        '(VI_1) has 257 virtual IP addresses, but an advert carries at most 255; keepalived moves the 2 from this one on to the excluded VIPs, which it never advertises.',
    },
    {
      name: 'before 2.3.3 a second copy counts',
      code: instance([...v4(255), '<|10.1.0.0/32|>']),
      options: OLD,
      message: /has 256 virtual IP addresses, but an advert carries at most 255; keepalived moves the 1 from/,
    },
    {
      name: 'the addresses of every virtual_ipaddress block count',
      code: instance(
        mark(v4(60, 200), 55),
        `  virtual_ipaddress {\n${v4(200)
          .map((v) => `    ${v}\n`)
          .join('')}  }\n`,
      ),
      options: NEW,
      message: /has 260 virtual IP addresses/,
    },
    {
      name: 'IPv6 at MTU 1500: a warning (a larger MTU fits more)',
      code: instance(mark(['fe80::1/64', ...v6(91)], 89)),
      options: OLD,
      severity: 'warning',
      message:
        '(VI_1) has 92 IPv6 virtual IP addresses, but an advert on an interface with MTU 1500 carries at most 89; keepalived moves the 3 from this one on to the excluded VIPs, which it never advertises.',
    },
    {
      name: 'IPv6 past the count field: an error at any MTU',
      code: instance(mark(v6(256), 89)),
      options: OLD,
      message: /has 256 IPv6 virtual IP addresses/,
    },
  ],
});
