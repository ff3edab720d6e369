// ---- lexer ----
// Tokens of decommented lines (lexed in batches, one line per Newline-separated run), as
// keepalived's alloc_strvec splits each line:
//   vrrp_instance VI_1 {          ->  Word Word LCurly
//   router_id "my id"  }          ->  Word QuotedString RCurly
// Words are separated by space, \t, \f, \r, \n, \v only (no Unicode spaces); a `"` ends an
// unquoted word and opens a quoted one; braces outside quotes are their own tokens.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

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
export const Newline = createToken({
  name: 'Newline',
  pattern: /\n[ \t\f\r\v]*/,
  start_chars_hint: ['\n'],
  line_breaks: true,
});
/** Any word of a statement (plain, quoted or with an unclosed quote): a token category. */
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
/** A complete double-quoted string; its content may hold blanks, `#`, `!`, braces. */
export const QuotedString = createToken({
  name: 'QuotedString',
  pattern: /"[^"\n]*"/,
  start_chars_hint: ['"'],
  categories: [AnyWord],
});
/** A double quote with no closing partner on the line. */
export const OpenQuote = createToken({
  name: 'OpenQuote',
  pattern: /"[^"\n]*/,
  start_chars_hint: ['"'],
  categories: [AnyWord],
});
/** `{` outside quotes. */
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, start_chars_hint: ['{'] });
/** `}` outside quotes. */
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, start_chars_hint: ['}'] });

const WORD_END = new Set([32, 9, 12, 13, 10, 11, 34, 123, 125]);

/**
 * The codes a Word can start with (any but a blank, a quote, a brace; no low surrogate), one per
 * bucket above 255 (see Word).
 */
export function wordStartHint(): number[] {
  const out: number[] = [];
  let bucket = -1;
  for (let c = 0; c < 0x10000; c++) {
    if (WORD_END.has(c) || (c >= 0xdc00 && c <= 0xdfff)) continue;
    if (c > 255) {
      const b = 255 + Math.floor(c / 255);
      if (b === bucket) continue;
      bucket = b;
    }
    out.push(c);
  }
  return out;
}
const WORD_START = wordStartHint();
/** Any other run of characters. */
export const Word = createToken({
  name: 'Word',
  pattern: /[^ \t\f\r\n\v"{}]+/,
  line_breaks: false,
  categories: [AnyWord],
  // As char codes (Chevrotain takes numbers too), and above 255 one per bucket of Chevrotain's
  // first-character table (it files code c > 255 under 255 + floor(c / 255)): the table comes out
  // the same as from all 63k codes, built in a fraction of the start-up time.
  start_chars_hint: WORD_START,
});

/** Every token type, in matching order. */
export const allTokens: TokenType[] = [Blank, Newline, QuotedString, OpenQuote, LCurly, RCurly, Word, AnyWord];

// ---- plain runs ----
// A run of plain lines (no quote, comment, escape, `$` or NUL: see the reader) is lexed with
// coarser tokens: the words of a logical line up to a brace are one token, and a line that starts
// with a word takes its line break and indentation with it. The 553k-line benchmark config then
// lexes to about one token per line instead of four, and the parser reads one token per
// statement; the reader splits a run at its blanks, as keepalived's alloc_strvec does.
const RUN = /[^ \t\f\r\n\v"{}]+(?:[ \t\f\r\v]+[^ \t\f\r\n\v"{}]+)*[ \t\f\r\v]*/.source;
/** A line break, the next line's indentation and its words up to a brace or the line's end (trailing blanks taken). */
export const LineRun = createToken({
  name: 'LineRun',
  pattern: new RegExp(/\n[ \t\f\r\v]*/.source + RUN),
  start_chars_hint: ['\n'],
  line_breaks: true,
});
/** Words up to a brace or the line's end, after a brace or at the start of a batch (trailing blanks taken). */
export const WordRun = createToken({
  name: 'WordRun',
  pattern: new RegExp(RUN),
  line_breaks: false,
  start_chars_hint: WORD_START,
});
/** The token types of plain runs, in matching order (a line break with no word after it is a Newline). */
export const runTokens: TokenType[] = [Blank, LineRun, Newline, LCurly, RCurly, WordRun];

/**
 * The tokens of a batch without an object per token: token i is of type `types[i]` (Chevrotain's
 * parser reads nothing of a token but its type index, which the token type carries itself), starts
 * at `starts[i]` and reads `images[i]`, for i below `types.length`. The lists are reused by the
 * next batch.
 */
export interface LexedBatch {
  types: readonly TokenType[];
  starts: number[];
  images: string[];
}

/**
 * A Chevrotain lexer that records each token's offset and image in two lists instead of making a
 * token object: the 553k-line benchmark config has about two million tokens, and their objects
 * were 90 of the 550 MB its lint allocated.
 */
class BatchLexer extends Lexer {
  private readonly out: LexedBatch = { types: [], starts: [], images: [] };
  private count = 0;

  /** Lexes one batch of lines (lists reused by the next call). */
  lex(text: string): LexedBatch {
    this.count = 0;
    const out = this.out;
    // The lists keep their length (past `types.length` they hold an earlier batch's tokens): a
    // one-line batch between two large ones would otherwise shrink them and make them grow again.
    const tokens = this.tokenize(text).tokens;
    if (this.count !== tokens.length) {
      // A Chevrotain that no longer calls this factory: its own token objects, read the long way.
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        out.starts[i] = t.startOffset;
        out.images[i] = t.image;
        tokens[i] = t.tokenType as unknown as IToken;
      }
    }
    out.types = tokens as unknown as TokenType[];
    return out;
  }

  // Chevrotain's token factory for `onlyOffset` tracking (chosen in its constructor): called once
  // per token kept, in order, with the token's type, whose tokenTypeIdx is all the parser reads.
  createOffsetOnlyToken(image: string, startOffset: number, _tokenTypeIdx: number, tokenType: TokenType): IToken {
    const i = this.count++;
    this.out.starts[i] = startOffset;
    this.out.images[i] = image;
    return tokenType as unknown as IToken;
  }
}

/** The single shared lexer instance (its lists are reused by every batch). */
export const lineLexer = new BatchLexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});

/** The lexer of plain runs (runTokens; its lists are reused by every batch). */
export const runLexer = new BatchLexer(runTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});
