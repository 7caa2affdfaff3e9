import { resolve } from 'node:path';
import { API_KEY_FORMAT } from './access/api-key-token';

export interface LedgerConfig {
  port: number;
  /** PostgreSQL connection string; absent means the embedded store. */
  databaseUrl?: string;
  /** EventStoreDB connection string (`esdb://...`): events there, read models in PostgreSQL (DATABASE_URL required). */
  eventStoreConnectionString?: string;
  /** Where the embedded store keeps its files. */
  dataDir: string;
  /** How often subscriptions look for events appended by other processes. */
  pollIntervalMs: number;
  /** Development mode adds stack traces to GraphQL errors. */
  development: boolean;
  checkpoints: CheckpointConfig;
  /** pino level of the JSON logs on stdout (default info). */
  logLevel?: LogLevelName;
  /** /health/ready answers 503 once a read model is this many seconds behind the log (default 30). */
  readyMaxLagSeconds?: number;
  /** How long a mutation waits for the registers to show its write (default 10 s); tests shorten it. */
  readYourWritesTimeoutMs?: number;
  /** An admin key (`ledger_<keyId>_<secret>`) registered at start-up if absent; else one is issued and printed once. */
  adminToken?: string;
  /** How long a key's row is reused before it is read again (default 5; 0: read on every request). */
  keyCacheSeconds?: number;
  /** Requests one key may make per minute on this instance (default 1200; 0: no limit). */
  rateLimitPerMinute?: number;
}

export const DEFAULT_KEY_CACHE_SECONDS = 5;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

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

function databaseUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//..."`);
  if (!url.hostname || url.pathname.length <= 1) throw new Error('DATABASE_URL must name a host and a database (postgres://user:password@host:5432/database)');
  return raw;
}

function eventStoreConnectionString(raw: string | undefined, databaseUrl: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^esdb(\+discover)?:\/\//.test(raw)) throw new Error('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
  if (!databaseUrl)
    throw new Error('EVENTSTORE_CONNECTION_STRING needs DATABASE_URL: with EventStoreDB, read models, keys and command records live in PostgreSQL');
  return raw;
}

function logLevel(raw: string | undefined): LogLevelName {
  if (raw === undefined || raw === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw as LogLevelName;
}

function adminToken(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // Never echo the value: it is a secret.
  if (!API_KEY_FORMAT.test(raw)) throw new Error('LEDGER_ADMIN_TOKEN must be a key as `ledger keys create` prints it: ledger_<keyId>_<secret>');
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR || './data');
  if (env.NODE_ENV && !['development', 'production', 'test'].includes(env.NODE_ENV))
    throw new Error(`NODE_ENV must be development, production or test, got "${env.NODE_ENV}"`);
  const origin = env.LEDGER_LOG_ORIGIN || 'gdpr-compliance-ledger';
  if (!ORIGIN.test(origin)) throw new Error(`LEDGER_LOG_ORIGIN must be letters, digits and . - _ / (at most 100), got "${origin}"`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    eventStoreConnectionString: eventStoreConnectionString(env.EVENTSTORE_CONNECTION_STRING, env.DATABASE_URL),
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
    logLevel: logLevel(env.LOG_LEVEL),
    readyMaxLagSeconds: integer(env, 'LEDGER_READY_MAX_LAG_SECONDS', 30, 1, 86_400),
    adminToken: adminToken(env.LEDGER_ADMIN_TOKEN),
    keyCacheSeconds: integer(env, 'LEDGER_KEY_CACHE_SECONDS', DEFAULT_KEY_CACHE_SECONDS, 0, 300),
    rateLimitPerMinute: integer(env, 'LEDGER_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE, 0, 1_000_000),
  };
}

/** Where the service keeps its events, for logs: never the connection string, which may hold a password. */
export function describeStorage(config: LedgerConfig): string {
  if (!config.databaseUrl) return `embedded store in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  const postgres = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  if (!config.eventStoreConnectionString) return postgres;
  // esdb://[user:password@]host:port[,host:port...][?options]: only the hosts.
  const hosts = config.eventStoreConnectionString.replace(/^esdb(\+discover)?:\/\//, '').replace(/^[^@/?]*@/, '').split(/[/?]/)[0];
  return `EventStoreDB at ${hosts} (read models in ${postgres})`;
}
