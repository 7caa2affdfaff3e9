import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { DataDirectoryLock } from './data-directory-lock';
import { Row, SqlClient } from './sql-client';

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in `dataDir`. It is a single connection: statements
 * and transactions are serialised by PGlite itself, and one process at a time may open the
 * directory, which the lock file enforces.
 */
export async function embeddedClient(dataDir: string): Promise<SqlClient> {
  mkdirSync(dataDir, { recursive: true });
  const lock = DataDirectoryLock.acquire(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(`${dataDir}/pgdata`);
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    kind: 'embedded',
    async query<T extends Row>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    transaction: (work) => db.transaction((tx) => work({ query: async (text, params) => (await tx.query(text, params)).rows as never })),
    // Inside a transaction: PGlite runs one at a time, so none is half done in the copy.
    snapshot: (inspect) =>
      db.transaction(async (tx) => {
        const inspected = await inspect({ query: async (text, params) => (await tx.query(text, params)).rows as never });
        const archive = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
        return { archive, inspected };
      }),
    async close() {
      await db.close();
      lock.release();
    },
  };
}
