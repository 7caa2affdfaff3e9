import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, embeddedDataDir, postgresUrl } from '@ledger/testing';
import { embeddedClient } from './embedded-client';
import { postgresClient } from './postgres-client';
import { SqlClient } from './sql-client';
import { isolateTenants, readAsTenant, TenantIsolationUnavailable } from './tenant-isolation';

const both = (sql: SqlClient, table: string) =>
  sql.query(`INSERT INTO ${table} (tenant_id, note) VALUES ('acme', 'acme''s'), ('globex', 'globex''s')`);

/** What a tenant read returns for a statement that names no tenant. */
const everything = (sql: SqlClient, tenant: string, table: string) => readAsTenant(sql, tenant, (tx) => tx.query(`SELECT tenant_id, note FROM ${table}`));

async function coversTablesAddedLater(sql: SqlClient): Promise<void> {
  await sql.query('CREATE TABLE rm_first (tenant_id text NOT NULL, note text)');
  await both(sql, 'rm_first');
  await isolateTenants(sql);
  expect(await everything(sql, 'acme', 'rm_first')).toEqual([{ tenant_id: 'acme', note: "acme's" }]);

  // A register added by a later version: the next start-up protects it too, and running twice changes nothing.
  await sql.query('CREATE TABLE rm_second (tenant_id text NOT NULL, note text)');
  await both(sql, 'rm_second');
  await isolateTenants(sql);
  await isolateTenants(sql);
  expect(await everything(sql, 'globex', 'rm_second')).toEqual([{ tenant_id: 'globex', note: "globex's" }]);
  expect(await everything(sql, 'globex', 'rm_first')).toEqual([{ tenant_id: 'globex', note: "globex's" }]);
  // The owner (the service's own writes: event store, projections) still sees and writes every tenant.
  await both(sql, 'rm_first');
  expect(await sql.query('SELECT count(*)::int AS n FROM rm_first')).toEqual([{ n: 4 }]);
}

describe('tenant isolation on the embedded store', () => {
  it('protects every table with a tenant id, including tables added later', async () => {
    const dir = await embeddedDataDir();
    const sql = await embeddedClient(dir.path);
    try {
      await coversTablesAddedLater(sql);
    } finally {
      await sql.close();
      dir.remove();
    }
  });
});

if (postgresUrl) {
  const serverUrl = postgresUrl;
  describe('tenant isolation on PostgreSQL', () => {
    it('protects every table with a tenant id, including tables added later', async () => {
      const db = await createTestDatabase(serverUrl);
      const sql = postgresClient(db.url, 2);
      try {
        await coversTablesAddedLater(sql);
      } finally {
        await sql.close();
        await db.drop();
      }
    });

    it('databases of one server starting at once share the reader role without colliding', async () => {
      const dbs = await Promise.all([1, 2, 3].map(() => createTestDatabase(serverUrl)));
      const clients = dbs.map((db) => postgresClient(db.url, 2));
      try {
        await Promise.all(clients.map((sql) => sql.query('CREATE TABLE rm_first (tenant_id text NOT NULL, note text)')));
        await Promise.all(clients.map((sql) => isolateTenants(sql)));
        for (const sql of clients) {
          await both(sql, 'rm_first');
          expect(await everything(sql, 'acme', 'rm_first')).toEqual([{ tenant_id: 'acme', note: "acme's" }]);
        }
      } finally {
        await Promise.all(clients.map((sql) => sql.close()));
        await Promise.all(dbs.map((db) => db.drop()));
      }
    });

    it('as an ordinary database user (no superuser): refuses to start with the fix, then isolates once granted the role', async () => {
      const user = `ledger_owner_${randomBytes(4).toString('hex')}`;
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      const db = await createTestDatabase(serverUrl);
      const url = new URL(db.url);
      url.username = user;
      let sql: SqlClient | undefined;
      try {
        // Make sure the role exists: then only the membership is missing, which such a user cannot grant itself.
        await admin.query(`DO $$ BEGIN CREATE ROLE ledger_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
        await admin.query(`CREATE ROLE ${user} LOGIN`);
        await admin.query(`ALTER DATABASE ${new URL(db.url).pathname.slice(1)} OWNER TO ${user}`);
        sql = postgresClient(url.toString(), 2);
        await sql.query('CREATE TABLE rm_first (tenant_id text NOT NULL, note text)');
        await both(sql, 'rm_first');

        const refused = isolateTenants(sql);
        await expect(refused).rejects.toThrow(TenantIsolationUnavailable);
        await expect(refused).rejects.toThrow(`GRANT ledger_reader TO <the ledger's user>`);

        await admin.query(`GRANT ledger_reader TO ${user}`);
        await isolateTenants(sql);
        expect(await everything(sql, 'acme', 'rm_first')).toEqual([{ tenant_id: 'acme', note: "acme's" }]);
        // Not a superuser, but the tables' owner: its own statements still see every tenant.
        expect(await sql.query('SELECT count(*)::int AS n FROM rm_first')).toEqual([{ n: 2 }]);
      } finally {
        await sql?.close();
        await db.drop();
        await admin.query(`DROP ROLE IF EXISTS ${user}`);
        await admin.end();
      }
    });
  });
}
