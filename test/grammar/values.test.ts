// Values as keepalived reads them: one keyword per file, recorded with keepalived 2.2.7 `-t`
// (test/fixtures/grammar/values-keepalived-2.2.7.json: keyword/value pairs over sixteen blocks).
// Where keepalived says nothing about the line, the value rules must not report an error there
// (other rules may, for reasons keepalived reports without a line number); where keepalived flags
// the line, the linter must report something on it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintParse } from '../../linter/index';
import { parse } from './helpers';

interface Recorded {
  blocks: Record<string, string[]>;
  cases: Array<{ block: string; keyword: string; value: string; messages: string[] }>;
}

const data = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/grammar/values-keepalived-2.2.7.json'), 'utf8'),
) as Recorded;

const VALUE_RULES = new Set([
  'invalid-number',
  'invalid-choice',
  'invalid-address',
  'malformed-entry',
  'extra-argument',
  'missing-argument',
  'unknown-keyword',
]);

// Disagreements reported in test/BUGS.md #17; they run with RUN_BUGS=1.
const KNOWN_BUGS = new Set<string>([
  'root > global_defs > lvs_timeouts 1e3',
  'root > global_defs > lvs_timeouts 1.5',
  'root > global_defs > lvs_timeouts ""',
  'root > global_defs > lvs_timeouts true',
  'root > global_defs > vrrp_garp_master_refresh ""',
  'root > global_defs > vrrp_garp_lower_prio_repeat ""',
  'root > global_defs > vrrp_garp_extra_if 256',
  'root > global_defs > vrrp_skip_check_adv_addr .5',
  'root > global_defs > vrrp_skip_check_adv_addr ""',
  'root > global_defs > vrrp_skip_check_adv_addr 10.0.0.1',
  'root > global_defs > vrrp_strict -0',
  'root > global_defs > vrrp_strict 10.0.0.1',
  'root > global_defs > vrrp_strict .5',
  'root > global_defs > vrrp_strict TCP',
  'root > global_defs > process_monitor_rcv_bufs ""',
  'root > global_defs > lvs_netlink_cmd_rcv_bufs ""',
  'root > global_defs > vrrp_rx_bufs_policy ""',
  'root > global_defs > umask +5',
  'root > global_defs > umask udp',
  'root > vrrp_instance > use_vmac " 5"',
  'root > vrrp_instance > preempt_delay ""',
  'root > vrrp_instance > garp_extra_if 256',
  'root > virtual_server > persistence_granularity 0777',
  'root > virtual_server > persistence_granularity 256',
  'root > virtual_server > persistence_granularity +5',
  'root > virtual_server > persistence_granularity 00',
  'root > virtual_server > real_server > uthreshold ""',
  'root > track_file > init_file 0777',
  'root > virtual_server > real_server > SSL_GET > fwmark ""',
  'root > virtual_server > real_server > DNS_CHECK > retry ""',
  'root > virtual_server > real_server > DNS_CHECK > name 1.5',
  'root > virtual_server > real_server > SMTP_CHECK > retry ""',
  'root > virtual_server > real_server > UDP_CHECK > fwmark ""',
  'root > virtual_server > real_server > UDP_CHECK > payload on',
  'root > virtual_server > real_server > UDP_CHECK > payload -0',
  'root > virtual_server > real_server > UDP_CHECK > require_reply +5',
  'root > virtual_server > real_server > UDP_CHECK > require_reply true',
  'root > virtual_server > real_server > UDP_CHECK > require_reply 1.',
  'root > vrrp_track_process > weight ""',
]);

describe('values agree with keepalived 2.2.7', () => {
  for (const c of data.cases) {
    const name = `${c.block} > ${c.keyword} ${c.value}`;
    const run = KNOWN_BUGS.has(name) && !process.env.RUN_BUGS ? it.skip : it;
    run(`${name}: ${c.messages.length ? 'flagged' : 'accepted'}`, () => {
      const head = data.blocks[c.block]!;
      const before = `${head.join('\n')}\n`;
      const text = `${before}    ${c.keyword} ${c.value}\n${'}\n'.repeat(head.length)}`;
      const line = before.split('\n').length - 1;
      const p = parse(text, { targetVersion: '2.2.7' });
      const lines = p.files[0]!.lines;
      const here = lintParse(p, { targetVersion: '2.2.7' }).filter(
        (d) => lines.lineOf(d.loc.start) <= line && lines.lineOf(d.loc.end) >= line,
      );
      if (c.messages.length === 0) {
        const errors = here.filter((d) => d.severity === 'error' && VALUE_RULES.has(d.ruleId));
        expect(errors.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
      } else {
        expect(
          here.map((d) => d.ruleId),
          `keepalived: ${c.messages.join(' | ')}`,
        ).not.toEqual([]);
      }
    });
  }
});
