import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DomainError } from '@ledger/domain';
import { AUDIT_PACK_FILES, AUDIT_PACK_FORMAT, type AuditPackManifest, formatTlogProof, proofFileOf } from '@ledger/integrity';
import { inclusionProofAt } from '@ledger/projections';
import yazl from 'yazl';
import { type PackedEvent, eventsConcerning } from './audit-pack-events';
import type { ExportSources, ExportTime } from './export-sources';
import { registerDocument, type RegisterDocument } from './register-document';

export interface AuditPackRequest extends ExportTime {
  controllerId: string;
}

/** Everything a pack holds but the proofs, gathered before the first byte is written, so that a refusal is still a clean error. */
export interface PreparedAuditPack {
  tenantId: string;
  controllerId: string;
  register: RegisterDocument;
  events: PackedEvent[];
}

export type Progress = (done: number, total: number) => void;

export async function prepareAuditPack(sources: ExportSources, tenantId: string, request: AuditPackRequest, now = new Date()): Promise<PreparedAuditPack> {
  const controllerId = request.controllerId?.trim();
  if (!controllerId) throw new DomainError('an audit pack is for one controller: give controllerId', 'BAD_USER_INPUT', 'controllerId');
  const register = await registerDocument(sources, tenantId, { ...request, controllerId, record: 'PROCESSOR' }, now);
  const events = await eventsConcerning(sources, tenantId, controllerId, new Date(register.asOf), register.checkpoint.treeSize);
  return { tenantId, controllerId, register, events };
}

function readme(pack: PreparedAuditPack, fileName: string): string {
  const { checkpoint } = pack.register;
  return `# Audit pack: controller ${pack.controllerId}

Processor (tenant): ${pack.tenantId}
As of (valid time): ${pack.register.asOf}
Generated: ${pack.register.generatedAt}
Signed checkpoint: log ${checkpoint.origin}, tree size ${checkpoint.treeSize}, root hash ${checkpoint.rootHash}

## Verify it

With the ledger's CLI, offline (no server, no database):

    ledger verify ${fileName} --key @operator-verifier-key.txt

where operator-verifier-key.txt is the verifier key you obtained from the processor
independently of this pack. Without --key, the key shipped in ${AUDIT_PACK_FILES.verifierKey} is
used: that proves the pack is intact and consistent, not who signed it. The command prints one
line and exits 0 when everything verifies, 1 naming the first event or file that does not.

## What it holds

- ${AUDIT_PACK_FILES.register}: the Art. 30(2) register for this controller at that time, derived from the checkpoint;
- ${AUDIT_PACK_FILES.events}: ${pack.events.length} events concerning this controller, one JSON object a line, exactly as stored and hashed
  (personal data stays sealed: it is the hashed form); hash rule in docs/event-format.md;
- ${AUDIT_PACK_FILES.checkpoint}: the signed checkpoint (C2SP signed note, tlog-checkpoint);
- ${AUDIT_PACK_FILES.proofsDir}<eventId>.tlog-proof: one inclusion proof per event in that checkpoint (C2SP tlog-proof);
- ${AUDIT_PACK_FILES.verifierKey}: the operator's verifier key;
- ${AUDIT_PACK_FILES.manifest}: what the pack claims (checkpoint, event ids and hashes in order).
`;
}

/**
 * Streams the pack as a zip into `out`: proofs are computed one event at a time, so progress can
 * be reported, and all proofs are against the register's checkpoint.
 */
export async function writeAuditPack(
  sources: ExportSources,
  pack: PreparedAuditPack,
  out: Writable,
  options: { fileName: string; progress?: Progress },
): Promise<void> {
  const { checkpoint } = pack.register;
  const mtime = new Date(pack.register.generatedAt);
  const zip = new yazl.ZipFile();
  const finished = once(zip.outputStream.pipe(out), 'finish');
  const add = (name: string, content: string) => zip.addBuffer(Buffer.from(content, 'utf8'), name, { mtime });

  const manifest: AuditPackManifest = {
    format: AUDIT_PACK_FORMAT,
    tenantId: pack.tenantId,
    controllerId: pack.controllerId,
    asOf: pack.register.asOf,
    generatedAt: pack.register.generatedAt,
    checkpoint: { origin: checkpoint.origin, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash },
    events: pack.events.map(({ event }) => ({ eventId: event.eventId, hash: event.hash })),
  };
  add(AUDIT_PACK_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  add(AUDIT_PACK_FILES.readme, readme(pack, options.fileName));
  add(AUDIT_PACK_FILES.checkpoint, checkpoint.note);
  add(AUDIT_PACK_FILES.verifierKey, `${sources.verifierKey}\n`);
  add(AUDIT_PACK_FILES.register, `${JSON.stringify(pack.register, null, 2)}\n`);
  add(AUDIT_PACK_FILES.events, pack.events.map(({ event, leafIndex }) => `${JSON.stringify({ ...event, leafIndex })}\n`).join(''));

  let done = 0;
  for (const { event, leafIndex } of pack.events) {
    // Tree nodes are hashes of every tenant's events together: no tenant's data, no tenant filter.
    const hashes = await inclusionProofAt(sources.sql, leafIndex, checkpoint.treeSize);
    add(proofFileOf(event.eventId), formatTlogProof({ index: leafIndex, hashes, checkpoint: checkpoint.note }));
    options.progress?.(++done, pack.events.length);
  }
  zip.end();
  await finished;
}
