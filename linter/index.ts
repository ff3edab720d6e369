// Public surface of the linter.
export * from './config';
export * from './lint';
export * from './messages';
export { rules } from './registry';
export * from './types';
