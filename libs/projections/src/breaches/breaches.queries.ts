import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { breachFromRow, BreachRecord, BreachRow } from './breach.row';

export interface BreachFilter extends PageRequest {
  status?: string | null;
  /** Breaches affecting this controller. */
  controllerId?: string | null;
}

export async function findBreach(sql: SqlExecutor, tenantId: string, breachId: string): Promise<BreachRecord | null> {
  const [row] = await sql.query<BreachRow>('SELECT * FROM rm_breaches WHERE tenant_id = $1 AND breach_id = $2', [tenantId, breachId]);
  return row ? breachFromRow(row) : null;
}

/** Breaches in the order the ledger recorded them (ids are UUIDv7), one page after the cursor. */
export async function listBreaches(sql: SqlExecutor, tenantId: string, filter: BreachFilter): Promise<Page<BreachRecord>> {
  const rows = await sql.query<BreachRow>(
    `SELECT * FROM rm_breaches
     WHERE tenant_id = $1
       AND ($2::text IS NULL OR status = $2)
       AND ($3::text IS NULL OR controller_ids @> ARRAY[$3::text])
       AND ($4::text IS NULL OR breach_id > $4)
     ORDER BY breach_id
     LIMIT $5`,
    [tenantId, filter.status ?? null, filter.controllerId ?? null, keyAfter(filter), filter.first + 1],
  );
  return pageOf(rows, filter, breachFromRow, (node) => node.breachId);
}
