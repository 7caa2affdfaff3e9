import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { EVENT_TYPE, metadataFor, nextInstruction, streamOf } from '../workload';
import { Target } from './target';

/**
 * The peer: Emmett's PostgreSQL event store appending the same event (same data, same
 * metadata) to a new stream each time, with its default options (a pg pool of pg's default
 * size, 10; no expected version, so no concurrency check). Its schema is created up front so
 * that the first measured append does not pay for it.
 */
export async function openEmmett(databaseUrl: string): Promise<Target> {
  const store = getPostgreSQLEventStore(databaseUrl);
  await store.schema.migrate();
  return {
    async write() {
      const data = nextInstruction();
      await store.appendToStream(streamOf(data), [{ type: EVENT_TYPE, data: { ...data }, metadata: metadataFor(new Date()) }]);
    },
    async rowBytes() {
      // A separate short-lived connection: Emmett's pool is its own business.
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      try {
        const { rows } = await pool.query<{ bytes: string | null }>('SELECT avg(pg_column_size(m.*))::text AS bytes FROM emt_messages m');
        return Number(rows[0]?.bytes ?? 0);
      } finally {
        await pool.end();
      }
    },
    close: () => store.close(),
  };
}
