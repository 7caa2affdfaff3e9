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
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.LEDGER_DATA_DIR || './data'),
    pollIntervalMs: integer(env, 'LEDGER_POLL_INTERVAL_MS', 250, 10, 60_000),
    development: env.NODE_ENV === 'development',
  };
}

/** Where the service keeps its events, for logs: never the connection string, which may hold a password. */
export function describeStorage(config: LedgerConfig): string {
  if (!config.databaseUrl) return `embedded store in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
