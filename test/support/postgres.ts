import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/** PostgreSQL tests run only where DATABASE_URL names a server (CI sets it; `npm test` alone needs none). */
export const postgresUrl = process.env.DATABASE_URL;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the DATABASE_URL server, dropped by `drop()`, so tests never share state. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
