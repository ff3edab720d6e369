// Public surface of the grammar package.
export * from './ast';
export * from './catalogue';
export * from './files';
export { reparseText, restsBetweenBlocks, unsettledBlocks } from './incremental';
export { parseFile, parseText, type ParseOptions, type Reading } from './parse';
export * from './spans';
export {
  forgetStatementIndex,
  recordStatementIndex,
  sliceIndex,
  statementIndex,
  StatementIndexer,
  type IndexPositions,
  type StatementIndex,
} from './statement-index';
export * from './values';
export * from './version';
export { looksBinary, MAX_FILE_BYTES, MAX_LINE_BYTES } from './reader';
