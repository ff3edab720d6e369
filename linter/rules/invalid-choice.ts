import { atLeast } from '../../grammar/index';
import { BOOLEANS, checkUnsigned, isChoice, isMulticast, skipWhiteSpace, sockaddrAddress, sockaddrFamily, startsNumber } from '../values';
import { typedArgs } from '../params';
import type { Statement, Word } from '../../grammar/index';
import { defineRule, lineLoc, logOnly, type RuleContext } from '../types';
import { replace } from '../problem-rule';

const LATE_BOOLEANS = new Set(['vrrp_strict', 'vrrp_skip_check_adv_addr']);
const UMASK_BITS = new Set(['IRUSR', 'IWUSR', 'IXUSR', 'IRGRP', 'IWGRP', 'IXGRP', 'IROTH', 'IWOTH', 'IXOTH', 'IRWXU', 'IRWXG', 'IRWXO']);

/** The parameter types this rule checks. */
const CHOICES: ReadonlySet<string> = new Set(['bool', 'umask', 'keyword_value_pairs', 'enum', 'enum_or_uint', 'enum_or_int']);

/** `lvs_timeouts tcp 7200 tcpfin 120 udp 300`: known keys, each with a number in range. */
function checkPairs(ctx: RuleContext, keyword: string, args: Word[], keys: Record<string, [number, number]>): void {
  const values = Object.keys(keys).join(', ');
  let any = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.opaque) return;
    const range = keys[w.text];
    if (!range) {
      ctx.report({ loc: w, messageId: 'pairKey', data: { keyword, value: w.text, values } });
      continue;
    }
    const v = args[++i];
    if (!v || v.opaque || checkUnsigned(v.text, range[0], range[1]) || v.text === '') {
      ctx.report({ loc: v ?? w, messageId: 'pairValue', data: { keyword, key: w.text, value: v?.text ?? '', min: range[0], max: range[1] } });
    } else any = true;
  }
  if (!any && args.length && !args.some((a) => keys[a.text])) ctx.report({ loc: args[0]!, messageId: 'pairMissing', data: { keyword, values } });
}

/**
 * The tunnel options after a forwarding method (`lb_kind TUN type gue port 6080 csum`), read as
 * keepalived's svr_forwarding_handler reads them whatever the method: the first problem is reported
 * and the options are then ignored (the method itself stays).
 */
function checkTunnel(ctx: RuleContext, s: Statement): void {
  const data = { keyword: s.keyword.text };
  let type = 'ipip';
  let port = false;
  let csum = 'nocsum';
  for (let i = 1; i < s.args.length; i++) {
    const w = s.args[i]!;
    if (w.opaque) return;
    const next = s.args[i + 1];
    if (w.text === 'type' || w.text === 'port') {
      if (!next) return ctx.report({ loc: w, messageId: w.text === 'type' ? 'tunnelTypeMissing' : 'tunnelPortMissing', data });
      if (next.opaque) return;
      if (w.text === 'type') {
        if (!TUNNEL_TYPES.has(next.text)) return ctx.report({ loc: next, messageId: 'tunnelType', data: { ...data, value: next.text } });
        type = next.text;
      } else {
        if (checkUnsigned(next.text, 1, 65535)) return ctx.report({ loc: next, messageId: 'tunnelPort', data: { ...data, value: next.text } });
        port = true;
      }
      i++;
    } else if (w.text === 'nocsum' || w.text === 'csum' || w.text === 'remcsum') csum = w.text;
    else return ctx.report({ loc: w, messageId: 'tunnelOption', data: { ...data, value: w.text } });
  }
  const loc = lineLoc(s);
  if ((type === 'gue') !== port) ctx.report({ loc, messageId: 'tunnelGuePort', data });
  else if (type === 'ipip' && csum !== 'nocsum') ctx.report({ loc, messageId: 'tunnelIpipCsum', data });
  else if (type === 'gre' && csum === 'remcsum') ctx.report({ loc, messageId: 'tunnelGreRemcsum', data });
}

const TUNNEL_TYPES = new Set(['ipip', 'gue', 'gre']);

/**
 * The options after `lvs_sync_daemon IFNAME`, read as keepalived's lvs_syncd_handler reads them:
 * `inst NAME`, `id N`, `maxlen N`, `port N`, `ttl N`, `group ADDR`, and for compatibility a
 * VRRP instance name as the second word and a sync id as the third.
 */
