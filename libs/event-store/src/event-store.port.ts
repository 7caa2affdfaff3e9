/**
 * The event store port. Positions are opaque: each adapter encodes its own (PostgreSQL's are a
 * transaction id and a sequence number, EventStoreDB's commit and prepare offsets) and only the
 * store may compare them. Events are never updated or deleted: there is no method for it.
 */
export type Position = string & { readonly __position: unique symbol };

/** expectedRevision for a stream that must not exist yet. */
export const NO_STREAM = -1;

export interface Actor {
  id: string;
  role: string;
  /** The API key the actor used, once keys exist; null for the system actor. */
  keyId: string | null;
}

export interface EventMetadata {
  tenantId: string;
  actor: Actor;
  commandId: string;
  correlationId: string;
  causationId: string;
  /** Business (valid) time, ISO 8601 with milliseconds. */
  occurredAt: string;
  /** The ledger's clock when the event was appended. */
  recordedAt: string;
}

export interface RecordedEvent<Data = unknown> {
  eventId: string;
  stream: string;
  revision: number;
  position: Position;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  prevHash: string;
  hash: string;
}

export interface NewEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
  occurredAt: Date;
}

export interface AppendContext {
  tenantId: string;
  actor: Actor;
  commandId: string;
  correlationId: string;
  causationId: string;
}

export interface AppendResult {
  stream: string;
  events: RecordedEvent[];
  /** True when the command id had already been processed: nothing was appended, this is the first result. */
  replayed: boolean;
}

export interface SubscribeOptions {
  batchSize?: number;
  signal?: AbortSignal;
  /**
   * After a batch smaller than `batchSize`, wait this long before reading again, so that under a
   * steady trickle of appends each read gathers several events instead of one (default 0).
   */
  gatherMs?: number;
}

export interface EventStore {
  append(stream: string, expectedRevision: number, events: NewEvent[], context: AppendContext): Promise<AppendResult>;
  readStream(tenantId: string, stream: string, fromRevision?: number): Promise<RecordedEvent[]>;
  /** Every tenant's events after `from` (null: from the start), in position order, never skipping a later commit. */
  readAll(from: Position | null, limit: number): Promise<RecordedEvent[]>;
  /** Catch-up then live: batches in position order until the signal aborts. */
  subscribeAll(from: Position | null, options?: SubscribeOptions): AsyncIterable<RecordedEvent[]>;
  /** The first result of a command already processed, or null. */
  findCommand(tenantId: string, commandId: string): Promise<AppendResult | null>;
  comparePositions(a: Position, b: Position): number;
  /** The position of the last event committed so far (null for an empty log), readable or not yet. */
  headPosition(): Promise<Position | null>;
  /** How many events the log holds: the total of a rebuild's progress bar. */
  countEvents(): Promise<number>;
}

/** One command's append within `appendMany`. */
export interface StreamAppend {
  stream: string;
  expectedRevision: number;
  events: NewEvent[];
  context: AppendContext;
}

/**
 * A store that also takes many commands in one round trip, for bulk imports (an opt-out list of
 * 100,000 rows). Optional for an adapter: the SQL store has it.
 */
export interface BulkEventStore extends EventStore {
  /**
   * Appends every command, in order (several may go to one stream), all or nothing, each with its
   * own command id. A stale expected revision raises ConcurrencyConflictError and a command id
   * already used CommandIdTakenError; nothing is appended and the caller reads again and retries.
   */
  appendMany(tenantId: string, appends: StreamAppend[]): Promise<AppendResult[]>;
  /** The events of each stream (an empty list for a stream that does not exist). */
  readStreams(tenantId: string, streams: string[]): Promise<Map<string, RecordedEvent[]>>;
  /** Which of these command ids were already processed. */
  findCommands(tenantId: string, commandIds: string[]): Promise<Set<string>>;
}

export function isBulkEventStore(store: EventStore): store is BulkEventStore {
  return 'appendMany' in store && 'readStreams' in store && 'findCommands' in store;
}

export class CommandIdTakenError extends Error {
  constructor(readonly tenantId: string) {
    super('a command id of the batch was used meanwhile by another command');
    this.name = 'CommandIdTakenError';
  }
}

export class ConcurrencyConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly expectedRevision: number,
    readonly actualRevision: number | null,
  ) {
    super(
      `stream ${stream} was changed concurrently: expected revision ${expectedRevision}, ` +
        (actualRevision === null ? 'found a newer one' : `found ${actualRevision}`),
    );
    this.name = 'ConcurrencyConflictError';
  }
}
