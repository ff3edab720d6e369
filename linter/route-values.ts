// The values of a route's options as keepalived 2.2.7 reads them (alloc_route and parse_nexthops,
// vrrp_iproute.c; get_u8/get_u32/get_time_rtt, vrrp_ip_rule_route_parser.c; find_entry,
// rttables.c). A value it cannot read makes it drop the whole route.
import { checkUnsigned, decimalValue, skipWhiteSpace } from './values';

const U32 = 4294967295;

/** What an option takes, for messages; undefined when the word is readable. */
type Reader = (text: string) => string | undefined;

const unsigned =
  (max: number, min = 0): Reader =>
  (text) =>
    checkUnsigned(text, min, max) ? `${min}..${max}` : undefined;

/**
 * What strtoul(word, &end, 0) reads when it reads the whole word (hex after 0x, octal after 0), cut
 * to an unsigned int as find_entry stores it; undefined when it stops short. Signs and blanks,
 * which strtoul also takes, count as stopping short here: such a word is left alone.
 */
function wholeNumber(text: string): number | undefined {
  let v: bigint;
  if (/^0x[0-9a-f]+$/i.test(text)) v = BigInt(text);
  else if (/^0[0-7]*$/.test(text)) v = BigInt(`0o${text.slice(1) || '0'}`);
  else if (/^[1-9][0-9]*$/.test(text)) v = BigInt(text);
  else return undefined;
  // Past ULONG_MAX strtoul gives ULONG_MAX; the cast keeps the low 32 bits.
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
  return Number(v & 0xffffffffn);
}

/** A name from /etc/iproute2 (which only the host knows) or a number at most `max`. */
const rtTable =
  (max: number): Reader =>
  (text) => {
    const v = wholeNumber(text);
    // A word that starts like a number but is not one (`08`, `5x`) is looked up as a name, which
    // no iproute2 file gives to a scope, protocol, dsfield or realm.
    if (v === undefined) return /^[0-9]/.test(text) ? `a name from /etc/iproute2, or 0..${max}` : undefined;
    return v > max ? `a name from /etc/iproute2, or 0..${max}` : undefined;
  };

/** realms: FROM/TO or TO, each a name or 0..255. */
const realms: Reader = (text) => {
  const parts = text.split('/');
  if (parts.length > 2) return undefined;
  return parts.some((p) => rtTable(255)(p)) ? 'a realm (a name, or 0..255), or FROM/TO' : undefined;
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
    if (/[eE]/.test(num)) return expected;
    return decimalValue(num, 0, (120000 * mult) / 10 ** decimals, decimals) === undefined ? expected : undefined;
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
  pref: (text) => (['low', 'medium', 'high'].includes(text) || !checkUnsigned(text, 0, 255) ? undefined : 'low, medium, high or 0..255'),
};

/** The options of a nexthop whose value keepalived checks. */
export const NEXTHOP_VALUES: Readonly<Record<string, Reader>> = {
  weight: unsigned(256, 1),
  realms,
};
