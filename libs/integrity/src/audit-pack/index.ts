export * from './audit-pack-layout';
export * from './verify-audit-pack';
