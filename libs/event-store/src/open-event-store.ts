import { EventStoreDBClient } from '@eventstore/db-client';
import { EsdbEventStore } from './esdb/esdb-event-store';
import { EventStore } from './event-store.port';
import { SqlClient } from './sql/sql-client';
import { SqlEventStore } from './sql/sql-event-store';

export interface EventStoreConfig {
  /** `esdb://...`: events in EventStoreDB; the SQL client then holds only read models, keys and command records. */
  eventStoreConnectionString?: string;
  /** How often a SQL store's live subscription looks for events appended by other processes. */
  pollIntervalMs?: number;
}

/** The one place that picks the event store: EventStoreDB when configured, else the SQL store on `sql`. */
export async function openEventStore(config: EventStoreConfig, sql: SqlClient): Promise<EventStore> {
  if (!config.eventStoreConnectionString) return SqlEventStore.open(sql, { pollIntervalMs: config.pollIntervalMs });
  if (sql.kind !== 'postgres') throw new Error('EVENTSTORE_CONNECTION_STRING needs DATABASE_URL: with EventStoreDB, read models, keys and command records live in PostgreSQL');
  return EsdbEventStore.open(EventStoreDBClient.connectionString(config.eventStoreConnectionString), sql);
}

/** Releases what the store holds beside the SQL client (the EventStoreDB connection). */
export async function closeEventStore(store: EventStore): Promise<void> {
  if (store instanceof EsdbEventStore) await store.close();
}
