import type { Statement } from '../../grammar/index';
import { intOf } from '../peer/model';
import { accountSurelyMissing, scriptUses } from '../peer/script-command';
import { defineRule, lineLoc, spanning, type RuleContext } from '../types';
import { checkUnsigned } from '../values';

/**
 * Settings keepalived takes once and rejects when they come again ("already specified - ignoring"),
 * by block (global_parser.c, vrrp_parser.c, track_file.c in 2.2.7). global_defs blocks count as one.
 * The scripts of global_defs (notify fifo, startup and shutdown scripts) are script-duplicate's
 * within one block, and globalScripts' across global_defs blocks.
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
      'lvs_sync_daemon',
    ]),
  ],
  ['root > vrrp_instance', new Set(['use_ipvlan'])],
  ['root > vrrp_track_process', new Set(['process', 'weight'])],
  ['root > vrrp_sync_group', new Set(['group'])],
  ['root > track_group', new Set(['group'])],
  ['root > track_file', new Set(['file', 'weight'])],
  ['root > vrrp_track_file', new Set(['file', 'weight'])],
]);

/** Whether a line sets its value, so that a later one is rejected. */
function sets(s: Statement): boolean {
  const kw = s.keyword.text;
  // A track process's weight counts once keepalived has read one that is not 0, a track file's
  // once it is not 1 (a value it refuses sets 1 there); their other settings once they have a value.
  if (kw === 'weight' && s.parentPath === 'root > vrrp_track_process') {
    const v = intOf(s.args[0]);
    return v !== undefined && v !== 0 && v >= -254 && v <= 254;
  }
  if (kw === 'weight' && (s.parentPath === 'root > track_file' || s.parentPath === 'root > vrrp_track_file')) {
    const v = intOf(s.args[0]);
    return v !== undefined && v !== 1 && v >= -254 && v <= 254;
  }
  if (kw === 'process' || kw === 'file' || kw === 'weight' || kw.includes('fifo') || kw === 'snmp_socket')
    return s.args.length > 0;
  // An empty group list leaves the group without one: the next list is taken.
  if (kw === 'group') return (s.entries ?? []).some((e) => e.length > 0);
  // lvs_sync_daemon counts once it names an interface keepalived can use.
  if (kw === 'lvs_sync_daemon') return s.args.length > 0 && s.args[0]!.text.length < 16;
  return true;
}

/** The SSL settings keepalived replaces when given again, with the name its message uses. */
const SSL_FILES: Readonly<Record<string, string>> = {
  password: 'password',
  ca: 'cafile',
  certificate: 'certfile',
  key: 'keyfile',
};

const MTU = 1;
const ADVERT = 2;
const SIZE = 4;

/**
 * vrrp_rx_bufs_policy lines add to one setting (vrrp_rx_bufs_policy_handler, global_parser.c,
 * 2.2.7): MTU, ADVERT, or a size, which keepalived reads from a line's first word. After each line
 * a size drops the policies, and MTU drops ADVERT, each time with a report. MTU and ADVERT on one
 * line are invalid-choice's.
 */
function rxBufsPolicy(ctx: RuleContext): void {
  let flags = 0;
  for (const block of ctx.parse.body) {
    if (block.keyword.text !== 'global_defs' || !block.spec || !block.children) continue;
    for (const s of block.children) {
      if (s.keyword.text !== 'vrrp_rx_bufs_policy' || !s.spec || s.args.some((w) => w.opaque)) continue;
      let line = 0;
      for (const w of s.args) {
        const v = w.text.toUpperCase();
        if (v === 'MTU') line |= MTU;
        else if (v === 'ADVERT') line |= ADVERT;
        else if (!checkUnsigned(s.args[0]!.text, 0, 4294967295)) line |= SIZE;
      }
      const before = flags;
      flags |= line;
      if (flags & SIZE && flags & (MTU | ADVERT)) {
        ctx.report({ loc: lineLoc(s), messageId: 'rxPolicySize' });
        flags &= ~(MTU | ADVERT);
      } else if (flags & MTU && flags & ADVERT) {
        if ((line & (MTU | ADVERT)) !== (MTU | ADVERT) || before & (MTU | ADVERT))
          ctx.report({ loc: lineLoc(s), messageId: 'rxPolicyBoth' });
        flags &= ~ADVERT;
      }
    }
  }
}

/**
 * A script of global_defs given again in a later global_defs block: keepalived reads every
 * global_defs block into one set of settings, keeps the first script that it could take and rejects
 * the others ("vrrp_notify_fifo_script already specified - ignoring ..."). A second one in the same
 * block is script-duplicate's finding (a block-local rule); here only those with no earlier script
 * of their keyword in their own block.
 */
