import type { DomainEvent } from '@ledger/domain';
import { type AppendResult, NO_STREAM, type SqlClient, type SqlEventStore } from '@ledger/event-store';
import { eventLeafHash, merkleRoot } from '@ledger/integrity';
import { openTestEventStore, projectUpTo, type StorageUnderTest } from '@ledger/testing';
import { merkleLogProjection } from '../../merkle-log/merkle-log.projection';
import type { Projection } from '../../projection';
import type { KnownAt, PointInTime } from '../point-in-time';

/** 9:00 UTC on day `d` of March 2026. */
export const day = (d: number): Date => new Date(Date.UTC(2026, 2, d, 9));

/**
 * A ledger whose clock the test sets, so each fact has both times: occurredAt in the event, and
 * recordedAt the day `record` is called with. Late-recorded facts are recorded on a later day.
 */
export interface Timeline {
  sql: SqlClient;
  store: SqlEventStore;
  /** Every event appended so far, in log order. */
  log: AppendResult['events'];
  record(recordedOn: number, tenantId: string, stream: string, events: DomainEvent[]): Promise<AppendResult>;
  /** Runs the sealer and `projections` up to the last event. */
  project(...projections: Projection[]): Promise<void>;
  /** The root of the first `size` leaves, computed from the events' hashes with no stored node. */
  rootOf(size: number): string;
  close(): Promise<void>;
}

export async function openTimeline(storage: StorageUnderTest): Promise<Timeline> {
  let now = day(1);
  const { sql, store, close } = await openTestEventStore(storage, { clock: () => now });
  const revisions = new Map<string, number>();
  const log: AppendResult['events'] = [];
  return {
    sql,
    store,
    log,
    async record(recordedOn, tenantId, stream, events) {
      now = day(recordedOn);
      const expected = revisions.get(`${tenantId}/${stream}`) ?? NO_STREAM;
      const written = await store.append(stream, expected, events, {
        tenantId,
        actor: { id: 'dpo', role: 'processor', keyId: null },
        commandId: `${tenantId}-${stream}-${expected + 1}`,
        correlationId: 'c',
        causationId: 'c',
      });
      revisions.set(`${tenantId}/${stream}`, expected + events.length);
      log.push(...written.events);
      return written;
    },
    async project(...projections) {
      await projectUpTo(sql, store, [merkleLogProjection, ...projections], log[log.length - 1].position);
    },
    rootOf: (size) => merkleRoot(log.slice(0, size).map((e) => eventLeafHash(e.hash))).toString('hex'),
    close,
  };
}

/** The points of a cell-by-cell table: rows are asOf values, columns knownAt values (null: not given). */
export interface PointGrid {
  asOf: Array<Date | null>;
  knownAt: Array<KnownAt | null>;
}

/** Asks `query` at every point of the grid; the answers, row by row, compare as one table. */
export async function answersAt<T>(grid: PointGrid, query: (point: PointInTime) => Promise<T>): Promise<T[][]> {
  const table: T[][] = [];
  for (const asOf of grid.asOf) {
    const row: T[] = [];
    for (const knownAt of grid.knownAt) row.push(await query({ asOf, knownAt }));
    table.push(row);
  }
  return table;
}
