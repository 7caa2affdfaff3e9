import { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { eventLeafHash, nodeHash, rootPlan } from '@ledger/integrity';
import { BatchProjection } from '../projection';
import { readNodes, sealedSize } from './merkle-nodes';

/** The recorded_by of the last sealed leaf, ISO 8601 (null for an empty log). */
async function lastRecordedBy(tx: SqlExecutor, size: number): Promise<string | null> {
  if (size === 0) return null;
  const [row] = await tx.query<{ recorded_by: Date }>('SELECT recorded_by FROM ledger_merkle_leaves WHERE leaf_index = $1', [size - 1]);
  return row.recorded_by.toISOString();
}

const maxInstant = (a: string | null, b: string): string => (a === null || Date.parse(b) > Date.parse(a) ? b : a);

interface StoredNode {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * The sealer: every event, in log order, becomes leaf 0, 1, 2, ... of the RFC 9162 tree. Every
 * perfect subtree is stored once complete, so any root or proof later needs O(log n) node reads
 * and never a rebuild. The right edge of the tree (its perfect subtrees, largest first) is all
 * that new leaves need, and it is read back at the start of each batch.
 */
export const merkleLogProjection: BatchProjection = {
  name: 'merkle-log',
  tables: ['ledger_merkle_leaves', 'ledger_merkle_nodes'],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE ledger_merkle_leaves (
          leaf_index bigint PRIMARY KEY,
          event_id uuid NOT NULL UNIQUE,
          tenant_id text NOT NULL,
          event_hash text NOT NULL
        )`,
        `CREATE TABLE ledger_merkle_nodes (
          level int NOT NULL,
          idx bigint NOT NULL,
          hash bytea NOT NULL,
          PRIMARY KEY (level, idx)
        )`,
      ],
    },
    {
      // knownAt as a timestamp: recorded_by is the latest recordedAt of this leaf and every leaf
      // before it, so it never decreases along the log and one index probe finds the prefix.
      version: 2,
      statements: [
        'ALTER TABLE ledger_merkle_leaves ADD COLUMN recorded_by timestamptz',
        // Leaves sealed before this version take it from the events table, when it lives in this database.
        `DO $$ BEGIN
           IF to_regclass('ledger_events') IS NOT NULL THEN
             UPDATE ledger_merkle_leaves l SET recorded_by = m.recorded_by
             FROM (SELECT x.leaf_index, max(e.recorded_at) OVER (ORDER BY x.leaf_index) AS recorded_by
                   FROM ledger_merkle_leaves x JOIN ledger_events e ON e.event_id = x.event_id) m
             WHERE m.leaf_index = l.leaf_index;
           END IF;
         END $$`,
        'ALTER TABLE ledger_merkle_leaves ALTER COLUMN recorded_by SET NOT NULL',
        'CREATE INDEX ledger_merkle_leaves_recorded_by ON ledger_merkle_leaves (recorded_by, leaf_index)',
      ],
    },
    {
      // The log's size is everyone's (every checkpoint states it), but its leaves are each their
      // tenant's: under row-level security a tenant read sees only its own leaves, and would take
      // its last leaf for the end of the log. These run as the tables' owner and return a number.
      version: 3,
      statements: [
        `CREATE FUNCTION ledger_sealed_size() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
           AS $$ SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_merkle_leaves $$`,
        `CREATE FUNCTION ledger_size_recorded_by(at timestamptz) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
           AS $$ SELECT coalesce((SELECT leaf_index + 1 FROM ledger_merkle_leaves WHERE recorded_by <= at ORDER BY recorded_by DESC, leaf_index DESC LIMIT 1), 0) $$`,
      ],
    },
  ],

  async applyBatch(tx: SqlExecutor, events: RecordedEvent[]): Promise<void> {
    const size = await sealedSize(tx);
    let recordedBy = await lastRecordedBy(tx, size);
    const plan = rootPlan(size);
    const hashes = await readNodes(tx, plan);
    const edge: StoredNode[] = plan.map((node, i) => ({ ...node, hash: hashes[i] }));
    const written: StoredNode[] = [];
    events.forEach((event, i) => {
      let node: StoredNode = { level: 0, index: size + i, hash: eventLeafHash(event.hash) };
      written.push(node);
      while (edge.length > 0 && edge[edge.length - 1].level === node.level) {
        const left = edge.pop()!;
        node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
        written.push(node);
      }
      edge.push(node);
    });
    await tx.query(
      `INSERT INTO ledger_merkle_leaves (leaf_index, event_id, tenant_id, event_hash, recorded_by)
       SELECT l.leaf_index, l.event_id, l.tenant_id, l.event_hash, l.recorded_by
       FROM jsonb_to_recordset($1::jsonb) AS l(leaf_index bigint, event_id uuid, tenant_id text, event_hash text, recorded_by timestamptz)`,
      [
        JSON.stringify(
          events.map((e, i) => {
            recordedBy = maxInstant(recordedBy, e.metadata.recordedAt);
            return { leaf_index: size + i, event_id: e.eventId, tenant_id: e.metadata.tenantId, event_hash: e.hash, recorded_by: recordedBy };
          }),
        ),
      ],
    );
    await tx.query(
      `INSERT INTO ledger_merkle_nodes (level, idx, hash)
       SELECT n.level, n.idx, decode(n.hash, 'hex') FROM jsonb_to_recordset($1::jsonb) AS n(level int, idx bigint, hash text)`,
      [JSON.stringify(written.map(({ level, index, hash }) => ({ level, idx: index, hash: hash.toString('hex') })))],
    );
  },
};
