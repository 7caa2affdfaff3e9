import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { parseSignerKey } from '@ledger/integrity';
import { describeStorage, type LedgerConfig } from '../config';
import { scrubSecrets } from '../observability/logger';
import { loadPseudonymKey } from '../privacy/pseudonym-key';

/** A reason not to start, in one line that names the setting or file at fault. */
export class StartupRefused extends Error {}

const reason = (error: unknown) => scrubSecrets(error instanceof Error ? error.message : String(error));

/** The nearest directory that exists: where a missing data directory would be created. */
function existingAncestor(path: string): string {
  let dir = resolve(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function checkDirectory(path: string, what: string): void {
  const dir = existingAncestor(path);
  if (!statSync(dir).isDirectory()) throw new StartupRefused(`${what} ${path} is not a directory (${dir} is a file)`);
  try {
    accessSync(dir, constants.R_OK | constants.X_OK);
  } catch (error) {
    throw new StartupRefused(`${what} ${dir} is not readable: ${reason(error)}`);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StartupRefused(`${what} ${dir} is read-only: ${reason(error)}`);
  }
}

function checkSignerKey(config: LedgerConfig): void {
  const { signerKey, signerKeyFile, origin } = config.checkpoints;
  const source = signerKey ? 'LEDGER_SIGNER_KEY' : signerKeyFile;
  let encoded = signerKey;
  if (!encoded) {
    if (!existsSync(signerKeyFile)) return checkDirectory(dirname(signerKeyFile), 'the directory of the checkpoint signer key');
    try {
      encoded = readFileSync(signerKeyFile, 'utf8');
    } catch (error) {
      throw new StartupRefused(`the checkpoint signer key file ${signerKeyFile} cannot be read: ${reason(error)}`);
    }
  }
  let name: string;
  try {
    name = parseSignerKey(encoded.trim()).name;
  } catch (error) {
    throw new StartupRefused(`the checkpoint signer key in ${source} is malformed: ${reason(error)}`);
  }
  if (name !== origin) throw new StartupRefused(`the checkpoint signer key in ${source} is named "${name}" but LEDGER_LOG_ORIGIN is "${origin}"`);
}

function checkPseudonymKey(config: LedgerConfig, env: NodeJS.ProcessEnv): void {
  const file = resolve(env.LEDGER_PSEUDONYM_KEY_FILE || join(config.dataDir, 'pseudonym.key'));
  // Without the variable or the file, the key is generated on first start: only its directory matters.
  if (!env.LEDGER_PSEUDONYM_KEY?.trim() && !existsSync(file)) return checkDirectory(dirname(file), 'the directory of the pseudonym key');
  try {
    loadPseudonymKey(config.dataDir, env);
  } catch (error) {
    throw new StartupRefused(`the pseudonym key is malformed or unreadable: ${reason(error)}`);
  }
}

async function checkPostgres(config: LedgerConfig): Promise<void> {
  const client = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupRefused(`DATABASE_URL: cannot use the ${describeStorage(config)}: ${reason(error) || (error as { code?: string }).code}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Everything the service needs, checked before it writes anything: the data directory, the key
 * files (never generated over a malformed one), the database. A failure names the one problem;
 * no migration has run and no file was created.
 */
export async function checkStartup(config: LedgerConfig, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!config.databaseUrl) {
    checkDirectory(config.dataDir, 'the data directory (LEDGER_DATA_DIR)');
    if (existsSync(join(config.dataDir, 'pgdata'))) checkDirectory(join(config.dataDir, 'pgdata'), 'the embedded store');
  }
  checkSignerKey(config);
  checkPseudonymKey(config, env);
  if (config.databaseUrl) await checkPostgres(config);
}
