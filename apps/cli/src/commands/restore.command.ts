import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LedgerConfig } from '@ledger/api/config';
import { unpackBackup } from '@ledger/api/backup/backup-archive';

/**
 * `ledger restore FILE`: the embedded store and key files of a `ledger backup`, into an empty
 * LEDGER_DATA_DIR. Nothing is overwritten: an existing store or key file stops it before it writes.
 */
export async function restore(config: LedgerConfig, file: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (config.databaseUrl) throw new Error('ledger restore fills the embedded store; restore PostgreSQL with pg_restore (docs/operations.md)');
  const backup = await unpackBackup(readFileSync(file));
  const pgdata = join(config.dataDir, 'pgdata');
  const signerKeyFile = config.checkpoints.signerKeyFile;
  const pseudonymKeyFile = resolve(env.LEDGER_PSEUDONYM_KEY_FILE || join(config.dataDir, 'pseudonym.key'));
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) throw new Error(`${pgdata} already holds a store; restore into an empty LEDGER_DATA_DIR`);
  for (const key of [signerKeyFile, pseudonymKeyFile]) if (existsSync(key)) throw new Error(`${key} exists; restore into an empty LEDGER_DATA_DIR`);

  mkdirSync(config.dataDir, { recursive: true });
  const db = await PGlite.create(pgdata, { loadDataDir: new Blob([new Uint8Array(backup.pgdata)]) });
  const [row] = (await db.query<{ count: string }>('SELECT count(*)::text AS count FROM ledger_events')).rows;
  await db.close();
  if (Number(row.count) !== backup.manifest.events) throw new Error(`the restored store holds ${row.count} events but the backup claims ${backup.manifest.events}`);
  for (const [path, content] of [[signerKeyFile, backup.signerKey], [pseudonymKeyFile, backup.pseudonymKey]]) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${content}\n`, { mode: 0o600, flag: 'wx' });
  }
  process.stdout.write(
    `restored ${backup.manifest.events} events (tree size ${backup.manifest.treeSize}, backup of ${backup.manifest.createdAt}) and the key files into ${config.dataDir}\n`,
  );
}
