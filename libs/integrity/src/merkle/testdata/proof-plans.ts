// Source: github.com/transparency-dev/merkle, proof/proof_test.go (TestInclusion, TestConsistency).
// Apache-2.0. The expected proof.Nodes, copied verbatim: ids are [level, index] pairs (compact.NewNodeID),
// rehash is [begin, end) where the test used rehash(begin, end, ...), absent where it used nodes(...).

export interface PlanVector {
  nodes: Array<[number, number]>;
  rehash?: [number, number];
}

/** TestInclusion: [size, index, expected]. */
export const INCLUSION_PLANS: Array<[number, number, PlanVector]> = [
  [1, 0, { nodes: [] }],
  [2, 0, { nodes: [[0, 1]] }],
  [2, 1, { nodes: [[0, 0]] }],
  [3, 1, { nodes: [[0, 0], [0, 2]] }],
  [7, 0, { nodes: [[0, 1], [1, 1], [0, 6], [1, 2]], rehash: [2, 4] }],
  [7, 1, { nodes: [[0, 0], [1, 1], [0, 6], [1, 2]], rehash: [2, 4] }],
  [7, 2, { nodes: [[0, 3], [1, 0], [0, 6], [1, 2]], rehash: [2, 4] }],
  [7, 3, { nodes: [[0, 2], [1, 0], [0, 6], [1, 2]], rehash: [2, 4] }],
  [7, 4, { nodes: [[0, 5], [0, 6], [2, 0]] }],
  [7, 5, { nodes: [[0, 4], [0, 6], [2, 0]] }],
  [7, 6, { nodes: [[1, 2], [2, 0]] }],
  [4, 2, { nodes: [[0, 3], [1, 0]] }],
  [5, 3, { nodes: [[0, 2], [1, 0], [0, 4]] }],
  [6, 3, { nodes: [[0, 2], [1, 0], [1, 2]] }],
  [6, 4, { nodes: [[0, 5], [2, 0]] }],
  [15, 10, { nodes: [[0, 11], [1, 4], [0, 14], [1, 6], [3, 0]], rehash: [2, 4] }],
  [31, 24, { nodes: [[0, 25], [1, 13], [0, 30], [1, 14], [3, 2], [4, 0]], rehash: [2, 4] }],
  [95, 81, { nodes: [[0, 80], [1, 41], [2, 21], [0, 94], [1, 46], [2, 22], [4, 4], [6, 0]], rehash: [3, 6] }],
];

/** TestInclusion error cases: [size, index]. */
export const INCLUSION_PLAN_ERRORS: Array<[number, number]> = [
  [0, 0],
  [0, 1],
  [1, 2],
  [0, 3],
  [7, 8],
];

/** TestConsistency: [size1, size2, expected]. */
export const CONSISTENCY_PLANS: Array<[number, number, PlanVector]> = [
  [1, 2, { nodes: [[0, 1]] }],
  [1, 4, { nodes: [[0, 1], [1, 1]] }],
  [1, 6, { nodes: [[0, 1], [1, 1], [1, 2]] }],
  [2, 3, { nodes: [[0, 2]] }],
  [2, 8, { nodes: [[1, 1], [2, 1]] }],
  [3, 7, { nodes: [[0, 2], [0, 3], [1, 0], [0, 6], [1, 2]], rehash: [3, 5] }],
  [4, 7, { nodes: [[0, 6], [1, 2]], rehash: [0, 2] }],
  [5, 7, { nodes: [[0, 4], [0, 5], [0, 6], [2, 0]] }],
  [6, 7, { nodes: [[1, 2], [0, 6], [2, 0]] }],
  [7, 8, { nodes: [[0, 6], [0, 7], [1, 2], [2, 0]] }],
  [1, 1, { nodes: [] }],
  [2, 2, { nodes: [] }],
  [3, 3, { nodes: [] }],
  [4, 4, { nodes: [] }],
  [5, 5, { nodes: [] }],
  [7, 7, { nodes: [] }],
  [8, 8, { nodes: [] }],
  [2, 4, { nodes: [[1, 1]] }],
  [3, 5, { nodes: [[0, 2], [0, 3], [1, 0], [0, 4]] }],
  [3, 6, { nodes: [[0, 2], [0, 3], [1, 0], [1, 2]] }],
  [4, 6, { nodes: [[1, 2]] }],
  [1, 7, { nodes: [[0, 1], [1, 1], [0, 6], [1, 2]], rehash: [2, 4] }],
  [10, 15, { nodes: [[1, 4], [1, 5], [0, 14], [1, 6], [3, 0]], rehash: [2, 4] }],
  [24, 31, { nodes: [[3, 2], [0, 30], [1, 14], [2, 6], [4, 0]], rehash: [1, 4] }],
  [81, 95, { nodes: [[0, 80], [0, 81], [1, 41], [2, 21], [0, 94], [1, 46], [2, 22], [4, 4], [6, 0]], rehash: [4, 7] }],
];

/** TestConsistency error cases: [size1, size2]. */
export const CONSISTENCY_PLAN_ERRORS: Array<[number, number]> = [
  [5, 0],
  [9, 8],
];
