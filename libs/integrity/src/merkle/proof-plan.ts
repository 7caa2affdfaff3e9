import { assertSize, divergence, isPowerOfTwo, shr, trailingZeros } from './bits';
import { nodeHash } from './hash';
import { NodeId, nodeCoverage, rangeNodes, siblingOf } from './node-id';

/**
 * How to build a proof from stored perfect subtrees, after transparency-dev/merkle proof.Nodes:
 * fetch the hashes of `nodes` (one query, O(log n) rows), then assembleProof. A proof hash that
 * is not a perfect subtree (an "ephemeral" node on the right edge of the tree) is given as the
 * run of nodes[rehash.begin .. rehash.end) that covers it, lowest level first.
 */
export interface ProofPlan {
  nodes: NodeId[];
  rehash?: { begin: number; end: number };
}

/** RFC 9162 section 2.1.3.1: the audit path for leaf `index` in the tree of `size` leaves. */
export function inclusionPlan(index: number, size: number): ProofPlan {
  assertSize('index', index);
  assertSize('size', size);
  if (index >= size) throw new RangeError(`leaf index ${index} out of bounds for tree size ${size}`);
  return skipFirst(pathPlan(index, 0, size));
}

/**
 * RFC 9162 section 2.1.4.1: the consistency proof between the trees of size1 and size2 leaves.
 * Requires 0 < size1 <= size2 (equal sizes give an empty proof; so does 0, 0).
 */
export function consistencyPlan(size1: number, size2: number): ProofPlan {
  assertSize('size1', size1);
  assertSize('size2', size2);
  if (size1 > size2) throw new RangeError(`tree size ${size1} is larger than ${size2}`);
  if (size1 === size2) return { nodes: [] };
  if (size1 === 0) throw new RangeError('RFC 9162 defines no consistency proof from the empty tree');
  // The largest perfect subtree ending at size1 is the seed; the proof is its path to the root of
  // size2. When size1 is itself a power of two, the seed is the old root, which the verifier knows.
  const level = trailingZeros(size1);
  const plan = pathPlan(shr(size1 - 1, level), level, size2);
  return isPowerOfTwo(size1) ? skipFirst(plan) : plan;
}

/**
 * Collapses the fetched hashes (in the order of plan.nodes) into the proof. The rehash run is
 * lowest level first, i.e. right-most first, so each later hash is the LEFT child:
 * h = nodeHash(h[i], h), as in transparency-dev's Nodes.Rehash.
 */
export function assembleProof(plan: ProofPlan, hashes: readonly Buffer[]): Buffer[] {
  if (hashes.length !== plan.nodes.length) {
    throw new RangeError(`got ${hashes.length} hashes for a plan of ${plan.nodes.length} nodes`);
  }
  const { begin, end } = plan.rehash ?? { begin: hashes.length, end: hashes.length };
  let ephemeral = hashes[begin];
  for (let i = begin + 1; i < end; i++) ephemeral = nodeHash(hashes[i], ephemeral);
  return [...hashes.slice(0, begin), ...(end > begin ? [ephemeral] : []), ...hashes.slice(end)];
}

/**
 * The nodes proving that perfect subtree (level, index) is part of the tree of `size` leaves,
 * starting with that node itself (callers drop it when the verifier already has it).
 */
function pathPlan(index: number, level: number, size: number): ProofPlan {
  // `fork` is where the path from (level, index) up to the root leaves the path to the tree's
  // right edge. Below it every sibling is a complete, stored subtree.
  const inner = divergence(index, shr(size, level)) - 1;
  const fork: NodeId = { level: level + inner, index: shr(index, inner) };
  const { begin, end } = nodeCoverage(fork);

  let node: NodeId = { level, index };
  const nodes: NodeId[] = [node];
  while (node.level < fork.level) {
    nodes.push(siblingOf(node));
    node = { level: node.level + 1, index: shr(node.index, 1) };
  }
  // The fork's right sibling (it contains position `size`) may be incomplete, i.e. ephemeral: the
  // subtrees covering [end, size) stand for it, reversed so the rehash goes from the lowest level up.
  const right = rangeNodes(end, size).reverse();
  // Everything left of the fork: complete subtrees, each a left sibling further up the path.
  const left = rangeNodes(0, begin).reverse();
  const rehashBegin = nodes.length;
  nodes.push(...right, ...left);
  return right.length > 1 ? { nodes, rehash: { begin: rehashBegin, end: rehashBegin + right.length } } : { nodes };
}

function skipFirst(plan: ProofPlan): ProofPlan {
  const nodes = plan.nodes.slice(1);
  if (!plan.rehash) return { nodes };
  return { nodes, rehash: { begin: plan.rehash.begin - 1, end: plan.rehash.end - 1 } };
}
