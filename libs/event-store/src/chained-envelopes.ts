import { v7 as uuidv7 } from 'uuid';
import { chainHash } from '@ledger/integrity';
import { AppendContext, EventMetadata, NewEvent } from './event-store.port';

/**
 * The stored form of `events` appended after `expectedRevision`, each hash chained to the one
 * before (DESIGN.md, per-stream hash chain): every store builds what it hashes the same way.
 */
export function chainedEnvelopes(stream: string, expectedRevision: number, prevHash: string, events: NewEvent[], context: AppendContext, recordedAt: string) {
  let previous = prevHash;
  return events.map((event, i) => {
    const metadata: EventMetadata = {
      tenantId: context.tenantId,
      actor: context.actor,
      commandId: context.commandId,
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
      prevHash: previous,
    };
    previous = chainHash(envelope);
    return { ...envelope, hash: previous };
  });
}
