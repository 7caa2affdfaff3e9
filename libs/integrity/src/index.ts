export * from './canonical';
export * from './hash-chain';
export * from './merkle';
export * from './note';
export * from './leaf';
export * from './verifier';
export * from './audit-pack';
