import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CONTACT_CHANNELS,
  type ConsentEvent,
  type ConsentState,
  consentDecider,
  consentStream,
  type ContactChannel,
  DomainError,
  fold,
  normalisePurpose,
  type RecordObjection,
} from '@ledger/domain';
import {
  type BulkEventStore,
  CommandIdTakenError,
  ConcurrencyConflictError,
  deserialise,
  type EventStore,
  isBulkEventStore,
  NO_STREAM,
  type Position,
  type StreamAppend,
} from '@ledger/event-store';
import { FieldSealer } from '@ledger/privacy';
import { type Clock, CLOCK, EVENT_STORE } from '../ledger/ledger.tokens';
import type { RequestContext } from '../ledger/request-context';
import { ConsentSubjectPrivacy, type IdentifiedSubject } from './consent-subject-privacy';

/** One row of an opt-out file, as read: every field still text. */
export interface OptOutRow {
  line: number;
  identifier?: string;
  channel?: string;
  purpose?: string;
  source?: string;
  occurredAt?: string;
}

export interface OptOutBatchOutcome {
  appended: number;
  /** Rows whose command id was already processed: imported before (or twice in this batch). */
  alreadyImported: number;
  rejected: Array<{ line: number; reason: string }>;
  /** The position of the last event appended, to wait for the read models. */
  lastPosition: Position | null;
}

export interface OptOutImportOptions {
  /** Country of numbers written without a country code, e.g. FR; without it they need a +. */
  defaultCountry?: string;
  /** The source recorded for rows whose source column is empty. */
  defaultSource: string;
}

interface Planned {
  line: number;
  commandId: string;
  identified: IdentifiedSubject;
  command: RecordObjection;
}

const RETRIES = 5;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** What the import needs of the store besides the port's single-stream calls. */
type BulkOperations = Pick<BulkEventStore, 'appendMany' | 'readStreams' | 'findCommands'>;

/**
 * Imports opt-outs (objections) a batch at a time: each row goes through the consent decider, so
 * the rules hold as for recordObjection, but a batch costs a handful of round trips (processed
 * command ids, the subjects' streams, their keys, one multi-stream append), not one per row.
 * Each row's command id is a hash of what it says (keyed identifier hash, channel, purpose,
 * source, date), not of the file: importing the same rows again appends nothing.
 */
