import { chainHash, HashedEnvelope } from '../hash-chain';
import { eventLeafHash } from '../leaf';
import { ProofError, verifyConsistency, verifyInclusion } from '../merkle';
import { NoteError, openNote, parseCheckpoint, parseTlogProof } from '../note';
import { parseConsistencyBundle } from './consistency-bundle';
import { VerificationFailure, VerifiedCheckpoint } from './verdict';

function fail(kind: ConstructorParameters<typeof VerificationFailure>[0], message: string): never {
  throw new VerificationFailure(kind, message);
}

/** Checks a checkpoint's signature against the verifier key, then its body. */
export function verifyCheckpoint(note: string, verifierKey: string): VerifiedCheckpoint {
  let text: string;
  try {
    text = openNote(note, verifierKey).text;
  } catch (error) {
    if (error instanceof NoteError && (error.kind === 'invalid-signature' || error.kind === 'unverified')) fail('invalid-signature', `checkpoint signature: ${error.message}`);
    fail('malformed', `checkpoint: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const { origin, size, rootHash } = parseCheckpoint(text);
    return { note, origin, size, rootHash };
  } catch (error) {
    fail('malformed', `checkpoint body: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An event (as `history` returns it) is leaf `index` of the checkpoint in the tlog-proof bundle. */
export function verifyInclusionBundle(bundle: string, event: HashedEnvelope & { hash: string }, verifierKey: string): VerifiedCheckpoint {
  let parsed: ReturnType<typeof parseTlogProof>;
  try {
    parsed = parseTlogProof(bundle);
  } catch (error) {
    fail('malformed', `tlog-proof: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checkpoint = verifyCheckpoint(parsed.checkpoint, verifierKey);
  if (chainHash(event) !== event.hash) fail('event-mismatch', `event ${event.eventId}: its bytes do not match its hash ${event.hash}`);
  try {
    verifyInclusion(eventLeafHash(event.hash), parsed.index, checkpoint.size, parsed.hashes, checkpoint.rootHash);
  } catch (error) {
    if (error instanceof ProofError) fail('invalid-proof', `inclusion of event ${event.eventId} at leaf ${parsed.index}: ${error.message}`);
    throw error;
  }
  return checkpoint;
}

/** The later checkpoint's tree extends the earlier one's: the log only grew. */
export function verifyConsistencyBundle(text: string, verifierKey: string): { from: VerifiedCheckpoint; to: VerifiedCheckpoint } {
  let bundle: ReturnType<typeof parseConsistencyBundle>;
  try {
    bundle = parseConsistencyBundle(text);
  } catch (error) {
    fail('malformed', error instanceof Error ? error.message : String(error));
  }
  const from = verifyCheckpoint(bundle.fromCheckpoint, verifierKey);
  const to = verifyCheckpoint(bundle.toCheckpoint, verifierKey);
  if (from.origin !== to.origin) fail('malformed', `the checkpoints are of two logs: ${from.origin} and ${to.origin}`);
  if (to.size < from.size) fail('went-backwards', `the log went backwards: size ${to.size} after size ${from.size}`);
  try {
    verifyConsistency(from.size, to.size, bundle.hashes, from.rootHash, to.rootHash);
  } catch (error) {
    if (error instanceof ProofError)
      fail('went-backwards', `the log at size ${to.size} does not extend the log at size ${from.size}: ${error.message}`);
    throw error;
  }
  return { from, to };
}

/**
 * Compares a newly verified checkpoint with the one kept from an earlier verification. A smaller
 * size, or the same size with another root, means the log was rewritten. A larger size proves
 * nothing by itself: only a consistency proof from the kept size does (`proven`).
 */
export function checkAgainstKept(kept: VerifiedCheckpoint, next: VerifiedCheckpoint, proven: VerifiedCheckpoint | null): void {
  if (kept.origin !== next.origin) fail('malformed', `the kept checkpoint is of log ${kept.origin}, this one of ${next.origin}`);
  if (next.size < kept.size)
    fail('went-backwards', `the log went backwards: size ${next.size} is smaller than the kept checkpoint's ${kept.size}`);
  if (next.size === kept.size) {
    if (!next.rootHash.equals(kept.rootHash)) fail('went-backwards', `the log was rewritten: size ${next.size} has another root than the kept checkpoint`);
    return;
  }
  if (!proven || proven.size !== kept.size)
    fail('unproven', `nothing proves that size ${next.size} extends the kept size ${kept.size}: verify consistencyProof(fromSize: ${kept.size}) first`);
  if (!proven.rootHash.equals(kept.rootHash))
    fail('went-backwards', `the log was rewritten: the proof starts from another root at the kept size ${kept.size}`);
}
