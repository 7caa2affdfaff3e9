import { Migration, RecordedEvent, SqlExecutor } from '@ledger/event-store';

/** A current-state table and its key column (besides tenant_id); constants, never input. */
export interface RegisterTable {
  table: string;
  key: string;
}

/** The table keeping one row per (record, revision) beside a current-state table. */
export const revisionsOf = (table: string): string => `${table}_revisions`;

/**
 * Creates the revision table of each register of a projection. On a database that already holds
 * the registers, it also empties them (and `alsoEmpty`, their child tables) and the projection's
 * checkpoint: the runner then replays the log into this projection alone at start-up, filling the
 * revisions with the whole history rather than starting them at today. Names are constants.
 */
export function revisionsMigration(version: number, projection: string, registers: RegisterTable[], alsoEmpty: string[] = []): Migration {
  return {
    version,
    statements: [
      ...registers.map(
        ({ table }) => `CREATE TABLE ${revisionsOf(table)} (
          tenant_id text NOT NULL,
          entity_id text NOT NULL,
          revision int NOT NULL,
          leaf_index bigint NOT NULL,
          position text NOT NULL,
          occurred_at timestamptz NOT NULL,
          recorded_at timestamptz NOT NULL,
          state jsonb NOT NULL,
          PRIMARY KEY (tenant_id, entity_id, revision)
        )`,
      ),
      ...replayStatements(projection, [...registers.map((r) => r.table), ...alsoEmpty]),
    ],
  };
}

/**
 * The index a read at a point probes, one per record: backwards along the log from the point's
 * prefix (`leaf_index <` treeSize is where the scan starts), with `occurred_at` in the key so that
 * revisions after asOf are skipped in the index and only the revision read is fetched from the
 * table. Ordering by leaf is ordering by revision: a stream's later revisions are later in the log.
 */
export function revisionsIndexMigration(version: number, registers: RegisterTable[]): Migration {
  return {
    version,
    statements: registers.map(
      ({ table }) => `CREATE INDEX ${revisionsOf(table)}_at ON ${revisionsOf(table)} (tenant_id, entity_id, leaf_index DESC, occurred_at)`,
    ),
  };
}

/**
 * Empties a projection's `tables` and its checkpoint, so that at the next start the runner replays
 * the whole log into this projection alone: for a migration that changes what its revisions keep,
 * since revisions already written cannot be completed from the current state. Names are constants.
 */
export function replayMigration(version: number, projection: string, tables: string[]): Migration {
  return { version, statements: replayStatements(projection, tables) };
}

function replayStatements(projection: string, tables: string[]): string[] {
  return [...tables.map((table) => `DELETE FROM ${table}`), `DELETE FROM ledger_projection_checkpoints WHERE projection = '${projection}'`];
}

/**
 * Keeps the row `register` holds for `entityId` after `recorded` as a revision, with where the
 * event sits in both times: its leaf in the Merkle log (knownAt) and its occurredAt (asOf).
 * `state` is the jsonb kept, `to_jsonb(t)` of the current-state row unless a register needs more
 * (its child rows). The leaf comes from the sealer, which the runner applies first in each batch;
 * were it behind, the NOT NULL leaf_index fails the batch, which is then retried, never skipped.
 */
export async function recordRevision(
  tx: SqlExecutor,
  register: RegisterTable,
  tenantId: string,
  entityId: string,
  recorded: RecordedEvent,
  state = 'to_jsonb(t)',
): Promise<void> {
  await tx.query(
    `INSERT INTO ${revisionsOf(register.table)} (tenant_id, entity_id, revision, leaf_index, position, occurred_at, recorded_at, state)
     SELECT $1, $2, $3, (SELECT leaf_index FROM ledger_merkle_leaves WHERE event_id = $4::uuid), $5, $6, $7, ${state}
     FROM ${register.table} t WHERE t.tenant_id = $1 AND t.${register.key} = $2
     ON CONFLICT (tenant_id, entity_id, revision) DO UPDATE SET state = EXCLUDED.state`,
    [tenantId, entityId, recorded.revision, recorded.eventId, recorded.position, recorded.metadata.occurredAt, recorded.metadata.recordedAt],
  );
}
