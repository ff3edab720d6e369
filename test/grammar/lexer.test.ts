// The batch lexer (grammar/lexer.ts) records each token's offset and image in lists instead of
// making token objects. Checked against Chevrotain's own tokens for the same definitions, and
// through its fallback for a Chevrotain that does not call the overridden token factory.
import { createToken, Lexer } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTokens, lineLexer, runLexer, runTokens, wordStartHint } from '../../grammar/lexer';

const reference = new Lexer(allTokens, { positionTracking: 'onlyOffset', skipValidations: true });

/** Chevrotain's tokens as [type name, offset, image]. */
function expected(text: string): Array<[string, number, string]> {
  return reference.tokenize(text).tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);
}

function actual(text: string): Array<[string, number, string]> {
  const { types, starts, images } = lineLexer.lex(text);
  return types.map((t, i) => [t.name, starts[i]!, images[i]!]);
}

const piece = fc.constantFrom(
  'vrrp_instance',
  'VI_1',
  '{',
  '}',
  '"a b"',
  '"open',
  ' ',
  '\t',
  '\n',
  '\n  ',
  'x#y',
  'é',
  '\r',
  '',
);
const lineText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('batch lexer', () => {
  it('gives the same tokens as Chevrotain, batch after batch', () => {
    fc.assert(
      fc.property(fc.array(lineText, { minLength: 1, maxLength: 4 }), (texts) => {
        // Several batches in a row: a short one after a long one must not see the long one's tail.
        for (const text of texts) expect(actual(text)).toEqual(expected(text));
      }),
    );
  });

  it('lexes plain runs as Chevrotain does, the words of a statement one token', () => {
    const runReference = new Lexer(runTokens, { positionTracking: 'onlyOffset', skipValidations: true });
    const plain = fc.array(fc.constantFrom('a', 'bc', '{', '}', ' ', '\t', '\n', '\n  ', '\r', '\f', '\v', 'é'), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        fc.array(
          plain.map((p) => p.join('')),
          { minLength: 1, maxLength: 4 },
        ),
        (texts) => {
          for (const text of texts) {
            const want = runReference.tokenize(text).tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);
            const { types, starts, images } = runLexer.lex(text);
            expect(types.map((t, i) => [t.name, starts[i]!, images[i]!])).toEqual(want);
          }
        },
      ),
    );
    const names = (text: string): string[] => runLexer.lex(text).types.map((t) => t.name);
    expect(names('a b {\n  c d\n}\n\n  e')).toEqual([
      'WordRun',
      'LCurly',
      'LineRun',
      'Newline',
      'RCurly',
      'Newline',
      'LineRun',
    ]);
    expect(runLexer.lex('x\n  real_server 10.0.0.1 80 {').images[1]).toBe('\n  real_server 10.0.0.1 80 ');
  });

  it('reads Chevrotain token objects when the token factory is not called', () => {
    const text = 'virtual_server 10.0.0.1 80 {\n  real_server "10.0.0.2" 80 {\n}\n"open';
    const own = lineLexer as unknown as Record<string, unknown>;
    const factory = own.createTokenInstance;
    own.createTokenInstance = (Lexer.prototype as unknown as Record<string, unknown>).createOffsetOnlyToken;
    try {
      expect(actual(text)).toEqual(expected(text));
    } finally {
      own.createTokenInstance = factory;
    }
    expect(actual(text)).toEqual(expected(text));
  });
});

describe('the first-character table', () => {
  // Word's start_chars_hint names one code per bucket of Chevrotain's table above 255: the lexer
  // must read every code as one given every code a word can start with.
  const WORD_END = new Set([32, 9, 12, 13, 10, 11, 34, 123, 125]);
  const every = Array.from({ length: 0x10000 }, (_, c) => c).filter(
    (c) => !WORD_END.has(c) && (c < 0xdc00 || c > 0xdfff),
  );
  const full = new Lexer(
    allTokens.map((t) =>
      t.name === 'Word'
        ? createToken({
            name: 'Word',
            pattern: t.PATTERN as RegExp,
            line_breaks: false,
            categories: t.CATEGORIES,
            start_chars_hint: every,
          })
        : t,
    ),
    { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true },
  );
  const read = (text: string): string => {
    const r = full.tokenize(text);
    return `${r.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}`).join(' ')} errors ${r.errors.length}`;
  };
  const readBatch = (text: string): string => {
    const errors = lineLexer.tokenize(text).errors.length;
    const { types, starts } = lineLexer.lex(text);
    return `${types.map((t, i) => `${t.name}@${starts[i]}`).join(' ')} errors ${errors}`;
  };

  it('lexes every UTF-16 code unit as a lexer hinted with every code does', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `${String.fromCharCode(c)}a ${String.fromCharCode(c)}`;
      if (readBatch(text) !== read(text)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('names far fewer codes than it covers', () => {
    expect(wordStartHint().length).toBeLessThan(600);
    expect(every.length).toBeGreaterThan(60000);
  });
});
