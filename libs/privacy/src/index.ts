export * from './sealed-field';
export * from './subject-key-store.port';
export * from './sql/sql-subject-key-store';
export * from './sql/subject-key.migrations';
export * from './field-sealer';
export * from './pseudonyms';
export * from './erasure';
