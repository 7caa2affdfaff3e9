import type { SqlExecutor } from '@ledger/event-store';
import type { ScopedRecord } from './policy';

/** Each record's controllers, as its register holds them (a breach may concern several). Constants, never input. */
const CONTROLLERS_OF: Record<ScopedRecord, string> = {
  audit: 'SELECT ARRAY[controller_id] AS ids FROM rm_audits WHERE tenant_id = $1 AND audit_id = $2',
  breach: 'SELECT controller_ids AS ids FROM rm_breaches WHERE tenant_id = $1 AND breach_id = $2',
  dataSubjectRequest: 'SELECT ARRAY[controller_id] AS ids FROM rm_data_subject_requests WHERE tenant_id = $1 AND request_id = $2',
  instruction: 'SELECT ARRAY[controller_id] AS ids FROM rm_instructions WHERE tenant_id = $1 AND instruction_id = $2',
  // An activity the processor carries out as a controller itself has no controller: no controller key reaches it.
  processingActivity: 'SELECT array_remove(ARRAY[controller_id], NULL) AS ids FROM rm_processing_activities WHERE tenant_id = $1 AND processing_activity_id = $2',
};

/** The controllers of one record of the tenant; none when the record does not exist (yet). */
export async function controllersOf(tx: SqlExecutor, tenantId: string, record: ScopedRecord, id: string): Promise<string[]> {
  const [row] = await tx.query<{ ids: string[] }>(CONTROLLERS_OF[record], [tenantId, id]);
  return row?.ids ?? [];
}
