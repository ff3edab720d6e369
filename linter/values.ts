// Value checks that mirror keepalived's own readers (lib/parser.c read_unsigned, read_int,
// read_decimal_unsigned, check_true_false, inet_pton).
import {
  byteLength,
  isIPv4,
  isIPv6,
  offsetAfterBytes,
  plainDigits,
  type Encoding,
  type ParamSpec,
  type ValueProblem,
} from '../grammar/index';

export {
  checkServerPort,
  checkUnsigned,
  isIPv4,
  isIPv6,
  plainDigits,
  sockaddrAddress,
  sockaddrFamily,
  sockaddrWithPort,
  type ValueProblem,
} from '../grammar/index';

/** A word without the white space keepalived skips before reading it (`strspn(word, WHITE_SPACE)`). */
export const skipWhiteSpace = (text: string): string => text.replace(/^[ \t\n\v\f\r]+/, '');

/** Whether a word is one of a parameter's fixed values (compared as keepalived compares them). */
export function isChoice(param: ParamSpec, word: string): boolean {
  const values = param.values ?? [];
  if (!param.case_insensitive) return values.includes(word);
  const lower = word.toLowerCase();
  return values.some((x) => x.toLowerCase() === lower);
}

/** Whether a word starts like a number to keepalived's `isdigit(word[0]) || word[0] == '-'` (after white space). */
export function startsNumber(text: string): boolean {
  const c = skipWhiteSpace(text).charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45;
}

/** A signed decimal integer. */
export function checkSigned(text: string, min: number, max: number): ValueProblem | undefined {
  const plain = plainDigits(text);
  if (plain !== -1) return plain < min || plain > max ? { kind: 'range', min, max } : undefined;
  const t = text.replace(/^[ \t]+/, '') || '0';
  if (!/^[+-]?\d+$/.test(t)) return { kind: 'invalid' };
  const v = Number(t);
  if (v < min || v > max) return { kind: 'range', min, max };
  return undefined;
}

/** A non-negative decimal with at most `decimals` fractional digits. */
export function checkDecimal(text: string, min: number, max: number, decimals: number): ValueProblem | undefined {
  const plain = plainDigits(text);
  if (plain !== -1)
    return plain < min || plain > max
      ? { kind: 'range', min: fmtDec(min, decimals), max: fmtDec(max, decimals) }
      : undefined;
  // Like the integer readers, an empty word is read as 0 (then range-checked).
  const t = text.replace(/^[ \t]+/, '') || '0';
  if (/^-\d*\.?\d*$/.test(t) && t.length > 1) return { kind: 'negative' };
  const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return { kind: 'invalid' };
  const frac = m[2] ?? '';
  if (frac.length > decimals) return { kind: 'decimals', decimals };
  const v = Number(`${m[1] || '0'}.${frac || '0'}`);
  if (v < min || v > max) return { kind: 'range', min: fmtDec(min, decimals), max: fmtDec(max, decimals) };
  return undefined;
}

/**
 * The value keepalived's decimal reader (read_decimal_unsigned_long_func, lib/parser.c 2.2.7) keeps
 * for a word, in units of 10^-decimals: undefined when it keeps none (see checkDecimal). Extra
 * decimal places are cut, rounding up when the first one cut is 5 or more: 1.2345678 is 1.234568.
 * With `ignoreError` (the handler's flag) a word that is not a number may still leave a value: see
 * decimalPrefix.
 */
export function decimalValue(
  text: string,
  min: number,
  max: number,
  decimals: number,
  ignoreError = false,
): number | undefined {
  const problem = checkDecimal(text, min, max, decimals);
  if (problem?.kind === 'invalid' && ignoreError) return decimalPrefix(text, min, max, decimals);
  if (problem && problem.kind !== 'decimals') return undefined;
  const t = text.replace(/^[ \t]+/, '').replace(/^\+/, '');
  const [whole = '', frac = ''] = t.split('.');
  const scale = 10 ** decimals;
  const v =
    Number(whole || '0') * scale +
    Number(frac.slice(0, decimals).padEnd(decimals, '0')) +
    (frac.charCodeAt(decimals) >= 53 ? 1 : 0);
  // The range is checked on the value kept.
  return v < Math.round(min * scale) || v > Math.round(max * scale) ? undefined : v;
}

/**
 * What keepalived keeps of a word that is not a number when the keyword's handler asks it to go on
 * (ignore_error: advert_int, preempt_delay, the garp and track-process delays): it reports the
 * number, then takes what strtoull reads from the word with its first '.' removed and zeros added
 * for the missing decimal places (cut, and rounded up on the next digit, past `decimals`), if that
 * is in range. So `255.255.255.0` is 255255.2 µs read as 255256: 0.255256 s, and `3s` is 3 µs,
 * out of range (read_decimal_unsigned_long_func, lib/parser.c 2.2.7).
 */
function decimalPrefix(text: string, min: number, max: number, decimals: number): number | undefined {
  if (text.startsWith('-')) return undefined;
  const dp = text.indexOf('.');
  let places = dp === -1 ? 0 : text.length - dp - 1;
  let roundUp = false;
  if (places > decimals) {
    roundUp = text.charCodeAt(dp + decimals + 1) >= 53;
    places = decimals;
  }
  const joined = dp === -1 ? text : text.slice(0, dp) + text.slice(dp + 1, dp + 1 + places);
  const digits = /^[ \t\n\v\f\r]*\+?(\d*)/.exec(joined + '0'.repeat(decimals - places))![1]!;
  const read = digits === '' ? 0n : BigInt(digits);
  // strtoull's range (ERANGE): keepalived rejects the value.
  if (read > 0xffffffffffffffffn) return undefined;
  const v = Number(read) + (roundUp ? 1 : 0);
  const scale = 10 ** decimals;
  return v < Math.round(min * scale) || v > Math.round(max * scale) ? undefined : v;
}

