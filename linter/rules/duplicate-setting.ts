import type { Statement } from '../../grammar/index';
import { intOf } from '../peer/model';
import { defineRule, lineLoc, spanning } from '../types';

/**
 * Settings keepalived takes once and rejects when they come again ("already specified - ignoring"),
 * by block (global_parser.c, vrrp_parser.c, track_file.c in 2.2.7). global_defs blocks count as one.
 * The notify fifo scripts are script-duplicate's.
 */
const ONCE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'root > global_defs',
    new Set([
      'nftables',
      'nftables_ipvs',
      'notify_fifo',
      'vrrp_notify_fifo',
      'lvs_notify_fifo',
      'snmp_socket',
      'vmac_prefix',
      'vmac_addr_prefix',
      'tmp_config_directory',
    ]),
  ],
  ['root > vrrp_track_process', new Set(['process', 'weight'])],
  ['root > vrrp_sync_group', new Set(['group'])],
  ['root > track_group', new Set(['group'])],
  ['root > track_file', new Set(['file', 'weight'])],
  ['root > vrrp_track_file', new Set(['file', 'weight'])],
]);

/** Whether a line sets its value, so that a later one is rejected. */
function sets(s: Statement): boolean {
  const kw = s.keyword.text;
  // A track process's weight counts once it is not 0; its other settings once they have a value.
  if (kw === 'weight' && s.parentPath === 'root > vrrp_track_process') return (intOf(s.args[0]) ?? 0) !== 0;
  if (kw === 'process' || kw === 'file' || kw === 'weight' || kw.includes('fifo') || kw === 'snmp_socket')
    return s.args.length > 0;
  return true;
}

/** A setting given twice where keepalived keeps the first and rejects the others. */
export default defineRule({
  id: 'duplicate-setting',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'A setting given again in a block where keepalived keeps the first value and rejects the others.',
  messages: {
    duplicate: '"{keyword}" is already set; keepalived keeps the first value and ignores this line.',
    groupList:
      '{block} "{name}" already has a group list; keepalived ignores this one without reading it, so its closing brace ends {block} "{name}" and the brace after it is left over.',
    first: 'first "{keyword}"',
  },
  check(ctx) {
    const global = new Map<string, Statement>();
    for (const block of ctx.parse.body) {
      if (!block.spec || !block.children) continue;
      const path = `root > ${block.keyword.text}`;
      const once = ONCE.get(path);
      if (!once) continue;
      const seen = path === 'root > global_defs' ? global : new Map<string, Statement>();
      for (const s of block.children) {
        if (!s.spec || !once.has(s.keyword.text)) continue;
        const first = seen.get(s.keyword.text);
        if (first && s.keyword.text === 'group') {
          const data = { block: block.keyword.text, name: block.args[0]?.text ?? '' };
          ctx.report({
            loc: spanning(s.keyword, block.close ?? s.close),
            messageId: 'groupList',
            data,
            related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: 'group' } }],
          });
        } else if (first) {
          ctx.report({
            loc: lineLoc(s),
            messageId: 'duplicate',
            data: { keyword: s.keyword.text },
            related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: s.keyword.text } }],
          });
        } else if (sets(s)) seen.set(s.keyword.text, s);
      }
    }
  },
});
