// ---- parser ----
// A Chevrotain parser over the tokens of one physical line's content. It cuts the content into
// keepalived's logical lines: every `{` and `}` is a line of its own, and each run of words
// between them is one statement (first word = keyword, the rest = its arguments).
//   line      := ( statement | LCurly | RCurly )*
//   statement := ( Word | QuotedString | OpenQuote )+
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, LCurly, OpenQuote, QuotedString, RCurly, Word } from './lexer';

/** One piece of a line: a run of words or a brace. Offsets are into the lexed string. */
export type LinePiece = { kind: 'words'; tokens: IToken[] } | { kind: 'open' | 'close'; token: IToken };

class LineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** The whole line. */
  public line = this.RULE('line', (): LinePiece[] => {
    const pieces: LinePiece[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => pieces.push(this.SUBRULE(this.statement)) },
        { ALT: () => pieces.push({ kind: 'open', token: this.CONSUME(LCurly) }) },
        { ALT: () => pieces.push({ kind: 'close', token: this.CONSUME(RCurly) }) },
      ]);
    });
    return pieces;
  });

  private statement = this.RULE('statement', (): LinePiece => {
    const tokens: IToken[] = [];
    this.AT_LEAST_ONE(() => {
      tokens.push(
        this.OR([
          { ALT: () => this.CONSUME(Word) },
          { ALT: () => this.CONSUME(QuotedString) },
          { ALT: () => this.CONSUME(OpenQuote) },
        ]),
      );
    });
    return { kind: 'words', tokens };
  });
}

const parser = new LineParser();

/** Splits the tokens of one line into statements and braces. */
export function parseLineTokens(tokens: IToken[]): LinePiece[] {
  parser.input = tokens;
  const pieces = parser.line();
  // The grammar accepts every token sequence, so there are never parse errors.
  return pieces;
}
