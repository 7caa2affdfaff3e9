import { merkleRoot } from '../root';

/**
 * Test support: the recursive definitions of RFC 9162 section 2.1.3.1 (PATH) and 2.1.4.1
 * (PROOF / SUBPROOF), written as literally as possible, as an oracle for the plan-based code.
 */

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** PATH(m, D[n]) over leaf hashes D. */
export function referencePath(m: number, d: readonly Buffer[]): Buffer[] {
  const n = d.length;
  if (n === 1) return [];
  const k = split(n);
  if (m < k) return [...referencePath(m, d.slice(0, k)), merkleRoot(d.slice(k))];
  return [...referencePath(m - k, d.slice(k)), merkleRoot(d.slice(0, k))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
export function referenceConsistency(m: number, d: readonly Buffer[]): Buffer[] {
  return subproof(m, d, true);
}

function subproof(m: number, d: readonly Buffer[], b: boolean): Buffer[] {
  const n = d.length;
  if (m === n) return b ? [] : [merkleRoot(d)];
  const k = split(n);
  if (m <= k) return [...subproof(m, d.slice(0, k), b), merkleRoot(d.slice(k))];
  return [...subproof(m - k, d.slice(k), false), merkleRoot(d.slice(0, k))];
}
