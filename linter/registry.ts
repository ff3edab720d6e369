// Every single-file rule, sorted by id. Peer rules are in peer-registry.ts.
import type { Rule } from './types';
import deprecatedKeyword from './rules/deprecated-keyword';
import duplicateName from './rules/duplicate-name';
import extraArgument from './rules/extra-argument';
import extraCloseBrace from './rules/extra-close-brace';
import includeCycle from './rules/include-cycle';
import includeError from './rules/include-error';
import includeNotFound from './rules/include-not-found';
import invalidAddress from './rules/invalid-address';
import invalidChoice from './rules/invalid-choice';
import invalidInput from './rules/invalid-input';
import invalidNumber from './rules/invalid-number';
import invalidReplication from './rules/invalid-replication';
import lineTooLong from './rules/line-too-long';
import malformedEntry from './rules/malformed-entry';
import missingArgument from './rules/missing-argument';
import missingOpenBrace from './rules/missing-open-brace';
import oneLineBlock from './rules/one-line-block';
import removedKeyword from './rules/removed-keyword';
import unclosedBlock from './rules/unclosed-block';
import undefinedVariable from './rules/undefined-variable';
import unexpectedOpenBrace from './rules/unexpected-open-brace';
import unknownKeyword from './rules/unknown-keyword';
import unterminatedQuote from './rules/unterminated-quote';

/** All single-file rules. */
export const rules: Rule[] = [
  deprecatedKeyword,
  duplicateName,
  extraArgument,
  extraCloseBrace,
  includeCycle,
  includeError,
  includeNotFound,
  invalidAddress,
  invalidChoice,
  invalidInput,
  invalidNumber,
  invalidReplication,
  lineTooLong,
  malformedEntry,
  missingArgument,
  missingOpenBrace,
  oneLineBlock,
  removedKeyword,
  unclosedBlock,
  undefinedVariable,
  unexpectedOpenBrace,
  unknownKeyword,
  unterminatedQuote,
];
