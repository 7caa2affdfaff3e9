import { SqlExecutor } from '@ledger/event-store';
import { DerivedFrom, derivedFromOf, KnownAt, resolvePoint } from '../point-in-time/point-in-time';
import { registerRows } from './processing-activities.queries';
import { processingActivityFromRow, ProcessingActivityRecord } from './processing-activity.row';

/**
 * Every processing activity in force at a point (exports want all of them, not a page), and the
 * log prefix the answer is derived from. With neither asOf nor knownAt: as of now, by the whole sealed log.
 */
export async function registerAt(
  sql: SqlExecutor,
  tenantId: string,
  at: { asOf?: Date | null; knownAt?: KnownAt | null; controllerId?: string | null },
): Promise<{ activities: ProcessingActivityRecord[]; derivedFrom: DerivedFrom }> {
  const point = await resolvePoint(sql, at);
  const [rows, derivedFrom] = await Promise.all([registerRows(sql, tenantId, { controllerId: at.controllerId }, point, null), derivedFromOf(sql, point)]);
  return { activities: rows.map(processingActivityFromRow), derivedFrom };
}
