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

export async function readCheckpoint(sql: SqlExecutor, projection: string): Promise<Position | null> {
  const [row] = await sql.query<{ position: string }>('SELECT position FROM ledger_projection_checkpoints WHERE projection = $1', [
    projection,
  ]);
  return (row?.position as Position) ?? null;
}

export async function writeCheckpoint(sql: SqlExecutor, projection: string, position: Position): Promise<void> {
  await sql.query(
    `INSERT INTO ledger_projection_checkpoints (projection, position) VALUES ($1, $2)
     ON CONFLICT (projection) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
    [projection, position],
  );
}

export async function clearCheckpoint(sql: SqlExecutor, projection: string): Promise<void> {
  await sql.query('DELETE FROM ledger_projection_checkpoints WHERE projection = $1', [projection]);
}
