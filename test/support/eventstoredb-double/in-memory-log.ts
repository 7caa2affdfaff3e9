import { EventEmitter } from 'node:events';

/** One record of the double's log, shaped like an EventStoreDB event record. */
export interface LogRecord {
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** Ticks (100 ns) since the Unix epoch, as EventStoreDB reports `created`. */
  created: bigint;
  commit: bigint;
  prepare: bigint;
}

export interface ProposedRecord {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

/** EventStoreDB's expected-revision options on append. */
export type ExpectedState = { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  | { ok: true; currentRevision: bigint; commit: bigint; prepare: bigint }
  | { ok: false; currentRevision: bigint | null; expected: ExpectedState };

/** Bytes a record header takes in the double's imaginary log: positions are offsets, never contiguous counters. */
const HEADER_BYTES = 88n;

/**
 * The double's whole database: an append-only list of records in log order ($all), and an index
 * by stream. Nothing is ever removed. Semantics follow EventStoreDB's documentation
 * ("Optimistic concurrency and idempotence"): see `append`.
 */
export class InMemoryLog {
  readonly all: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private nextOffset = 0n;
  /** Emits 'appended' with the new records, for live subscriptions. */
  readonly appended = new EventEmitter();

  constructor() {
    this.appended.setMaxListeners(0);
  }

  stream(name: string): LogRecord[] | undefined {
    return this.streams.get(name);
  }

  /**
   * Exact revision or no_stream: appends when the stream is at the expected revision; when the
   * stream is further on, compares the proposed ids with the events after the expected revision:
   * all already there, an idempotent success; any other case, wrong expected version. Any and
   * stream_exists: proposed ids all already in the stream, an idempotent success; some of them,
   * wrong expected version; none, an append (stream_exists also needs the stream to exist).
   */
  append(streamName: string, expected: ExpectedState, proposed: ProposedRecord[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? null : BigInt(stream.length - 1);
    const refuse = (): AppendOutcome => ({ ok: false, currentRevision: current, expected });

    if (expected.kind === 'revision' || expected.kind === 'no_stream') {
      const expectedRevision = expected.kind === 'revision' ? expected.revision : -1n;
      const currentRevision = current ?? -1n;
      if (expectedRevision > currentRevision) return refuse();
      if (expectedRevision < currentRevision) {
        const following = stream.slice(Number(expectedRevision + 1n), Number(expectedRevision + 1n) + proposed.length);
        const idempotent = following.length === proposed.length && following.every((record, i) => record.id === proposed[i].id);
        return idempotent ? this.acknowledge(following) : refuse();
      }
    } else {
      if (expected.kind === 'stream_exists' && current === null) return refuse();
      const known = new Map(stream.map((record) => [record.id, record]));
      const already = proposed.filter((p) => known.has(p.id));
      if (already.length === proposed.length && proposed.length > 0) return this.acknowledge(proposed.map((p) => known.get(p.id)!));
      if (already.length > 0) return refuse();
    }
    return this.write(streamName, stream, proposed);
  }

  /** Writes a system record, as EventStoreDB itself does (`$settings`, statistics...). */
  writeSystemRecord(stream: string, type: string): void {
    const existing = this.streams.get(stream) ?? [];
    this.write(stream, existing, [{ id: crypto.randomUUID(), type, contentType: 'application/json', data: Buffer.from('{}'), customMetadata: new Uint8Array() }]);
  }

  private acknowledge(records: LogRecord[]): AppendOutcome {
    const last = records[records.length - 1];
    return { ok: true, currentRevision: last.revision, commit: last.commit, prepare: last.prepare };
  }

  /** One write: its records are contiguous in the log and share the write's commit position. */
  private write(streamName: string, stream: LogRecord[], proposed: ProposedRecord[]): AppendOutcome {
    const commit = this.nextOffset;
    const created = BigInt(Date.now()) * 10_000n;
    const records = proposed.map((p) => {
      const record: LogRecord = { ...p, stream: streamName, revision: BigInt(stream.length), created, commit, prepare: this.nextOffset };
      this.nextOffset += HEADER_BYTES + BigInt(p.data.length + p.customMetadata.length + streamName.length);
      stream.push(record);
      this.all.push(record);
      return record;
    });
    this.streams.set(streamName, stream);
    this.appended.emit('appended', records);
    return this.acknowledge(records);
  }
}

/** (commit, prepare) order, the order of $all. */
export function compareLogPositions(a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}
