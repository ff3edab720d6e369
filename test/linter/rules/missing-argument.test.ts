import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKeyword } from '../../../grammar/index';
import { lintParse } from '../../../linter/index';
import { parse } from '../../grammar/helpers';
import { ruleTester } from '../rule-tester';

ruleTester('missing-argument', {
  valid: [
    // keepalived 2.2.7 accepts a status_code without codes (the default 200-299 stays).
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      url {\n        path /\n        status_code\n      }\n    }\n  }\n}\n',
    'vrrp_instance VI_1 {\n  priority 100\n  nopreempt\n}\n',
    // Script keywords re-read the raw line, so an unclosed quote still leaves the command.
    'vrrp_instance VI_1 {\n  notify_master "/usr/local/bin/notify a b\n}\n',
    // An empty quoted word is an argument (invalid-number reports it).
    'vrrp_instance VI_1 {\n  advert_int ""\n}\n',
    // A delay among the words is enough; a word that is no choice is invalid-choice's.
    'global_defs {\n  vrrp_garp_extra_if all 5\n  vrrp_garp_extra_if all bogus\n}\n',
  ],
  invalid: [
    {
      name: 'garp_extra_if with words but no delay: keepalived ignores the line',
      code: 'global_defs {\n  <|vrrp_garp_extra_if|> all\n}\nvrrp_instance VI_1 {\n  <|garp_extra_if|> all all\n}\n',
      messages: [
        '"vrrp_garp_extra_if" is missing its argument (seconds); keepalived ignores this line.',
        '"garp_extra_if" is missing its argument (seconds); keepalived ignores this line.',
      ],
    },
    {
      name: 'the url regex keywords: keepalived only logs the problem, so a warning',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      url {\n        path /\n        <|regex|>\n      }\n    }\n  }\n}\n',
      severity: 'warning',
    },
    {
      name: 'keepalived exits at a keyword that needs an argument (exit 2)',
      code: 'vrrp_instance VI_1 {\n  <|priority|>\n}\n',
      message: /"priority" is missing its argument \(priority\); keepalived stops reading the configuration here\./,
      messageId: 'fatal',
    },
    {
      name: 'a handler that reports the missing value and carries on',
      code: 'global_defs {\n  <|router_id|>\n}\n',
      messageId: 'missing',
      message: /"router_id" is missing its argument .*keepalived ignores this line\./,
    },
    {
      name: 'real_server weight',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    <|weight|>\n  }\n}\n',
      messageId: 'fatal',
    },
    {
      name: 'keywords keepalived crashes or hangs on',
      code: '<|bfd_instance|> {\n}\n',
      messageId: 'crash',
      message: /crashes or hangs/,
    },
    {
      name: 'an unterminated quote leaves no argument',
      code: 'global_defs {\n  <|router_id|> "abc\n}\n',
      messageId: 'missing',
    },
  ],
});

// keepalived's recorded behaviour for every keyword given without its argument
// (../shared/reference/keepalived/validation/missing_arg_*.json, read in place): exit status 2
// means it stops reading (messageId fatal), a crash or hang without any message means crash
// (the HTTP_GET crashes, which come with "no urls specified", are about the incomplete checker),
// exit 0 with no message means it accepts the line (then no error may be reported).
const VALIDATION = resolve(__dirname, '../../../../shared/reference/keepalived/validation');
const BLOCK_HEAD: Record<string, string> = {
  vrrp_instance: 'vrrp_instance VI_T',
  vrrp_script: 'vrrp_script S_T',
  vrrp_track_process: 'vrrp_track_process P_T',
  vrrp_sync_group: 'vrrp_sync_group G_T',
  virtual_server: 'virtual_server 10.0.0.1 80',
  real_server: 'real_server 10.0.0.2 80',
  bfd_instance: 'bfd_instance B_T',
  track_file: 'track_file TF_T',
  vrrp_track_file: 'vrrp_track_file TF2_T',
  virtual_server_group: 'virtual_server_group VSG_T',
  track_group: 'track_group TG_T',
};
// Disagreements reported in test/BUGS.md are listed here until fixed; they run with RUN_BUGS=1.
const KNOWN_BUGS = new Set<string>();

for (const [file, targetVersion] of [
  ['missing_arg_debian_2.2.7.json', '2.2.7'],
  ['missing_arg_head.json', 'head'],
] as const) {
  const path = join(VALIDATION, file);
  describe.skipIf(!existsSync(path))(`missing arguments agree with keepalived ${targetVersion}`, () => {
    const all = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, { rc: number; messages: string[] }>)
      : {};
    const cases = Object.entries(all).flatMap(([kwPath, r]) => {
      const blocks = kwPath.split(' > ').slice(1);
      const keyword = blocks.pop()!;
      const spec = findKeyword(['root', ...blocks].join(' > '), keyword);
      if (!spec) return []; // built without this option (e.g. vrrp_ipsets in Debian's package)
      const expected =
        r.rc === 2
          ? 'fatal'
          : (r.rc < 0 || r.rc === 124 || r.rc === 139) && r.messages.length === 0
            ? 'crash'
            : r.rc === 0 && r.messages.length === 0
              ? 'accepted'
              : undefined;
      return expected ? [{ kwPath, blocks, keyword, block: spec.block, expected, r }] : [];
    });
    for (const c of cases) {
      (KNOWN_BUGS.has(c.kwPath) && !process.env.RUN_BUGS ? it.skip : it)(`${c.kwPath}: ${c.expected}`, () => {
        const text = `${c.blocks.map((b) => `${BLOCK_HEAD[b] ?? b} {\n`).join('')}${c.keyword}${c.block ? ' {\n}' : ''}\n${'}\n'.repeat(c.blocks.length)}`;
        const p = parse(text, { targetVersion });
        const found = lintParse(p, { targetVersion }).filter(
          (d) => d.ruleId === 'missing-argument' && p.files[0]!.lines.lineOf(d.loc.start) === c.blocks.length,
        );
        if (c.expected === 'accepted')
          expect(found.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
        else
          expect(
            found.map((d) => d.messageId),
            JSON.stringify(c.r),
          ).toEqual([c.expected]);
      });
    }
  });
}
