import { Migration, SqlExecutor } from '@ledger/event-store';

/**
 * Signed checkpoints are statements already handed to controllers and auditors: they are kept
 * apart from the rebuildable tree, never updated or deleted, and a rebuilt tree must reproduce
 * every root they sign.
 */
export const signedCheckpointMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE ledger_signed_checkpoints (
        tree_size bigint PRIMARY KEY,
        root_hash text NOT NULL,
        note text NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TRIGGER ledger_signed_checkpoints_immutable BEFORE UPDATE OR DELETE ON ledger_signed_checkpoints
       FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
    ],
  },
];

export interface SignedCheckpoint {
  treeSize: number;
  rootHash: string;
  note: string;
  signedAt: Date;
}

interface CheckpointRow {
  [column: string]: unknown;
  tree_size: string;
  root_hash: string;
  note: string;
  signed_at: Date;
}

// ORDER BY names c.tree_size: the text alias would sort 11 before 7.
const COLUMNS = 'c.tree_size::text AS tree_size, c.root_hash, c.note, c.signed_at';

function fromRow(row: CheckpointRow): SignedCheckpoint {
  return { treeSize: Number(row.tree_size), rootHash: row.root_hash, note: row.note, signedAt: row.signed_at };
}

export async function latestCheckpoint(sql: SqlExecutor): Promise<SignedCheckpoint | null> {
  const [row] = await sql.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ledger_signed_checkpoints c ORDER BY c.tree_size DESC LIMIT 1`);
  return row ? fromRow(row) : null;
}

/** The largest checkpoint signed at or below `treeSize`: what could be proven of that much of the log. */
export async function latestCheckpointUpTo(sql: SqlExecutor, treeSize: number): Promise<SignedCheckpoint | null> {
  const [row] = await sql.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ledger_signed_checkpoints c WHERE c.tree_size <= $1 ORDER BY c.tree_size DESC LIMIT 1`, [treeSize]);
  return row ? fromRow(row) : null;
}

export async function checkpointAt(sql: SqlExecutor, treeSize: number): Promise<SignedCheckpoint | null> {
  const [row] = await sql.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ledger_signed_checkpoints c WHERE c.tree_size = $1`, [treeSize]);
  return row ? fromRow(row) : null;
}

export async function allCheckpoints(sql: SqlExecutor): Promise<SignedCheckpoint[]> {
  return (await sql.query<CheckpointRow>(`SELECT ${COLUMNS} FROM ledger_signed_checkpoints c ORDER BY c.tree_size`)).map(fromRow);
}

export async function saveCheckpoint(sql: SqlExecutor, checkpoint: Omit<SignedCheckpoint, 'signedAt'>): Promise<void> {
  await sql.query('INSERT INTO ledger_signed_checkpoints (tree_size, root_hash, note) VALUES ($1, $2, $3)', [
    checkpoint.treeSize,
    checkpoint.rootHash,
    checkpoint.note,
  ]);
}
