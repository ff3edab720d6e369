// ---- lexer ----
// Tokens of decommented lines (lexed in batches, one line per Newline-separated run), as
// keepalived's alloc_strvec splits each line:
//   vrrp_instance VI_1 {          ->  Word Word LCurly
//   router_id "my id"  }          ->  Word QuotedString RCurly
// Words are separated by space, \t, \f, \r, \n, \v only (no Unicode spaces); a `"` ends an
// unquoted word and opens a quoted one; braces outside quotes are their own tokens.
import { createToken, Lexer, type TokenType } from 'chevrotain';

const BLANKS = [' ', '\t', '\f', '\r', '\v'];

/** Runs of blanks, skipped. */
export const Blank = createToken({
  name: 'Blank',
  pattern: /[ \t\f\r\v]+/,
  group: Lexer.SKIPPED,
  start_chars_hint: BLANKS,
  line_breaks: false,
});
/**
 * Separates logical lines when several are lexed in one batch; it takes the next line's
 * indentation with it (one token instead of two per line, when plain lines are lexed straight
 * from the file). Exactly one line break per token: the parser counts lines by these.
 */
export const Newline = createToken({ name: 'Newline', pattern: /\n[ \t\f\r\v]*/, start_chars_hint: ['\n'], line_breaks: true });
/** Any word of a statement (plain, quoted or with an unclosed quote): a token category. */
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
/** A complete double-quoted string; its content may hold blanks, `#`, `!`, braces. */
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"[^"\n]*"/, start_chars_hint: ['"'], categories: [AnyWord] });
/** A double quote with no closing partner on the line. */
export const OpenQuote = createToken({ name: 'OpenQuote', pattern: /"[^"\n]*/, start_chars_hint: ['"'], categories: [AnyWord] });
/** `{` outside quotes. */
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, start_chars_hint: ['{'] });
/** `}` outside quotes. */
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, start_chars_hint: ['}'] });

const WORD_END = new Set([32, 9, 12, 13, 10, 11, 34, 123, 125]);
/** Any other run of characters. */
export const Word = createToken({
  name: 'Word',
  pattern: /[^ \t\f\r\n\v"{}]+/,
  line_breaks: false,
  categories: [AnyWord],
  // As char codes (Chevrotain takes numbers too): no 63k one-character strings at start-up.
  start_chars_hint: Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => !WORD_END.has(c) && (c < 0xdc00 || c > 0xdfff)),
});

/** Every token type, in matching order. */
export const allTokens: TokenType[] = [Blank, Newline, QuotedString, OpenQuote, LCurly, RCurly, Word, AnyWord];

/** The single shared lexer instance (stateless between calls). */
export const lineLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});
