import { EventStoreDBClient } from '@eventstore/db-client';
import { createTestDatabase, postgresUrl } from '../../../../../test/support/postgres';
import { embeddedDataDir } from '../../../../../test/support/temp-dir';
import { v7 as uuidv7 } from 'uuid';
import { ContractSubject } from '../../contract/event-store.contract';
import { embeddedClient } from '../../sql/embedded-client';
import { postgresClient } from '../../sql/postgres-client';
import { SqlClient } from '../../sql/sql-client';
import { EsdbEventStore } from '../esdb-event-store';

/** The command records' database: PostgreSQL when DATABASE_URL is set, else an embedded one (same dialect). */
async function commandsDatabase(): Promise<{ sql: SqlClient; remove(): Promise<void> }> {
  if (postgresUrl) {
    const db = await createTestDatabase(postgresUrl);
    const sql = postgresClient(db.url);
    return { sql, remove: async () => (await sql.close(), await db.drop()) };
  }
  const dir = await embeddedDataDir();
  const sql = await embeddedClient(dir.path);
  return { sql, remove: async () => (await sql.close(), dir.remove()) };
}

/**
 * The adapter on a server at `connectionString`, in a namespace of its own: on a shared real
 * server each test sees only its own streams in $all, as on an empty database.
 */
export async function openEsdbSubject(connectionString: string, onClose: () => Promise<void> = async () => undefined): Promise<ContractSubject & { esdb: EsdbEventStore; sql: SqlClient }> {
  const commands = await commandsDatabase();
  const client = EventStoreDBClient.connectionString(connectionString);
  const store = await EsdbEventStore.open(client, commands.sql, { namespace: `contract-${uuidv7()}` });
  return {
    store,
    esdb: store,
    sql: commands.sql,
    async close() {
      await store.close();
      await commands.remove();
      await onClose();
    },
  };
}
