import { readAsTenant, type RecordedEvent } from '@ledger/event-store';
import { leafIndexes } from '@ledger/projections';
import type { ExportSources } from './export-sources';

export interface PackedEvent {
  event: RecordedEvent;
  leafIndex: number;
}

/** The controllers an event's data names, or null when it names none. */
function controllersNamed(data: unknown): string[] | null {
  const { controllerId, controllerIds } = (data ?? {}) as { controllerId?: unknown; controllerIds?: unknown };
  if (typeof controllerId === 'string') return [controllerId];
  if (Array.isArray(controllerIds)) return controllerIds.filter((id): id is string => typeof id === 'string');
  return null;
}

/**
 * Every event concerning a controller, in log order: the events of each record (stream) that
 * names the controller somewhere, except those naming only other controllers (another client's
 * approval of a shared sub-processor is not this controller's business). Only events that
 * happened by `asOf` and are covered by the checkpoint (leaf < treeSize) are taken.
 */
export async function eventsConcerning(
  sources: ExportSources,
  tenantId: string,
  controllerId: string,
  asOf: Date,
  treeSize: number,
): Promise<PackedEvent[]> {
  const streams = await readAsTenant(sources.sql, tenantId, (tx) =>
    tx.query<{ stream: string }>(
      `SELECT DISTINCT stream FROM ledger_events
       WHERE tenant_id = $1 AND (data->>'controllerId' = $2 OR data->'controllerIds' @> jsonb_build_array($2::text))
       ORDER BY stream`,
      [tenantId, controllerId],
    ),
  );
  const asOfIso = asOf.toISOString();
  const wanted: RecordedEvent[] = [];
  for (const { stream } of streams)
    for (const event of await sources.store.readStream(tenantId, stream)) {
      const named = controllersNamed(event.data);
      if (event.metadata.occurredAt <= asOfIso && (named === null || named.includes(controllerId))) wanted.push(event);
    }
  const leaves = await readAsTenant(sources.sql, tenantId, (tx) => leafIndexes(tx, tenantId, wanted.map((e) => e.eventId)));
  return wanted
    .map((event) => ({ event, leafIndex: leaves.get(event.eventId) ?? Number.POSITIVE_INFINITY }))
    .filter((packed) => packed.leafIndex < treeSize)
    .sort((a, b) => a.leafIndex - b.leafIndex);
}