function checkSyncDaemon(ctx: RuleContext, s: Statement, keys: Record<string, unknown>): void {
  const keyword = s.keyword.text;
  const options = Object.keys(keys).join(', ');
  for (let i = 1; i < s.args.length; i++) {
    const w = s.args[i]!;
    if (w.opaque) return;
    const key = w.text;
    const next = s.args[i + 1];
    const range = keys[key];
    if (range !== undefined && Object.hasOwn(keys, key)) {
      i++;
      if (!next) {
        const messageId = key === 'inst' ? 'syncMissingFatal' : key === 'id' ? 'syncMissingId' : 'syncMissing';
        ctx.report({ loc: w, messageId, data: { keyword, key } });
      } else if (next.opaque || key === 'inst') continue;
      else if (Array.isArray(range)) {
        const [min, max] = range as [number, number];
        const messageId = key === 'id' ? 'syncId' : 'syncValue';
        if (checkUnsigned(next.text, min, max)) ctx.report({ loc: next, messageId, data: { keyword, key, value: next.text, min, max } });
      } else if (!sockaddrFamily(next.text) || !isMulticast(sockaddrAddress(next.text))) {
        ctx.report({ loc: next, messageId: 'syncGroup', data: { keyword, value: next.text } });
      }
      continue;
    }
    // The old form, `lvs_sync_daemon IFNAME INSTANCE [SYNCID]`.
    if (i === 1) continue;
    if (i === 2) {
      if (checkUnsigned(key, 0, 255)) ctx.report({ loc: w, messageId: 'syncId', data: { keyword, key: 'id', value: key, min: 0, max: 255 } });
      else ctx.report({ loc: w, messageId: 'syncOldId', data: { keyword, value: key }, severity: 'warning', fix: { file: w.file, start: w.start, end: w.start, text: 'id ' } });
      continue;
    }
    ctx.report({ loc: w, messageId: 'syncOption', data: { keyword, value: key, values: options } });
  }
}

