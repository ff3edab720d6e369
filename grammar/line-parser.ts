// ---- parser ----
// A Chevrotain parser over a batch of lexed lines. It cuts each line into keepalived's logical
// lines: every `{` and `}` is a line of its own, and each run of words between them is one
// statement (first word = keyword, the rest = its arguments).
//   batch     := ( statement | LCurly | RCurly | Newline )*
//   statement := ( Word | QuotedString | OpenQuote )+
// Lines are parsed in batches because a parser call per line costs more than the parsing.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, LCurly, Newline, OpenQuote, QuotedString, RCurly, Word } from './lexer';

/** One piece of a line: a run of words or a brace, with the index of its line in the batch. */
export type LinePiece = { kind: 'words'; tokens: IToken[]; line: number } | { kind: 'open' | 'close'; token: IToken; line: number };

class LineParser extends EmbeddedActionsParser {
  private line = 0;

  constructor() {
    super(allTokens, { recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** The whole batch. */
  public batch = this.RULE('batch', (): LinePiece[] => {
    const pieces: LinePiece[] = [];
    this.ACTION(() => (this.line = 0));
    this.MANY(() => {
      this.OR([
        { ALT: () => pieces.push(this.SUBRULE(this.statement)) },
        { ALT: () => pieces.push({ kind: 'open', token: this.CONSUME(LCurly), line: this.line }) },
        { ALT: () => pieces.push({ kind: 'close', token: this.CONSUME(RCurly), line: this.line }) },
        {
          ALT: () => {
            this.CONSUME(Newline);
            this.ACTION(() => this.line++);
          },
        },
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
    return { kind: 'words', tokens, line: this.line };
  });
}

const parser = new LineParser();

/** Splits the tokens of a batch of lines into statements and braces. */
export function parseBatchTokens(tokens: IToken[]): LinePiece[] {
  parser.input = tokens;
  // The grammar accepts every token sequence, so there are never parse errors.
  return parser.batch();
}
