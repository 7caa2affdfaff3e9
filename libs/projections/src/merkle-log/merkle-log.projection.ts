import { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { eventLeafHash, nodeHash, rootPlan } from '@ledger/integrity';
import { BatchProjection } from '../projection';
import { readNodes, sealedSize } from './merkle-nodes';

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
  ],

  async applyBatch(tx: SqlExecutor, events: RecordedEvent[]): Promise<void> {
    const size = await sealedSize(tx);
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
      `INSERT INTO ledger_merkle_leaves (leaf_index, event_id, tenant_id, event_hash)
       SELECT l.leaf_index, l.event_id, l.tenant_id, l.event_hash
       FROM jsonb_to_recordset($1::jsonb) AS l(leaf_index bigint, event_id uuid, tenant_id text, event_hash text)`,
      [JSON.stringify(events.map((e, i) => ({ leaf_index: size + i, event_id: e.eventId, tenant_id: e.metadata.tenantId, event_hash: e.hash })))],
    );
    await tx.query(
      `INSERT INTO ledger_merkle_nodes (level, idx, hash)
       SELECT n.level, n.idx, decode(n.hash, 'hex') FROM jsonb_to_recordset($1::jsonb) AS n(level int, idx bigint, hash text)`,
      [JSON.stringify(written.map(({ level, index, hash }) => ({ level, idx: index, hash: hash.toString('hex') })))],
    );
  },
};
