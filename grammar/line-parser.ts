// ---- parser ----
// A Chevrotain parser over a batch of lexed lines. It cuts each line into keepalived's logical
// lines: every `{` and `}` is a line of its own, and each run of words between them is one
// statement (first word = keyword, the rest = its arguments).
//   batch     := ( statement | LCurly | RCurly | Newline )*
//   statement := ( Word | QuotedString | OpenQuote )+
// Lines are parsed in batches because a parser call per line costs more than the parsing.
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, AnyWord, LCurly, Newline, RCurly } from './lexer';

/** One piece of a line: a run of words or a brace, with the index of its line in the batch. */
export type LinePiece = { kind: 'words'; tokens: IToken[]; line: number } | { kind: 'open' | 'close'; token: IToken; line: number };

class LineParser extends EmbeddedActionsParser {
  private line = 0;
  private pieces: LinePiece[] = [];
  private tokens: IToken[] = [];

  constructor() {
    super(allTokens, { recoveryEnabled: false, skipValidations: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  // The grammar actions are created once, not on every call: this parser runs once per line of
  // the configuration, and a closure or an alternatives array per call would cost more than the
  // matching (Chevrotain's advice for hot rules).
  private readonly word = (): void => {
    this.tokens.push(this.CONSUME(AnyWord));
  };
  private readonly alternatives = [
    {
      ALT: (): void => {
        this.tokens = [];
        this.AT_LEAST_ONE(this.word);
        this.pieces.push({ kind: 'words', tokens: this.tokens, line: this.line });
      },
    },
    { ALT: (): number => this.pieces.push({ kind: 'open', token: this.CONSUME(LCurly), line: this.line }) },
    { ALT: (): number => this.pieces.push({ kind: 'close', token: this.CONSUME(RCurly), line: this.line }) },
    {
      ALT: (): void => {
        this.CONSUME(Newline);
        this.line++;
      },
    },
  ];
  private readonly piece = (): void => {
    this.OR(this.alternatives);
  };

  /** The whole batch: a statement's words are read inline (a sub-rule call per line costs more). */
  public batch = this.RULE('batch', (): LinePiece[] => {
    this.pieces = [];
    this.line = 0;
    this.MANY(this.piece);
    return this.pieces;
  });
}

const parser = new LineParser();

/** Splits the tokens of a batch of lines into statements and braces. */
export function parseBatchTokens(tokens: IToken[]): LinePiece[] {
  parser.input = tokens;
  // The grammar accepts every token sequence, so there are never parse errors.
  return parser.batch();
}
