import { Client } from 'pg';
import type { ScratchDatabase } from '../scratch-database';

/**
 * A named database next to the one `adminUrl` names, created if missing and never dropped:
 * seeding a million events takes minutes, so runs that compare query plans can share one.
 * `seedRegister` reuses what it finds there when it holds the same number of events.
 */
export async function keptDatabase(adminUrl: string, name: string): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--keep-database ${name}: use lower-case letters, digits and _`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: async () => undefined };
}
