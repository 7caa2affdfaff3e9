import { DomainError } from '@ledger/domain';
import type { SqlExecutor } from '@ledger/event-store';
import {
  checkpointAt,
  latestCheckpoint,
  latestCheckpointUpTo,
  type ProcessingActivityRecord,
  registerAt,
  resolvePoint,
  type SignedCheckpoint,
} from '@ledger/projections';
import type { ExportTime } from './export-sources';

export interface RegisterSnapshot {
  activities: ProcessingActivityRecord[];
  /** The signed checkpoint whose log prefix the register is derived from. */
  checkpoint: SignedCheckpoint;
}

/**
 * An export must be provable by whoever receives it, so it is taken at a signed checkpoint: the
 * one named by `knownAt.treeSize`, else the latest one signed within what the ledger knew at
 * `knownAt.at`, else the latest one.
 */
async function signedCheckpointFor(sql: SqlExecutor, knownAt: ExportTime['knownAt']): Promise<SignedCheckpoint> {
  if (!knownAt) {
    const latest = await latestCheckpoint(sql);
    if (!latest) throw new DomainError('no checkpoint has been signed yet: an export states the checkpoint it is derived from', 'NOT_FOUND');
    return latest;
  }
  const { treeSize } = await resolvePoint(sql, { knownAt });
  if (knownAt.treeSize != null) {
    const named = await checkpointAt(sql, treeSize);
    if (!named) throw new DomainError(`no checkpoint was signed at tree size ${treeSize}: name a signed one (query checkpoint)`, 'BAD_USER_INPUT', 'knownAt');
    return named;
  }
  const known = await latestCheckpointUpTo(sql, treeSize);
  if (!known) throw new DomainError(`no checkpoint had been signed by ${knownAt.at!.toISOString()}`, 'NOT_FOUND', 'knownAt');
  return known;
}

/** The Art. 30 register at a point in time (DESIGN.md, Time), with the signed checkpoint it is derived from. */
export async function registerSnapshot(sql: SqlExecutor, tenantId: string, at: ExportTime & { controllerId?: string | null }): Promise<RegisterSnapshot> {
  const checkpoint = await signedCheckpointFor(sql, at.knownAt);
  const { activities } = await registerAt(sql, tenantId, { asOf: at.asOf, knownAt: { treeSize: checkpoint.treeSize }, controllerId: at.controllerId });
  return { activities, checkpoint };
}
