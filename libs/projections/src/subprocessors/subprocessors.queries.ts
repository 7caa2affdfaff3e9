import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { readAtPoint, PointInTime, pointOf, ResolvedPoint } from '../point-in-time/point-in-time';
import { registerSource } from '../point-in-time/register-source';
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

export interface SubprocessorFilter extends PageRequest, PointInTime {}

/**
 * Sub-processors in the order they were proposed (ids are UUIDv7), each with every controller's
 * decisions; at `asOf` / `knownAt` if asked (or at a point the caller resolved already, to read
 * other registers at the very same one), the decisions being those kept in the revision.
 */
export async function listSubprocessors(
  sql: SqlExecutor,
  tenantId: string,
  filter: SubprocessorFilter,
  resolved?: ResolvedPoint | null,
): Promise<Page<SubprocessorRecord>> {
  const point = resolved === undefined ? await pointOf(sql, filter) : resolved;
  return readAtPoint(sql, point, async () => {
    const source = registerSource(sql, { table: 'rm_subprocessors', key: 'subprocessor_id' }, point, 4);
    const returned = await sql.query(
      `SELECT ${source.select} FROM ${source.from}
       WHERE ${source.tenant} = $1 AND ($2::text IS NULL OR ${source.key} > $2)
       ORDER BY ${source.key}
       LIMIT $3`,
      [tenantId, keyAfter(filter), filter.first + 1, ...source.params],
    );
    // At a point, each row also carries the decisions its revision kept, under `controllers`.
    const rows = await source.rows<SubprocessorRow & { controllers?: unknown[] }>(returned);
    const shown = rows.slice(0, filter.first);
    const controllers = point ? await controllersThen(sql, shown) : await controllersNow(sql, tenantId, shown);
    return pageOf(rows, filter, (row) => subprocessorFromRows(row, controllersOf(controllers, row.subprocessor_id)), (node) => node.subprocessorId);
  });
}

/** The page is a contiguous run of ids, so one range read fetches the decisions of all of it. */
async function controllersNow(sql: SqlExecutor, tenantId: string, shown: SubprocessorRow[]): Promise<SubprocessorControllerRow[]> {
  if (!shown.length) return [];
  return sql.query<SubprocessorControllerRow>(
    `SELECT * FROM rm_subprocessor_controllers
     WHERE tenant_id = $1 AND subprocessor_id BETWEEN $2 AND $3
     ORDER BY subprocessor_id, controller_id`,
    [tenantId, shown[0].subprocessor_id, shown[shown.length - 1].subprocessor_id],
  );
}

/** The decisions each revision kept, typed back into rows by the table's own row type. */
async function controllersThen(sql: SqlExecutor, shown: Array<{ controllers?: unknown[] }>): Promise<SubprocessorControllerRow[]> {
  const kept = shown.flatMap((row) => row.controllers ?? []);
  if (!kept.length) return [];
  return sql.query<SubprocessorControllerRow>(
    `SELECT d.* FROM jsonb_populate_recordset(NULL::rm_subprocessor_controllers, $1::jsonb) d ORDER BY d.subprocessor_id, d.controller_id`,
    [JSON.stringify(kept)],
  );
}
