import { readAsTenant } from '@ledger/event-store';
import type { ProcessingRole } from '@ledger/domain';
import type { FieldSealer } from '@ledger/privacy';
import type { ProcessingActivityRecord, SignedCheckpoint } from '@ledger/projections';
import type { ExportSources, ExportTime } from './export-sources';
import { registerSnapshot } from './register-snapshot';

export const REGISTER_FORMAT = 'ledger/art30-register@v1';

/** One activity as exported: plain JSON, every sealed field opened or shown as { erased, subject }. */
export type ExportedActivity = Record<string, unknown> & { processingActivityId: string; stream: string; revision: number };

/** The register as a document: what every format (JSON, CSV, PDF) lays out. */
export interface RegisterDocument {
  format: typeof REGISTER_FORMAT;
  tenantId: string;
  /** PROCESSOR: Art. 30(2) records kept for controllers; CONTROLLER: the Art. 30(1) record of the tenant's own processing. */
  record: ProcessingRole;
  controllerId: string | null;
  asOf: string;
  knownAt: { at?: string; treeSize?: number } | null;
  generatedAt: string;
  checkpoint: { origin: string; treeSize: number; rootHash: string; note: string };
  activities: ExportedActivity[];
}

export interface RegisterRequest extends ExportTime {
  record: ProcessingRole;
  controllerId?: string | null;
}

/**
 * The register at a point in time, opened for people: personal data sealed in it reads as its
 * value, or as erased once its subject is (never the ciphertext, never plaintext after erasure).
 */
export async function registerDocument(sources: ExportSources, tenantId: string, request: RegisterRequest, now = new Date()): Promise<RegisterDocument> {
  const asOf = request.asOf ?? now;
  const snapshot = await readAsTenant(sources.sql, tenantId, (tx) => registerSnapshot(tx, tenantId, { ...request, asOf }));
  const own = snapshot.activities.filter((a) => a.role === request.record);
  return {
    format: REGISTER_FORMAT,
    tenantId,
    record: request.record,
    controllerId: request.controllerId ?? null,
    asOf: asOf.toISOString(),
    knownAt: request.knownAt ? { at: request.knownAt.at?.toISOString(), treeSize: request.knownAt.treeSize } : null,
    generatedAt: now.toISOString(),
    checkpoint: checkpointOf(snapshot.checkpoint, sources.origin),
    activities: await openedActivities(sources.sealer, tenantId, own),
  };
}

/** Activities as plain JSON with their sealed fields opened, or marked erased once their subject's key is gone. */
export async function openedActivities(sealer: FieldSealer, tenantId: string, activities: ProcessingActivityRecord[]): Promise<ExportedActivity[]> {
  // Through JSON first: dates become ISO strings, which openAll leaves alone.
  return (await Promise.all(activities.map((a) => sealer.openAll(tenantId, JSON.parse(JSON.stringify(a)))))) as ExportedActivity[];
}

export function checkpointOf(checkpoint: SignedCheckpoint, origin: string): RegisterDocument['checkpoint'] {
  return { origin, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, note: checkpoint.note };
}
