import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { SubprocessorControllerRow, subprocessorFromRows, SubprocessorRecord, SubprocessorRow } from './subprocessor.row';

const controllersOf = (rows: SubprocessorControllerRow[], subprocessorId: string) => rows.filter((c) => c.subprocessor_id === subprocessorId);

export async function findSubprocessor(sql: SqlExecutor, tenantId: string, subprocessorId: string): Promise<SubprocessorRecord | null> {
  const [row] = await sql.query<SubprocessorRow>('SELECT * FROM rm_subprocessors WHERE tenant_id = $1 AND subprocessor_id = $2', [
    tenantId,
    subprocessorId,
  ]);
  if (!row) return null;
  const controllers = await sql.query<SubprocessorControllerRow>(
    'SELECT * FROM rm_subprocessor_controllers WHERE tenant_id = $1 AND subprocessor_id = $2 ORDER BY controller_id',
    [tenantId, subprocessorId],
  );
  return subprocessorFromRows(row, controllers);
}

/** Sub-processors in the order they were proposed (ids are UUIDv7), each with every controller's decisions. */
export async function listSubprocessors(sql: SqlExecutor, tenantId: string, page: PageRequest): Promise<Page<SubprocessorRecord>> {
  const rows = await sql.query<SubprocessorRow>(
    `SELECT * FROM rm_subprocessors
     WHERE tenant_id = $1 AND ($2::text IS NULL OR subprocessor_id > $2)
     ORDER BY subprocessor_id
     LIMIT $3`,
    [tenantId, keyAfter(page), page.first + 1],
  );
  const shown = rows.slice(0, page.first);
  // The page is a contiguous run of ids, so one range read fetches the decisions of all of it.
  const controllers = shown.length
    ? await sql.query<SubprocessorControllerRow>(
        `SELECT * FROM rm_subprocessor_controllers
         WHERE tenant_id = $1 AND subprocessor_id BETWEEN $2 AND $3
         ORDER BY subprocessor_id, controller_id`,
        [tenantId, shown[0].subprocessor_id, shown[shown.length - 1].subprocessor_id],
      )
    : [];
  return pageOf(rows, page, (row) => subprocessorFromRows(row, controllersOf(controllers, row.subprocessor_id)), (node) => node.subprocessorId);
}