function fmtDec(v: number, decimals: number): string {
  return v.toFixed(decimals);
}

/** An IPv4 address or mask as inet_aton reads it: 1 to 4 parts, each decimal, 0x hex or 0 octal. */
export function isInetAton(text: string): boolean {
  const parts = text.split('.');
  if (parts.length > 4) return false;
  const values: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0x[0-9a-f]+$/i.test(p)) v = parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) v = parseInt(p, 8);
    else if (/^[1-9]\d*$/.test(p)) v = Number(p);
    else return false;
    values.push(v);
  }
  const lastMax = 2 ** (8 * (5 - parts.length)) - 1;
  return values.slice(0, -1).every((v) => v <= 255) && values[values.length - 1]! <= lastMax;
}

/** keepalived's booleans, lower case only. */
export const BOOLEANS = ['true', 'on', 'yes', 'false', 'off', 'no'];

/** Address family of a literal: 4, 6 or 0 (not an address). keepalived picks the family by ':'. */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (text.includes(':')) return isIPv6(text) ? 6 : 0;
  return isIPv4(text) ? 4 : 0;
}

/** Splits `addr/prefix`. */
export function splitPrefix(text: string): { addr: string; prefix: string | undefined } {
  const i = text.indexOf('/');
  return i === -1 ? { addr: text, prefix: undefined } : { addr: text.slice(0, i), prefix: text.slice(i + 1) };
}

/** Whether an address is multicast (224/4 or ff00::/8). */
export function isMulticast(text: string): boolean {
  const f = ipFamily(text);
  if (f === 4) {
    const first = Number(text.split('.')[0]);
    return first >= 224 && first <= 239;
  }
  return f === 6 && /^ff/i.test(text);
}

/** Levenshtein distance, bounded for speed. */
export function editDistance(a: string, b: string, limit = 4): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev[j - 2] ?? v) + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Closest candidates to a misspelt word: those within a distance that grows with length. */
export function closest(word: string, candidates: Iterable<string>): string[] {
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best = limit + 1;
  let out: string[] = [];
  for (const c of candidates) {
    const d = editDistance(word, c, limit);
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best && d <= limit) out.push(c);
  }
  return best <= limit ? out : [];
}

/**
 * An interface name the kernel would take (dev_valid_name): 1–15 characters, not `.` or `..`, no
 * `/`, `:` or blank (the kernel's isspace: the ASCII blanks and 0xA0, a no-break space).
 */
export function isDevName(text: string): boolean {
  return text !== '' && text.length <= 15 && text !== '.' && text !== '..' && !/[/:\t\n\v\f\r \u00a0]/.test(text);
}

/**
 * What keepalived keeps of a value it cuts at `limit` bytes of the file (auth_pass: 8): whether it
 * cuts at all, the whole characters it keeps (to show), whether the cut falls between characters,
 * and the kept bytes themselves, one character per byte (to compare two values as keepalived does).
 */
export function cutAtBytes(
  text: string,
  limit: number,
  encoding: Encoding,
): { cut: boolean; shown: string; exact: boolean; bytes: string } {
  const end = offsetAfterBytes(text, 0, text.length, limit, encoding);
  const shown = text.slice(0, end);
  if (encoding === 'latin1' || end === text.length || /^[\x00-\x7f]*$/.test(shown + text[end])) {
    return { cut: end < text.length, shown, exact: true, bytes: shown };
  }
  const kept = new TextEncoder().encode(text).subarray(0, limit);
  return { cut: true, shown, exact: byteLength(text, 0, end, encoding) === limit, bytes: String.fromCharCode(...kept) };
}

/**
 * Whether keepalived's read_hex_str (lib/parser.c) accepts a hex string: blank-separated words
 * of hex digits read in pairs (`x` a wildcard nibble where `wildcard`). Its end test mistakes a
 * last byte of ff for a bad digit, so data ending in the byte ff is refused too: 'lastFF'.
 */
export function readHexStr(text: string, wildcard: boolean): 'ok' | 'invalid' | 'lastFF' {
  const nibble = (c: string | undefined): number => {
    if (c === undefined) return 0xff;
    if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
    const u = c >= 'a' ? String.fromCharCode(c.charCodeAt(0) - 32) : c;
    if (u >= 'A' && u <= 'F') return u.charCodeAt(0) - 55;
    return wildcard && u === 'X' ? 0xfe : 0xff;
  };
  let p = 0;
  let val = 0;
  let len = 0;
  let badDigit = false;
  for (;;) {
    while (text[p] === ' ' || text[p] === '\t') p++;
    if (p >= text.length) break;
    val = nibble(text[p++]);
    if (val === 0xff) {
      badDigit = true;
      break;
    }
    if (val === 0xfe) val = 0;
    if (p < text.length && text[p] !== ' ') {
      const high = val << 4;
      val = nibble(text[p++]);
      if (val === 0xff) {
        badDigit = true;
        break;
      }
      if (val === 0xfe) val = 0;
      val |= high;
    }
    len++;
  }
  if (badDigit || len === 0) return 'invalid';
  return val === 0xff ? 'lastFF' : 'ok';
}

/**
 * An optional boolean word as keepalived reads it (check_true_false, lib/parser.c): no word is
 * true, true/on/yes and false/off/no are themselves (case matters), anything else undefined.
 */
export function checkTrueFalse(text: string | undefined): boolean | undefined {
  if (text === undefined || text === 'true' || text === 'on' || text === 'yes') return true;
  if (text === 'false' || text === 'off' || text === 'no') return false;
  return undefined;
}
