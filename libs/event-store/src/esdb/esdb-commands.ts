import { REFUSE_CHANGE_FUNCTION } from '../sql/event-store.migrations';
import { Migration } from '../sql/migrator';
import { SqlExecutor } from '../sql/sql-client';

/**
 * In EventStoreDB mode the processed-commands record lives in PostgreSQL, beside the read
 * models: EventStoreDB's own dedupe by event id is best-effort and per stream, and a command id
 * must return its first result whichever stream a retry names.
 */
export const esdbCommandMigrations: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE ledger_esdb_commands (
        tenant_id text NOT NULL,
        command_id text NOT NULL,
        stream text NOT NULL,
        from_revision int NOT NULL,
        to_revision int NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, command_id)
      )`,
      REFUSE_CHANGE_FUNCTION,
      `CREATE TRIGGER ledger_esdb_commands_immutable BEFORE UPDATE OR DELETE ON ledger_esdb_commands
       FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`,
    ],
  },
];

export interface CommandRecord {
  stream: string;
  fromRevision: number;
  toRevision: number;
}

/** Records a processed command; the first record of a command id wins and is returned. */
export async function recordCommand(sql: SqlExecutor, tenantId: string, commandId: string, record: CommandRecord): Promise<CommandRecord> {
  await sql.query(
    `INSERT INTO ledger_esdb_commands (tenant_id, command_id, stream, from_revision, to_revision)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, command_id) DO NOTHING`,
    [tenantId, commandId, record.stream, record.fromRevision, record.toRevision],
  );
  return (await findCommandRecord(sql, tenantId, commandId))!;
}

export async function findCommandRecord(sql: SqlExecutor, tenantId: string, commandId: string): Promise<CommandRecord | null> {
  const [row] = await sql.query<{ stream: string; from_revision: number; to_revision: number }>(
    'SELECT stream, from_revision, to_revision FROM ledger_esdb_commands WHERE tenant_id = $1 AND command_id = $2',
    [tenantId, commandId],
  );
  return row ? { stream: row.stream, fromRevision: row.from_revision, toRevision: row.to_revision } : null;
}
