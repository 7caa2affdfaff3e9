export * from './consistency-bundle';
export * from './offline-verifier';
export * from './store-audit';
export * from './verdict';
