import { Citation } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';

/** The first event a cited stream received after the revision the answer relied on. */
export interface StaleSince {
  eventId: string;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
}

export interface CitationStatus extends Citation {
  staleSince: StaleSince | null;
}

/**
 * Staleness is read from the event store at query time rather than kept in a projection: it is
 * then exact for the moment of the query, and needs no listener on every stream of the log.
 * Streams are read once per call, however many answers cite them.
 */
export function citationStaleness(store: EventStore, tenantId: string) {
  const later = new Map<string, Promise<StaleSince | null>>();
  const firstAfter = async ({ stream, revision }: Citation): Promise<StaleSince | null> => {
    const [next] = await store.readStream(tenantId, stream, revision + 1);
    if (!next) return null;
    return { eventId: next.eventId, type: next.type, occurredAt: new Date(next.metadata.occurredAt), recordedAt: new Date(next.metadata.recordedAt) };
  };
  return async (cites: Citation[]): Promise<CitationStatus[]> =>
    Promise.all(
      cites.map(async (citation) => {
        const key = `${citation.stream}@${citation.revision}`;
        if (!later.has(key)) later.set(key, firstAfter(citation));
        return { ...citation, staleSince: await later.get(key)! };
      }),
    );
}
