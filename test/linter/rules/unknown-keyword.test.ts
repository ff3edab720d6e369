import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKeyword } from '../../../grammar/index';
import { lintParse } from '../../../linter/index';
import { parse } from '../../grammar/helpers';
import { ruleTester } from '../rule-tester';

ruleTester('unknown-keyword', {
  valid: [
    'global_defs {\n  router_id lb01\n}\n',
    'vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n  priority 100\n}\n',
    'virtual_server 10.0.0.1 80 {\n  persistence_timeout 5\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      retry 2\n      delay_before_retry 3\n    }\n  }\n}\n',
    // A quoted keyword is still the keyword (quotes are removed first).
    '"vrrp_instance" VI_2 {\n}\n',
    // Comments, `!` comments and inactive @id lines are not keywords.
    '! comment\n# another\n@node9 bogus_keyword 1\n',
    // nb_get_retry is a (deprecated) keyword of HTTP_GET, so it is known there.
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      nb_get_retry 2\n    }\n  }\n}\n',
    // A removed keyword is reported by removed-keyword instead.
    'global_defs {\n  lvs_id lb01\n}\n',
    // Known in the default (newest) target.
    'global_defs {\n  vrrp_delay_after_boot 5\n}\n',
    // 2.4.0 and later stop reading a comment at its first character: its backslash is gone.
    'global_defs {\n  # router_id old \\\n  router_id a\n}\n',
  ],
  invalid: [
    {
      name: 'no fix for a misspelt block keyword whose ignored "{" leaves the reading out of step to the end of the file',
      code: 'vrrp_instance A {\n  <|authentcation {\n    auth_type PASS\n  }\n|>',
      messageId: 'didYouMean+opensBlock',
      output: null,
    },
    {
      name: '2.2.7 reads the backslash that ends a comment as a line of its own',
      code: 'global_defs {\n  # router_id old \\\n  router_id a\n}\n'.replace('old \\', 'old <|\\|>'),
      options: { targetVersion: '2.2.7' },
      messageId: 'backslash',
      message:
        'A line "\\" of its own: keepalived 2.2.7 keeps the backslash that ends this comment (or stands alone) and reads it as an unknown keyword. Remove the backslash.',
      output: null,
    },
    {
      name: 'a block without "{" inside a cascade: the cascade runs on until the top level is back in step',
      code:
        'vrrp_instance RH_1 {\n  authentication {\n    auth_type PASS\n  <|virtual_ipaddress {\n    192.168.99.200\n  }\n}\n' +
        'virtual_server 192.168.99.200 80\n  delay_loop 10\n  real_server 10.0.0.2 80 {\n    weight 1\n  }\n}|>\n',
      messageId: 'elsewhere+opensBlock',
    },
    {
      name: 'a case slip that would turn a plain line into a block gets no fix (RB-16)',
      code: '<|Vrrp_script|> chk\nvrrp_instance v {\n  priority 100\n}\n',
      messageId: 'caseMismatch',
    },
    {
      name: 'seed: perssisstence_timeout in virtual_server',
      code: 'virtual_server 172.16.1.100 80 {\n  <|perssisstence_timeout|> 5\n  protocol TCP\n}\n',
      message: 'Unknown keyword "perssisstence_timeout" in virtual_server; did you mean "persistence_timeout"?',
      messageId: 'didYouMean',
      output: 'virtual_server 172.16.1.100 80 {\n  persistence_timeout 5\n  protocol TCP\n}\n',
    },
    {
      name: 'seed: delay_beefore_retry in TCP_CHECK',
      code: 'virtual_server 172.16.1.100 80 {\n  real_server 172.16.1.7 80 {\n    TCP_CHECK {\n      connect_port 80\n      <|delay_beefore_retry|> 3\n    }\n  }\n}\n',
      message: /did you mean "delay_before_retry"\?/,
      output:
        'virtual_server 172.16.1.100 80 {\n  real_server 172.16.1.7 80 {\n    TCP_CHECK {\n      connect_port 80\n      delay_before_retry 3\n    }\n  }\n}\n',
    },
    {
      name: 'seed: nb_get_retry in TCP_CHECK is valid elsewhere; use retry',
      code: 'virtual_server 172.16.1.100 80 {\n  real_server 172.16.1.7 80 {\n    TCP_CHECK {\n      <|nb_get_retry|> 2\n    }\n  }\n}\n',
      message:
        '"nb_get_retry" is not valid in TCP_CHECK; it belongs in HTTP_GET, SSL_GET (deprecated there). In TCP_CHECK use "retry".',
      messageId: 'elsewhereReplace',
      output:
        'virtual_server 172.16.1.100 80 {\n  real_server 172.16.1.7 80 {\n    TCP_CHECK {\n      retry 2\n    }\n  }\n}\n',
    },
    {
      // Found by the 100k fuzz run: replacing it would leave a block keyword without its "{".
      name: 'the replacement is a block keyword but no "{" follows: suggested, not fixed',
      code: 'vrrp_instance VI_1 {\n  <|vrrp_track_file|> nopreempt\n}\n',
      messageId: 'elsewhereReplace',
      message: /In vrrp_instance use "track_file"\.$/,
      output: null,
    },
    {
      name: 'keyword valid only in another block',
      code: 'vrrp_instance VI_1 {\n  <|lb_algo|> rr\n}\n',
      message: '"lb_algo" is not valid in vrrp_instance; it belongs in virtual_server.',
      messageId: 'elsewhere',
      output: null,
    },
    {
      name: 'keywords are case-sensitive',
      code: 'vrrp_instance VI_1 {\n  <|State|> MASTER\n  <|Interface|> eth0\n}\n',
      messages: [/case-sensitive; use "state"/, /case-sensitive; use "interface"/],
      messageId: 'caseMismatch',
      output: 'vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n}\n',
    },
    {
      name: 'no suggestion when nothing is close',
      code: 'vrrp_instance VI_1 {\n  <|zzqqxx|> 1\n}\n',
      message: 'Unknown keyword "zzqqxx" in vrrp_instance; keepalived skips this line.',
      messageId: 'unknown',
      output: null,
    },
    {
      name: 'severity override from the configuration',
      code: 'global_defs {\n  <|router_idd|> lb01\n}\n',
      options: { rules: { 'unknown-keyword': 'warn' } },
      severity: 'warning',
      output: 'global_defs {\n  router_id lb01\n}\n',
    },
    {
      name: 'an unknown keyword in an included file is reported there',
      code: 'include vrrp.conf\n',
      files: { '/etc/keepalived/vrrp.conf': 'vrrp_instance VI_1 {\n  <|prority|> 100\n}\n' },
      message: /did you mean "priority"\?/,
    },
    {
      name: 'a keyword inside a multi-line definition: reported at the reference, never "fixed" there',
      code: '$CHK=vrrp_script chk {\\\n  scirpt "/bin/true"\\\n}\n<|$CHK|>\n',
      message: /did you mean "script"\?/,
      output: null,
    },
    {
      name: 'a keyword from a one-line definition',
      code: '$P=priorty 100\nvrrp_instance VI_1 {\n  <|$P|>\n}\n',
      output: null,
    },
    {
      name: 'a UTF-8 BOM makes the first keyword unknown, as in keepalived; the fix removes it',
      code: '<|\ufeffglobal_defs {\n  router_id lb01\n}|>\n',
      messageId: 'bom+opensBlockRoot',
      message: /byte order mark.*"global_defs".*Save the file without a BOM\..*reported as an unknown keyword\./,
      output: 'global_defs {\n  router_id lb01\n}\n',
    },
    {
      // keepalived 2.2.7: "(Line 1) Unknown keyword '\ufeff'".
      name: 'a BOM in front of a comment line is a keyword of its own; the fix deletes it',
      code: '<|\ufeff|># managed by ansible\nglobal_defs {\n}\n',
      messageId: 'bomAlone',
      message:
        'The file starts with a UTF-8 byte order mark, which keepalived reads as an unknown keyword of its own. Save the file without a BOM.',
      output: '# managed by ansible\nglobal_defs {\n}\n',
    },
    {
      // Found by the 100k fuzz run: deleting the mark would make "SSL" a block keyword without "{".
      name: 'a BOM alone before other words: no fix (the next word would become the keyword)',
      code: '<|\ufeff|>\tSSL x\n',
      messageId: 'bomAlone',
      output: null,
    },
    {
      name: 'a BOM alone before a "{": no fix (keepalived would read the brace differently)',
      code: '<|\ufeff {\n}|>\n',
      messageId: 'bomAlone+opensBlockRoot',
      output: null,
    },
    {
      name: 'unknown root keyword',
      code: '<|xyzzy_plugh|>\n',
      message: /in the top level/,
    },
    {
      name: 'a definition with blanks around = is an unknown keyword',
      code: '<|$VRID|> = 51\n',
      messageId: 'definition',
      message: /"=" right after the name.*"\$VRID=VALUE"/,
    },
    {
      name: 'an unknown block: one finding spanning the cascade up to where the structure resyncs',
      code: 'vrrp_instance VI_1 {\n  <|foo {\n    x 1\n  }\n  state BACKUP\n}|>\nvrrp_script chk {\n  script "/bin/true"\n}\n',
      messageId: 'unknown+opensBlock',
      message: /Unknown keyword "foo" in vrrp_instance.*its "}" closes vrrp_instance\./,
    },
    {
      name: 'unknown block at the top level, fix keeps the braces',
      code: '<|VRRP_INSTANCE VI_1 {\n}|>\n',
      messageId: 'caseMismatch+opensBlockRoot',
      output: 'vrrp_instance VI_1 {\n}\n',
    },
    {
      name: 'a keyword newer than the target version',
      code: 'global_defs {\n  <|vrrp_delay_after_boot|> 5\n}\n',
      options: { targetVersion: '2.3.4' },
      messageId: 'newer',
      message: '"vrrp_delay_after_boot" needs keepalived 2.4.0 or later (target is 2.3.4).',
    },
    {
      name: 'a keyword Debian leaves out of its 2.2.7 build',
      code: 'global_defs {\n  <|vrrp_ipsets|> keepalived\n}\n',
      options: { targetVersion: '2.2.7' },
      messageId: 'notBuilt',
      message:
        '"vrrp_ipsets" is not in keepalived 2.2.7 as Debian builds it (without the option it belongs to); keepalived reports it as an unknown keyword.',
    },
    {
      name: 'trailing backslash joins the keyword',
      code: 'vrrp_instance VI_1 {\n  <|virtual_router_id\\|>\n}\n',
    },
  ],
});

