export type Row = Record<string, unknown>;

export interface SqlExecutor {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** The client a transaction's executor belongs to: one database, for caches that outlive the transaction. */
  readonly client?: SqlClient;
}

/** One SQL dialect for the embedded store (PGlite) and PostgreSQL, so both run the same adapter body. */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'embedded' | 'postgres';
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * The embedded store only: a copy of its data directory (gzipped tar) taken while no other
   * transaction is in progress, with what `inspect` read at that same moment (for backups).
   */
  snapshot?<T>(inspect: (tx: SqlExecutor) => Promise<T>): Promise<{ archive: Buffer; inspected: T }>;
}

/** The SQLSTATE and constraint of a failed statement, from either driver. */
export function sqlErrorOf(error: unknown): { code?: string; constraint?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return { code: typeof code === 'string' ? code : undefined, constraint: typeof constraint === 'string' ? constraint : undefined };
}
