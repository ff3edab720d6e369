import { ruleTester } from '../rule-tester';

const inst = (body: string): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;

ruleTester('vrrp-advert-int', {
  valid: [
    inst('  advert_int 1\n'),
    inst('  advert_int 2.000\n'),
    // VRRPv3 carries centiseconds.
    inst('  version 3\n  advert_int 0.25\n'),
    'global_defs {\n  vrrp_version 3\n}\n' + inst('  advert_int 1.5\n'),
    // Values keepalived cannot read at all are invalid-number's.
    inst('  advert_int 300\n'),
    // A value keepalived rejects leaves the one before it (here a whole second).
    inst('  advert_int 1\n  advert_int 0.001\n'),
    // Seven decimal places are cut to six: 0.9999996 is kept as 1.000000.
    inst('  advert_int 0.9999996\n'),
    // A word with letters: keepalived reads its digits (3 µs here), out of range, so keeps nothing.
    inst('  advert_int 3s\n'),
    inst('  advert_int 1\n  advert_int 2x\n'),
  ],
  invalid: [
    {
      name: 'VRRPv2 (the default): whole seconds',
      code: inst('  advert_int <|1.5|>\n'),
      message: '(VI_1) VRRPv2 advertisement interval 1.5s must be an integer; keepalived rounds it to 2s.',
    },
    {
      // keepalived reports the extra places (invalid-number) and keeps the value cut to six.
      name: 'more than six decimal places: the value kept is checked',
      code: inst('  advert_int <|1.2345678|>\n'),
      message: '(VI_1) VRRPv2 advertisement interval 1.234568s must be an integer; keepalived rounds it to 1s.',
    },
    {
      // keepalived reports the invalid number, then keeps what it read of it: 255255 µs, rounded up on the next digit.
      name: 'a netmask where the interval should be: the value keepalived reads from it is kept',
      code: inst('  advert_int <|255.255.255.0|>\n'),
      message: '(VI_1) VRRPv2 advertisement interval 0.255256s must be an integer; keepalived rounds it to 1s.',
    },
    {
      name: 'a rejected last value leaves the one before it',
      code: inst('  advert_int <|1.5|>\n  advert_int 0.001\n'),
      messageId: 'v2Integer',
    },
    {
      name: 'VRRPv2: below half a second rounds up to one',
      code: inst('  advert_int <|0.2|>\n'),
      message: /rounds it to 1s/,
    },
    {
      name: 'VRRPv3: units of 10 ms, below 40.96 s',
      code:
        inst('  version 3\n  advert_int <|0.125|>\n') +
        inst('  version 3\n  advert_int <|50|>\n').replace('VI_1', 'VI_2'),
      messages: [
        '(VI_1) VRRPv3 advertisement interval 0.125s must be in units of 10ms; keepalived rounds it to 0.13s.',
        '(VI_2) VRRPv3 advertisement interval 50s is out of range (less than 40.96s); keepalived uses 40.95s.',
      ],
    },
  ],
});
