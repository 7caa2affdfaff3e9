import { leafHash, nodeHash } from './hash';
import { NodeId, nodeCoverage } from './node-id';
import { assembleProof, consistencyPlan, inclusionPlan, ProofPlan } from './proof-plan';
import { memoryTree } from './testdata/memory-tree';
import { CONSISTENCY_PLAN_ERRORS, CONSISTENCY_PLANS, INCLUSION_PLAN_ERRORS, INCLUSION_PLANS, PlanVector } from './testdata/proof-plans';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAVES } from './testdata/rfc6962-vectors';

const expected = (v: PlanVector): ProofPlan => ({
  nodes: v.nodes.map(([level, index]): NodeId => ({ level, index })),
  ...(v.rehash ? { rehash: { begin: v.rehash[0], end: v.rehash[1] } } : {}),
});
const leafHashes = LEAVES.map((l) => leafHash(Buffer.from(l, 'hex')));
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

describe('inclusionPlan (RFC 9162 2.1.3.1; transparency-dev/merkle proof_test.go TestInclusion)', () => {
  it.each(INCLUSION_PLANS)('size %i, index %i', (size, index, want) => {
    expect(inclusionPlan(index, size)).toEqual(expected(want));
  });

  it.each(INCLUSION_PLAN_ERRORS)('rejects size %i, index %i with a RangeError', (size, index) => {
    expect(() => inclusionPlan(index, size)).toThrow(RangeError);
  });

  it('rejects non-integer and unsafe parameters', () => {
    expect(() => inclusionPlan(0.5, 4)).toThrow(RangeError);
    expect(() => inclusionPlan(-1, 4)).toThrow(RangeError);
    expect(() => inclusionPlan(0, 2 ** 53)).toThrow(RangeError);
  });
});

describe('consistencyPlan (RFC 9162 2.1.4.1; transparency-dev/merkle proof_test.go TestConsistency)', () => {
  it.each(CONSISTENCY_PLANS)('sizes %i -> %i', (size1, size2, want) => {
    expect(consistencyPlan(size1, size2)).toEqual(expected(want));
  });

  it.each(CONSISTENCY_PLAN_ERRORS)('rejects sizes %i -> %i with a RangeError', (size1, size2) => {
    expect(() => consistencyPlan(size1, size2)).toThrow(RangeError);
  });

  it('rejects a proof from the empty tree, which RFC 9162 does not define', () => {
    expect(() => consistencyPlan(0, 5)).toThrow(RangeError);
    expect(consistencyPlan(0, 0)).toEqual({ nodes: [] });
  });
});

describe('assembleProof', () => {
  // transparency-dev/merkle proof_test.go TestRehash: later hashes in the run are LEFT children.
  const h = [1, 2, 3, 4, 5].map((i) => leafHash(Buffer.from(`Hash ${i}`)));

  it('leaves a plan without rehash as it is', () => {
    expect(assembleProof(inclusionPlan(3, 8), h.slice(0, 3))).toEqual(h.slice(0, 3));
  });

  it('collapses a rehash run in the middle', () => {
    expect(assembleProof(inclusionPlan(9, 15), h)).toEqual([h[0], h[1], nodeHash(h[3], h[2]), h[4]]);
  });

  it('collapses a rehash run at the end', () => {
    expect(assembleProof(inclusionPlan(2, 7), h.slice(0, 4))).toEqual([h[0], h[1], nodeHash(h[3], h[2])]);
  });

  it('rejects a hash count that does not match the plan', () => {
    expect(() => assembleProof(inclusionPlan(2, 7), h)).toThrow(RangeError);
  });
});

describe('plans assembled from stored subtrees reproduce the verify_test.go proofs', () => {
  const hashOf = memoryTree(leafHashes);

  it.each(INCLUSION_PROOFS.filter((p) => p.size > 0))('inclusion of leaf #%i (1-based) in size %i', ({ leaf, size, proof }) => {
    const plan = inclusionPlan(leaf - 1, size);
    expect(hex(assembleProof(plan, plan.nodes.map(hashOf)))).toEqual(proof);
  });

  it.each(CONSISTENCY_PROOFS)('consistency $size1 -> $size2', ({ size1, size2, proof }) => {
    const plan = consistencyPlan(size1, size2);
    expect(hex(assembleProof(plan, plan.nodes.map(hashOf)))).toEqual(proof);
  });
});

describe('plans only ask storage for complete subtrees, O(log n) of them', () => {
  const complete = (plan: ProofPlan, size: number) => plan.nodes.every((id) => nodeCoverage(id).end <= size);

  it('for every inclusion and consistency plan up to size 200', () => {
    for (let size = 1; size <= 200; size++) {
      for (let index = 0; index < size; index++) {
        const plan = inclusionPlan(index, size);
        expect(complete(plan, size)).toBe(true);
        expect(plan.nodes.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)) + 1);
      }
      for (let size1 = 1; size1 <= size; size1++) expect(complete(consistencyPlan(size1, size), size)).toBe(true);
    }
  });

  it('beyond 2^32 leaves', () => {
    const size = 2 ** 53 - 1;
    const plan = inclusionPlan(2 ** 52 + 12345, size);
    expect(complete(plan, size)).toBe(true);
    expect(plan.nodes.length).toBeLessThanOrEqual(2 * 53);
    expect(complete(consistencyPlan(2 ** 40 + 7, size), size)).toBe(true);
  });
});
