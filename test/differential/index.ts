// Entry point bundled by scripts/oracle.mjs: the whole differential harness.
export * from './cases';
export * from './compare';
export * from './harness';
export * from './linter';
export * from './oracle';
export * from './mutate';
