import { EventEmitter, once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { GENESIS_HASH } from '@ledger/integrity';
import { chainedEnvelopes } from '../chained-envelopes';
import {
  AppendContext,
  AppendResult,
  CommandIdTakenError,
  ConcurrencyConflictError,
  EventMetadata,
  BulkEventStore,
  NewEvent,
  NO_STREAM,
  Position,
  RecordedEvent,
  StreamAppend,
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

/** Resolves after `ms`, or at once when `signal` aborts; node's timer removes its abort listener either way. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch(() => undefined);
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
export class SqlEventStore implements BulkEventStore {
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

    const rows = chainedEnvelopes(stream, expectedRevision, prevHash, events, context, this.clock().toISOString());

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

  async appendMany(tenantId: string, appends: StreamAppend[]): Promise<AppendResult[]> {
    const streams = [...new Set(appends.map((a) => a.stream))];
    const heads = new Map<string, { revision: number; hash: string }>();
    for (const head of await this.sql.query<{ stream: string; revision: number; hash: string }>(
      `SELECT DISTINCT ON (stream) stream, revision, hash FROM ledger_events WHERE tenant_id = $1 AND stream = ANY($2::text[]) ORDER BY stream, revision DESC`,
      [tenantId, streams],
    ))
      heads.set(head.stream, head);
    const recordedAt = this.clock().toISOString();
    const writes = appends.map(({ stream, expectedRevision, events, context }) => {
      if (events.length === 0) throw new Error('append needs at least one event');
      if (context.tenantId !== tenantId) throw new Error('appendMany writes to one tenant');
      const head = heads.get(stream);
      if ((head?.revision ?? NO_STREAM) !== expectedRevision) throw new ConcurrencyConflictError(stream, expectedRevision, head?.revision ?? NO_STREAM);
      const rows = chainedEnvelopes(stream, expectedRevision, head?.hash ?? GENESIS_HASH, events, context, recordedAt);
      heads.set(stream, rows[rows.length - 1]);
      return { stream, rows, command: { commandId: context.commandId, stream, fromRevision: rows[0].revision, toRevision: rows[rows.length - 1].revision } };
    });
    try {
      const inserted = await this.sql.query<{ event_id: string; tx_id: string; position: string }>(
        `WITH commands AS (
           INSERT INTO ledger_commands (tenant_id, command_id, stream, from_revision, to_revision)
           SELECT $1, c."commandId", c.stream, c."fromRevision", c."toRevision"
           FROM jsonb_to_recordset($2::jsonb) AS c("commandId" text, stream text, "fromRevision" int, "toRevision" int)
         )
         INSERT INTO ledger_events (event_id, tenant_id, stream, revision, type, schema_version, data, metadata,
                                    occurred_at, recorded_at, prev_hash, hash)
         SELECT e."eventId", $1, e.stream, e.revision, e.type, e."schemaVersion", e.data, e.metadata,
                (e.metadata->>'occurredAt')::timestamptz, (e.metadata->>'recordedAt')::timestamptz, e."prevHash", e.hash
         FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS ("eventId" uuid, stream text, revision int, type text, "schemaVersion" int,
                                                          data jsonb, metadata jsonb, "prevHash" text, hash text))
              WITH ORDINALITY AS e("eventId", stream, revision, type, "schemaVersion", data, metadata, "prevHash", hash, n)
         ORDER BY e.n
         RETURNING event_id::text AS event_id, tx_id::text AS tx_id, position::text AS position`,
        [tenantId, JSON.stringify(writes.map((w) => w.command)), JSON.stringify(writes.flatMap((w) => w.rows))],
      );
      const positions = new Map(inserted.map((r) => [r.event_id, encodePosition(r.tx_id, r.position)]));
      this.appendCount++;
      this.appended.emit('appended');
      return writes.map(({ stream, rows }) => ({ stream, replayed: false, events: rows.map((row) => ({ ...row, position: positions.get(row.eventId)! })) }));
    } catch (error) {
      const { code, constraint } = sqlErrorOf(error);
      if (code !== '23505') throw error;
      throw constraint === 'ledger_commands_pkey'
        ? new CommandIdTakenError(tenantId)
        : new ConcurrencyConflictError(streams.length === 1 ? streams[0] : `one of ${streams.length} streams`, NO_STREAM, null);
    }
  }

  async readStreams(tenantId: string, streams: string[]): Promise<Map<string, RecordedEvent[]>> {
    const read = new Map<string, RecordedEvent[]>(streams.map((stream) => [stream, []]));
    const rows = await this.sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ledger_events WHERE tenant_id = $1 AND stream = ANY($2::text[]) ORDER BY stream, revision`,
      [tenantId, streams],
    );
    for (const row of rows) read.get(row.stream)!.push(toRecorded(row));
    return read;
  }

  async findCommands(tenantId: string, commandIds: string[]): Promise<Set<string>> {
    const rows = await this.sql.query<{ command_id: string }>('SELECT command_id FROM ledger_commands WHERE tenant_id = $1 AND command_id = ANY($2::text[])', [
      tenantId,
      commandIds,
    ]);
    return new Set(rows.map((r) => r.command_id));
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
