import { chainHash, GENESIS_HASH, type HashedEnvelope } from '../hash-chain';
import { eventLeafHash } from '../leaf';
import { assembleProof, inclusionPlan, rootFromPlan, rootPlan } from '../merkle';
import { memoryTree } from '../merkle/testdata/memory-tree';
import { formatCheckpoint, formatTlogProof, generateSigner, signNote } from '../note';
import { VerificationFailure } from '../verifier/verdict';
import { AUDIT_PACK_FORMAT, type AuditPackManifest, proofFileOf } from './audit-pack-layout';
import { verifyAuditPack } from './verify-audit-pack';

const ORIGIN = 'ledger.example/audit-pack-test';
const operator = generateSigner(ORIGIN);
const impostor = generateSigner(ORIGIN);

type Event = HashedEnvelope & { hash: string };
const log: Event[] = [];
for (let i = 0; i < 6; i++) {
  const envelope: HashedEnvelope = {
    eventId: `0190c0de-0000-7000-8000-00000000000${i}`,
    stream: `processing-activity-${i % 2}`,
    revision: Math.floor(i / 2),
    type: i < 2 ? 'ProcessingActivityRecorded' : 'ProcessingActivityAmended',
    schemaVersion: 1,
    data: { processingActivityId: String(i % 2), controllerId: 'acme' },
    metadata: { tenantId: 'default', occurredAt: `2026-03-0${i + 1}T09:00:00.000Z` },
    prevHash: i < 2 ? GENESIS_HASH : log[i - 2].hash,
  };
  log.push({ ...envelope, hash: chainHash(envelope) });
}
const tree = memoryTree(log.map((e) => eventLeafHash(e.hash)));

/** A pack of the events at these leaves, against the checkpoint of `size`, signed by `signer`. */
function pack(leaves: number[], size = log.length, signer = operator.signerKey): Map<string, Buffer> {
  const rootHash = rootFromPlan(rootPlan(size).map(tree));
  const checkpoint = signNote(formatCheckpoint({ origin: ORIGIN, size, rootHash }), signer);
  const events = leaves.map((i) => log[i]);
  const manifest: AuditPackManifest = {
    format: AUDIT_PACK_FORMAT,
    tenantId: 'default',
    controllerId: 'acme',
    asOf: '2026-04-01T00:00:00.000Z',
    generatedAt: '2026-04-01T00:00:00.000Z',
    checkpoint: { origin: ORIGIN, treeSize: size, rootHash: rootHash.toString('hex') },
    events: events.map((e) => ({ eventId: e.eventId, hash: e.hash })),
  };
  const files = new Map<string, Buffer>([
    ['manifest.json', Buffer.from(JSON.stringify(manifest))],
    ['checkpoint.txt', Buffer.from(checkpoint)],
    ['verifier-key.txt', Buffer.from(`${operator.verifierKey}\n`)],
    ['events.ndjson', Buffer.from(leaves.map((i) => `${JSON.stringify({ ...log[i], leafIndex: i })}\n`).join(''))],
    [
      'register.json',
      Buffer.from(
        JSON.stringify({
          checkpoint: { treeSize: size, rootHash: rootHash.toString('hex') },
          activities: [{ processingActivityId: '1', stream: 'processing-activity-1', revision: 2 }],
        }),
      ),
    ],
  ]);
  for (const i of leaves) {
    const plan = inclusionPlan(i, size);
    files.set(proofFileOf(log[i].eventId), Buffer.from(formatTlogProof({ index: i, hashes: assembleProof(plan, plan.nodes.map(tree)), checkpoint })));
  }
  return files;
}

function failureOf(files: Map<string, Buffer>, key?: string): VerificationFailure {
  try {
    verifyAuditPack(files, key);
  } catch (error) {
    if (error instanceof VerificationFailure) return error;
    throw error;
  }
  throw new Error('the pack verified');
}

const edit = (files: Map<string, Buffer>, name: string, change: (text: string) => string) => {
  files.set(name, Buffer.from(change(files.get(name)!.toString('utf8'))));
  return files;
};

describe('verifying an audit pack offline', () => {
  it('verifies every event of the pack against its signed checkpoint, with the key in the pack or a pinned one', () => {
    expect(verifyAuditPack(pack([1, 3, 5]))).toMatchObject({ events: 3, activities: 1, keyFromPack: true, checkpoint: { size: 6 } });
    expect(verifyAuditPack(pack([1, 3, 5]), operator.verifierKey)).toMatchObject({ keyFromPack: false });
  });

  it('refuses a pack signed by another key than the one the auditor pins, even though it ships a key that fits', () => {
    const forged = edit(pack([1, 3, 5], 6, impostor.signerKey), 'verifier-key.txt', () => impostor.verifierKey);
    expect(verifyAuditPack(forged).keyFromPack).toBe(true);
    expect(failureOf(forged, operator.verifierKey).kind).toBe('invalid-signature');
  });

  it('names the event whose stored bytes were changed', () => {
    const files = edit(pack([1, 3, 5]), 'events.ndjson', (text) => text.replace('2026-03-04', '2026-03-05'));
    expect(failureOf(files)).toMatchObject({ kind: 'event-mismatch', message: expect.stringMatching(`^event ${log[3].eventId} \\(line 2 of events.ndjson\\)`) });
  });

  it('names the event whose line no longer parses, from the manifest', () => {
    const files = edit(pack([1, 3, 5]), 'events.ndjson', (text) => `x${text.slice(1)}`);
    expect(failureOf(files).message).toMatch(`event ${log[1].eventId} (line 1 of events.ndjson): its bytes are no longer the JSON that was hashed`);
  });

  it('refuses an event without its proof, and a proof against another checkpoint', () => {
    const missing = pack([1, 3, 5]);
    missing.delete(proofFileOf(log[5].eventId));
    expect(failureOf(missing)).toMatchObject({ kind: 'unproven', message: expect.stringContaining(log[5].eventId) });

    const mixed = pack([1, 3, 5]);
    mixed.set(proofFileOf(log[1].eventId), pack([1], 4).get(proofFileOf(log[1].eventId))!);
    expect(failureOf(mixed)).toMatchObject({ kind: 'invalid-proof', message: expect.stringMatching(/another checkpoint \(size 4\)/) });
  });

  it('refuses a register snapshot derived from another checkpoint, or resting on an event the pack does not prove', () => {
    const other = edit(pack([1, 3, 5]), 'register.json', (text) => text.replace('"treeSize":6', '"treeSize":5'));
    expect(failureOf(other).message).toMatch(/register.json is derived from another checkpoint/);
    const unbacked = pack([1, 3]);
    expect(failureOf(unbacked)).toMatchObject({ kind: 'unproven', message: expect.stringMatching(/processing-activity-1 revision 2/) });
  });

  it('refuses an event dropped from the events file but still listed in the manifest', () => {
    const files = edit(pack([1, 3, 5]), 'events.ndjson', (text) => text.split('\n').slice(1).join('\n'));
    expect(failureOf(files).message).toMatch(/holds 2 events but the manifest lists 3/);
  });
});
