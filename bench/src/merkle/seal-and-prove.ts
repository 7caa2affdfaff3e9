import { migrate, type SqlClient } from '@ledger/event-store';
import { eventLeafHash, verifyInclusion } from '@ledger/integrity';
import { inclusionProofAt, merkleLogProjection, rootAt } from '@ledger/projections';
import { syntheticBatch } from './synthetic-log';
import { hashingAlone } from './hashing-limit';

export interface MerkleFigures {
  store: string;
  leaves: number;
  sealerEventsPerSecond: number;
  hashingEventsPerSecond: number;
  proofMedianMs: number;
  proofP99Ms: number;
  proofs: number;
}

const BATCH = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Seals `leaves` events through the sealer projection, in transactions of the runner's batch
 * size, then times inclusion proofs for random leaves of the full tree (and checks a sample
 * against the root, so a fast wrong answer cannot pass for a result).
 */
export async function sealAndProve(sql: SqlClient, store: string, leaves: number, proofs: number, report: (line: string) => void): Promise<MerkleFigures> {
  await migrate(sql, 'projection-merkle-log', merkleLogProjection.migrations);
  const batches = Array.from({ length: Math.ceil(leaves / BATCH) }, (_, i) => syntheticBatch(Math.min(BATCH, leaves - i * BATCH)));
  const hashingEventsPerSecond = hashingAlone(batches);

  const start = performance.now();
  for (const [i, batch] of batches.entries()) {
    await sql.transaction((tx) => merkleLogProjection.applyBatch(tx, batch));
    if (i % 200 === 199) report(`${store}: sealed ${(i + 1) * BATCH} of ${leaves}`);
  }
  const sealerEventsPerSecond = leaves / ((performance.now() - start) / 1000);

  const root = await rootAt(sql, leaves);
  const timings: number[] = [];
  for (let i = 0; i < proofs; i++) {
    const index = Math.floor(Math.random() * leaves);
    const t = performance.now();
    const proof = await inclusionProofAt(sql, index, leaves);
    timings.push(performance.now() - t);
    if (i % 100 === 0) {
      const leaf = batches[Math.floor(index / BATCH)][index % BATCH];
      verifyInclusion(eventLeafHash(leaf.hash), index, leaves, proof, root);
    }
  }
  timings.sort((a, b) => a - b);
  return {
    store,
    leaves,
    sealerEventsPerSecond,
    hashingEventsPerSecond,
    proofMedianMs: percentile(timings, 50),
    proofP99Ms: percentile(timings, 99),
    proofs,
  };
}
