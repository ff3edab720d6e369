import { ruleTester } from '../rule-tester';

ruleTester('bfd-conflict', {
  valid: [
    'bfd_instance B1 {\n  neighbor_ip 10.0.0.9\n  source_ip 10.0.0.1\n  ttl 10\n  max_hops 5\n}\n',
    'bfd_instance B1 {\n  neighbor_ip 2001:db8::9\n}\n',
    // A source keepalived cannot read is ignored: the one before it stays.
    'bfd_instance B2 {\n  neighbor_ip 10.0.0.3\n  source_ip 10.0.0.1\n  source_ip bogus\n}\n',
    // A neighbor it cannot read drops the instance: nothing is compared.
    'bfd_instance B3 {\n  neighbor_ip 10.0.0.4\n  source_ip 2001:db8::1\n  neighbor_ip bogus\n  max_hops 3\n}\n',
    // Without ttl an IPv4 neighbor has 255; hoplimit is ttl under another name (the last wins).
    'bfd_instance B4 {\n  neighbor_ip 10.0.0.5\n  max_hops 100\n}\n',
    // max_hops -1 is 255 to keepalived: within an IPv4 neighbor's default ttl of 255.
    'bfd_instance B8 {\n  neighbor_ip 10.0.0.8\n  max_hops -1\n}\n',
    'bfd_instance B5 {\n  neighbor_ip 10.0.0.6\n  ttl 10\n  hoplimit 50\n  max_hops 20\n}\n',
  ],
  invalid: [
    {
      code: '<|bfd_instance B1 {\n  neighbor_ip 10.0.0.9\n  source_ip 2001:db8::1\n}|>\n',
      message:
        'BFD instance B1: source address 2001:db8::1 and neighbor address 10.0.0.9 are not of the same family; keepalived disables the instance.',
    },
    {
      code: '<|bfd_instance B1 {\n  neighbor_ip 10.0.0.9\n  ttl 10\n  max_hops 20\n}|>\n',
      message: 'BFD instance B1: max_hops 20 exceeds ttl/hoplimit 10; keepalived lowers it to 10.',
    },
    {
      name: 'max_hops -1 is 255 to keepalived, above any lower ttl',
      code: '<|bfd_instance B1 {\n  neighbor_ip 10.0.0.2\n  max_hops -1\n  ttl 1\n}|>\n',
      message:
        'BFD instance B1: max_hops -1 is 255 to keepalived (it keeps the value in one byte), which exceeds ttl/hoplimit 1; keepalived lowers it to 1.',
    },
    {
      name: 'neighbour_ip is neighbor_ip under another name: the last of them counts',
      code: '<|bfd_instance B1 {\n  neighbor_ip 10.0.0.2\n  neighbour_ip 2001:db8::9\n  source_ip 10.0.0.9\n}|>\n',
      message:
        'BFD instance B1: source address 10.0.0.9 and neighbor address 2001:db8::9 are not of the same family; keepalived disables the instance.',
    },
    {
      name: 'without ttl an IPv6 neighbor has a hop limit of 64; a ttl keepalived cannot read is ignored',
      code: '<|bfd_instance B6 {\n  neighbor_ip 2001:db8::6\n  max_hops 100\n}|>\n<|bfd_instance B7 {\n  neighbor_ip 10.0.0.7\n  ttl 10\n  ttl 300\n  max_hops 20\n}|>\n',
      messages: [
        'BFD instance B6: max_hops 100 exceeds ttl/hoplimit 64; keepalived lowers it to 64.',
        'BFD instance B7: max_hops 20 exceeds ttl/hoplimit 10; keepalived lowers it to 10.',
      ],
    },
  ],
});
