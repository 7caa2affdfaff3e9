import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { readAtPoint, PointInTime, pointOf } from '../point-in-time/point-in-time';
import { registerSource } from '../point-in-time/register-source';
import { dataSubjectRequestFromRow, DataSubjectRequestRecord, DataSubjectRequestRow } from './data-subject-request.row';

export interface DataSubjectRequestFilter extends PageRequest, PointInTime {
  controllerId?: string | null;
  status?: string | null;
  /** true: unanswered and past the due date at `now` (at `asOf` when given); false: the others. */
  overdue?: boolean | null;
}

export async function findDataSubjectRequest(sql: SqlExecutor, tenantId: string, requestId: string): Promise<DataSubjectRequestRecord | null> {
  const [row] = await sql.query<DataSubjectRequestRow>('SELECT * FROM rm_data_subject_requests WHERE tenant_id = $1 AND request_id = $2', [
    tenantId,
    requestId,
  ]);
  return row ? dataSubjectRequestFromRow(row) : null;
}

/** Requests in the order the ledger received them (ids are UUIDv7); overdue is judged at `now`, or at `asOf` for a past register. */
export async function listDataSubjectRequests(
  sql: SqlExecutor,
  tenantId: string,
  filter: DataSubjectRequestFilter,
  now: Date,
): Promise<Page<DataSubjectRequestRecord>> {
  const point = await pointOf(sql, filter);
  return readAtPoint(sql, point, async () => {
    const source = registerSource(sql, { table: 'rm_data_subject_requests', key: 'request_id' }, point, 8, {
      controller_id: 'text',
      status: 'text',
      completed_at: 'timestamptz',
      refused_at: 'timestamptz',
      due_at: 'timestamptz',
    });
    const returned = await sql.query(
      `SELECT ${source.select} FROM ${source.from}
       WHERE ${source.tenant} = $1
         AND ($2::text IS NULL OR s.controller_id = $2)
         AND ($3::text IS NULL OR s.status = $3)
         AND ($4::boolean IS NULL OR (s.completed_at IS NULL AND s.refused_at IS NULL AND s.due_at < $5::timestamptz) = $4)
         AND ($6::text IS NULL OR ${source.key} > $6)
       ORDER BY ${source.key}
       LIMIT $7`,
      [
        tenantId,
        filter.controllerId ?? null,
        filter.status ?? null,
        filter.overdue ?? null,
        point?.asOf ?? now,
        keyAfter(filter),
        filter.first + 1,
        ...source.params,
      ],
    );
    return pageOf(await source.rows<DataSubjectRequestRow>(returned), filter, dataSubjectRequestFromRow, (node) => node.requestId);
  });
}
