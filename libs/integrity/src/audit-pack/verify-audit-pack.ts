import { chainHash, type HashedEnvelope } from '../hash-chain';
import { verifyCheckpoint, verifyInclusionBundle } from '../verifier/offline-verifier';
import { VerificationFailure, type VerifiedCheckpoint } from '../verifier/verdict';
import { AUDIT_PACK_FILES, AUDIT_PACK_FORMAT, type AuditPackManifest, proofFileOf, type RegisterSnapshotClaims } from './audit-pack-layout';

export interface AuditPackVerification {
  checkpoint: VerifiedCheckpoint;
  events: number;
  activities: number;
  /** True when the key came from the pack itself rather than from the auditor. */
  keyFromPack: boolean;
}

type StoredEvent = HashedEnvelope & { hash: string; leafIndex?: number };

function fail(kind: ConstructorParameters<typeof VerificationFailure>[0], message: string): never {
  throw new VerificationFailure(kind, message);
}

function text(files: ReadonlyMap<string, Buffer>, name: string): string {
  const file = files.get(name);
  if (!file) fail('malformed', `the audit pack has no ${name}`);
  return file.toString('utf8');
}

function json<T>(files: ReadonlyMap<string, Buffer>, name: string): T {
  try {
    return JSON.parse(text(files, name)) as T;
  } catch (error) {
    if (error instanceof VerificationFailure) throw error;
    fail('malformed', `${name} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Verifies an audit pack offline, from its files: the checkpoint's signature (with the key the
 * auditor pins, else the one in the pack), every event's hash recomputed from its bytes, one
 * inclusion proof per event against that checkpoint, and the register snapshot's claims. Throws
 * a VerificationFailure naming the first thing that does not hold.
 */
export function verifyAuditPack(files: ReadonlyMap<string, Buffer>, pinnedKey?: string): AuditPackVerification {
  const manifest = json<AuditPackManifest>(files, AUDIT_PACK_FILES.manifest);
  if (manifest.format !== AUDIT_PACK_FORMAT) fail('malformed', `${AUDIT_PACK_FILES.manifest} is not a ${AUDIT_PACK_FORMAT} manifest`);
  if (!Array.isArray(manifest.events)) fail('malformed', `${AUDIT_PACK_FILES.manifest} does not list the events`);
  const packKey = text(files, AUDIT_PACK_FILES.verifierKey).trim();
  const key = pinnedKey?.trim() || packKey;
  const checkpointNote = text(files, AUDIT_PACK_FILES.checkpoint);
  const checkpoint = verifyCheckpoint(checkpointNote, key);
  const claimed = manifest.checkpoint;
  if (claimed?.treeSize !== checkpoint.size || claimed.rootHash !== checkpoint.rootHash.toString('hex'))
    fail('malformed', `${AUDIT_PACK_FILES.manifest} states another checkpoint than the signed ${AUDIT_PACK_FILES.checkpoint}`);

  const lines = text(files, AUDIT_PACK_FILES.events).split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== manifest.events.length)
    fail('malformed', `${AUDIT_PACK_FILES.events} holds ${lines.length} events but the manifest lists ${manifest.events.length}`);
  const proven = new Map<string, { stream: string; revision: number }>();
  lines.forEach((line, i) => {
    const listed = manifest.events[i];
    const where = `event ${listed.eventId} (line ${i + 1} of ${AUDIT_PACK_FILES.events})`;
    let event: StoredEvent;
    try {
      event = JSON.parse(line) as StoredEvent;
    } catch {
      fail('event-mismatch', `${where}: its bytes are no longer the JSON that was hashed`);
    }
    if (event.eventId !== listed.eventId) fail('event-mismatch', `${where}: the line holds event ${String(event.eventId)} instead`);
    if (event.hash !== listed.hash || chainHash(event) !== event.hash) fail('event-mismatch', `${where}: its bytes do not match its hash ${listed.hash}`);
    const proof = files.get(proofFileOf(event.eventId));
    if (!proof) fail('unproven', `${where}: the pack has no inclusion proof for it (${proofFileOf(event.eventId)})`);
    let inProof: VerifiedCheckpoint;
    try {
      inProof = verifyInclusionBundle(proof.toString('utf8'), event, key);
    } catch (error) {
      if (error instanceof VerificationFailure) fail(error.kind, `${where}: ${error.message}`);
      throw error;
    }
    if (inProof.size !== checkpoint.size || !inProof.rootHash.equals(checkpoint.rootHash))
      fail('invalid-proof', `${where}: its proof is against another checkpoint (size ${inProof.size}) than the pack's (size ${checkpoint.size})`);
    proven.set(`${event.stream}@${event.revision}`, event);
  });
  for (const name of files.keys())
    if (name.startsWith(AUDIT_PACK_FILES.proofsDir) && !manifest.events.some((e) => proofFileOf(e.eventId) === name))
      fail('malformed', `${name} proves an event that is not in ${AUDIT_PACK_FILES.events}`);

  const register = json<RegisterSnapshotClaims>(files, AUDIT_PACK_FILES.register);
  if (register.checkpoint?.treeSize !== checkpoint.size || register.checkpoint.rootHash !== checkpoint.rootHash.toString('hex'))
    fail('malformed', `${AUDIT_PACK_FILES.register} is derived from another checkpoint than the pack's (size ${checkpoint.size})`);
  if (!Array.isArray(register.activities)) fail('malformed', `${AUDIT_PACK_FILES.register} lists no activities`);
  for (const activity of register.activities)
    if (!proven.has(`${activity.stream}@${activity.revision}`))
      fail(
        'unproven',
        `${AUDIT_PACK_FILES.register}: processing activity ${activity.processingActivityId} rests on ${activity.stream} revision ${activity.revision}, which is not among the proven events`,
      );
  return { checkpoint, events: lines.length, activities: register.activities.length, keyFromPack: !pinnedKey };
}
