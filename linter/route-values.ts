// The values of the options of routes and routing rules as keepalived 2.2.7 reads them
// (alloc_route and parse_nexthops, vrrp_iproute.c; alloc_rule, vrrp_iprule.c; get_u8, get_u32 and
// get_time_rtt, vrrp_ip_rule_route_parser.c; find_entry, rttables.c). A value it cannot read makes
// it drop the whole route or rule (a rule's protocol and ipproto excepted).
import { checkDecimal, checkUnsigned, skipWhiteSpace } from './values';

const U32 = 4294967295;

/** What an option takes, for messages; undefined when the word is readable. */
type Reader = (text: string) => string | undefined;

const unsigned =
  (max: number, min = 0): Reader =>
  (text) =>
    checkUnsigned(text, min, max) ? `${min}..${max}` : undefined;

const ULONG_MAX = 0xffffffffffffffffn;

/**
 * What strtoul(word, &end, 0) reads when it reads the whole word (after blanks and a sign; hex
 * after 0x, octal after 0): a `-` negates in unsigned arithmetic, and past ULONG_MAX it gives
 * ULONG_MAX.
 */
function strtoulWhole(word: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(.*)$/s.exec(word)!;
  const text = m[2]!;
  let v: bigint;
  if (/^0x[0-9a-f]+$/i.test(text)) v = BigInt(text);
  else if (/^0[0-7]*$/.test(text)) v = BigInt(`0o${text.slice(1) || '0'}`);
  else if (/^[1-9][0-9]*$/.test(text)) v = BigInt(text);
  else return undefined;
  if (v > ULONG_MAX) return ULONG_MAX;
  return m[1] === '-' ? (ULONG_MAX + 1n - v) & ULONG_MAX : v;
}

/** strtoulWhole cut to an unsigned int, as find_entry stores it. */
function wholeNumber(text: string): number | undefined {
  const v = strtoulWhole(text);
  return v === undefined ? undefined : Number(v & 0xffffffffn);
}

/** A name from /etc/iproute2 (which only the host knows) or a number at most `max`. */
const rtTable =
  (max: number): Reader =>
  (text) => {
    const v = wholeNumber(text);
    // A word that starts like a number but is not one (`08`, `5x`, `-`) is looked up as a name,
    // which no iproute2 file gives to a scope, protocol, dsfield or realm.
    if (v === undefined) return /^[0-9+-]/.test(text) ? `a name from /etc/iproute2, or 0..${max}` : undefined;
    return v > max ? `a name from /etc/iproute2, or 0..${max}` : undefined;
  };

/** realms: FROM/TO or TO, each a name or 0..255 (get_realms: an empty part is no realm). */
const realms: Reader = (text) => {
  const cut = text.indexOf('/');
  const parts = cut === -1 ? [text] : [text.slice(0, cut), text.slice(cut + 1)];
  const bad = parts.some((p) => p === '' || p.includes('/') || rtTable(255)(p));
  return bad ? 'a realm (a name, or 0..255), or FROM/TO' : undefined;
};

/**
 * A time as get_time_rtt reads it: a number of the kernel's units (1/`mult` ms), or `Nms`, or `Ns`
 * (`s`, `sec` or `secs`, any case, with decimals), never in exponent form, at most 120 s. Values
 * below 0.2 s or above 120 s once converted are clamped with a log line, not refused.
 */
const rttTime =
  (mult: number): Reader =>
  (raw) => {
    const expected = `a time: a number of 1/${mult * 1000} s, or Nms, or Ns (at most 120 s)`;
    const text = skipWhiteSpace(raw);
    let num = text;
    let decimals = 0;
    const unit = text.search(/[sS]/);
    if (unit !== -1) {
      if (!/^(s|sec|secs)$/i.test(text.slice(unit))) return expected;
      let end = unit;
      if (end > 0 && (text[end - 1] === 'm' || text[end - 1] === 'M')) end--;
      else decimals = 3;
      if (end === 0) return expected;
      num = text.slice(0, end);
    }
    // read_decimal_unsigned without ignore_error: more decimal places than the unit has are refused.
    if (/[eE]/.test(num)) return expected;
    return checkDecimal(num, 0, (120000 * mult) / 10 ** decimals, decimals) ? expected : undefined;
  };

