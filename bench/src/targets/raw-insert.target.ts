import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_TYPE, metadataFor, nextInstruction, streamOf } from '../workload';
import { Target } from './target';

/**
 * The limit: the cheapest way to store the same event, one autocommitted INSERT of one row
 * (id, stream, type, and the same data and metadata as jsonb) per event. No hash, no command
 * record, no revision check, no projection.
 */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS bench_raw_events (
  id uuid PRIMARY KEY,
  stream text NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL
)`;

const INSERT = 'INSERT INTO bench_raw_events (id, stream, type, data, metadata) VALUES ($1, $2, $3, $4, $5)';

const ROW_BYTES = 'SELECT avg(pg_column_size(r.*))::text AS bytes FROM bench_raw_events r';

function rowParameters(): unknown[] {
  const data = nextInstruction();
  return [uuidv7(), streamOf(data), EVENT_TYPE, JSON.stringify(data), JSON.stringify(metadataFor(new Date()))];
}

/** Through `pg` with the pool size our PostgreSQL client uses (10). */
export async function openRawInsertPostgres(databaseUrl: string, poolSize = 10): Promise<Target> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on('error', () => undefined);
  await pool.query(CREATE_TABLE);
  return {
    async write() {
      await pool.query(INSERT, rowParameters());
    },
    async rowBytes() {
      const { rows } = await pool.query<{ bytes: string | null }>(ROW_BYTES);
      return Number(rows[0]?.bytes ?? 0);
    },
    close: () => pool.end(),
  };
}

/** Into a PGlite directory of its own: one connection, like the embedded store. */
export async function openRawInsertPglite(dataDir: string): Promise<Target> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(`${dataDir}/pgdata`);
  await db.query(CREATE_TABLE);
  return {
    async write() {
      await db.query(INSERT, rowParameters());
    },
    async rowBytes() {
      const { rows } = await db.query<{ bytes: string | null }>(ROW_BYTES);
      return Number(rows[0]?.bytes ?? 0);
    },
    close: () => db.close(),
  };
}
