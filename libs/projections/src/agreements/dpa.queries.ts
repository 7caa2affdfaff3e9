import { DpaStatus } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { readAtPoint, PointInTime, pointOf, ResolvedPoint } from '../point-in-time/point-in-time';
import { registerSource } from '../point-in-time/register-source';
import { dpaFromRow, DpaRecord, DpaRow } from './dpa.row';

const DATA_PROCESSING_AGREEMENTS = { table: 'rm_data_processing_agreements', key: 'controller_id' };

export interface DpaFilter extends PageRequest, PointInTime {
  status?: DpaStatus | null;
}

/** A controller's agreement as it stands, or at a resolved point (null: it had none then). */
export async function findDataProcessingAgreement(sql: SqlExecutor, tenantId: string, controllerId: string, point: ResolvedPoint | null = null): Promise<DpaRecord | null> {
  const source = registerSource(sql, DATA_PROCESSING_AGREEMENTS, point, 3);
  const returned = await sql.query(`SELECT ${source.select} FROM ${source.from} WHERE ${source.tenant} = $1 AND ${source.key} = $2`, [tenantId, controllerId, ...source.params]);
  const [row] = await source.rows<DpaRow>(returned);
  return row ? dpaFromRow(row) : null;
}

/** Controller relationships by controller id, one page after the cursor; at `asOf` / `knownAt` if asked. */
export async function listDataProcessingAgreements(sql: SqlExecutor, tenantId: string, filter: DpaFilter): Promise<Page<DpaRecord>> {
  const point = await pointOf(sql, filter);
  return readAtPoint(sql, point, async () => {
    const source = registerSource(sql, DATA_PROCESSING_AGREEMENTS, point, 5, { status: 'text' });
    const returned = await sql.query(
      `SELECT ${source.select} FROM ${source.from}
       WHERE ${source.tenant} = $1
         AND ($2::text IS NULL OR s.status = $2)
         AND ($3::text IS NULL OR ${source.key} > $3)
       ORDER BY ${source.key}
       LIMIT $4`,
      [tenantId, filter.status ?? null, keyAfter(filter), filter.first + 1, ...source.params],
    );
    return pageOf(await source.rows<DpaRow>(returned), filter, dpaFromRow, (node) => node.controllerId);
  });
}
