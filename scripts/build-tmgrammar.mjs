// Generates syntaxes/keepalived.tmLanguage.json from the keyword inventory.
//
//   node scripts/build-tmgrammar.mjs [path/to/keywords.json]
//
// The inventory defaults to ../shared/reference/keepalived/keywords.json (next to the repo).
// Only developers run this; the generated grammar is committed, and nothing at build or test
// time reads the inventory.
//
// keepalived reads one keyword per logical line, and a logical line starts at the beginning of
// a physical line (after an optional `@id` / `@^id` prefix) or right after a `{` or `}`. So a
// known word is a keyword only there; elsewhere it is an argument and stays plain.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source =
  process.argv[2] ??
  resolve(root, '../shared/reference/keepalived/keywords.json');
const out = resolve(root, 'syntaxes/keepalived.tmLanguage.json');
const inventory = JSON.parse(readFileSync(source, 'utf8'));

// ---- word lists ----
const sorted = (words) =>
  [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const alternation = (words) =>
  sorted(words)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('|');

const blocks = inventory.filter((k) => k.opens_block);
const blockWords = blocks.map((k) => k.keyword);
const namedBlockWords = blocks
  .filter((k) => k.args?.params?.[0]?.type === 'name')
  .map((k) => k.keyword);
const plainBlockWords = blockWords.filter(
  (w) => !namedBlockWords.includes(w) && w !== 'virtual_server',
);
const keywordWords = inventory
  .map((k) => k.keyword)
  .filter((w) => !blockWords.includes(w));
const constantWords = [
  ...inventory.flatMap((k) =>
    (k.args?.params ?? []).flatMap((p) =>
      p.type?.startsWith('enum') ? (p.values ?? []) : [],
    ),
  ),
  // protocol is matched case-insensitively by keepalived
  'tcp',
  'udp',
  'sctp',
].filter((w) => /^[A-Za-z][\w-]*$/.test(w));
const booleanWords = ['true', 'false', 'on', 'off', 'yes', 'no'];

// ---- regex pieces ----
/** Start of a logical line at top level: line start or after a brace, then an optional @id. */
const TOP = '(?:^|(?<=[{}]))[ \\t]*(?:(@\\^?[^\\s#!]*)[ \\t]+)?';
/** Right after `$NAME=`: the value is itself a logical line. */
const AFTER_DEFINITION = '\\G[ \\t]*';
/** Right after `~SEQ(...)` / `~LST(...)`: the replicated text is a logical line. */
const AFTER_REPLICATION = '(?<=\\))[ \\t]*';
/** A word ends at a blank, a brace, a comment, a quote or the end of the line. */
const WORD_END = '(?=[\\s{}#!"]|$)';
/** A block name; `${NAME}` may be part of it (`VI_${N}`). */
const NAME = '(?:\\$\\{[^}]*\\}|[^\\s{}#!"])+';
const NOT_AFTER = '(?<![\\w.:$/@%-])';
const NOT_BEFORE = '(?![\\w.:/%-])';

const CONDITIONAL = 'keyword.control.conditional.keepalived';
const BLOCK = 'entity.name.section.keepalived storage.type.block.keepalived';

/** The rules that recognise the first word of a logical line, for one kind of anchor. */
function statementRules(anchor, hasPrefix) {
  const c = (n) => n + (hasPrefix ? 1 : 0);
  const prefix = hasPrefix ? { 1: { name: CONDITIONAL } } : {};
  return [
    {
      comment: 'virtual_server group NAME | virtual_server fwmark N',
      match: `${anchor}(virtual_server)[ \\t]+(?:(fwmark)|(group)(?:[ \\t]+(${NAME}))?)${WORD_END}`,
      captures: {
        ...prefix,
        [c(1)]: { name: BLOCK },
        [c(2)]: { name: 'storage.modifier.keepalived' },
        [c(3)]: { name: 'storage.modifier.keepalived' },
        [c(4)]: {
          name: 'entity.name.type.keepalived',
          patterns: [{ include: '#variables' }],
        },
      },
    },
    {
      comment: 'blocks whose argument is a name: vrrp_instance VI_1 {',
      match: `${anchor}(${alternation(namedBlockWords)})${WORD_END}(?:[ \\t]+(${NAME}))?`,
      captures: {
        ...prefix,
        [c(1)]: { name: BLOCK },
        [c(2)]: {
          name: 'entity.name.type.keepalived',
          patterns: [{ include: '#variables' }],
        },
      },
    },
    {
      comment: 'other block-opening keywords (keywords.json opens_block)',
      match: `${anchor}(${alternation([...plainBlockWords, 'virtual_server'])})${WORD_END}`,
      captures: { ...prefix, [c(1)]: { name: BLOCK } },
    },
    {
      comment: 'all other keywords of keywords.json',
      match: `${anchor}(${alternation(keywordWords)})${WORD_END}`,
      captures: { ...prefix, [c(1)]: { name: 'keyword.other.keepalived' } },
    },
    {
      comment:
        'an unknown first word stays plain (and is not taken for a constant)',
      match: `${anchor}[A-Za-z_][\\w.-]*${WORD_END}`,
      captures: prefix,
    },
  ];
}

const grammar = {
  $schema:
    'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'keepalived',
  scopeName: 'source.keepalived',
  comment:
    'Generated by scripts/build-tmgrammar.mjs from keywords.json. Do not edit by hand.',
  fileTypes: ['keepalived.conf'],
  patterns: [
    { include: '#comments' },
    { include: '#escapes' },
    { include: '#strings' },
    { include: '#include' },
    { include: '#definition' },
    { include: '#replication' },
    { include: '#statement' },
    { include: '#conditional' },
    { include: '#values' },
  ],
  repository: {
    comments: {
      patterns: [
        {
          match: '(#).*$',
          name: 'comment.line.number-sign.keepalived',
          captures: {
            1: { name: 'punctuation.definition.comment.keepalived' },
          },
        },
        {
          match: '(!).*$',
          name: 'comment.line.exclamation-mark.keepalived',
          captures: {
            1: { name: 'punctuation.definition.comment.keepalived' },
          },
        },
      ],
    },
    escapes: {
      comment: '\\# and \\! outside quotes are a literal # and !',
      match: '\\\\[#!]',
      name: 'constant.character.escape.keepalived',
    },
    strings: {
      comment:
        'No escapes; # and ! are literal; $ substitution still happens inside quotes',
      begin: '"',
      end: '"|$',
      beginCaptures: {
        0: { name: 'punctuation.definition.string.begin.keepalived' },
      },
      endCaptures: {
        0: { name: 'punctuation.definition.string.end.keepalived' },
      },
      name: 'string.quoted.double.keepalived',
      patterns: [{ include: '#variables' }],
    },
    include: {
      comment:
        'include PATTERN: the whole rest of the line (spaces, quotes and glob braces included)',
      match: `${TOP}(include[rmwba]?)[ \\t]+((?:"[^"]*"?|\\\\[#!]|[^\\s#!"]|[ \\t]+(?=[^\\s#!]))+)`,
      captures: {
        1: { name: CONDITIONAL },
        2: { name: 'keyword.control.import.keepalived' },
        3: {
          name: 'string.unquoted.path.keepalived',
          patterns: [{ include: '#variables' }],
        },
      },
    },
    definition: {
      comment:
        '$NAME=VALUE; a value ending in \\ continues on the next line (until a line without it)',
      begin: `${TOP}((\\$)[A-Za-z_]\\w*)(=)`,
      // vscode-textmate scans `line + "\n"`: `$` also matches after the `\n`, hence `\n` in the look-behind.
      end: '(?<![\\\\\\n])$',
      beginCaptures: {
        1: { name: CONDITIONAL },
        2: { name: 'variable.other.definition.keepalived' },
        3: { name: 'punctuation.definition.variable.keepalived' },
        4: { name: 'keyword.operator.assignment.keepalived' },
      },
      name: 'meta.definition.variable.keepalived',
      patterns: [
        { include: '#comments' },
        {
          match: '\\\\(?=[ \\t]*$)',
          name: 'constant.character.escape.line-continuation.keepalived',
        },
        ...statementRules(AFTER_DEFINITION, false),
        { include: '$self' },
      ],
    },
    replication: {
      comment:
        '~SEQ(VAR, [START, [STEP,]] END) TEXT and ~LST(VAR, v1, ...) TEXT',
      begin: `${TOP}(~(?:SEQx?|LST))(?=\\()`,
      end: '$',
      beginCaptures: {
        1: { name: CONDITIONAL },
        2: { name: 'keyword.control.replication.keepalived' },
      },
      name: 'meta.replication.keepalived',
      patterns: [
        {
          begin: '\\G\\(',
          end: '\\)|$',
          beginCaptures: {
            0: { name: 'punctuation.section.parens.begin.keepalived' },
          },
          endCaptures: {
            0: { name: 'punctuation.section.parens.end.keepalived' },
          },
          name: 'meta.arguments.keepalived',
          patterns: [
            {
              match: '\\G[ \\t]*([A-Za-z_]\\w*)',
              captures: {
                1: { name: 'variable.other.definition.keepalived' },
              },
            },
            {
              comment:
                '~LST({A,B}, {a1,b1}, ...): the first tuple names the variables',
              match: '\\G[ \\t]*(\\{)([^}]*)(\\})',
              captures: {
                1: { name: 'punctuation.section.braces.begin.keepalived' },
                2: {
                  patterns: [
                    {
                      match: '[A-Za-z_]\\w*',
                      name: 'variable.other.definition.keepalived',
                    },
                  ],
                },
                3: { name: 'punctuation.section.braces.end.keepalived' },
              },
            },
            {
              match: '(\\{)([^}]*)(\\})',
              captures: {
                1: { name: 'punctuation.section.braces.begin.keepalived' },
                2: { patterns: [{ include: '#values' }] },
                3: { name: 'punctuation.section.braces.end.keepalived' },
              },
            },
            { match: ',', name: 'punctuation.separator.keepalived' },
            { include: '#comments' },
            { include: '#values' },
          ],
        },
        { include: '#comments' },
        ...statementRules(AFTER_REPLICATION, false),
        { include: '$self' },
      ],
    },
    statement: { patterns: statementRules(TOP, true) },
    conditional: {
      comment:
        '@id / @^id before a line that is not a keyword line (`@node1 }`)',
      match: '^[ \\t]*(@\\^?[^\\s#!]*)',
      captures: { 1: { name: CONDITIONAL } },
    },
    values: {
      patterns: [
        { include: '#braces' },
        { include: '#variables' },
        { include: '#ipv6' },
        { include: '#ipv4' },
        { include: '#numbers' },
        { include: '#constants' },
      ],
    },
    braces: {
      patterns: [
        { match: '\\{', name: 'punctuation.section.block.begin.keepalived' },
        { match: '\\}', name: 'punctuation.section.block.end.keepalived' },
      ],
    },
    variables: {
      patterns: [
        {
          comment:
            '${NAME} and ${NAME param ...} (built-ins such as ${_RANDOM 1 9})',
          match: '(\\$\\{)([A-Za-z_]\\w*)([^}]*)(\\})',
          name: 'variable.other.keepalived',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.keepalived' },
            3: { patterns: [{ include: '#numbers' }] },
            4: { name: 'punctuation.definition.variable.end.keepalived' },
          },
        },
        {
          comment:
            '$NAME is substituted only before a blank, `,`, `)` or the end of the line',
          match: '(\\$)[A-Za-z_]\\w*(?=[\\s,)#!"]|$)',
          name: 'variable.other.keepalived',
          captures: {
            1: { name: 'punctuation.definition.variable.keepalived' },
          },
        },
      ],
    },
    ipv4: {
      comment:
        'a.b.c.d, optional -N range end (virtual_server_group), optional /prefix',
      match: `${NOT_AFTER}\\d{1,3}(?:\\.\\d{1,3}){3}(?:-\\d{1,3})?(?:/\\d{1,2})?${NOT_BEFORE}`,
      name: 'constant.numeric.ipv4.keepalived',
    },
    ipv6: {
      comment: 'at least two colons; optional embedded IPv4, %zone and /prefix',
      match: `${NOT_AFTER}(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?:%[\\w.]+)?(?:/\\d{1,3})?${NOT_BEFORE}`,
      name: 'constant.numeric.ipv6.keepalived',
    },
    numbers: {
      patterns: [
        {
          match: `${NOT_AFTER}0[xX][0-9A-Fa-f]+${NOT_BEFORE}`,
          name: 'constant.numeric.hex.keepalived',
        },
        {
          match: `${NOT_AFTER}[-+]?\\d+\\.\\d+${NOT_BEFORE}`,
          name: 'constant.numeric.decimal.keepalived',
        },
        {
          match: `${NOT_AFTER}[-+]?\\d+${NOT_BEFORE}`,
          name: 'constant.numeric.integer.keepalived',
        },
      ],
    },
    constants: {
      patterns: [
        {
          match: `(?<![^\\s{}(,])(?:${alternation(booleanWords)})(?![^\\s{}#!"),])`,
          name: 'constant.language.boolean.keepalived',
        },
        {
          comment:
            'enum values of keywords.json (state, auth_type, lb_kind, lb_algo, ...)',
          match: `(?<![^\\s{}(,])(?:${alternation(constantWords.filter((w) => !booleanWords.includes(w)))})(?![^\\s{}#!"),])`,
          name: 'constant.language.keepalived',
        },
      ],
    },
  },
};

writeFileSync(
  out,
  await prettier.format(JSON.stringify(grammar), { filepath: out }),
);
console.log(
  `wrote ${out}: ${new Set(blockWords).size} block keywords (${namedBlockWords.length} named), ` +
    `${new Set(keywordWords).size} other keywords, ${new Set(constantWords).size} constants`,
);
