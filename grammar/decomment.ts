// keepalived's comment stripping (lib/parser.c decomment): `#` and `!` start a comment anywhere
// outside double quotes; `\#` and `\!` outside quotes are literal; `\"` does not toggle quoting.

/** What decommenting one line found. Offsets are into the text that was given. */
export interface Decommented {
  /** Content after trimming blanks and removing the comment: [start, end). */
  start: number;
  end: number;
  /** Offset of the comment character, or -1. */
  commentAt: number;
  /** Offsets of escaped comment characters (`\#`, `\!`) kept as literals. */
  escapes: number[] | undefined;
  /** An odd number of double quotes before the comment. */
  unterminatedQuote: boolean;
  /** The physical line ends in `\` even behind a comment (2.2.7 reads that as a continuation). */
  rawTrailingBackslash: boolean;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Decomments text[start, end). */
export function decomment(text: string, start: number, end: number): Decommented {
  let quote = false;
  let commentAt = -1;
  let escapes: number[] | undefined;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */ && i + 1 < end) {
      const n = text.charCodeAt(i + 1);
      if (n === 34 /* " */) {
        i++;
        continue;
      }
      if (!quote && (n === 35 || n === 33)) {
        (escapes ??= []).push(i);
        i++;
        continue;
      }
    } else if (c === 34) quote = !quote;
    else if (!quote && (c === 35 /* # */ || c === 33) /* ! */) {
      commentAt = i;
      break;
    }
  }
  let s = start;
  let e = commentAt === -1 ? end : commentAt;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  let r = end;
  while (r > start && isBlank(text.charCodeAt(r - 1))) r--;
  return {
    start: s,
    end: e,
    commentAt,
    escapes,
    unterminatedQuote: quote,
    rawTrailingBackslash: r > start && text.charCodeAt(r - 1) === 92,
  };
}
