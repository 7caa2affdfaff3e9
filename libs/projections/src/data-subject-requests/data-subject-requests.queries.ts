import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { dataSubjectRequestFromRow, DataSubjectRequestRecord, DataSubjectRequestRow } from './data-subject-request.row';

export interface DataSubjectRequestFilter extends PageRequest {
  controllerId?: string | null;
  status?: string | null;
  /** true: unanswered and past the due date at `now`; false: the others. */
  overdue?: boolean | null;
}

export async function findDataSubjectRequest(sql: SqlExecutor, tenantId: string, requestId: string): Promise<DataSubjectRequestRecord | null> {
  const [row] = await sql.query<DataSubjectRequestRow>('SELECT * FROM rm_data_subject_requests WHERE tenant_id = $1 AND request_id = $2', [
    tenantId,
    requestId,
  ]);
  return row ? dataSubjectRequestFromRow(row) : null;
}

/** Requests in the order the ledger received them (ids are UUIDv7); overdue is judged at `now`. */
export async function listDataSubjectRequests(
  sql: SqlExecutor,
  tenantId: string,
  filter: DataSubjectRequestFilter,
  now: Date,
): Promise<Page<DataSubjectRequestRecord>> {
  const rows = await sql.query<DataSubjectRequestRow>(
    `SELECT * FROM rm_data_subject_requests
     WHERE tenant_id = $1
       AND ($2::text IS NULL OR controller_id = $2)
       AND ($3::text IS NULL OR status = $3)
       AND ($4::boolean IS NULL OR (completed_at IS NULL AND refused_at IS NULL AND due_at < $5::timestamptz) = $4)
       AND ($6::text IS NULL OR request_id > $6)
     ORDER BY request_id
     LIMIT $7`,
    [
      tenantId,
      filter.controllerId ?? null,
      filter.status ?? null,
      filter.overdue ?? null,
      now,
      keyAfter(filter),
      filter.first + 1,
    ],
  );
  return pageOf(rows, filter, dataSubjectRequestFromRow, (node) => node.requestId);
}
