import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintParse } from '../../../linter/index';
import { parse } from '../../grammar/helpers';
import { ruleTester } from '../rule-tester';

const udp = (body: string): string =>
  `virtual_server 10.0.0.1 53 {\n  protocol UDP\n  real_server 10.0.1.1 53 {\n    UDP_CHECK {\n${body}    }\n  }\n}\n`;

ruleTester('invalid-number', {
  valid: [
    // A real or sorry server's port of zeros is no port.
    'virtual_server 10.0.0.1 80 {\n  sorry_server 10.0.0.9 00\n  real_server 10.0.0.2 0 {\n  }\n}\n',
    // Hex data in several words; ff inside it; x wildcards in require_reply.
    udp('      payload 00 ff 01\n      require_reply 01xX ff0f\n'),
    // An empty quoted integer is read as 0.
    'global_defs {\n  checker_priority ""\n}\n',
    'vrrp_instance VI_1 {\n  priority 100\n  virtual_router_id 51\n  advert_int 1\n}\n',
    // Leading zeros are decimal, a leading + is accepted.
    'vrrp_instance VI_1 {\n  virtual_router_id 051\n  priority +100\n}\n',
    // Blanks inside quotes before the number are skipped.
    'vrrp_instance VI_1 {\n  priority "  100"\n}\n',
    'vrrp_instance VI_1 {\n  advert_int 0.5\n}\n',
    'vrrp_script chk {\n  script "/bin/true"\n  weight -30\n}\n',
    // 2.2.8 and later read a vrrp_script's interval and timeout in thousandths of a second.
    'vrrp_script chk {\n  script "/bin/true"\n  interval 0.5\n  timeout 0.25\n}\n',
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight 0\n  }\n}\n',
    // In a vrrp block, `\#` starts a comment for the VRRP process: priority is 100.
    'vrrp_instance VI_1 {\n  priority 100\\#junk\n}\n',
    // keepalived skips a duplicate or nameless vrrp_instance without reading it.
    'vrrp_instance VI_1 {\n  priority 100\n}\nvrrp_instance VI_1 {\n  priority 300\n}\n',
    'vrrp_instance {\n  priority 300\n}\n',
    'vrrp_instance VI_1 VI_2 {\n  priority 300\n}\n',
    // A number from a definition is checked after substitution.
    '$PRIO=100\nvrrp_instance VI_1 {\n  priority $PRIO\n}\n',
    // init_file takes "overwrite" and a value in either order (track_file_init_handler).
    'track_file tf1 {\n  file /tmp/tf1\n  init_file overwrite\n}\ntrack_file tf2 {\n  file /tmp/tf2\n  init_file overwrite -5\n}\n',
    // Every word of a cpu_affinity line is a CPU number (the host's CPU count is not known here).
    'global_defs {\n  vrrp_cpu_affinity 0 1 3\n}\n',
  ],
  invalid: [
    {
      name: 'a real or sorry server port of "+0": keepalived reads any port but zeros as 1..65535',
      code: 'virtual_server 10.0.0.1 80 {\n  sorry_server 10.0.0.9 <|+0|>\n  real_server 10.0.0.2 <|+0|> {\n  }\n}\n',
      messages: ['"sorry_server" must be 1..65535; "+0" is outside that range.', '"real_server" must be 1..65535; "+0" is outside that range.'],
    },
    {
      name: 'a duplicate vrrp_instance without "{" is not skipped: keepalived reads its lines into the instance before it',
      code: 'vrrp_instance VI_1 {\n  priority 100\n}\nvrrp_instance VI_2 {\n  priority 90\n}\nvrrp_instance VI_1\n  priority <|300|>\n}\n',
      message: '"priority" must be 1..255; "300" is outside that range.',
    },
    {
      name: 'hex data that is not, and data ending in the byte ff (refused by keepalived\'s reader)',
      code: udp('      payload 00 <|zz|>\n      require_reply 01 <|00ff|>\n'),
      messages: [
        '"zz" is not hexadecimal data for "payload" (digits 0-9 and a-f, bytes may be separated by blanks).',
        'keepalived refuses require_reply data whose last byte is ff (its hex reader takes ff at the end for a bad digit: "Invalid hex string"); end the data with another byte.',
      ],
    },
    {
      name: 'a vrrp_script interval or timeout of 0 ("must be greater than 0, setting to 1")',
      code: 'vrrp_script chk {\n  script "/bin/true"\n  interval <|0|>\n  timeout <|0.000|>\n}\n',
      options: { targetVersion: '2.4.3' },
      messages: [/"interval" must be 0\.001\.\./, /"timeout" must be 0\.001\.\./],
    },
    {
      name: 'garp_extra_if delays are unsigned numbers in range (1..86400 globally, 0..86400 in an instance)',
      code: 'global_defs {\n  vrrp_garp_extra_if all <|0|>\n}\nvrrp_instance VI_1 {\n  garp_extra_if <|-1|> all\n  garp_extra_if <|86401|>\n}\n',
      messages: [
        '"vrrp_garp_extra_if" must be 1..86400; "0" is outside that range.',
        '"garp_extra_if" cannot be negative ("-1"); it must be 0..86400.',
        '"garp_extra_if" must be 0..86400; "86401" is outside that range.',
      ],
    },
    {
      name: 'smtp_server port 0 (inet_stosockaddr wants 1..65535)',
      code: 'global_defs {\n  smtp_server 127.0.0.1 <|0|>\n}\n',
      message: /1\.\.65535/,
    },
    {
      name: 'regex_min_offset: keepalived only logs a bad value, so a warning',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      url {\n        path /\n        regex_min_offset <|-1|>\n      }\n    }\n  }\n}\n',
      severity: 'warning',
    },
    {
      name: 'an empty quoted integer is 0, outside a range that starts at 1',
      code: 'vrrp_instance VI_1 {\n  priority <|""|>\n}\n',
      messageId: 'range',
    },
    {
      name: 'every word of a cpu_affinity line is a number, read as an int',
      code: 'global_defs {\n  checker_cpu_affinity 1 <|extra|>\n  bfd_cpu_affinity <|99999999999|>\n}\n',
      messages: [/"extra" is not a valid number for "checker_cpu_affinity"/, /"bfd_cpu_affinity" must be 0\.\.2147483647/],
    },
    {
      name: 'an init_file value after "overwrite", and one that is not an int',
      code: 'track_file tf1 {\n  file /tmp/tf1\n  init_file overwrite <|-300|> <|1x|>\n}\n',
      messages: [/"init_file" must be -254\.\.254; "-300"/, /"1x" is not a valid number for "init_file"/],
    },
    {
      name: 'a track file init value outside -254..254',
      code: 'track_file tf1 {\n  file /tmp/tf1\n  init_file <|500|>\n}\n',
      messageId: 'range',
    },
    {
      name: 'seed: a real_server weight cannot be negative',
      code: 'virtual_server 172.16.1.100 80 {\n  real_server 172.16.1.7 80 {\n    weight <|-30|>\n  }\n}\n',
      message: '"weight" cannot be negative ("-30"); it must be 0..2147483647.',
      messageId: 'negative',
    },
    {
      name: 'out of range',
      code: 'vrrp_instance VI_1 {\n  priority <|300|>\n}\n',
      message: '"priority" must be 1..255; "300" is outside that range.',
      messageId: 'range',
    },
    {
      name: 'just above the real_server weight range',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight <|2147483648|>\n  }\n}\n',
      messageId: 'range',
    },
    {
      name: 'hex is not accepted',
      code: 'vrrp_instance VI_1 {\n  priority <|0x10|>\n}\n',
      message: '"0x10" is not a valid number for "priority" (decimal digits only).',
      messageId: 'invalid',
    },
    {
      name: 'single quotes are not quotes',
      code: 'vrrp_instance VI_1 {\n  priority <|\'100\'|>\n}\n',
      messageId: 'invalid',
    },
    {
      name: '"" is read as 0, outside advert_int\'s range (oracle 70: number \'\' outside range)',
      code: 'vrrp_instance VI_1 {\n  advert_int <|""|>\n}\n',
      messageId: 'range',
    },
    {
      name: 'a signed vrrp_script weight out of range',
      code: 'vrrp_script chk {\n  weight <|-300|>\n}\n',
      message: /must be -253\.\.253/,
    },
    {
      name: 'too many decimal places',
      code: 'vrrp_instance VI_1 {\n  advert_int <|1.1234567|>\n}\n',
      messageId: 'decimals',
      message: /at most 6 decimal places/,
    },
    {
      name: 'no exponent form',
      code: 'virtual_server 10.0.0.1 80 {\n  delay_loop <|1e3|>\n}\n',
      messageId: 'invalid',
    },
    {
      name: 'a trailing backslash is part of the number',
      code: 'vrrp_instance VI_1 {\n  priority <|100\\|>\n}\n',
      message: /"100\\" is not a valid number/,
    },
    {
      name: 'substituted value: reported at the reference',
      code: '$PRIO=300\nvrrp_instance VI_1 {\n  priority <|$PRIO|>\n}\n',
      messageId: 'range',
    },
  ],
});

