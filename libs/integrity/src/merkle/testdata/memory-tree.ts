import { nodeHash } from '../hash';
import { NodeId, nodeCoverage } from '../node-id';

/**
 * Test support: the perfect subtrees of a tree held in memory, standing in for the stored nodes
 * the sealer will keep. Refuses any node not complete in the tree, so a plan that asks for one
 * fails the test instead of silently hashing a partial subtree.
 */
export function memoryTree(leafHashes: readonly Buffer[]): (id: NodeId) => Buffer {
  const memo = new Map<string, Buffer>();
  const hashOf = (id: NodeId): Buffer => {
    const { end } = nodeCoverage(id);
    if (end > leafHashes.length) throw new Error(`node ${id.level}/${id.index} is not complete in a tree of ${leafHashes.length}`);
    if (id.level === 0) return leafHashes[id.index];
    const key = `${id.level}/${id.index}`;
    let hash = memo.get(key);
    if (!hash) {
      hash = nodeHash(hashOf({ level: id.level - 1, index: 2 * id.index }), hashOf({ level: id.level - 1, index: 2 * id.index + 1 }));
      memo.set(key, hash);
    }
    return hash;
  };
  return hashOf;
}
