import { resolve } from 'node:path';

export interface LedgerConfig {
  port: number;
  /** PostgreSQL connection string; absent means the embedded store. */
  databaseUrl?: string;
  /** Where the embedded store keeps its files. */
  dataDir: string;
  /** How often subscriptions look for events appended by other processes. */
  pollIntervalMs: number;
  /** Development mode adds stack traces to GraphQL errors. */
  development: boolean;
  checkpoints: CheckpointConfig;
}

export interface CheckpointConfig {
  /** The log's name in every checkpoint (its first line) and the signing key's name. */
  origin: string;
  /** The Ed25519 signer key (note format) itself, from the environment; else the key file is used. */
  signerKey?: string;
  /** Where the signer key is read from, or generated into on first start. */
  signerKeyFile: string;
  /** A checkpoint is signed once this many events are sealed past the last one... */
  everyEvents: number;
  /** ...or once this many seconds have passed with any new event, whichever comes first. */
  everySeconds: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

const ORIGIN = /^[A-Za-z0-9][A-Za-z0-9.\-_/]{0,99}$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR || './data');
  const origin = env.LEDGER_LOG_ORIGIN || 'gdpr-compliance-ledger';
  if (!ORIGIN.test(origin)) throw new Error(`LEDGER_LOG_ORIGIN must be letters, digits and . - _ / (at most 100), got "${origin}"`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    pollIntervalMs: integer(env, 'LEDGER_POLL_INTERVAL_MS', 250, 10, 60_000),
    development: env.NODE_ENV === 'development',
    checkpoints: {
      origin,
      signerKey: env.LEDGER_SIGNER_KEY || undefined,
      signerKeyFile: resolve(env.LEDGER_SIGNER_KEY_FILE || `${dataDir}/checkpoint-signer.key`),
      everyEvents: integer(env, 'LEDGER_CHECKPOINT_EVERY_EVENTS', 1000, 1, 10_000_000),
      everySeconds: integer(env, 'LEDGER_CHECKPOINT_EVERY_SECONDS', 10, 1, 86_400),
    },
  };
}

/** Where the service keeps its events, for logs: never the connection string, which may hold a password. */
export function describeStorage(config: LedgerConfig): string {
  if (!config.databaseUrl) return `embedded store in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