@Injectable()
export class OptOutImport {
  private readonly store: BulkOperations;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly subjects: ConsentSubjectPrivacy,
    private readonly sealer: FieldSealer,
  ) {
    this.store = isBulkEventStore(store) ? store : oneByOne(store);
  }

  async importBatch(ctx: RequestContext, rows: OptOutRow[], options: OptOutImportOptions): Promise<OptOutBatchOutcome> {
    const rejected: OptOutBatchOutcome['rejected'] = [];
    const planned: Planned[] = [];
    for (const row of rows) {
      try {
        planned.push(this.plan(row, options));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        rejected.push({ line: row.line, reason: error.message });
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.append(ctx, planned);
        return { ...outcome, rejected: [...rejected, ...outcome.rejected].sort((a, b) => a.line - b.line) };
      } catch (error) {
        // Another writer got there first (a concurrent import, a recordObjection): read again and retry.
        if (attempt >= RETRIES || !(error instanceof ConcurrencyConflictError || error instanceof CommandIdTakenError)) throw error;
      }
    }
  }

  private plan(row: OptOutRow, options: OptOutImportOptions): Planned {
    const identified = this.subjects.identify(row.identifier ?? '', { defaultCountry: options.defaultCountry, field: 'identifier' });
    const channel = (row.channel ?? '').trim().toUpperCase() as ContactChannel;
    if (!CONTACT_CHANNELS.includes(channel)) throw new DomainError(`channel must be one of ${CONTACT_CHANNELS.join(', ')}`, 'BAD_USER_INPUT', 'channel');
    const purpose = row.purpose?.trim() ? normalisePurpose(row.purpose) : null;
    const source = row.source?.trim() || options.defaultSource;
    const occurredAt = parseDate(row.occurredAt);
    const commandId = `opt-out:${createHash('sha256')
      .update(JSON.stringify([identified.identifierHash, channel, purpose, source, occurredAt.toISOString()]))
      .digest('hex')
      .slice(0, 48)}`;
    return { line: row.line, commandId, identified, command: { type: 'RecordObjection', data: { ...identified, channel, purpose, source, occurredAt } } };
  }

  private async append(ctx: RequestContext, planned: Planned[]): Promise<OptOutBatchOutcome> {
    const seen = await this.store.findCommands(ctx.tenantId, [...new Set(planned.map((p) => p.commandId))]);
    const fresh: Planned[] = [];
    for (const p of planned) if (!seen.has(p.commandId)) fresh.push(p), seen.add(p.commandId);
    const alreadyImported = planned.length - fresh.length;
    const streams = await this.store.readStreams(ctx.tenantId, [...new Set(fresh.map((p) => consentStream(p.identified.subjectId)))]);
    const states = new Map<string, { state: ConsentState; revision: number }>();
    for (const [stream, events] of streams)
      states.set(stream, { state: fold(consentDecider, consentDecider.initialState, events.map((e) => deserialise<ConsentEvent>(e))), revision: events.length ? events[events.length - 1].revision : NO_STREAM });

    const now = this.clock();
    const rejected: OptOutBatchOutcome['rejected'] = [];
    const decided: Array<{ planned: Planned; stream: string; expectedRevision: number; event: ConsentEvent }> = [];
    for (const p of fresh) {
      const stream = consentStream(p.identified.subjectId);
      const current = states.get(stream)!;
      try {
        const [event] = consentDecider.decide(p.command, current.state, { now });
        decided.push({ planned: p, stream, expectedRevision: current.revision, event });
        states.set(stream, { state: consentDecider.evolve(current.state, event), revision: current.revision + 1 });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        rejected.push({ line: p.line, reason: error.message });
      }
    }
    if (decided.length === 0) return { appended: 0, alreadyImported, rejected, lastPosition: null };

    const sealed = await this.sealer.sealMany(
      ctx.tenantId,
      decided.map(({ planned: { identified } }) => ({ subjectId: identified.subjectId, value: { kind: identified.subject.kind, value: identified.subject.value } })),
    );
    const appends: StreamAppend[] = decided.map(({ planned: p, stream, expectedRevision, event }, i) => ({
      stream,
      expectedRevision,
      events: [{ ...event, data: { ...event.data, subject: sealed[i] } }],
      context: { tenantId: ctx.tenantId, actor: ctx.actor, commandId: p.commandId, correlationId: ctx.correlationId, causationId: p.commandId },
    }));
    const written = await this.store.appendMany(ctx.tenantId, appends);
    const last = written[written.length - 1].events;
    return { appended: written.length, alreadyImported, rejected, lastPosition: last[last.length - 1].position };
  }
}

function parseDate(text: string | undefined): Date {
  const trimmed = text?.trim() ?? '';
  const date = new Date(trimmed);
  if (!ISO_DATE.test(trimmed) || Number.isNaN(date.getTime()))
    throw new DomainError('occurredAt must be an ISO 8601 date or date-time, e.g. 2026-05-01 or 2026-05-01T09:00:00Z', 'BAD_USER_INPUT', 'occurredAt');
  return date;
}

/**
 * For a store without bulk operations: the same calls, one per stream or command. Slower, and a
 * batch is no longer all or nothing, which the import tolerates: a retried batch skips the rows
 * whose command id was recorded, and a command id is never recorded twice.
 */
function oneByOne(store: EventStore): BulkOperations {
  return {
    async readStreams(tenantId: string, streams: string[]) {
      return new Map(await Promise.all(streams.map(async (stream) => [stream, await store.readStream(tenantId, stream)] as const)));
    },
    async findCommands(tenantId: string, commandIds: string[]) {
      const found = await Promise.all(commandIds.map(async (id) => ((await store.findCommand(tenantId, id)) ? [id] : [])));
      return new Set(found.flat());
    },
    async appendMany(_tenantId: string, appends: StreamAppend[]) {
      const written = [];
      for (const { stream, expectedRevision, events, context } of appends) written.push(await store.append(stream, expectedRevision, events, context));
      return written;
    },
  };
}