// keepalived's verdict on every keyword path of its keyword tree, plus planted fake keywords
// (../shared/reference/keepalived/validation/acceptance_*.json, read in place): the linter must
// call exactly the rejected ones unknown, for the version of the binary.
const VALIDATION = resolve(__dirname, '../../../../shared/reference/keepalived/validation');
const BLOCK_HEAD: Record<string, string> = {
  vrrp_instance: 'vrrp_instance VI_T',
  vrrp_script: 'vrrp_script S_T',
  vrrp_track_process: 'vrrp_track_process P_T',
  vrrp_sync_group: 'vrrp_sync_group G_T',
  virtual_server: 'virtual_server 10.0.0.1 80',
  real_server: 'real_server 10.0.0.2 80',
  sorry_server: 'sorry_server 10.0.0.3 80',
  bfd_instance: 'bfd_instance B_T',
  track_file: 'track_file TF_T',
  vrrp_track_file: 'vrrp_track_file TF2_T',
  track_group: 'track_group TG_T',
  garp_group: 'garp_group',
};

for (const [file, targetVersion] of [
  ['acceptance_2.2.7_tree_on_debian_2.2.7.json', '2.2.7'],
  ['acceptance_head_tree_on_debian_2.2.7.json', '2.2.7'],
  ['acceptance_head_tree_on_head_binary.json', 'head'],
] as const) {
  const path = join(VALIDATION, file);
  describe.skipIf(!existsSync(path))(`keyword acceptance agrees with keepalived (${file})`, () => {
    const verdicts = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
    it.each(Object.entries(verdicts))('%s: %s', (kwPath, verdict) => {
      const blocks = kwPath.split(' > ').slice(1);
      const keyword = blocks.pop()!;
      const spec = findKeyword(['root', ...blocks].join(' > '), keyword);
      const line = spec?.block
        ? `${keyword}${spec.block === 'values' && keyword !== 'virtual_server_group' ? '' : ' NAME'} {\n}`
        : `${keyword} 1`;
      const text = `${blocks.map((b) => `${BLOCK_HEAD[b] ?? b} {\n`).join('')}${line}\n${'}\n'.repeat(blocks.length)}`;
      const p = parse(text, { targetVersion });
      const unknown = lintParse(p, { targetVersion }).filter(
        (d) =>
          (d.ruleId === 'unknown-keyword' || d.ruleId === 'removed-keyword') &&
          // the finding covers the line (an unknown parent block's finding spans its contents)
          p.files[0]!.lines.lineOf(d.loc.start) <= blocks.length &&
          p.files[0]!.lines.lineOf(d.loc.end) >= blocks.length,
      );
      expect(unknown.length > 0, unknown.map((d) => d.message).join(' | ')).toBe(verdict === 'UNKNOWN');
    });
  });
}
