import { eventLeafHash, nodeHash } from '@ledger/integrity';
import type { RecordedEvent } from '@ledger/event-store';

/**
 * The limit for the sealer: the same hashing (leaf hash, then every node a new leaf completes)
 * in memory, with no storage at all. Returns events per second.
 */
export function hashingAlone(batches: RecordedEvent[][]): number {
  const edge: Array<{ level: number; hash: Buffer }> = [];
  let count = 0;
  const start = performance.now();
  for (const batch of batches)
    for (const event of batch) {
      let node = { level: 0, hash: eventLeafHash(event.hash) };
      while (edge.length > 0 && edge[edge.length - 1].level === node.level) {
        const left = edge.pop()!;
        node = { level: node.level + 1, hash: nodeHash(left.hash, node.hash) };
      }
      edge.push(node);
      count++;
    }
  return count / ((performance.now() - start) / 1000);
}
