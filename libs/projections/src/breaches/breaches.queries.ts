import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { readAtPoint, PointInTime, pointOf } from '../point-in-time/point-in-time';
import { registerSource } from '../point-in-time/register-source';
import { breachFromRow, BreachRecord, BreachRow } from './breach.row';

export interface BreachFilter extends PageRequest, PointInTime {
  status?: string | null;
  /** Breaches affecting this controller. */
  controllerId?: string | null;
}

export async function findBreach(sql: SqlExecutor, tenantId: string, breachId: string): Promise<BreachRecord | null> {
  const [row] = await sql.query<BreachRow>('SELECT * FROM rm_breaches WHERE tenant_id = $1 AND breach_id = $2', [tenantId, breachId]);
  return row ? breachFromRow(row) : null;
}

/** Breaches in the order the ledger recorded them (ids are UUIDv7), one page after the cursor; at `asOf` / `knownAt` if asked. */
export async function listBreaches(sql: SqlExecutor, tenantId: string, filter: BreachFilter): Promise<Page<BreachRecord>> {
  const point = await pointOf(sql, filter);
  return readAtPoint(sql, point, async () => {
    const source = registerSource(sql, { table: 'rm_breaches', key: 'breach_id' }, point, 6, { status: 'text', controller_ids: 'text[]' });
    const returned = await sql.query(
      `SELECT ${source.select} FROM ${source.from}
       WHERE ${source.tenant} = $1
         AND ($2::text IS NULL OR s.status = $2)
         AND ($3::text IS NULL OR s.controller_ids @> ARRAY[$3::text])
         AND ($4::text IS NULL OR ${source.key} > $4)
       ORDER BY ${source.key}
       LIMIT $5`,
      [tenantId, filter.status ?? null, filter.controllerId ?? null, keyAfter(filter), filter.first + 1, ...source.params],
    );
    return pageOf(await source.rows<BreachRow>(returned), filter, breachFromRow, (node) => node.breachId);
  });
}
