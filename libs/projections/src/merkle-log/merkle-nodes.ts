import { SqlExecutor } from '@ledger/event-store';
import { assembleProof, consistencyPlan, inclusionPlan, NodeId, rootFromPlan, rootPlan } from '@ledger/integrity';

/** Number of leaves sealed so far: an index lookup, not a count. */
export async function sealedSize(sql: SqlExecutor): Promise<number> {
  const [row] = await sql.query<{ size: string }>('SELECT ledger_sealed_size()::text AS size');
  return Number(row.size);
}

/** The hashes of stored perfect subtrees, in the order asked, in one query. */
export async function readNodes(sql: SqlExecutor, nodes: NodeId[]): Promise<Buffer[]> {
  if (nodes.length === 0) return [];
  const rows = await sql.query<{ level: number; idx: string; hash: string }>(
    `SELECT n.level, n.idx::text AS idx, encode(n.hash, 'hex') AS hash
     FROM ledger_merkle_nodes n
     JOIN jsonb_to_recordset($1::jsonb) AS wanted(level int, idx bigint) ON wanted.level = n.level AND wanted.idx = n.idx`,
    [JSON.stringify(nodes.map(({ level, index }) => ({ level, idx: index })))],
  );
  const found = new Map(rows.map((r) => [`${r.level}/${r.idx}`, Buffer.from(r.hash, 'hex')]));
  return nodes.map(({ level, index }) => {
    const hash = found.get(`${level}/${index}`);
    if (!hash) throw new Error(`the Merkle log has no node at level ${level}, index ${index}: it is not sealed that far`);
    return hash;
  });
}

export async function rootAt(sql: SqlExecutor, size: number): Promise<Buffer> {
  return rootFromPlan(await readNodes(sql, rootPlan(size)));
}

export async function inclusionProofAt(sql: SqlExecutor, leafIndex: number, size: number): Promise<Buffer[]> {
  const plan = inclusionPlan(leafIndex, size);
  return assembleProof(plan, await readNodes(sql, plan.nodes));
}

export async function consistencyProofBetween(sql: SqlExecutor, size1: number, size2: number): Promise<Buffer[]> {
  const plan = consistencyPlan(size1, size2);
  return assembleProof(plan, await readNodes(sql, plan.nodes));
}
