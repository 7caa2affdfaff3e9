import { Migration, Position, SqlExecutor } from '@ledger/event-store';

export const checkpointMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE ledger_projection_checkpoints (
        projection text PRIMARY KEY,
        position text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
];

export async function clearCheckpoint(sql: SqlExecutor, projection: string): Promise<void> {
  await sql.query('DELETE FROM ledger_projection_checkpoints WHERE projection = $1', [projection]);
}

/** Every projection's checkpoint, in one statement. */
export async function readCheckpoints(sql: SqlExecutor, projections: string[]): Promise<Map<string, Position | null>> {
  const rows = await sql.query<{ projection: string; position: string }>(
    'SELECT projection, position FROM ledger_projection_checkpoints WHERE projection = ANY(SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(projections)],
  );
  const found = new Map(rows.map((r) => [r.projection, r.position as Position]));
  return new Map(projections.map((name) => [name, found.get(name) ?? null]));
}

/** Moves several projections' checkpoints to one position, in one statement. */
export async function writeCheckpoints(sql: SqlExecutor, projections: string[], position: Position): Promise<void> {
  await sql.query(
    `INSERT INTO ledger_projection_checkpoints (projection, position)
     SELECT name, $2 FROM jsonb_array_elements_text($1::jsonb) AS name
     ON CONFLICT (projection) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
    [JSON.stringify(projections), position],
  );
}
