import { EventEmitter, once } from 'node:events';
import { v7 as uuidv7 } from 'uuid';
import { chainHash, GENESIS_HASH } from '@ledger/integrity';
import {
  AppendContext,
  AppendResult,
  ConcurrencyConflictError,
  EventMetadata,
  EventStore,
  NewEvent,
  NO_STREAM,
  Position,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';
import { eventStoreMigrations } from './event-store.migrations';
import { migrate } from './migrator';
import { SqlClient, sqlErrorOf } from './sql-client';
import { compareSqlPositions, decodePosition, encodePosition, START } from './sql-position';

// Text casts for exact bigints: ORDER BY must name the table's columns, not these aliases.
const COLUMNS = `event_id::text AS event_id, stream, revision, tx_id::text AS tx_id, position::text AS position,
  type, schema_version, data, metadata, prev_hash, hash`;

interface EventRow {
  [column: string]: unknown;
  event_id: string;
  stream: string;
  revision: number;
  tx_id: string;
  position: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  prev_hash: string;
  hash: string;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    stream: row.stream,
    revision: row.revision,
    position: encodePosition(row.tx_id, row.position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export interface SqlEventStoreOptions {
  /** How often a live subscription looks for events appended by other processes. */
  pollIntervalMs?: number;
  clock?: () => Date;
}

/**
 * The event store on PostgreSQL or PGlite: one body, one dialect.
 *
 * Reading in position order without skipping: a sequence number is taken when a row is
 * inserted, but transactions commit in any order, so a reader that trusted `position` alone
 * could pass an event whose transaction commits later with a smaller number. Readers therefore
 * order by (transaction id, position) and only read transactions older than the oldest one
 * still running (the snapshot's xmin), which are all finished: nothing can later appear before
 * what has been read.
 */
export class SqlEventStore implements EventStore {
  private readonly appended = new EventEmitter();
  /** Counts local appends, so that one landing between an empty read and the wait is not slept through. */
  private appendCount = 0;
  private readonly pollIntervalMs: number;
  private readonly clock: () => Date;

  private constructor(
    private readonly sql: SqlClient,
    options: SqlEventStoreOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.clock = options.clock ?? (() => new Date());
    this.appended.setMaxListeners(0);
  }

  static async open(sql: SqlClient, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
    await migrate(sql, 'event-store', eventStoreMigrations);
    return new SqlEventStore(sql, options);
  }

  async append(stream: string, expectedRevision: number, events: NewEvent[], context: AppendContext): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const { tenantId, commandId } = context;
    let prevHash = GENESIS_HASH;
    if (expectedRevision !== NO_STREAM) {
      const [head] = await this.sql.query<{ revision: number; hash: string }>(
        'SELECT revision, hash FROM ledger_events WHERE tenant_id = $1 AND stream = $2 ORDER BY revision DESC LIMIT 1',
        [tenantId, stream],
      );
      if (head?.revision !== expectedRevision)
        return this.replayOrConflict(tenantId, commandId, new ConcurrencyConflictError(stream, expectedRevision, head?.revision ?? NO_STREAM));
      prevHash = head.hash;
    }

    const recordedAt = this.clock().toISOString();
    const rows = events.map((event, i) => {
      const metadata: EventMetadata = {
        tenantId,
        actor: context.actor,
        commandId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        occurredAt: event.occurredAt.toISOString(),
        recordedAt,
      };
      const envelope = {
        eventId: uuidv7(),
        stream,
        revision: expectedRevision + 1 + i,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata,
        prevHash,
      };
      prevHash = chainHash(envelope);
      return { ...envelope, hash: prevHash };
    });

    try {
      // One statement, so that the events and the command record commit together in one round trip.
      const inserted = await this.sql.query<{ event_id: string; tx_id: string; position: string }>(
        `WITH command AS (
           INSERT INTO ledger_commands (tenant_id, command_id, stream, from_revision, to_revision)
           VALUES ($1, $2, $3, $4, $5)
         )
         INSERT INTO ledger_events (event_id, tenant_id, stream, revision, type, schema_version, data, metadata,
                                    occurred_at, recorded_at, prev_hash, hash)
         SELECT e."eventId", $1, $3, e.revision, e.type, e."schemaVersion", e.data, e.metadata,
                (e.metadata->>'occurredAt')::timestamptz, (e.metadata->>'recordedAt')::timestamptz, e."prevHash", e.hash
         FROM jsonb_to_recordset($6::jsonb) AS e("eventId" uuid, revision int, type text, "schemaVersion" int,
                                                 data jsonb, metadata jsonb, "prevHash" text, hash text)
         RETURNING event_id::text AS event_id, tx_id::text AS tx_id, position::text AS position`,
        [tenantId, commandId, stream, rows[0].revision, rows[rows.length - 1].revision, JSON.stringify(rows)],
      );
      const positions = new Map(inserted.map((r) => [r.event_id, encodePosition(r.tx_id, r.position)]));
      this.appendCount++;
      this.appended.emit('appended');
      return { stream, replayed: false, events: rows.map((row) => ({ ...row, position: positions.get(row.eventId)! })) };
    } catch (error) {
      const { code, constraint } = sqlErrorOf(error);
      if (code !== '23505') throw error;
      if (constraint === 'ledger_commands_pkey') return this.replayOrConflict(tenantId, commandId, error);
      return this.replayOrConflict(tenantId, commandId, new ConcurrencyConflictError(stream, expectedRevision, null));
    }
  }

  /** A retried command gets its first result back; anything else is the original failure. */
  private async replayOrConflict(tenantId: string, commandId: string, failure: unknown): Promise<AppendResult> {
    const first = await this.findCommand(tenantId, commandId);
    if (first) return first;
    throw failure;
  }

  async findCommand(tenantId: string, commandId: string): Promise<AppendResult | null> {
    const [command] = await this.sql.query<{ stream: string; from_revision: number; to_revision: number }>(
      'SELECT stream, from_revision, to_revision FROM ledger_commands WHERE tenant_id = $1 AND command_id = $2',
      [tenantId, commandId],
    );
    if (!command) return null;
    const rows = await this.sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ledger_events WHERE tenant_id = $1 AND stream = $2 AND revision BETWEEN $3 AND $4 ORDER BY revision`,
      [tenantId, command.stream, command.from_revision, command.to_revision],
    );
    return { stream: command.stream, replayed: true, events: rows.map(toRecorded) };
  }

  async readStream(tenantId: string, stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ledger_events WHERE tenant_id = $1 AND stream = $2 AND revision >= $3 ORDER BY revision`,
      [tenantId, stream, fromRevision],
    );
    return rows.map(toRecorded);
  }

  async readAll(from: Position | null, limit: number): Promise<RecordedEvent[]> {
    const after = from ? decodePosition(from) : START;
    const rows = await this.sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ledger_events
       WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
         AND (tx_id, position) > ($1::text::xid8, $2::bigint)
       ORDER BY ledger_events.tx_id, ledger_events.position
       LIMIT $3`,
      [after.txId.toString(), after.sequence.toString(), limit],
    );
    return rows.map(toRecorded);
  }

  async *subscribeAll(from: Position | null, options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent[]> {
    const { batchSize = 500, signal, gatherMs = 0 } = options;
    let cursor = from;
    while (!signal?.aborted) {
      const seen = this.appendCount;
      const batch = await this.readAll(cursor, batchSize);
      if (batch.length > 0) {
        cursor = batch[batch.length - 1].position;
        yield batch;
        if (batch.length < batchSize && gatherMs > 0) await sleep(gatherMs, signal);
      } else if (seen === this.appendCount) {
        await this.nextAppendOrPoll(signal);
      }
    }
  }

  private async nextAppendOrPoll(signal?: AbortSignal): Promise<void> {
    const timeout = AbortSignal.timeout(this.pollIntervalMs);
    const wake = signal ? AbortSignal.any([signal, timeout]) : timeout;
    await once(this.appended, 'appended', { signal: wake }).catch(() => undefined);
  }

  async headPosition(): Promise<Position | null> {
    const [row] = await this.sql.query<{ tx_id: string; position: string }>(
      'SELECT e.tx_id::text AS tx_id, e.position::text AS position FROM ledger_events e ORDER BY e.tx_id DESC, e.position DESC LIMIT 1',
    );
    return row ? encodePosition(row.tx_id, row.position) : null;
  }

  async countEvents(): Promise<number> {
    const [row] = await this.sql.query<{ count: string }>('SELECT count(*)::text AS count FROM ledger_events');
    return Number(row.count);
  }

  comparePositions(a: Position, b: Position): number {
    return compareSqlPositions(a, b);
  }
}
