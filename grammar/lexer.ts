// ---- lexer ----
// Tokens of one decommented logical line, as keepalived's alloc_strvec splits it:
//   vrrp_instance VI_1 {          ->  Word Word LCurly
//   router_id "my id"  }          ->  Word QuotedString RCurly
// Words are separated by space, \t, \f, \r, \n, \v only (no Unicode spaces); a `"` ends an
// unquoted word and opens a quoted one; braces outside quotes are their own tokens.
import { createToken, Lexer, type TokenType } from 'chevrotain';

const BLANKS = [' ', '\t', '\f', '\r', '\n', '\v'];

/** Runs of blanks, skipped. */
export const Blank = createToken({
  name: 'Blank',
  pattern: /[ \t\f\r\n\v]+/,
  group: Lexer.SKIPPED,
  start_chars_hint: BLANKS,
  line_breaks: false,
});
/** A complete double-quoted string; its content may hold blanks, `#`, `!`, braces. */
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"[^"]*"/, start_chars_hint: ['"'] });
/** A double quote with no closing partner on the line. */
export const OpenQuote = createToken({ name: 'OpenQuote', pattern: /"[^"]*/, start_chars_hint: ['"'] });
/** `{` outside quotes. */
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, start_chars_hint: ['{'] });
/** `}` outside quotes. */
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, start_chars_hint: ['}'] });

const WORD_END = new Set([32, 9, 12, 13, 10, 11, 34, 123, 125]);
/** Any other run of characters. */
export const Word = createToken({
  name: 'Word',
  pattern: {
    exec(text: string, offset: number): RegExpExecArray | null {
      let i = offset;
      while (i < text.length && !WORD_END.has(text.charCodeAt(i))) i++;
      if (i === offset) return null;
      const m = [text.slice(offset, i)] as unknown as RegExpExecArray;
      return m;
    },
  },
  line_breaks: false,
  start_chars_hint: Array.from({ length: 256 }, (_, c) => c)
    .filter((c) => !WORD_END.has(c))
    .map((c) => String.fromCharCode(c)),
});

/** Every token type, in matching order. */
export const allTokens: TokenType[] = [Blank, QuotedString, OpenQuote, LCurly, RCurly, Word];

/** The single shared lexer instance (stateless between calls). */
export const lineLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
});
