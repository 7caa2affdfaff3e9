import type { EventStore, SqlClient } from '@ledger/event-store';
import type { FieldSealer } from '@ledger/privacy';

/**
 * What an export reads, wired by the service (Nest providers) or by the CLI (the store opened
 * directly): the same export code serves both.
 */
export interface ExportSources {
  /** Tenant data is read through readAsTenant, under row-level security. */
  sql: SqlClient;
  store: EventStore;
  sealer: FieldSealer;
  /** The log's name, printed with every checkpoint. */
  origin: string;
  /** The operator's verifier key, shipped in audit packs. */
  verifierKey: string;
}

/** The point in time an export is taken at (DESIGN.md, Time). */
export interface ExportTime {
  asOf?: Date | null;
  knownAt?: { at?: Date; treeSize?: number } | null;
}