// keepalived's own answers on 407 range boundaries per binary (value just inside, just outside),
// recorded in ../shared/reference/keepalived/validation/. Each value is placed in its block and
// the linter must flag exactly the lines keepalived flags. Read in place, never copied.
const VALIDATION = resolve(__dirname, '../../../../shared/reference/keepalived/validation');
const BLOCK_HEAD: Record<string, string> = {
  vrrp_instance: 'vrrp_instance VI_1',
  vrrp_script: 'vrrp_script S',
  vrrp_track_process: 'vrrp_track_process P',
  virtual_server: 'virtual_server 10.0.0.1 80',
  real_server: 'real_server 10.0.0.2 80',
  bfd_instance: 'bfd_instance B',
  track_file: 'track_file T',
  vrrp_track_file: 'vrrp_track_file T2',
};
const VALUE_RULES = new Set([
  'invalid-number',
  'invalid-choice',
  'invalid-address',
  'deprecated-keyword',
  'missing-argument',
  'extra-argument',
]);

interface Boundary {
  path: string;
  value: number | string;
  observed_ok: boolean;
  unknown: boolean;
  msgs: string[];
}

for (const [file, targetVersion] of [
  ['range_boundaries_debian_2.2.7.json', '2.2.7'],
  ['range_boundaries_head.json', 'head'],
] as const) {
  const path = join(VALIDATION, file);
  describe.skipIf(!existsSync(path))(`range boundaries agree with keepalived ${targetVersion}`, () => {
    const cases = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as Boundary[]).filter((c) => !c.unknown)
      : [];
    it.each(cases.map((c) => [`${c.path} ${c.value}`, c] as const))('%s', (_name, c) => {
      const blocks = c.path.split(' > ').slice(1);
      const keyword = blocks.pop()!;
      const text = `${blocks.map((b) => `${BLOCK_HEAD[b] ?? b} {\n`).join('')}${keyword} ${c.value}\n${'}\n'.repeat(blocks.length)}`;
      const p = parse(text, { targetVersion });
      const flagged = lintParse(p, { targetVersion }).filter(
        (d) => VALUE_RULES.has(d.ruleId) && p.files[0]!.lines.lineOf(d.loc.start) === blocks.length,
      );
      // keepalived flags it: some finding (a deprecation may be a warning). keepalived accepts it:
      // no error (warnings beyond keepalived, such as log-only deprecations, are welcome).
      if (!c.observed_ok)
        expect(
          flagged.map((d) => d.ruleId),
          `keepalived says: ${c.msgs.join(' | ')}`,
        ).not.toEqual([]);
      else expect(flagged.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    });
  });
}
