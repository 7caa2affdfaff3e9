import { ProcessingRole } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { processingActivityFromRow, ProcessingActivityRecord, ProcessingActivityRow } from './processing-activity.row';

export interface RegisterFilter extends PageRequest {
  controllerId?: string | null;
  role?: ProcessingRole | null;
}

export async function findProcessingActivity(sql: SqlExecutor, tenantId: string, id: string): Promise<ProcessingActivityRecord | null> {
  const [row] = await sql.query<ProcessingActivityRow>(
    'SELECT * FROM rm_processing_activities WHERE tenant_id = $1 AND processing_activity_id = $2',
    [tenantId, id],
  );
  return row ? processingActivityFromRow(row) : null;
}

/** The register as it stands: activities in force, in the order they were recorded (ids are UUIDv7). */
export async function listRegister(sql: SqlExecutor, tenantId: string, filter: RegisterFilter): Promise<Page<ProcessingActivityRecord>> {
  const rows = await sql.query<ProcessingActivityRow>(
    `SELECT * FROM rm_processing_activities
     WHERE tenant_id = $1 AND status = 'IN_FORCE'
       AND ($2::text IS NULL OR controller_id = $2)
       AND ($3::text IS NULL OR role = $3)
       AND ($4::text IS NULL OR processing_activity_id > $4)
     ORDER BY processing_activity_id
     LIMIT $5`,
    [tenantId, filter.controllerId ?? null, filter.role ?? null, keyAfter(filter), filter.first + 1],
  );
  return pageOf(rows, filter, processingActivityFromRow, (node) => node.processingActivityId);
}
