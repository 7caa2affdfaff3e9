import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM as ESDB_NO_STREAM,
  type JSONType,
  type ResolvedEvent,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { GENESIS_HASH } from '@ledger/integrity';
import { chainedEnvelopes } from '../chained-envelopes';
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
import { migrate } from '../sql/migrator';
import { SqlClient } from '../sql/sql-client';
import { esdbCommandMigrations, findCommandRecord, recordCommand } from './esdb-commands';
import { esdbEventId } from './esdb-event-id';
import { compareEsdbPositions, decodeEsdbPosition, encodeEsdbPosition, EsdbLogPosition } from './esdb-position';
import { EsdbStreamNames } from './esdb-stream-name';
import { EventQueue } from './event-queue';

/** What EventStoreDB keeps beside `data` and `type`: the rest of our envelope, as the hash covers it. */
interface StoredEnvelope {
  eventId: string;
  stream: string;
  schemaVersion: number;
  metadata: EventMetadata;
  prevHash: string;
  hash: string;
}

/** How many records a backwards scan for our latest event reads per request. */
const SCAN_PAGE = 256;

export interface EsdbEventStoreOptions {
  clock?: () => Date;
  /** The first part of every stream name, `ledger` by default: several ledgers can share one cluster. */
  namespace?: string;
}

/**
 * The event store on EventStoreDB (KurrentDB) over gRPC, with the processed-commands record in
 * PostgreSQL (see docs/eventstoredb.md).
 *
 * Each event is one EventStoreDB event in the stream `ledger:<tenant>:<stream>`, so the stream
 * revision is the envelope's revision and EventStoreDB's expected-revision check is our
 * optimistic concurrency. The per-stream hash chain is computed here, from the stream's last
 * event, and the exact expected revision makes the append fail if another writer got there
 * first: the chain cannot fork. $all is one totally ordered log written by the leader alone,
 * so a reader in log order never has to wait for an older write still in flight.
 */
