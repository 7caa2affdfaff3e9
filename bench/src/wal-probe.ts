import { Client } from 'pg';

/**
 * Bytes of WAL the server writes around a measurement, from its insert position: exact and
 * immediate, but server wide, so anything else running on the server counts too (a CREATE
 * DATABASE elsewhere shows up as a huge outlier; the report takes the median of the rounds).
 * Flush counts (pg_stat_wal.wal_sync) are not used: on PostgreSQL 15 a pooled connection's
 * flushes did not show there until it disconnected.
 */
export class WalProbe {
  private constructor(private readonly client: Client) {}

  static async open(url: string): Promise<WalProbe> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new WalProbe(client);
  }

  async position(): Promise<bigint> {
    const { rows } = await this.client.query<{ bytes: string }>(`SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::text AS bytes`);
    return BigInt(rows[0].bytes.split('.')[0]);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