function globalScripts(ctx: RuleContext): void {
  const first = new Map<string, Statement>();
  const inBlock = new Map<Statement, Set<string>>();
  for (const use of scriptUses(ctx.parse)) {
    const c = use.stmt;
    const block = c.parent;
    if (!block?.spec || block.parent !== undefined || block.keyword.text !== 'global_defs') continue;
    const kw = c.keyword.text;
    let own = inBlock.get(block);
    if (!own) inBlock.set(block, (own = new Set()));
    const earlier = first.get(kw);
    if (earlier && !own.has(kw))
      ctx.report({
        loc: lineLoc(c),
        messageId: 'duplicate',
        data: { keyword: kw },
        related: [{ loc: lineLoc(earlier), messageId: 'first', data: { keyword: kw } }],
      });
    // A script whose user or group no host has is dropped: the keyword is still free.
    if (accountSurelyMissing(use)) continue;
    own.add(kw);
    if (!earlier) first.set(kw, c);
  }
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
    nftablesAfterIptables:
      '"nftables" is already set by vrrp_iptables: keepalived built without iptables support (as Debian\'s and Ubuntu\'s are) takes vrrp_iptables as nftables, and ignores this line. Keep only nftables.',
    stateBackup:
      '({name}) state BACKUP after state MASTER; keepalived keeps MASTER and ignores this line ("state previously set as MASTER - ignoring BACKUP").',
    sslAgain:
      'SSL is given again; keepalived drops the settings of the earlier SSL block and uses this one ("SSL context already specified - replacing").',
    sslFileAgain:
      '"{keyword}" is given again in SSL; keepalived replaces the earlier value with this one ("SSL {type} already specified - replacing").',
    rxPolicySize:
      '"vrrp_rx_bufs_policy" now has both a buffer size and a policy (MTU or ADVERT); keepalived keeps the size and ignores the policy.',
    rxPolicyBoth:
      '"vrrp_rx_bufs_policy" is ADVERT here and MTU on another line; keepalived keeps MTU and ignores ADVERT.',
  },
  check(ctx) {
    rxBufsPolicy(ctx);
    globalScripts(ctx);
    // state BACKUP after state MASTER is refused (vrrp_state_handler); MASTER after BACKUP wins, and
    // an unknown state resets to BACKUP (invalid-choice's).
    for (const inst of ctx.parse.body) {
      if (!inst.spec || inst.skipped || inst.keyword.text !== 'vrrp_instance') continue;
      let master: Statement | undefined;
      for (const c of inst.children ?? []) {
        const v = c.args[0];
        if (!c.spec || c.keyword.text !== 'state' || !v || v.opaque) continue;
        if (v.text === 'MASTER') master = c;
        else if (v.text === 'BACKUP' && master)
          ctx.report({
            loc: v,
            messageId: 'stateBackup',
            data: { name: inst.args[0]?.text ?? '' },
            related: [{ loc: master.args[0]!, messageId: 'first', data: { keyword: 'state' } }],
          });
        else if (v.text !== 'BACKUP') master = undefined;
      }
    }
    // A second SSL block replaces the first as a whole (ssl_handler, check_parser.c, 2.2.7).
    let ssl: Statement | undefined;
    for (const s of ctx.parse.body) {
      if (s.keyword.text !== 'SSL' || !s.spec) continue;
      if (ssl)
        ctx.report({
          loc: s.keyword,
          messageId: 'sslAgain',
          severity: 'warning',
          related: [{ loc: ssl.keyword, messageId: 'first', data: { keyword: 'SSL' } }],
        });
      ssl = s;
      // Its files and password: a later line replaces the value ("SSL certfile already specified - replacing").
      const files = new Map<string, Statement>();
      for (const c of s.children ?? []) {
        const type = SSL_FILES[c.keyword.text];
        if (!type || !c.spec || c.args.length === 0) continue;
        const first = files.get(c.keyword.text);
        if (first)
          ctx.report({
            loc: lineLoc(c),
            messageId: 'sslFileAgain',
            data: { keyword: c.keyword.text, type },
            severity: 'warning',
            related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: c.keyword.text } }],
          });
        else files.set(c.keyword.text, c);
      }
    }
    const global = new Map<string, Statement>();
    const seenIn = new Map<Statement, Map<string, Statement>>();
    for (const block of ctx.parse.body) {
      // A block keepalived skips is not read, unless it lacks its "{" and its lines go to the
      // object before it (Statement.continues), which then has the settings of both.
      if (!block.spec || !block.children || (block.skipped && !block.continues)) continue;
      const path = `root > ${block.keyword.text}`;
      const once = ONCE.get(path);
      if (!once) continue;
      const continued = block.continues && seenIn.get(block.continues);
      const seen = path === 'root > global_defs' ? global : continued || new Map<string, Statement>();
      seenIn.set(block, seen);
      for (const s of block.children) {
        // keepalived built without iptables (Debian's and Ubuntu's, the oracle's) takes
        // vrrp_iptables as nftables with the default table (vrrp_iptables_handler, 2.2.7).
        if (s.spec && s.keyword.text === 'vrrp_iptables' && path === 'root > global_defs' && !seen.has('nftables'))
          seen.set('nftables', s);
        if (!s.spec || !once.has(s.keyword.text)) continue;
        const first = seen.get(s.keyword.text);
        if (first && first.keyword.text === 'vrrp_iptables') {
          ctx.report({
            loc: lineLoc(s),
            messageId: 'nftablesAfterIptables',
            related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: 'vrrp_iptables' } }],
          });
          continue;
        }
        if (first && s.keyword.text === 'group' && !continued) {
          const data = { block: block.keyword.text, name: block.args[0]?.text ?? '' };
          ctx.report({
            loc: spanning(s.keyword, block.close ?? s.close),
            messageId: 'groupList',
            data,
            related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: 'group' } }],
          });
        } else if (first) {
          ctx.report({
            // A group list is ignored whole, up to its closing brace.
            loc: s.keyword.text === 'group' ? spanning(s.keyword, s.close ?? lineLoc(s)) : lineLoc(s),
            messageId: 'duplicate',
            data: { keyword: s.keyword.text },
            related: [{ loc: lineLoc(first), messageId: 'first', data: { keyword: s.keyword.text } }],
          });
        } else if (sets(s)) seen.set(s.keyword.text, s);
      }
    }
  },
});
