/**
 * What an audit pack holds (docs/audit-pack.md). The files are plain text or JSON so that an
 * auditor can read them without our code; `ledger verify PACK.zip` checks them against each other.
 */
export const AUDIT_PACK_FORMAT = 'ledger/audit-pack@v1';

export const AUDIT_PACK_FILES = {
  manifest: 'manifest.json',
  readme: 'README.md',
  checkpoint: 'checkpoint.txt',
  verifierKey: 'verifier-key.txt',
  register: 'register.json',
  events: 'events.ndjson',
  proofsDir: 'proofs/',
} as const;

/** One tlog-proof bundle per event, named after it. */
export function proofFileOf(eventId: string): string {
  return `${AUDIT_PACK_FILES.proofsDir}${eventId}.tlog-proof`;
}

export interface AuditPackManifest {
  format: typeof AUDIT_PACK_FORMAT;
  tenantId: string;
  controllerId: string;
  asOf: string;
  generatedAt: string;
  checkpoint: { origin: string; treeSize: number; rootHash: string };
  /** The events of events.ndjson in order, so that a line too damaged to parse is still named. */
  events: Array<{ eventId: string; hash: string }>;
}

/** What register.json must state for the verifier to tie it to the pack's checkpoint. */
export interface RegisterSnapshotClaims {
  checkpoint: { treeSize: number; rootHash: string };
  activities: Array<{ processingActivityId: string; stream: string; revision: number }>;
}
