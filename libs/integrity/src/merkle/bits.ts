/**
 * Integer helpers for tree sizes and indexes held in JS numbers. The bitwise operators work on
 * 32 bits only, and logs may grow past 2^32 leaves, so everything here is plain arithmetic that
 * stays exact for every safe integer (< 2^53).
 */

/** Throws a RangeError unless `value` is a non-negative safe integer. */
export function assertSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
  }
}

/** 2^k. */
export function pow2(k: number): number {
  return 2 ** k;
}

/** floor(x / 2^k), i.e. x >> k. */
export function shr(x: number, k: number): number {
  return Math.floor(x / 2 ** k);
}

/** Number of trailing zero bits of x > 0. */
export function trailingZeros(x: number): number {
  let n = 0;
  while (x % 2 === 0) {
    x /= 2;
    n++;
  }
  return n;
}

/** True for 1, 2, 4, 8, ... */
export function isPowerOfTwo(x: number): boolean {
  return x > 0 && x === 2 ** trailingZeros(x);
}

/**
 * Bit length of (a XOR b): how many times both must be halved until they are equal. This is the
 * height of the lowest common ancestor of positions a and b on one level of the tree.
 */
export function divergence(a: number, b: number): number {
  let n = 0;
  while (a !== b) {
    a = Math.floor(a / 2);
    b = Math.floor(b / 2);
    n++;
  }
  return n;
}
