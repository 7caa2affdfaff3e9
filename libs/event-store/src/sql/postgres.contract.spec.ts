import { Client } from 'pg';
import { createTestDatabase, postgresUrl } from '@ledger/testing';
import { eventStoreContract } from '../contract/event-store.contract';
import { postgresClient } from './postgres-client';
import { SqlClient } from './sql-client';
import { SqlEventStore } from './sql-event-store';

/** A SqlClient over one connection inside a transaction that only the test commits. */
async function heldTransaction(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  const sql: SqlClient = {
    kind: 'postgres',
    query: async (text, params) => (await client.query(text, params)).rows,
    transaction: (work) => work(sql),
    close: () => client.end(),
  };
  return {
    store: await SqlEventStore.open(sql),
    async commit() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

if (postgresUrl) {
  const serverUrl = postgresUrl;
  eventStoreContract('PostgreSQL', async () => {
    const db = await createTestDatabase(serverUrl);
    const sql = postgresClient(db.url);
    const store = await SqlEventStore.open(sql, { pollIntervalMs: 20 });
    return {
      store,
      sql,
      heldWriter: () => heldTransaction(db.url),
      async close() {
        await sql.close();
        await db.drop();
      },
    };
  });
} else {
  test('PostgreSQL contract suite: runs when DATABASE_URL is set (see README, "Running on PostgreSQL")', () => {
    expect(postgresUrl).toBeUndefined();
  });
}
