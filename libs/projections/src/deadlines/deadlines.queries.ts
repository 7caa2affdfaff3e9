import { DeadlineKind, isOverdue, Obligation } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { decodeCursor, encodeCursor, InvalidCursorError, Page } from '../pagination';
import { readAtPoint, PointInTime, pointOf } from '../point-in-time/point-in-time';
import { registerSource } from '../point-in-time/register-source';
import { DeadlineRow, obligationFromRow } from './deadline.row';

export interface DeadlineFilter extends PointInTime {
  /** Only the unmet ones past their due date at `now` (at `asOf` when given). */
  overdueOnly?: boolean | null;
  /** Only those due strictly before this moment. */
  dueBefore?: Date | null;
  /** Met obligations are left out unless asked for. */
  includeMet?: boolean | null;
  kind?: DeadlineKind | null;
  controllerId?: string | null;
  first: number;
  after?: string | null;
}

export interface DeadlineRecord extends Obligation {
  overdue: boolean;
}

/** The list is in due-date order, so the cursor is the due date and the id of the last row seen. */
function cursorOf(o: Obligation): string {
  return encodeCursor(`${o.dueAt.toISOString()}|${o.obligationId}`);
}

function afterCursor(cursor: string | null | undefined): { dueAt: Date; obligationId: string } | null {
  if (!cursor) return null;
  const key = decodeCursor(cursor);
  const separator = key.indexOf('|');
  const dueAt = new Date(key.slice(0, separator));
  if (separator < 0 || Number.isNaN(dueAt.getTime())) throw new InvalidCursorError(cursor);
  return { dueAt, obligationId: key.slice(separator + 1) };
}

/** Obligations soonest due first; "overdue" is judged at `now`, the service clock, or at `asOf` for a past register. */
export async function listDeadlines(sql: SqlExecutor, tenantId: string, filter: DeadlineFilter, now: Date): Promise<Page<DeadlineRecord>> {
  const after = afterCursor(filter.after);
  const point = await pointOf(sql, filter);
  return readAtPoint(sql, point, async () => {
    const judgedAt = point?.asOf ?? now;
    const source = registerSource(sql, { table: 'rm_deadlines', key: 'obligation_id' }, point, 11, {
      met_at: 'timestamptz',
      due_at: 'timestamptz',
      kind: 'text',
      controller_id: 'text',
    });
    const returned = await sql.query(
      `SELECT ${source.select} FROM ${source.from}
       WHERE ${source.tenant} = $1
         AND ($2::boolean OR s.met_at IS NULL)
         AND (NOT $3::boolean OR (s.met_at IS NULL AND s.due_at < $4::timestamptz))
         AND ($5::timestamptz IS NULL OR s.due_at < $5::timestamptz)
         AND ($6::text IS NULL OR s.kind = $6)
         AND ($7::text IS NULL OR s.controller_id = $7)
         AND ($8::timestamptz IS NULL OR (s.due_at, ${source.key}) > ($8::timestamptz, $9::text))
       ORDER BY s.due_at, ${source.key}
       LIMIT $10`,
      [
        tenantId,
        filter.includeMet ?? false,
        filter.overdueOnly ?? false,
        judgedAt,
        filter.dueBefore ?? null,
        filter.kind ?? null,
        filter.controllerId ?? null,
        after?.dueAt ?? null,
        after?.obligationId ?? null,
        filter.first + 1,
        ...source.params,
      ],
    );
    const rows = await source.rows<DeadlineRow>(returned);
    const nodes = rows.slice(0, filter.first).map((row) => {
      const obligation = obligationFromRow(row);
      return { ...obligation, overdue: isOverdue(obligation, judgedAt) };
    });
    return { edges: nodes.map((node) => ({ node, cursor: cursorOf(node) })), hasNextPage: rows.length > filter.first };
  });
}
