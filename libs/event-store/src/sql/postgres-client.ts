import { Pool } from 'pg';
import { SqlClient, SqlExecutor } from './sql-client';

export function postgresClient(connectionString: string, maxConnections = 10): SqlClient {
  const pool = new Pool({ connectionString, max: maxConnections });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      // A connection lost mid-transaction fails the pending query; its 'error' event must not crash the process.
      let lost: Error | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      const tx: SqlExecutor = { query: async (text, params) => (await client.query(text, params)).rows };
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onError);
        // A broken connection is discarded, not handed to the next transaction.
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}
