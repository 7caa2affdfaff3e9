import { EMPTY_ROOT, leafHash, nodeHash } from './hash';
import { rootPlan } from './node-id';
import { assembleProof, consistencyPlan, inclusionPlan } from './proof-plan';
import { merkleRoot, rootFromPlan } from './root';
import { memoryTree } from './testdata/memory-tree';
import { referenceConsistency, referencePath } from './testdata/rfc9162-reference';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAVES, ROOTS, SOME_HASH } from './testdata/rfc6962-vectors';
import { CONSISTENCY_FILES, INCLUSION_FILES } from './testdata/transparency-dev-testdata';
import { ProofError, rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';

const fromHex = (h: string) => Buffer.from(h, 'hex');
const b64 = (s: string) => Buffer.from(s, 'base64');
const leafHashes = LEAVES.map((l) => leafHash(fromHex(l)));
const roots = ROOTS.map(fromHex);
const someHash = fromHex(SOME_HASH);

/** Every proof with one bit flipped: in each hash, at every bit position. */
function* bitFlips(proof: Buffer[]): Generator<[string, Buffer[]]> {
  for (let i = 0; i < proof.length; i++) {
    for (let bit = 0; bit < proof[i].length * 8; bit++) {
      const copy = proof.map((p) => Buffer.from(p));
      copy[i][bit >> 3] ^= 1 << (bit & 7);
      yield [`proof[${i}] bit ${bit}`, copy];
    }
  }
}

/** True when `verify` throws a ProofError (and only then: any other error fails the test). */
function rejects(verify: () => void): boolean {
  try {
    verify();
    return false;
  } catch (e) {
    if (e instanceof ProofError) return true;
    throw e;
  }
}

function* flippedHashes(hash: Buffer): Generator<Buffer> {
  for (const [, [flipped]] of bitFlips([hash])) yield flipped;
}

describe('verifyInclusion (RFC 9162 2.1.3.2) on the verify_test.go vectors', () => {
  const cases = INCLUSION_PROOFS.filter((p) => p.size > 0).map((p) => ({ ...p, index: p.leaf - 1, proof: p.proof.map(fromHex) }));

  it.each(cases)('accepts leaf #$leaf (1-based) of size $size', ({ index, size, proof }) => {
    const root = roots[size - 1];
    expect(rootFromInclusionProof(leafHashes[index], index, size, proof).equals(root)).toBe(true);
    expect(() => verifyInclusion(leafHashes[index], index, size, proof, root)).not.toThrow();
  });

  it.each(cases)('rejects every corruption of leaf #$leaf of size $size', ({ index, size, proof }) => {
    const root = roots[size - 1];
    const leaf = leafHashes[index];
    // The probes of verify_test.go corruptInclusionProof, plus every single-bit flip.
    const probes: Array<[string, Buffer, number, number, Buffer[], Buffer]> = [
      ['index - 1', leaf, index - 1, size, proof, root],
      ['index + 1', leaf, index + 1, size, proof, root],
      ['index ^ 2', leaf, index ^ 2, size, proof, root],
      ['size * 2', leaf, index, size * 2, proof, root],
      ['size / 2', leaf, index, Math.floor(size / 2), proof, root],
      ['wrong leaf', Buffer.from('WrongLeaf'), index, size, proof, root],
      ['wrong 32-byte leaf', someHash, index, size, proof, root],
      ['empty root', leaf, index, size, proof, EMPTY_ROOT],
      ['random root', leaf, index, size, proof, someHash],
      ['trailing garbage', leaf, index, size, [...proof, Buffer.alloc(0)], root],
      ['trailing root', leaf, index, size, [...proof, root], root],
      ['preceding garbage', leaf, index, size, [Buffer.alloc(0), ...proof], root],
      ['preceding root', leaf, index, size, [root, ...proof], root],
      ...(proof.length > 0 ? [['removed component', leaf, index, size, proof.slice(0, -1), root] as [string, Buffer, number, number, Buffer[], Buffer]] : []),
      ...(proof.length > 1 ? [['inserted component', leaf, index, size, [proof[0], someHash, ...proof.slice(1)], root] as [string, Buffer, number, number, Buffer[], Buffer]] : []),
      ...[...bitFlips(proof)].map(([desc, p]) => [desc, leaf, index, size, p, root] as [string, Buffer, number, number, Buffer[], Buffer]),
      ...[...flippedHashes(root)].map((r, i) => [`root bit ${i}`, leaf, index, size, proof, r] as [string, Buffer, number, number, Buffer[], Buffer]),
      ...[...flippedHashes(leaf)].map((l, i) => [`leaf bit ${i}`, l, index, size, proof, root] as [string, Buffer, number, number, Buffer[], Buffer]),
    ];
    for (const [desc, l, i, s, p, r] of probes) {
      expect({ desc, rejected: rejects(() => verifyInclusion(l, i, s, p, r)) }).toEqual({ desc, rejected: true });
    }
  });

  it('rejects a wrong-size leaf or root, and impossible index/size pairs (TestVerifyInclusion probes)', () => {
    const hash = leafHash(Buffer.from('data'));
    expect(() => verifyInclusion(hash, 0, 1, [], hash)).not.toThrow();
    expect(() => verifyInclusion(hash, 0, 1, [], Buffer.alloc(0))).toThrow(ProofError);
    expect(() => verifyInclusion(Buffer.alloc(0), 0, 1, [], hash)).toThrow(ProofError);
    for (const [index, size] of [[0, 0], [1, 0], [2, 1], [-1, 4], [0.5, 4]]) {
      expect(() => verifyInclusion(someHash, index, size, [], EMPTY_ROOT)).toThrow(ProofError);
    }
  });

  it('names the problem in its message', () => {
    const { proof } = cases[1];
    expect(() => verifyInclusion(leafHashes[0], 0, 8, proof, someHash)).toThrow(/leads to root/);
    expect(() => verifyInclusion(leafHashes[0], 0, 8, proof.slice(1), roots[7])).toThrow(/too short/);
    expect(() => verifyInclusion(leafHashes[0], 0, 8, [...proof, someHash], roots[7])).toThrow(/too long/);
  });
});

describe('verifyConsistency (RFC 9162 2.1.4.2) on the verify_test.go vectors', () => {
  const cases = CONSISTENCY_PROOFS.map((p) => ({ ...p, proof: p.proof.map(fromHex) }));

  it.each(cases)('accepts $size1 -> $size2', ({ size1, size2, proof }) => {
    expect(() => verifyConsistency(size1, size2, proof, roots[size1 - 1], roots[size2 - 1])).not.toThrow();
  });

  it.each(cases.filter((c) => c.proof.length > 0))('rejects every corruption of $size1 -> $size2', ({ size1, size2, proof }) => {
    const [root1, root2] = [roots[size1 - 1], roots[size2 - 1]];
    type Probe = [string, number, number, Buffer[], Buffer, Buffer];
    // verify_test.go corruptConsistencyProof, plus every single-bit flip of proof and roots.
    const probes: Probe[] = [
      ['size1 - 1', size1 - 1, size2, proof, root1, root2],
      ['size1 + 1', size1 + 1, size2, proof, root1, root2],
      ['size1 ^ 2', size1 ^ 2, size2, proof, root1, root2],
      ['size2 * 2', size1, size2 * 2, proof, root1, root2],
      ['size2 / 2', size1, Math.floor(size2 / 2), proof, root1, root2],
      ['wrong root1', size1, size2, proof, Buffer.from('WrongRoot'), root2],
      ['wrong root2', size1, size2, proof, root1, Buffer.from('WrongRoot')],
      ['swapped roots', size1, size2, proof, root2, root1],
      ['empty proof', size1, size2, [], root1, root2],
      ['trailing garbage', size1, size2, [...proof, Buffer.alloc(0)], root1, root2],
      ['trailing root1', size1, size2, [...proof, root1], root1, root2],
      ['trailing root2', size1, size2, [...proof, root2], root1, root2],
      ['preceding garbage', size1, size2, [Buffer.alloc(0), ...proof], root1, root2],
      ['preceding root1', size1, size2, [root1, ...proof], root1, root2],
      ['preceding root2', size1, size2, [root2, ...proof], root1, root2],
      ['preceding proof[0]', size1, size2, [proof[0], ...proof], root1, root2],
      ['truncated proof', size1, size2, proof.slice(0, -1), root1, root2],
      ...[...bitFlips(proof)].map(([desc, p]): Probe => [desc, size1, size2, p, root1, root2]),
      ...[...flippedHashes(root1)].map((r, i): Probe => [`root1 bit ${i}`, size1, size2, proof, r, root2]),
      ...[...flippedHashes(root2)].map((r, i): Probe => [`root2 bit ${i}`, size1, size2, proof, root1, r]),
    ];
    for (const [desc, s1, s2, p, r1, r2] of probes) {
      expect({ desc, rejected: rejects(() => verifyConsistency(s1, s2, p, r1, r2)) }).toEqual({ desc, rejected: true });
    }
  });

  it('handles the degenerate sizes (TestVerifyConsistency)', () => {
    const [a, b] = [leafHash(Buffer.from("don't care 1")), leafHash(Buffer.from("don't care 2"))];
    expect(() => verifyConsistency(0, 0, [], a, a)).not.toThrow();
    expect(() => verifyConsistency(1, 1, [], b, b)).not.toThrow();
    expect(() => verifyConsistency(0, 0, [], a, b)).toThrow(/different roots/);
    expect(() => verifyConsistency(1, 1, [], a, b)).toThrow(ProofError);
    expect(() => verifyConsistency(1, 0, [], a, b)).toThrow(/cannot shrink/);
    expect(() => verifyConsistency(2, 1, [], a, b)).toThrow(ProofError);
    expect(() => verifyConsistency(1, 2, [], a, b)).toThrow(/empty consistency proof/);
    expect(() => verifyConsistency(1, 1, [EMPTY_ROOT], EMPTY_ROOT, EMPTY_ROOT)).toThrow(/must be empty/);
    expect(() => verifyConsistency(0, 1, [], a, b)).toThrow(/empty tree/);
  });
});

describe('transparency-dev/merkle testdata/*.json files', () => {
  it.each(INCLUSION_FILES)('inclusion $file', ({ data }) => {
    const run = () => verifyInclusion(b64(data.leafHash), data.leafIdx, data.treeSize, (data.proof ?? []).map(b64), b64(data.root));
    if (data.wantErr) expect(run).toThrow(ProofError);
    else expect(run).not.toThrow();
  });

  it.each(CONSISTENCY_FILES)('consistency $file', ({ data }) => {
    const run = () => verifyConsistency(data.size1, data.size2, (data.proof ?? []).map(b64), b64(data.root1), b64(data.root2));
    if (data.wantErr) expect(run).toThrow(ProofError);
    else expect(run).not.toThrow();
  });
});

describe('generated proofs verify and match the RFC 9162 recursive definitions', () => {
  const leaves = Array.from({ length: 64 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
  const hashOf = memoryTree(leaves);

  it('inclusion (2.1.3.1 PATH) for every index of every size 1..64', () => {
    for (let size = 1; size <= 64; size++) {
      const tree = leaves.slice(0, size);
      const root = merkleRoot(tree);
      expect(rootFromPlan(rootPlan(size).map(hashOf)).equals(root)).toBe(true);
      for (let index = 0; index < size; index++) {
        const plan = inclusionPlan(index, size);
        const proof = assembleProof(plan, plan.nodes.map(hashOf));
        expect(proof).toEqual(referencePath(index, tree));
        verifyInclusion(leaves[index], index, size, proof, root);
        if (size > 1) expect(() => verifyInclusion(leaves[(index + 1) % size], index, size, proof, root)).toThrow(ProofError);
      }
    }
  });

  it('consistency (2.1.4.1 PROOF) for every 1 <= m <= n <= 40', () => {
    for (let n = 1; n <= 40; n++) {
      const root2 = merkleRoot(leaves.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const root1 = merkleRoot(leaves.slice(0, m));
        const plan = consistencyPlan(m, n);
        const proof = assembleProof(plan, plan.nodes.map(hashOf));
        expect(proof).toEqual(referenceConsistency(m, leaves.slice(0, n)));
        verifyConsistency(m, n, proof, root1, root2);
        if (m < n) expect(() => verifyConsistency(m, n, proof, root2, root2)).toThrow(ProofError);
      }
    }
  });

  it('beyond 2^32 leaves (a tree of identical leaves, whose level-L subtrees share one hash)', () => {
    const perLevel = [leafHash(Buffer.from('same'))];
    for (let level = 1; level <= 53; level++) perLevel.push(nodeHash(perLevel[level - 1], perLevel[level - 1]));
    const stored = (id: { level: number }) => perLevel[id.level];
    const rootOf = (size: number) => rootFromPlan(rootPlan(size).map(stored));

    for (const [index, size] of [[2 ** 32, 2 ** 32 + 1], [2 ** 40 + 5, 2 ** 41 - 3], [2 ** 52 + 12345, 2 ** 53 - 1]]) {
      const plan = inclusionPlan(index, size);
      verifyInclusion(perLevel[0], index, size, assembleProof(plan, plan.nodes.map(stored)), rootOf(size));
    }
    for (const [size1, size2] of [[2 ** 32 - 1, 2 ** 32 + 1], [2 ** 40 + 7, 2 ** 53 - 1], [2 ** 44, 2 ** 45 + 1]]) {
      const plan = consistencyPlan(size1, size2);
      verifyConsistency(size1, size2, assembleProof(plan, plan.nodes.map(stored)), rootOf(size1), rootOf(size2));
    }
  });
});
