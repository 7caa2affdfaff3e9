export * from './event-store.port';
export * from './open-sql-client';
export * from './sql/migrator';
export * from './sql/sql-client';
export * from './sql/sql-event-store';
export * from './deserialise';
export * from './catch-up';
