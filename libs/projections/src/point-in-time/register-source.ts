import { Row, SqlExecutor } from '@ledger/event-store';
import { ResolvedPoint } from './point-in-time';
import { RegisterTable, revisionsOf } from './revisions';

/** The columns a query filters or sorts on, with their SQL types: at a point only these are decoded in SQL. */
export type FilterColumns = Record<string, 'text' | 'text[]' | 'timestamptz' | 'int'>;

/**
 * Where a register query reads its rows from, aliased `s` whatever the time: the current-state
 * table, or, at a point, each record's latest revision inside the point's log prefix. `tenant`
 * and `key` name the indexed columns to filter and order by (the lateral join keeps the key
 * index usable); `fixed` the alias to read columns a record never changes once created (its
 * controller, its role) from: at a point they come from the current row, whose indexes then
 * serve the filter. `select` is the row, and `rows` turns what the query returned into rows of the
 * current table's shape, so the same row mappers apply. Its parameters follow the query's own,
 * from `firstParam`.
 *
 * At a point, `s` holds only the `filters` columns, read from the revision's jsonb in SQL; the
 * whole row travels as that jsonb and is typed back in JS (timestamps are the only columns whose
 * JSON form differs): converting every column in SQL (jsonb_populate_record) costs several times more.
 */
export interface RegisterSource {
  from: string;
  tenant: string;
  key: string;
  fixed: string;
  select: string;
  params: unknown[];
  rows<R extends Row>(returned: Row[]): Promise<R[]>;
}

export function registerSource(
  sql: SqlExecutor,
  { table, key }: RegisterTable,
  point: ResolvedPoint | null,
  firstParam: number,
  filters: FilterColumns = {},
): RegisterSource {
  if (!point) return { from: `${table} s`, tenant: 's.tenant_id', key: `s.${key}`, fixed: 's', select: 's.*', params: [], rows: async (r) => r as never };
  const [size, asOf] = [`$${firstParam}`, `$${firstParam + 1}`];
  const decoded = Object.entries(filters).map(([column, type]) => `${column} ${type}`);
  return {
    from: `${table} c
      CROSS JOIN LATERAL (
        SELECT v.state FROM ${revisionsOf(table)} v
        WHERE v.tenant_id = c.tenant_id AND v.entity_id = c.${key}
          AND v.leaf_index < ${size}::bigint AND (${asOf}::timestamptz IS NULL OR v.occurred_at <= ${asOf}::timestamptz)
        ORDER BY v.leaf_index DESC LIMIT 1) v
      ${decoded.length ? `CROSS JOIN LATERAL jsonb_to_record(v.state) AS s(${decoded.join(', ')})` : ''}`,
    tenant: 'c.tenant_id',
    key: `c.${key}`,
    fixed: 'c',
    select: 'v.state',
    params: [point.treeSize, point.asOf],
    rows: async <R extends Row>(returned: Row[]) => {
      const timestamps = await timestampColumns(sql, table);
      return returned.map(({ state }) => rowOf(state as Record<string, unknown>, timestamps) as R);
    },
  };
}

/** A revision's jsonb as the row the table held: JSON has no timestamps, the rest reads the same. */
export function rowOf(state: Record<string, unknown>, timestamps: Set<string>): Row {
  const row: Row = { ...state };
  for (const column of timestamps) if (typeof row[column] === 'string') row[column] = new Date(row[column] as string);
  return row;
}

const timestampsOf = new Map<string, Promise<Set<string>>>();

/** The timestamptz columns of a read-model table, asked of the catalogue once per table (its schema is the code's). */
export function timestampColumns(sql: SqlExecutor, table: string): Promise<Set<string>> {
  let found = timestampsOf.get(table);
  if (!found) {
    found = sql
      .query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute
         WHERE attrelid = to_regclass($1) AND atttypid = 'timestamptz'::regtype AND attnum > 0 AND NOT attisdropped`,
        [table],
      )
      .then((rows) => new Set(rows.map((r) => r.name)));
    found.catch(() => timestampsOf.delete(table));
    timestampsOf.set(table, found);
  }
  return found;
}
