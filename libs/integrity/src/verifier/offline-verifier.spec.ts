import { chainHash, GENESIS_HASH, HashedEnvelope } from '../hash-chain';
import { eventLeafHash } from '../leaf';
import { assembleProof, consistencyPlan, inclusionPlan, rootFromPlan, rootPlan } from '../merkle';
import { memoryTree } from '../merkle/testdata/memory-tree';
import { formatCheckpoint, formatTlogProof, generateSigner, signNote } from '../note';
import { formatConsistencyBundle } from './consistency-bundle';
import { checkAgainstKept, verifyCheckpoint, verifyConsistencyBundle, verifyInclusionBundle } from './offline-verifier';
import { VerificationFailure } from './verdict';

const ORIGIN = 'ledger.example/test-log';
const { signerKey, verifierKey } = generateSigner(ORIGIN);
const other = generateSigner(ORIGIN);

type Event = HashedEnvelope & { hash: string };

const events: Event[] = [];
for (let i = 0; i < 9; i++) {
  const envelope: HashedEnvelope = {
    eventId: `0190c0de-0000-7000-8000-00000000000${i}`,
    stream: `instruction-${i % 3}`,
    revision: Math.floor(i / 3),
    type: 'InstructionReceived',
    schemaVersion: 1,
    data: { n: i },
    metadata: { tenantId: 'default', occurredAt: '2026-03-01T09:00:00.000Z' },
    prevHash: i < 3 ? GENESIS_HASH : events[i - 3].hash,
  };
  events.push({ ...envelope, hash: chainHash(envelope) });
}
const tree = memoryTree(events.map((e) => eventLeafHash(e.hash)));
const root = (size: number) => rootFromPlan(rootPlan(size).map(tree));
const checkpointNote = (size: number, key = signerKey) => signNote(formatCheckpoint({ origin: ORIGIN, size, rootHash: root(size) }), key);
const inclusionBundle = (index: number, size: number) => {
  const plan = inclusionPlan(index, size);
  return formatTlogProof({ index, hashes: assembleProof(plan, plan.nodes.map(tree)), checkpoint: checkpointNote(size) });
};
const consistencyBundle = (from: number, to: number) => {
  const plan = consistencyPlan(from, to);
  return formatConsistencyBundle({ fromCheckpoint: checkpointNote(from), toCheckpoint: checkpointNote(to), hashes: assembleProof(plan, plan.nodes.map(tree)) });
};

function failureOf(run: () => unknown): VerificationFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof VerificationFailure) return error;
    throw error;
  }
  throw new Error('verification passed');
}

const flipCharacter = (text: string, at: number) =>
  text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

describe('offline verification of checkpoints and proofs', () => {
  it('verifies a checkpoint signed by the operator key', () => {
    expect(verifyCheckpoint(checkpointNote(5), verifierKey)).toMatchObject({ origin: ORIGIN, size: 5, rootHash: root(5) });
  });

  it('refuses a checkpoint signed by another key, as an invalid signature', () => {
    expect(failureOf(() => verifyCheckpoint(checkpointNote(5, other.signerKey), verifierKey)).kind).toBe('invalid-signature');
  });

  it('refuses a checkpoint whose body was changed after signing', () => {
    const note = checkpointNote(5).replace(`\n5\n`, `\n6\n`);
    expect(failureOf(() => verifyCheckpoint(note, verifierKey)).kind).toBe('invalid-signature');
  });

  it('verifies that an event is in the log (RFC 9162 2.1.3) and ties the leaf to the event bytes', () => {
    expect(verifyInclusionBundle(inclusionBundle(4, 9), events[4], verifierKey).size).toBe(9);
    expect(failureOf(() => verifyInclusionBundle(inclusionBundle(4, 9), events[5], verifierKey)).kind).toBe('invalid-proof');
    const rewritten = { ...events[4], data: { n: 40 } };
    expect(failureOf(() => verifyInclusionBundle(inclusionBundle(4, 9), rewritten, verifierKey)).kind).toBe('event-mismatch');
  });

  it('refuses an inclusion bundle with any proof hash altered', () => {
    const bundle = inclusionBundle(4, 9);
    const hashLines = bundle.split('\n').slice(2).filter((line, i, all) => i < all.indexOf(''));
    for (const line of hashLines) {
      const at = bundle.indexOf(line);
      expect(failureOf(() => verifyInclusionBundle(flipCharacter(bundle, at + 3), events[4], verifierKey)).kind).toBe('invalid-proof');
    }
  });

  it('verifies that the log only grew between two checkpoints (RFC 9162 2.1.4)', () => {
    const { from, to } = verifyConsistencyBundle(consistencyBundle(3, 9), verifierKey);
    expect([from.size, to.size]).toEqual([3, 9]);
  });

  it('tells a rewritten log apart from a bad signature: an inconsistent later checkpoint went backwards', () => {
    const forged = memoryTree([...events.slice(0, 2), { ...events[2], hash: 'ff'.repeat(32) }, ...events.slice(3)].map((e) => eventLeafHash(e.hash)));
    const plan = consistencyPlan(3, 9);
    const bundle = formatConsistencyBundle({
      fromCheckpoint: checkpointNote(3),
      toCheckpoint: signNote(formatCheckpoint({ origin: ORIGIN, size: 9, rootHash: rootFromPlan(rootPlan(9).map(forged)) }), signerKey),
      hashes: assembleProof(plan, plan.nodes.map(forged)),
    });
    expect(failureOf(() => verifyConsistencyBundle(bundle, verifierKey)).kind).toBe('went-backwards');
  });

  describe('against a checkpoint kept from an earlier verification', () => {
    const kept = () => verifyCheckpoint(checkpointNote(5), verifierKey);

    it('accepts the same checkpoint again, and a larger one proven to extend it', () => {
      expect(() => checkAgainstKept(kept(), kept(), null)).not.toThrow();
      const { from, to } = verifyConsistencyBundle(consistencyBundle(5, 9), verifierKey);
      expect(() => checkAgainstKept(kept(), to, from)).not.toThrow();
    });

    it('reports a smaller checkpoint as a log that went backwards', () => {
      const smaller = verifyCheckpoint(checkpointNote(3), verifierKey);
      expect(failureOf(() => checkAgainstKept(kept(), smaller, null))).toMatchObject({ kind: 'went-backwards', message: expect.stringMatching(/smaller/) });
    });

    it('reports another root at the same size as a rewritten log', () => {
      const sameSize = { ...kept(), rootHash: root(6) };
      expect(failureOf(() => checkAgainstKept(kept(), sameSize, null)).kind).toBe('went-backwards');
    });

    it('does not take a larger checkpoint on trust: without a consistency proof from the kept size it is unproven', () => {
      const larger = verifyCheckpoint(checkpointNote(9), verifierKey);
      expect(failureOf(() => checkAgainstKept(kept(), larger, null)).kind).toBe('unproven');
      const { from, to } = verifyConsistencyBundle(consistencyBundle(3, 9), verifierKey);
      expect(failureOf(() => checkAgainstKept(kept(), to, from)).kind).toBe('unproven');
    });
  });
});
