import { DpaStatus } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { dpaFromRow, DpaRecord, DpaRow } from './dpa.row';

export interface DpaFilter extends PageRequest {
  status?: DpaStatus | null;
}

export async function findDataProcessingAgreement(sql: SqlExecutor, tenantId: string, controllerId: string): Promise<DpaRecord | null> {
  const [row] = await sql.query<DpaRow>('SELECT * FROM rm_data_processing_agreements WHERE tenant_id = $1 AND controller_id = $2', [
    tenantId,
    controllerId,
  ]);
  return row ? dpaFromRow(row) : null;
}

/** Controller relationships by controller id, one page after the cursor. */
export async function listDataProcessingAgreements(sql: SqlExecutor, tenantId: string, filter: DpaFilter): Promise<Page<DpaRecord>> {
  const rows = await sql.query<DpaRow>(
    `SELECT * FROM rm_data_processing_agreements
     WHERE tenant_id = $1
       AND ($2::text IS NULL OR status = $2)
       AND ($3::text IS NULL OR controller_id > $3)
     ORDER BY controller_id
     LIMIT $4`,
    [tenantId, filter.status ?? null, keyAfter(filter), filter.first + 1],
  );
  return pageOf(rows, filter, dpaFromRow, (node) => node.controllerId);
}
