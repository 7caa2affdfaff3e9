import { EMPTY_ROOT, nodeHash } from './hash';

/**
 * Folds the hashes of rootPlan(size), given left to right, into MTH: the right-most subtrees are
 * combined first because RFC 9162's split puts the largest perfect subtree on the left.
 */
export function rootFromPlan(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let root = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i], root);
  return root;
}

/**
 * MTH straight from the leaf hashes, by the recursive definition of RFC 9162 section 2.1.1.
 * A reference implementation for tests and small trees: O(n) time, no stored nodes.
 */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

function subtreeRoot(leaves: readonly Buffer[], begin: number, end: number): Buffer {
  const n = end - begin;
  if (n === 1) return leaves[begin];
  let k = 1;
  while (k * 2 < n) k *= 2; // largest power of two strictly smaller than n
  return nodeHash(subtreeRoot(leaves, begin, begin + k), subtreeRoot(leaves, begin + k, end));
}
