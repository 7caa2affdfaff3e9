import { createHash } from 'node:crypto';

/**
 * RFC 9162 section 2.1.1 hashing (identical to RFC 6962 section 2.1). The 0x00 / 0x01 prefixes
 * domain-separate leaves from interior nodes, so no leaf can be passed off as a subtree
 * (second-preimage resistance of the tree).
 */

/** Size in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;

/** MTH({}) = SHA-256() : the root of the empty tree. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0x00)).update(leaf).digest();
}

/** MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0x01)).update(left).update(right).digest();
}
