/**
 * Where the data keys of data subjects live, apart from the events: destroying a key is what
 * erases a subject (crypto-shredding). Keys are per tenant and subject. The SQL adapter keeps
 * them in the ledger's database; a KMS adapter can replace it behind this port.
 */
export interface SubjectKeyStore {
  /** The subject's key, created on first use; two concurrent first uses get the same key. */
  keyFor(tenantId: string, subjectId: string): Promise<Buffer>;
  /** keyFor for many subjects at once (a bulk import): one round trip, not one per subject. */
  keysFor(tenantId: string, subjectIds: string[]): Promise<Map<string, Buffer>>;
  /** The subject's key, or null when it never existed or was destroyed. */
  find(tenantId: string, subjectId: string): Promise<Buffer | null>;
  /** Destroys the key for good; true if there was one. */
  destroy(tenantId: string, subjectId: string): Promise<boolean>;
}
