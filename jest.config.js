/**
 * Tests run from TypeScript sources through SWC, which keeps decorator metadata for Nest, as ES
 * modules: NestJS 12 ships ESM only, and Jest (unlike Node 20 itself) cannot require() it.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
};

module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@ledger/domain$': '<rootDir>/libs/domain/src',
    '^@ledger/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@ledger/event-store$': '<rootDir>/libs/event-store/src',
    '^@ledger/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@ledger/integrity$': '<rootDir>/libs/integrity/src',
    '^@ledger/privacy$': '<rootDir>/libs/privacy/src',
    '^@ledger/projections$': '<rootDir>/libs/projections/src',
    '^@ledger/projections/(.*)$': '<rootDir>/libs/projections/src/$1',
    '^@ledger/api/(.*)$': '<rootDir>/apps/api/src/$1',
    '^@ledger/testing$': '<rootDir>/test/support',
  },
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker keeps every suite's modules and PGlite heaps; past 1 GB (2 GB seen after a few
  // suites) it is restarted between suites rather than left to collect garbage ever more slowly.
  workerIdleMemoryLimit: '1GB',
};
