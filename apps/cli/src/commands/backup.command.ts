import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlClient } from '@ledger/event-store';
import type { LedgerConfig } from '@ledger/api/config';
import { AdminToken } from '@ledger/api/backup/admin-token';
import { packBackup, takeBackup } from '@ledger/api/backup/backup-archive';
import { loadPseudonymKey } from '@ledger/api/privacy/pseudonym-key';

/** The pid in the embedded store's lock file, when that process is alive: the service is running. */
function runningService(dataDir: string): number | null {
  const lock = join(dataDir, 'ledger.lock');
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Asks the running service for a copy: only it may read its PGlite files while it runs. */
async function backupFromService(config: LedgerConfig, url: string): Promise<{ zip: Buffer; events: string; treeSize: string }> {
  const token = readFileSync(AdminToken.fileIn(config.dataDir), 'utf8').trim();
  const response = await fetch(`${url.replace(/\/$/, '')}/admin/backup`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`the service at ${url} refused the backup: ${response.status} ${await response.text()}`);
  return {
    zip: Buffer.from(await response.arrayBuffer()),
    events: response.headers.get('x-ledger-backup-events') ?? '?',
    treeSize: response.headers.get('x-ledger-backup-tree-size') ?? '?',
  };
}

async function backupOffline(config: LedgerConfig): Promise<{ zip: Buffer; events: string; treeSize: string }> {
  const { signerKey, signerKeyFile } = config.checkpoints;
  const sql = await openSqlClient(config);
  try {
    const backup = await takeBackup(sql, { signerKey: (signerKey ?? readFileSync(signerKeyFile, 'utf8')).trim(), pseudonymKey: loadPseudonymKey(config.dataDir) });
    return { zip: await packBackup(backup), events: String(backup.manifest.events), treeSize: String(backup.manifest.treeSize) };
  } finally {
    await sql.close();
  }
}

/**
 * `ledger backup --out FILE`: a consistent copy of the embedded store with its key files, from
 * the running service (through its admin token) or, when it is stopped, from the files directly.
 * The file holds the keys: it is written readable by its owner only.
 */
export async function backup(config: LedgerConfig, options: { out: string; url?: string }): Promise<void> {
  if (config.databaseUrl) throw new Error('ledger backup copies the embedded store; back up PostgreSQL with pg_dump and the key files (docs/operations.md)');
  if (existsSync(options.out)) throw new Error(`${options.out} exists; give a new file`);
  const pid = runningService(config.dataDir);
  const taken = pid === null ? await backupOffline(config) : await backupFromService(config, options.url ?? `http://127.0.0.1:${config.port}`);
  writeFileSync(options.out, taken.zip, { mode: 0o600, flag: 'wx' });
  process.stdout.write(`backed up ${taken.events} events (tree size ${taken.treeSize}) and the key files to ${options.out}${pid === null ? '' : ` from the running service (pid ${pid})`}\n`);
}
