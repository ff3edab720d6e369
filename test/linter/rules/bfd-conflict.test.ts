import { ruleTester } from '../rule-tester';

ruleTester('bfd-conflict', {
  valid: [
    'bfd_instance B1 {\n  neighbor_ip 10.0.0.9\n  source_ip 10.0.0.1\n  ttl 10\n  max_hops 5\n}\n',
    'bfd_instance B1 {\n  neighbor_ip 2001:db8::9\n}\n',
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
  ],
});
