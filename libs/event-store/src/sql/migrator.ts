import { SqlClient } from './sql-client';

export interface Migration {
  version: number;
  /** One statement per entry: PGlite's extended protocol runs one statement per call. */
  statements: string[];
}

/**
 * Applies the migrations of one component that the database has not seen, each in its own
 * transaction; the advisory lock lets several instances start at once on PostgreSQL.
 */
export async function migrate(sql: SqlClient, component: string, migrations: Migration[]): Promise<void> {
  // Two sessions creating the same table at once collide even with IF NOT EXISTS: take turns.
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['ledger-migrate']);
    await tx.query(`CREATE TABLE IF NOT EXISTS ledger_schema_migrations (
      component text NOT NULL, version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (component, version))`);
  });
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-migrate-${component}`]);
      const done = await tx.query('SELECT 1 FROM ledger_schema_migrations WHERE component = $1 AND version = $2', [
        component,
        migration.version,
      ]);
      if (done.length) return;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO ledger_schema_migrations (component, version) VALUES ($1, $2)', [component, migration.version]);
    });
  }
}
