import { ProcessingRole } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { decodeCursor, Page, pageOf, PageRequest } from '../pagination';
import { readAtPoint, PointInTime, pointOf, ResolvedPoint } from '../point-in-time/point-in-time';
import { registerSource } from '../point-in-time/register-source';
import { processingActivityFromRow, ProcessingActivityRecord, ProcessingActivityRow } from './processing-activity.row';

export const PROCESSING_ACTIVITIES = { table: 'rm_processing_activities', key: 'processing_activity_id' };

export interface RegisterFilter extends PageRequest, PointInTime {
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

/** Activities in force, current or at `point`, in the order they were recorded (ids are UUIDv7); all of them without `limit`. */
export async function registerRows(
  sql: SqlExecutor,
  tenantId: string,
  filter: Omit<RegisterFilter, 'first'>,
  point: ResolvedPoint | null,
  limit: number | null,
): Promise<ProcessingActivityRow[]> {
  const source = registerSource(sql, PROCESSING_ACTIVITIES, point, 6, { status: 'text' });
  const rows = await sql.query(
    `SELECT ${source.select} FROM ${source.from}
     WHERE ${source.tenant} = $1 AND s.status = 'IN_FORCE'
       AND ($2::text IS NULL OR ${source.fixed}.controller_id = $2)
       AND ($3::text IS NULL OR ${source.fixed}.role = $3)
       AND ($4::text IS NULL OR ${source.key} > $4)
     ORDER BY ${source.key}
     LIMIT $5`,
    [tenantId, filter.controllerId ?? null, filter.role ?? null, filter.after ? decodeCursor(filter.after) : null, limit, ...source.params],
  );
  return source.rows<ProcessingActivityRow>(rows);
}

/** The register as it stands, or as it stood at `asOf` / `knownAt`, one page after the cursor. */
export async function listRegister(sql: SqlExecutor, tenantId: string, filter: RegisterFilter): Promise<Page<ProcessingActivityRecord>> {
  const point = await pointOf(sql, filter);
  return readAtPoint(sql, point, async () => {
    const rows = await registerRows(sql, tenantId, filter, point, filter.first + 1);
    return pageOf(rows, filter, processingActivityFromRow, (node) => node.processingActivityId);
  });
}