export class EsdbEventStore implements EventStore {
  private readonly clock: () => Date;
  private readonly names: EsdbStreamNames;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly sql: SqlClient,
    options: EsdbEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.names = new EsdbStreamNames(options.namespace);
  }

  static async open(client: EventStoreDBClient, sql: SqlClient, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    await migrate(sql, 'esdb-commands', esdbCommandMigrations);
    return new EsdbEventStore(client, sql, options);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  async append(stream: string, expectedRevision: number, events: NewEvent[], context: AppendContext): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const { tenantId, commandId } = context;
    const first = await this.findCommand(tenantId, commandId);
    if (first) return first;

    const name = this.names.name(tenantId, stream);
    let prevHash = GENESIS_HASH;
    if (expectedRevision !== NO_STREAM) {
      const head = await this.lastOfStream(name);
      if (head?.revision !== expectedRevision)
        return this.replayOrConflict(tenantId, commandId, new ConcurrencyConflictError(stream, expectedRevision, head?.revision ?? NO_STREAM));
      prevHash = head.hash;
    }

    const recordedAt = this.clock().toISOString();
    const envelopes = chainedEnvelopes(stream, expectedRevision, prevHash, events, context, recordedAt);
    const proposed = envelopes.map((envelope, i) => {
      const stored: StoredEnvelope = { eventId: envelope.eventId, stream, schemaVersion: envelope.schemaVersion, metadata: envelope.metadata, prevHash: envelope.prevHash, hash: envelope.hash };
      return jsonEvent({ id: esdbEventId(tenantId, commandId, i), type: envelope.type, data: envelope.data as JSONType, metadata: stored as unknown as JSONType });
    });

    try {
      await this.client.appendToStream(name, proposed, {
        expectedRevision: expectedRevision === NO_STREAM ? ESDB_NO_STREAM : BigInt(expectedRevision),
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : NO_STREAM;
      return this.replayOrConflict(tenantId, commandId, new ConcurrencyConflictError(stream, expectedRevision, actual));
    }

    // Read back what the server holds: after a retry that EventStoreDB recognised by its event
    // ids, that is the first attempt's events (their recordedAt and hashes), not this attempt's.
    const written = await this.readRange(name, expectedRevision + 1, events.length);
    if (written.length !== events.length || written.some((e, i) => e.id !== proposed[i].id))
      throw new Error(`stream ${stream}: EventStoreDB acknowledged an append that reads back differently`);
    const record = await recordCommand(this.sql, tenantId, commandId, {
      stream,
      fromRevision: expectedRevision + 1,
      toRevision: expectedRevision + events.length,
    });
    // A concurrent attempt of the same command id recorded another stream first: its result wins.
    if (record.stream !== stream || record.fromRevision !== expectedRevision + 1) return (await this.findCommand(tenantId, commandId))!;
    const replayed = written[0].envelope.eventId !== envelopes[0].eventId;
    return { stream, replayed, events: written.map(toRecorded) };
  }

  /** A retried command gets its first result back; anything else is the original failure. */
  private async replayOrConflict(tenantId: string, commandId: string, failure: unknown): Promise<AppendResult> {
    const first = await this.findCommand(tenantId, commandId);
    if (first) return first;
    throw failure;
  }

  async findCommand(tenantId: string, commandId: string): Promise<AppendResult | null> {
    const record = await findCommandRecord(this.sql, tenantId, commandId);
    if (!record) return null;
    const count = record.toRevision - record.fromRevision + 1;
    const events = await this.readRange(this.names.name(tenantId, record.stream), record.fromRevision, count);
    return { stream: record.stream, replayed: true, events: events.map(toRecorded) };
  }

  async readStream(tenantId: string, stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const events = await this.readRange(this.names.name(tenantId, stream), fromRevision, Number.MAX_SAFE_INTEGER);
    return events.map(toRecorded);
  }

  /** Our events of one EventStoreDB stream from a revision; a stream that does not exist is empty. */
  private async readRange(name: string, fromRevision: number, maxCount: number): Promise<RecordedLedgerEvent[]> {
    const events: RecordedLedgerEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(name, { fromRevision: BigInt(fromRevision), maxCount })) {
        const event = this.ledgerEventOf(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  private async lastOfStream(name: string): Promise<RecordedEvent | null> {
    try {
      const [last] = await drain(this.client.readStream(name, { fromRevision: END, direction: BACKWARDS, maxCount: 1 }));
      const event = last && this.ledgerEventOf(last);
      return event ? toRecorded(event) : null;
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      return null;
    }
  }

  async readAll(from: Position | null, limit: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    let cursor = from ? decodeEsdbPosition(from) : null;
    while (found.length < limit) {
      // A read of $all from a position includes the event at that position: skip it and anything before.
      const page = await drain(this.client.readAll({ fromPosition: cursor ?? START, maxCount: limit + 1 }));
      for (const resolved of page) {
        const position = resolved.event?.position;
        if (!position || (cursor && !isAfter(position, cursor))) continue;
        cursor = position;
        const event = this.ledgerEventOf(resolved);
        if (event) found.push(toRecorded(event));
        if (found.length === limit) break;
      }
      if (page.length < limit + 1) break;
    }
    return found;
  }

  async *subscribeAll(from: Position | null, options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent[]> {
    const { batchSize = 500, signal, gatherMs = 0 } = options;
    const after = from ? decodeEsdbPosition(from) : null;
    // Filtered on the server, so that system events and other applications' never cross the wire.
    const subscription = this.client.subscribeToAll({
      fromPosition: after ?? START,
      filter: streamNameFilter({ prefixes: [this.names.prefix] }),
    });
    const queue = new EventQueue<AllStreamResolvedEvent, RecordedEvent>(subscription, batchSize * 2, (resolved) => {
      const event = this.ledgerEventOf(resolved);
      return event && (!after || isAfter(event.position, after)) ? toRecorded(event) : null;
    });
    try {
      while (!signal?.aborted) {
        const batch = await queue.take(batchSize, signal);
        if (batch.length === 0) continue;
        yield batch;
        if (batch.length < batchSize && gatherMs > 0) await queue.settle(gatherMs, signal);
      }
    } finally {
      await subscription.unsubscribe();
    }
  }

  async headPosition(): Promise<Position | null> {
    let cursor: EsdbLogPosition | null = null;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await drain(this.client.readAll({ fromPosition: cursor ?? END, direction: BACKWARDS, maxCount: SCAN_PAGE }));
      for (const resolved of page) {
        const event = this.ledgerEventOf(resolved);
        if (event) return encodeEsdbPosition(event.position);
        if (resolved.event?.position) cursor = resolved.event.position;
      }
      if (page.length < SCAN_PAGE) return null;
    }
  }

  /** EventStoreDB keeps no count of a filtered $all: this scans the log once (a rebuild's progress total). */
  async countEvents(): Promise<number> {
    let count = 0;
    for await (const resolved of this.client.readAll({ fromPosition: START })) if (this.ledgerEventOf(resolved)) count++;
    return count;
  }

  comparePositions(a: Position, b: Position): number {
    return compareEsdbPositions(a, b);
  }

  private ledgerEventOf(resolved: ResolvedEvent): RecordedLedgerEvent | null {
    const event = resolved.event;
    if (!event || !event.isJson || !this.names.owns(event.streamId, event.type)) return null;
    if (!event.position) throw new Error(`event ${event.id} of ${event.streamId} came without a log position`);
    return { id: event.id, type: event.type, revision: event.revision, position: event.position, data: event.data, envelope: event.metadata as unknown as StoredEnvelope };
  }
}

/** One of our events as the client hands it over, with the fields we rely on checked present. */
interface RecordedLedgerEvent {
  id: string;
  type: string;
  revision: bigint;
  position: EsdbLogPosition;
  data: unknown;
  envelope: StoredEnvelope;
}


function toRecorded(event: RecordedLedgerEvent): RecordedEvent {
  const { envelope } = event;
  return {
    eventId: envelope.eventId,
    stream: envelope.stream,
    revision: Number(event.revision),
    position: encodeEsdbPosition(event.position),
    type: event.type,
    schemaVersion: envelope.schemaVersion,
    data: event.data,
    metadata: envelope.metadata,
    prevHash: envelope.prevHash,
    hash: envelope.hash,
  };
}

/**
 * Reads a bounded read to its end. Leaving a read stream early (break or return in for await)
 * destroys it mid-call, and the client then waits on the cancelled call: always read it out.
 */
async function drain<T>(read: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of read) all.push(item);
  return all;
}

function isAfter(position: EsdbLogPosition, cursor: EsdbLogPosition): boolean {
  return compareEsdbPositions(encodeEsdbPosition(position), encodeEsdbPosition(cursor)) > 0;
}
