// Public surface of the linter.
export * from './config';
export { BlockCache } from './block-cache';
export * from './lint';
export * from './messages';
export { pseudoRules, type PseudoRule } from './pseudo-rules';
export { rules } from './registry';
export * from './types';
export { streamLint } from './stream';
