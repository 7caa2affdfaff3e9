import { EMPTY_ROOT, leafHash, nodeHash } from './hash';
import { completedNodes, nodeCoverage, rangeNodes, rootPlan } from './node-id';
import { merkleRoot, rootFromPlan } from './root';
import { memoryTree } from './testdata/memory-tree';
import { HASHER_VECTORS, LEAVES, ROOTS } from './testdata/rfc6962-vectors';

const hex = (b: Buffer) => b.toString('hex');
const leafHashes = LEAVES.map((l) => leafHash(Buffer.from(l, 'hex')));

describe('RFC 9162 2.1.1 hashing (transparency-dev/merkle rfc6962_test.go vectors)', () => {
  it('MTH({}) is SHA-256 of the empty string', () => {
    expect(hex(EMPTY_ROOT)).toBe(HASHER_VECTORS.emptyRoot);
    expect(hex(merkleRoot([]))).toBe(HASHER_VECTORS.emptyRoot);
    expect(hex(rootFromPlan([]))).toBe(HASHER_VECTORS.emptyRoot);
  });

  it('hashes a leaf as SHA-256(0x00 || data), distinct from the empty root', () => {
    expect(hex(leafHash(Buffer.alloc(0)))).toBe(HASHER_VECTORS.emptyLeaf);
    expect(hex(leafHash(Buffer.from(HASHER_VECTORS.leafL123456.data)))).toBe(HASHER_VECTORS.leafL123456.hash);
  });

  it('hashes a node as SHA-256(0x01 || left || right), order-sensitive', () => {
    const { left, right, hash } = HASHER_VECTORS.nodeN123N456;
    expect(hex(nodeHash(Buffer.from(left), Buffer.from(right)))).toBe(hash);
    expect(hex(nodeHash(Buffer.from(right), Buffer.from(left)))).not.toBe(hash);
  });

  it('is second-preimage resistant: a node is not the leaf hash of its children concatenated', () => {
    const [a, b] = [leafHash(Buffer.from('Hello')), leafHash(Buffer.from('World'))];
    expect(nodeHash(a, b).equals(leafHash(Buffer.concat([a, b])))).toBe(false);
  });
});

describe('RFC 9162 2.1.1 MTH over the RFC 6962 example leaves (verify_test.go roots)', () => {
  it.each(ROOTS.map((root, i) => [i + 1, root]))('root of size %i', (size, root) => {
    const leaves = leafHashes.slice(0, size as number);
    expect(hex(merkleRoot(leaves))).toBe(root);
    // The same root from stored perfect subtrees, as the sealer will compute it.
    const hashOf = memoryTree(leaves);
    expect(hex(rootFromPlan(rootPlan(size as number).map(hashOf)))).toBe(root);
  });
});

describe('perfect subtrees', () => {
  it('rootPlan is the binary decomposition of the size, largest first', () => {
    expect(rootPlan(0)).toEqual([]);
    expect(rootPlan(1)).toEqual([{ level: 0, index: 0 }]);
    expect(rootPlan(8)).toEqual([{ level: 3, index: 0 }]);
    expect(rootPlan(7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    // Above 2^32, where JS bitwise operators would silently truncate.
    expect(rootPlan(2 ** 40 + 3)).toEqual([
      { level: 40, index: 0 },
      { level: 1, index: 2 ** 39 },
      { level: 0, index: 2 ** 40 + 2 },
    ]);
    expect(rootPlan(2 ** 53 - 1)).toHaveLength(53);
  });

  it('rangeNodes covers [begin, end) exactly with aligned perfect subtrees', () => {
    for (let begin = 0; begin <= 40; begin++) {
      for (let end = begin; end <= 40; end++) {
        let at = begin;
        for (const id of rangeNodes(begin, end)) {
          const cover = nodeCoverage(id);
          expect(cover.begin).toBe(at);
          at = cover.end;
        }
        expect(at).toBe(end);
      }
    }
    expect(() => rangeNodes(5, 4)).toThrow(RangeError);
    expect(() => rangeNodes(-1, 4)).toThrow(RangeError);
    expect(() => rootPlan(1.5)).toThrow(RangeError);
  });

  it('completedNodes lists the subtrees an append completes', () => {
    expect(completedNodes(0)).toEqual([{ level: 0, index: 0 }]);
    expect(completedNodes(6)).toEqual([{ level: 0, index: 6 }]);
    expect(completedNodes(7)).toEqual([
      { level: 0, index: 7 },
      { level: 1, index: 3 },
      { level: 2, index: 1 },
      { level: 3, index: 0 },
    ]);
    expect(completedNodes(2 ** 33 - 1)).toHaveLength(34);
  });
});
