import { assertSize, pow2, shr, trailingZeros } from './bits';

/**
 * A perfect subtree of the log: level L, index i covers leaves [i * 2^L, (i + 1) * 2^L).
 * Level 0 nodes are the leaf hashes. Perfect subtrees never change once complete, which is what
 * lets storage keep them and proofs be served from them.
 */
export interface NodeId {
  level: number;
  index: number;
}

/** The leaf range [begin, end) a node covers. */
export function nodeCoverage(id: NodeId): { begin: number; end: number } {
  const width = pow2(id.level);
  return { begin: id.index * width, end: (id.index + 1) * width };
}

/** The other child of this node's parent. */
export function siblingOf(id: NodeId): NodeId {
  return { level: id.level, index: id.index % 2 === 0 ? id.index + 1 : id.index - 1 };
}

/**
 * The perfect subtrees, left to right, that exactly cover the leaf range [begin, end): at each
 * step the largest subtree that starts at `begin` (aligned) and does not pass `end` (a "compact
 * range" in transparency-dev terms).
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  assertSize('begin', begin);
  assertSize('end', end);
  if (begin > end) throw new RangeError(`range [${begin}, ${end}) is reversed`);
  const nodes: NodeId[] = [];
  while (begin < end) {
    let level = begin === 0 ? 53 : trailingZeros(begin);
    while (begin + pow2(level) > end) level--;
    nodes.push({ level, index: shr(begin, level) });
    begin += pow2(level);
  }
  return nodes;
}

/**
 * RFC 9162 section 2.1.1: MTH of `size` leaves splits at the largest power of two below size,
 * whose left part is perfect; recursing on the right gives the binary decomposition of size.
 * These are the subtrees whose hashes, folded right to left, give the root (see rootFromPlan).
 */
export function rootPlan(size: number): NodeId[] {
  return rangeNodes(0, size);
}

/**
 * The perfect subtrees that become complete when the leaf at `leafIndex` is appended, lowest
 * first: the leaf itself, then each ancestor whose right-most leaf it is. A sealer stores
 * exactly these after each append.
 */
export function completedNodes(leafIndex: number): NodeId[] {
  assertSize('leafIndex', leafIndex);
  const nodes: NodeId[] = [{ level: 0, index: leafIndex }];
  let index = leafIndex;
  while (index % 2 === 1) {
    index = (index - 1) / 2;
    nodes.push({ level: nodes.length, index });
  }
  return nodes;
}
