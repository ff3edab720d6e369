// ---- parser ----
// Chevrotain parsers over a batch of lexed lines. They cut each line into keepalived's logical
// lines: every `{` and `}` is a line of its own, and each run of words between them is one
// statement (first word = keyword, the rest = its arguments).
//   batch     := ( statement | LCurly | RCurly | Newline )*
//   statement := ( Word | QuotedString | OpenQuote )+          (LineParser, lines lexed word by word)
//   statement := LineRun | WordRun                             (RunParser, plain runs: see lexer.ts)
// Lines are parsed in batches because a parser call per line costs more than the parsing.
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import { allTokens, AnyWord, LCurly, LineRun, Newline, RCurly, runTokens, WordRun } from './lexer';

/** What a piece of a line is: a run of words, a `{` or a `}`. */
export const WORDS = 0;
export const OPEN = 1;
export const CLOSE = 2;
export type PieceKind = typeof WORDS | typeof OPEN | typeof CLOSE;

/**
 * The pieces of a batch, as parallel lists: piece i is `kind[i]`, on line `line[i]` of the batch,
 * made of tokens `first[i]` up to (not including) `end[i]` (one token for a brace). The lists are
 * reused by the next batch: read them before parsing another one.
 */
export interface BatchPieces {
  count: number;
  kind: PieceKind[];
  line: number[];
  first: number[];
  end: number[];
}

/**
 * What both parsers share: the piece lists, the counters, and the alternatives of braces and line
 * breaks. A subclass adds how a statement's words read and calls performSelfAnalysis.
 */
abstract class PieceParser extends EmbeddedActionsParser {
  protected line = 0;
  /** Tokens consumed so far: the index of the next one. */
  protected at = 0;
  readonly out: BatchPieces = { count: 0, kind: [], line: [], first: [], end: [] };

  constructor(tokens: TokenType[]) {
    super(tokens, { recoveryEnabled: false, skipValidations: true, maxLookahead: 1 });
  }

  protected add(kind: PieceKind, first: number): void {
    const o = this.out;
    const i = o.count++;
    o.kind[i] = kind;
    o.line[i] = this.line;
    o.first[i] = first;
    o.end[i] = this.at;
  }

  // The grammar actions are created once, not on every call: this parser runs once per line of
  // the configuration, and a closure or an alternatives array per call would cost more than the
  // matching (Chevrotain's advice for hot rules). No object is made per piece either.
  protected readonly braces = [
    {
      ALT: (): void => {
        this.CONSUME(LCurly);
        this.add(OPEN, this.at++);
      },
    },
    {
      ALT: (): void => {
        this.CONSUME(RCurly);
        this.add(CLOSE, this.at++);
      },
    },
    {
      ALT: (): void => {
        this.CONSUME(Newline);
        this.at++;
        this.line++;
      },
    },
  ];
  /** How a statement's words read, then the braces and line breaks. */
  protected abstract readonly alternatives: Array<{ ALT: () => void }>;
  private readonly piece = (): void => {
    this.OR(this.alternatives);
  };

  /** The whole batch: a statement's words are read inline (a sub-rule call per line costs more). */
  public batch = this.RULE('batch', (): void => {
    this.out.count = 0;
    this.line = 0;
    this.at = 0;
    this.MANY(this.piece);
  });
}

/** Lines lexed word by word (allTokens). */
class LineParser extends PieceParser {
  private start = 0;
  private readonly word = (): void => {
    this.CONSUME(AnyWord);
    this.at++;
  };
  protected readonly alternatives = [
    {
      ALT: (): void => {
        this.start = this.at;
        this.AT_LEAST_ONE(this.word);
        this.add(WORDS, this.start);
      },
    },
    ...this.braces,
  ];

  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }
}

const parser = new LineParser();

/**
 * The same cut over a batch of plain lines lexed with runTokens, where a statement's words are one
 * token (LineRun or WordRun):
 *   run := ( LineRun | WordRun | LCurly | RCurly | Newline )*
 * A WORDS piece is that one token; the reader splits it into words.
 */
class RunParser extends PieceParser {
  protected readonly alternatives = [
    {
      ALT: (): void => {
        this.CONSUME(LineRun);
        this.line++;
        this.add(WORDS, this.at++);
      },
    },
    {
      ALT: (): void => {
        this.CONSUME(WordRun);
        this.add(WORDS, this.at++);
      },
    },
    ...this.braces,
  ];

  constructor() {
    super(runTokens);
    this.performSelfAnalysis();
  }
}

const runParser = new RunParser();

/** Splits the tokens (their types) of a batch of lines into statements and braces (lists reused by the next call). */
export function parseBatchTokens(tokens: readonly TokenType[]): BatchPieces {
  // Chevrotain's parser reads nothing of a token but its type index (see LexedBatch).
  parser.input = tokens as unknown as IToken[];
  // The grammar accepts every token sequence, so there are never parse errors.
  parser.batch();
  return parser.out;
}

/** The same for the tokens of a batch of plain lines (runLexer): each WORDS piece is one token. */
export function parseRunTokens(tokens: readonly TokenType[]): BatchPieces {
  runParser.input = tokens as unknown as IToken[];
  runParser.batch();
  return runParser.out;
}
