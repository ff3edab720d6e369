import { ruleTester } from '../rule-tester';

const STRICT = 'global_defs {\n  vrrp_strict\n}\n';
const instance = (body: string, vips = '    10.0.0.1/24\n'): string =>
  `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n${body}  virtual_ipaddress {\n${vips}  }\n}\n`;

ruleTester('vrrp-strict-mode', {
  valid: [
    // Without strict mode every one of these is fine.
    instance(
      '  state MASTER\n  priority 100\n  use_vmac vrrp1 02:11:22:33:44:55\n  vmac_xmit_base\n  down_timer_adverts 5\n  accept\n  garp_lower_prio_repeat 2\n  garp_lower_prio_delay 3\n  lower_prio_no_advert false\n  higher_prio_send_advert\n',
    ),
    instance('  priority 100\n', '    2001:db8::1/64\n'),
    // What strict mode asks for.
    STRICT + instance('  state MASTER\n  priority 255\n'),
    STRICT +
      instance(
        '  state BACKUP\n  priority 100\n  down_timer_adverts 3\n  garp_lower_prio_repeat 0\n  lower_prio_no_advert\n  higher_prio_send_advert off\n',
      ),
    STRICT + instance('  priority 100\n  use_vmac vrrp1\n'),
    // accept: an address owner accepts; a later no_accept takes it back; VRRPv3 allows it.
    STRICT + instance('  state MASTER\n  priority 255\n  accept\n'),
    STRICT + instance('  priority 100\n  accept\n  no_accept\n'),
    STRICT + instance('  priority 100\n  version 3\n  accept\n'),
    STRICT + instance('  priority 100\n', '    fe80::1/64\n    2001:db8::1/64\n'),
    // The instance's own strict_mode turns it off.
    STRICT + instance('  strict_mode off\n  state MASTER\n  priority 100\n  down_timer_adverts 5\n'),
    // Values keepalived rejects set nothing (invalid-number reports them).
    STRICT + instance('  priority 100\n  down_timer_adverts 500\n  lower_prio_no_advert maybe\n'),
  ],
  invalid: [
    {
      // The global default: the instance has no line of its own (one of its own would be reported there).
      name: 'global_defs vrrp_down_timer_adverts other than 3',
      code:
        'global_defs {\n  vrrp_strict\n  vrrp_down_timer_adverts 5\n  vrrp_down_timer_adverts 500\n}\n' +
        instance('  state BACKUP\n  priority 100\n').replace('VI_1', '<|VI_1|>') +
        instance('  state BACKUP\n  priority 100\n  down_timer_adverts 3\n').replace('VI_1', 'VI_2').replace('virtual_router_id 1', 'virtual_router_id 2'),
      message:
        '(VI_1) takes down_timer_adverts 5 from global_defs vrrp_down_timer_adverts, which is incompatible with strict mode; keepalived resets it to 3.',
    },
    {
      name: 'state MASTER below priority 255',
      code: STRICT + instance('  state <|MASTER|>\n  priority 100\n'),
      message:
        '(VI_1) state MASTER without priority 255 in strict mode ("State MASTER must match being address owner"); keepalived starts the instance as BACKUP.',
    },
    {
      name: 'state BACKUP at priority 255',
      code: STRICT + instance('  state <|BACKUP|>\n  priority 255\n'),
      message:
        '(VI_1) initial state BACKUP with priority 255 in strict mode ("State MASTER must match being address owner"); an address owner starts as MASTER, and keepalived makes it MASTER.',
    },
    {
      name: 'a state keepalived does not know is BACKUP, even after MASTER',
      code: STRICT + instance('  state MASTER\n  state <|master|>\n  priority 255\n'),
      message: /initial state BACKUP with priority 255 in strict mode/,
    },
    {
      name: 'BACKUP after MASTER is refused: MASTER stays',
      code: STRICT + instance('  state <|MASTER|>\n  state BACKUP\n  priority 100\n'),
      message: /state MASTER without priority 255/,
    },
    {
      name: 'the instance strict_mode',
      code: instance('  strict_mode\n  state <|MASTER|>\n  priority 100\n'),
      message: /state MASTER without priority 255/,
    },
    {
      name: 'a VMAC MAC address, and vmac_xmit_base',
      code: STRICT + instance('  priority 100\n  use_vmac vrrp1 <|02:11:22:33:44:55|>\n  <|vmac_xmit_base|>\n'),
      messages: [
        '(VI_1) a VMAC MAC address cannot be given in strict mode; keepalived clears it.',
        '(VI_1) vmac_xmit_base is incompatible with strict mode; keepalived resets it.',
      ],
    },
    {
      name: 'timers, accept and adverts strict mode resets',
      code:
        STRICT +
        instance(
          '  priority 100\n  down_timer_adverts <|5|>\n  <|accept|>\n  garp_lower_prio_repeat <|2|>\n  garp_lower_prio_delay <|3|>\n  lower_prio_no_advert <|false|>\n  <|higher_prio_send_advert|>\n',
        ),
      messages: [
        '(VI_1) down_timer_adverts 5 is incompatible with strict mode; keepalived resets it to 3.',
        /accept mode with VRRP version 2 does not comply with RFC 3768/,
        /resets garp_lower_prio_repeat to 0/,
        /resets garp_lower_prio_delay to 0/,
        /requires lower_prio_no_advert/,
        /requires higher_prio_send_advert to be off/,
      ],
    },
    {
      name: 'an IPv6 instance whose first VIP is not link-local',
      code: STRICT + instance('  priority 100\n', '    <|2001:db8::1/64|>\n    fe80::1/64\n'),
      message:
        '(VI_1) in strict mode the first IPv6 VIP must be link-local (fe80::/10), as RFC 5798 requires; list a link-local address first.',
    },
    {
      name: 'no_virtual_ipaddress (warning)',
      code: STRICT + instance('  priority 100\n  <|no_virtual_ipaddress|>\n'),
      options: { targetVersion: '2.2.8' },
      severity: 'warning',
      message: '(VI_1) no_virtual_ipaddress and strict mode are incompatible; keepalived clears no_virtual_ipaddress.',
    },
  ],
});