/** Enumerated values and booleans outside the accepted set. */
export default defineRule({
  id: 'invalid-choice',
  meta: { severity: 'error', fixable: true, category: 'keyword', scope: 'block' },
  description: 'Value that is not one of the words keepalived accepts for this keyword.',
  messages: {
    choice: '"{value}" is not valid for "{keyword}"; expected one of: {values}.',
    choiceCase: '"{value}" is not valid for "{keyword}": values are case-sensitive; use "{suggestion}".',
    boolean: '"{value}" is not a boolean for "{keyword}"; use one of: {values} (lower case).',
    policyBoth: '"{keyword}" cannot be both MTU and ADVERT; keepalived ignores ADVERT.',
    policySize:
      '"{value}" is not valid for "{keyword}": a word other than MTU or ADVERT is a buffer size, which keepalived reads from the first word ("{first}", not a number). Give the size alone.',
    includeCheckSet:
      'include_check "{value}": only the first word may set the checks; later ones need + or - to add or remove one. keepalived ignores it ("Duplicate include_check").',
    umask: '"{value}" is not a umask: use a number (0022, 0x12, 18) or bits such as IWGRP|IWOTH.',
    pairKey: 'Unknown option "{value}" for "{keyword}"; expected {values}.',
    pairValue: '"{value}" is not valid for "{key}" in "{keyword}" (a number {min}..{max}).',
    pairMissing: '"{keyword}" needs at least one option ({values}).',
    syncMissing: '"{key}" in "{keyword}" needs a value; keepalived ignores it.',
    syncMissingId: '"{key}" in "{keyword}" needs a value; keepalived uses the VRID.',
    syncMissingFatal: '"{key}" in "{keyword}" needs a value; keepalived stops reading the configuration here.',
    syncValue: '"{value}" is not valid for "{key}" in "{keyword}" (a number {min}..{max}); keepalived ignores it.',
    syncId: '"{value}" is not valid for "{key}" in "{keyword}" (a number {min}..{max}); keepalived uses the VRID.',
    syncGroup: '"{value}" is not a multicast address for "group" in "{keyword}"; keepalived ignores it.',
    syncOldId: '"{keyword}" takes its sync id after "id" ("id {value}"); keepalived reads it here but reports the line.',
    syncOption: 'Unknown option "{value}" for "{keyword}"; expected {values}.',
    tunnelTypeMissing: '"{keyword}": "type" needs a tunnel type (ipip, gue or gre); keepalived ignores the tunnel options.',
    tunnelType: 'Unknown tunnel type "{value}" for "{keyword}"; expected ipip, gue or gre. keepalived ignores the tunnel options.',
    tunnelPortMissing: '"{keyword}": "port" needs the gue tunnel port; keepalived ignores the tunnel options.',
    tunnelPort: 'Invalid gue tunnel port "{value}" for "{keyword}" (1..65535); keepalived ignores the tunnel options.',
    tunnelOption:
      'Invalid tunnel option "{value}" for "{keyword}"; expected type, port, nocsum, csum or remcsum. keepalived ignores the tunnel options.',
    tunnelGuePort: '"{keyword}": gue tunnels need a port, and other tunnel types cannot have one; keepalived ignores the tunnel options.',
    tunnelIpipCsum: '"{keyword}": ipip tunnels do not support csum or remcsum; keepalived ignores the tunnel options.',
    tunnelGreRemcsum: '"{keyword}": gre tunnels do not support remcsum; keepalived ignores the tunnel options.',
  },
  check(ctx) {
    for (const c = typedArgs(ctx.parse.body, ctx.targetVersion, CHOICES); c.next(); ) {
      const { statement: s, arg, param } = c;
      const v = arg.text;
      if (param.type === 'bool') {
        // Before 2.3.0 these two ignore their optional boolean (any use meant true).
        if (LATE_BOOLEANS.has(s.keyword.text) && !atLeast(ctx.targetVersion, '2.3.0')) continue;
        if (BOOLEANS.includes(v)) continue;
        const lower = BOOLEANS.includes(v.toLowerCase()) ? v.toLowerCase() : undefined;
        ctx.report({ loc: arg, messageId: 'boolean', data: { keyword: s.keyword.text, value: v, values: BOOLEANS.join(', ') }, fix: lower ? replace(arg, lower) : undefined });
        continue;
      }
      if (param.type === 'umask') {
        const words = s.args.map((w) => w.text).join('').split('|');
        const numeric = s.args.length === 1 && /^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(v);
        if (!numeric && !words.every((w) => UMASK_BITS.has(w))) ctx.report({ loc: arg, messageId: 'umask', data: { value: v } });
        continue;
      }
      if (param.type === 'keyword_value_pairs' && param.name === 'tunnel_options') {
        if (arg === s.args[1]) checkTunnel(ctx, s);
        continue;
      }
      if (param.type === 'keyword_value_pairs' && s.keyword.text === 'lvs_sync_daemon' && param.keys) {
        if (arg === s.args[1]) checkSyncDaemon(ctx, s, param.keys);
        continue;
      }
      if (param.type === 'keyword_value_pairs' && s.keyword.text === 'lvs_timeouts' && param.keys) {
        checkPairs(ctx, s.keyword.text, s.args, param.keys as Record<string, [number, number]>);
        continue;
      }
      if (s.keyword.text === 'vrrp_rx_bufs_policy' && arg === s.args[0]) {
        const advert = s.args.find((w) => w.text.toUpperCase() === 'ADVERT');
        if (advert && s.args.some((w) => w.text.toUpperCase() === 'MTU')) {
          ctx.report({ loc: advert, messageId: 'policyBoth', data: { keyword: s.keyword.text } });
        }
      }
      if ((param.type !== 'enum' && param.type !== 'enum_or_uint' && param.type !== 'enum_or_int') || !param.values) continue;
      // enum_or_int: a word that starts like a number is invalid-number's; the others are compared
      // exactly (strcmp), after the white space keepalived skips.
      if (param.type === 'enum_or_int' && startsNumber(v)) continue;
      // include_check words may carry a +/- prefix; a later word without one is ignored.
      if (s.keyword.text === 'include_check' && arg !== s.args[0] && !/^[+-]/.test(v)) {
        ctx.report({ loc: arg, messageId: 'includeCheckSet', data: { value: v } });
        continue;
      }
      const word = s.keyword.text === 'include_check' ? v.replace(/^[+-]/, '') : param.type === 'enum_or_int' ? skipWhiteSpace(v) : v;
      if (isChoice(param, word)) continue;
      if (param.type === 'enum_or_uint') {
        // keepalived reads a size from the first word, whichever word it is looking at.
        if (s.keyword.text === 'vrrp_rx_bufs_policy' && arg !== s.args[0]) {
          const first = s.args[0]!;
          if (!first.opaque && checkUnsigned(first.text, 0, 4294967295)) ctx.report({ loc: arg, messageId: 'policySize', data: { keyword: s.keyword.text, value: v, first: first.text } });
          continue;
        }
        // Any other word is read as an unsigned number: one that is a number is invalid-number's.
        if (checkUnsigned(word, 0, 4294967295)?.kind !== 'invalid') continue;
      }
      const sameCase = param.values.find((x) => x.toLowerCase() === word.toLowerCase());
      const values =
        param.type === 'enum_or_int' || param.type === 'enum_or_uint'
          ? `${param.values.join(', ')} or a number ${param.min ?? 0}..${param.max ?? 4294967295}`
          : param.values.join(', ');
      const data = { keyword: s.keyword.text, value: v, values, suggestion: sameCase };
      ctx.report({ loc: arg, messageId: sameCase ? 'choiceCase' : 'choice', data, fix: sameCase ? replace(arg, sameCase) : undefined, severity: logOnly(s) });
    }
  },
});
