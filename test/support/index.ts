export * from './api-harness';
export * from './decider-specification';
export * from './postgres';
export * from './temp-dir';
export * from './server-process';
export * from './projection-store';