/** The options of a route whose value keepalived checks, by name (after `lock`, where it takes one). */
export const ROUTE_VALUES: Readonly<Record<string, Reader>> = {
  tos: rtTable(255),
  dsfield: rtTable(255),
  protocol: rtTable(255),
  scope: rtTable(255),
  metric: unsigned(U32),
  priority: unsigned(U32),
  preference: unsigned(U32),
  expires: unsigned(U32),
  mtu: unsigned(U32),
  hoplimit: unsigned(255),
  advmss: unsigned(U32),
  rtt: rttTime(8),
  rttvar: rttTime(4),
  reordering: unsigned(U32),
  window: unsigned(U32),
  cwnd: unsigned(U32),
  ssthresh: unsigned(U32),
  realms,
  rto_min: rttTime(1),
  initcwnd: unsigned(U32),
  initrwnd: unsigned(U32),
  quickack: unsigned(1),
  fastopen_no_cookie: unsigned(1),
  features: (text) => (text === 'ecn' ? undefined : 'ecn'),
  'ttl-propagate': (text) => (text === 'enabled' || text === 'disabled' ? undefined : 'enabled or disabled'),
  pref: (text) =>
    ['low', 'medium', 'high'].includes(text) || !checkUnsigned(text, 0, 255)
      ? undefined
      : 'low, medium, high or 0..255',
};

/** Route options whose unreadable value keepalived reports but leaves out, keeping the route. */
export const ROUTE_KEEPS: ReadonlySet<string> = new Set(['features', 'ttl-propagate']);

/** Whether a route's or rule's protocol is keepalived's own (18, in any base, or its name). */
export function isKeepalivedProtocol(text: string): boolean {
  return text === 'keepalived' || wholeNumber(text) === 18;
}

/** The options of a nexthop whose value keepalived checks. */
export const NEXTHOP_VALUES: Readonly<Record<string, Reader>> = {
  weight: unsigned(256, 1),
  realms,
};

/**
 * A number as read_unsigned reads it in base 0 (hex after 0x, octal after 0; leading blanks and a
 * `+` taken, a `-` refused), at most `max`.
 */
function baseZeroOk(raw: string, max: number): boolean {
  const text = skipWhiteSpace(raw);
  if (text.startsWith('-')) return false;
  const digits = text.replace(/^\+/, '');
  if (digits === '') return true;
  const v = strtoulWhole(digits);
  return v !== undefined && v <= BigInt(max);
}

const baseZero =
  (max: number): Reader =>
  (text) =>
    baseZeroOk(text, max) ? undefined : `0..${max}`;

/** fwmark of a rule: VALUE or VALUE/MASK, each read by strtoul in any base, at most 2^32 - 1. */
const fwmark: Reader = (raw) => {
  const expected = 'VALUE or VALUE/MASK, numbers up to 4294967295';
  const [value = '', mask, ...more] = skipWhiteSpace(raw).split('/');
  if (more.length || !baseZeroOk(value, U32)) return expected;
  if (mask !== undefined && (/^[ \t\n\v\f\r-]/.test(mask) || !baseZeroOk(mask, U32))) return expected;
  return undefined;
};

/** tunnel-id: a decimal up to 2^64 - 1. */
const u64: Reader = (raw) => {
  const text = skipWhiteSpace(raw).replace(/^\+/, '');
  if (!/^\d*$/.test(text)) return '0..18446744073709551615';
  return text !== '' && BigInt(text) > 0xffffffffffffffffn ? '0..18446744073709551615' : undefined;
};

/**
 * ipproto as inet_proto_a2n reads it: a decimal number up to 127 (a larger one, or one followed by
 * other characters, is refused), or a name from /etc/protocols, which only the host knows.
 */
const ipproto: Reader = (raw) => {
  const text = skipWhiteSpace(raw);
  const digits = /^\+?\d+/.exec(text)?.[0];
  if (
    text === '' ||
    text.startsWith('-') ||
    (digits !== undefined && (Number(digits) > 127 || digits.length < text.length))
  )
    return 'a protocol name, or 0..127';
  return undefined;
};

/** A rule's table: a name or a number, but not 0 ("Table 0 is not valid"; 2^32 is 0 to it too). */
const ruleTable: Reader = (text) => (wholeNumber(text) === 0 ? 'a table other than 0' : rtTable(U32)(text));

/** The options of a rule whose value keepalived checks (alloc_rule, vrrp_iprule.c, 2.2.7). */
export const RULE_VALUES: Readonly<Record<string, Reader>> = {
  table: ruleTable,
  lookup: ruleTable,
  preference: baseZero(U32),
  order: baseZero(U32),
  priority: baseZero(U32),
  tos: rtTable(255),
  dsfield: rtTable(255),
  fwmark,
  realms,
  suppress_prefixlength: unsigned(2147483647),
  sup_pl: unsigned(2147483647),
  suppress_ifgroup: rtTable(2147483647),
  sup_group: rtTable(2147483647),
  'tunnel-id': u64,
  uidrange: (text) =>
    /^[ \t\n\v\f\r]*[+-]?\d+-[ \t\n\v\f\r]*[+-]?\d+/.test(text) ? undefined : 'START-END (user ids)',
  goto: unsigned(U32),
  // keepalived reports these two and keeps the rule without them.
  protocol: unsigned(255),
  ipproto,
};

/** Rule options whose unreadable value keepalived reports but leaves out, keeping the rule. */
export const RULE_KEEPS: ReadonlySet<string> = new Set(['protocol', 'ipproto']);
