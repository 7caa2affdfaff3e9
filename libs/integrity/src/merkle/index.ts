export { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash } from './hash';
export type { NodeId } from './node-id';
export { completedNodes, nodeCoverage, rangeNodes, rootPlan } from './node-id';
export { merkleRoot, rootFromPlan } from './root';
export type { ProofPlan } from './proof-plan';
export { assembleProof, consistencyPlan, inclusionPlan } from './proof-plan';
export { ProofError, rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';
