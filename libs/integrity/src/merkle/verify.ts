import { isPowerOfTwo } from './bits';
import { HASH_SIZE, nodeHash } from './hash';

/** A proof, or the parameters given with it, did not check out. */
export class ProofError extends Error {
  override readonly name = 'ProofError';
}

/**
 * RFC 9162 section 2.1.3.2: the root hash that `proof` leads to from leaf `index` of a tree of
 * `size` leaves. Throws ProofError when the proof cannot belong to that index and size at all.
 */
export function rootFromInclusionProof(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): Buffer {
  checkSize('index', index);
  checkSize('size', size);
  if (index >= size) throw new ProofError(`leaf index ${index} is not below tree size ${size}`);
  checkHash('leaf hash', leafHash);
  proof.forEach((p, i) => checkHash(`proof[${i}]`, p));

  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) throw new ProofError(`inclusion proof is too long for leaf ${index} of ${size}`);
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      // On the right edge a level may have no sibling: climb until this node is a right child.
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError(`inclusion proof is too short for leaf ${index} of ${size}`);
  return r;
}

/** RFC 9162 section 2.1.3.2: throws ProofError unless `proof` shows leaf `index` in the tree with `root`. */
export function verifyInclusion(leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): void {
  checkHash('root', root);
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  if (!computed.equals(root)) {
    throw new ProofError(`inclusion proof for leaf ${index} leads to root ${computed.toString('hex')}, not ${Buffer.from(root).toString('hex')}`);
  }
}

/**
 * RFC 9162 section 2.1.4.2: throws ProofError unless `proof` shows the tree (size2, root2)
 * extends the tree (size1, root1). Equal sizes need equal roots and an empty proof. RFC 9162
 * defines no proof from the empty tree, so size1 = 0 < size2 is rejected (as transparency-dev does).
 */
export function verifyConsistency(size1: number, size2: number, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): void {
  checkSize('size1', size1);
  checkSize('size2', size2);
  checkHash('root1', root1);
  checkHash('root2', root2);
  if (size1 > size2) throw new ProofError(`tree size ${size1} is larger than ${size2}: a log cannot shrink`);
  if (size1 === size2) {
    if (proof.length > 0) throw new ProofError(`a consistency proof between equal sizes must be empty, got ${proof.length} hashes`);
    if (!Buffer.from(root1).equals(root2)) throw new ProofError(`two different roots for the same tree size ${size1}`);
    return;
  }
  if (size1 === 0) throw new ProofError('RFC 9162 defines no consistency proof from the empty tree');
  if (proof.length === 0) throw new ProofError(`empty consistency proof between sizes ${size1} and ${size2}`);
  proof.forEach((p, i) => checkHash(`proof[${i}]`, p));

  // Step 2: when size1 is a power of two its root is the seed, otherwise the proof carries it.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError(`consistency proof is too long for sizes ${size1} and ${size2}`);
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError(`consistency proof is too short for sizes ${size1} and ${size2}`);
  if (!fr.equals(root1)) throw new ProofError(`consistency proof does not lead to the root of size ${size1}`);
  if (!sr.equals(root2)) throw new ProofError(`consistency proof does not lead to the root of size ${size2}`);
}

// Untrusted input (a proof file, a GraphQL answer) reaches these: report, do not throw RangeError.
function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new ProofError(`${name} must be a non-negative safe integer, got ${value}`);
}

function checkHash(name: string, hash: Uint8Array): void {
  if (hash.length !== HASH_SIZE) throw new ProofError(`${name} must be ${HASH_SIZE} bytes, got ${hash.length}`);
}
