import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { InvalidCursorError, keyAfter, leafIndexes, type Page, pageOf } from '@ledger/projections';
import { EVENT_STORE } from '../ledger/ledger.tokens';
import { TenantReads } from '../ledger/tenant-reads';
import { type LedgerEvent, ledgerEventOf } from '../ledger/ledger.types';
import { RECORD_STREAMS, type RecordHistoryArgs } from './history.inputs';
import { type EventCauses, MAX_CORRELATED } from './history.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's events for auditors: filtered, paged by revision, and each traced to its causes. */
@Injectable()
export class HistoryService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: TenantReads,
  ) {}

  /** Events with their Merkle leaf, for the API. */
  async withLeaves(tenantId: string, events: RecordedEvent[]): Promise<LedgerEvent[]> {
    const leaves = await this.reads.as(tenantId, (tx) => leafIndexes(tx, tenantId, events.map((e) => e.eventId)));
    return events.map((event) => ledgerEventOf(event, leaves.get(event.eventId) ?? null));
  }

  streamOf(args: Pick<RecordHistoryArgs, 'stream' | 'record'>): string {
    if (!!args.stream === !!args.record) throw new DomainError('name the record by its stream or by record { kind id }, not both', 'BAD_USER_INPUT', 'stream');
    return args.stream ?? RECORD_STREAMS[args.record!.kind](args.record!.id);
  }

  /**
   * One page of a record's events in stream order. A record holds few events, so the stream is
   * read from the cursor on and filtered here: the same on every event store adapter.
   */
  async page(tenantId: string, args: RecordHistoryArgs): Promise<Page<LedgerEvent>> {
    const stream = this.streamOf(args);
    const after = keyAfter(args);
    if (after !== null && !/^\d+$/.test(after)) throw new InvalidCursorError(args.after!);
    const from = after === null ? 0 : Number(after) + 1;
    const iso = (date?: Date) => date?.toISOString() ?? null;
    const [occurredFrom, occurredTo, recordedFrom, recordedTo] = [args.occurredFrom, args.occurredTo, args.recordedFrom, args.recordedTo].map(iso);
    const wanted = (await this.store.readStream(tenantId, stream, from)).filter(({ type, metadata: { occurredAt, recordedAt } }) => {
      if (args.types?.length && !args.types.includes(type)) return false;
      if ((occurredFrom && occurredAt < occurredFrom) || (occurredTo && occurredAt >= occurredTo)) return false;
      return !((recordedFrom && recordedAt < recordedFrom) || (recordedTo && recordedAt >= recordedTo));
    });
    const rows = await this.withLeaves(tenantId, wanted.slice(0, args.first + 1));
    return pageOf(rows, args, (event) => event, (event) => String(event.revision));
  }

  /**
   * causationId resolved: today the command path sets it to the command id, whose events the
   * store keeps (findCommand); an event id (a reaction to an event) is resolved to that event.
   * correlationId: the other events of the same request or case.
   */
  async causes(event: LedgerEvent): Promise<EventCauses> {
    const { tenantId, causationId, correlationId } = event.metadata;
    let kind: EventCauses['kind'] = 'UNRESOLVED';
    let causedBy: RecordedEvent[] = [];
    const command = await this.store.findCommand(tenantId, causationId);
    if (command) {
      kind = 'COMMAND';
      causedBy = command.events;
    } else if (UUID.test(causationId)) {
      const cause = await this.eventsAt(tenantId, 'SELECT stream, revision FROM ledger_events WHERE tenant_id = $1 AND event_id = $2::uuid', [causationId]);
      if (cause.length) [kind, causedBy] = ['EVENT', cause];
    }
    const correlated = await this.eventsAt(
      tenantId,
      `SELECT stream, revision FROM ledger_events
       WHERE tenant_id = $1 AND metadata->>'correlationId' = $2 AND event_id <> $3::uuid
       ORDER BY tx_id, position LIMIT ${MAX_CORRELATED}`,
      [correlationId, event.eventId],
    );
    return { causationId, kind, causedBy: await this.withLeaves(tenantId, causedBy), correlated: await this.withLeaves(tenantId, correlated) };
  }

  /** The stored events at these (stream, revision) places, read through the store so they are byte for byte what it hashed. */
  private async eventsAt(tenantId: string, query: string, params: unknown[]): Promise<RecordedEvent[]> {
    const places = await this.reads.as(tenantId, (tx) => tx.query<{ stream: string; revision: number }>(query, [tenantId, ...params]));
    const events = await Promise.all(places.map(async ({ stream, revision }) => (await this.store.readStream(tenantId, stream, revision))[0]));
    return events.filter((e): e is RecordedEvent => !!e);
  }
}
