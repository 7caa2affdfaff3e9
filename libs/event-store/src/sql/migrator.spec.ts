import { createTestDatabase, postgresUrl } from '@ledger/testing';
import { migrate } from './migrator';
import { postgresClient } from './postgres-client';

if (postgresUrl) {
  const serverUrl = postgresUrl;
  describe('schema migrations on PostgreSQL', () => {
    it('lets several instances start at once on an empty database: each migration applies exactly once', async () => {
      const db = await createTestDatabase(serverUrl);
      const clients = Array.from({ length: 4 }, () => postgresClient(db.url, 2));
      try {
        const migration = (component: string) => [{ version: 1, statements: [`CREATE TABLE ${component} (id int)`] }];
        await Promise.all(clients.flatMap((sql) => [migrate(sql, 'rm_a', migration('rm_a')), migrate(sql, 'rm_b', migration('rm_b'))]));
        const applied = await clients[0].query('SELECT component, version FROM ledger_schema_migrations ORDER BY component');
        expect(applied).toEqual([
          { component: 'rm_a', version: 1 },
          { component: 'rm_b', version: 1 },
        ]);
      } finally {
        await Promise.all(clients.map((sql) => sql.close()));
        await db.drop();
      }
    });
  });
} else {
  test('schema migration concurrency: runs when DATABASE_URL is set (PGlite has one connection)', () => {
    expect(postgresUrl).toBeUndefined();
  });
}
