import type { DomainEvent } from '@ledger/domain';
import { type AppendResult, NO_STREAM, openSqlClient, type Position, SqlClient, SqlEventStore, type SqlEventStoreOptions } from '@ledger/event-store';
import { type Projection, ProjectionRunner } from '@ledger/projections';
import type { StorageUnderTest } from './api-harness';

export interface TestEventStore {
  sql: SqlClient;
  store: SqlEventStore;
  /** Closes the connection and drops the storage. */
  close(): Promise<void>;
}

/** An event store on a fresh database of `storage`, for one test. */
export async function openTestEventStore(storage: StorageUnderTest, options?: SqlEventStoreOptions): Promise<TestEventStore> {
  const prepared = await storage.config();
  const sql = await openSqlClient(prepared.config);
  const store = await SqlEventStore.open(sql, options);
  return {
    sql,
    store,
    close: async () => {
      await sql.close();
      await prepared.dispose();
    },
  };
}

/** Appends `events` as the first command of `stream`, by a processor's user. */
export function appendNewStream(store: SqlEventStore, tenantId: string, stream: string, events: DomainEvent[], actorId = 'dpo'): Promise<AppendResult> {
  return store.append(stream, NO_STREAM, events, {
    tenantId,
    actor: { id: actorId, role: 'processor', keyId: null },
    commandId: `${tenantId}-${stream}`,
    correlationId: 'c',
    causationId: 'c',
  });
}

export const lastPositionOf = (write: AppendResult): Position => write.events[write.events.length - 1].position;

/**
 * Runs the projections live until they have applied `upTo`, then stops them. Live rather than a
 * rebuild: a rebuild's readAll may stop short while other transactions are open on the server.
 */
export async function projectUpTo(sql: SqlClient, store: SqlEventStore, projections: Projection[], upTo: Position | AppendResult): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(sql, store, projections);
  await runner.migrate();
  await runner.start();
  const reached = await runner.waitFor(typeof upTo === 'string' ? upTo : lastPositionOf(upTo), 30_000);
  await runner.stop();
  expect(reached).toBe(true);
  return runner;
}
