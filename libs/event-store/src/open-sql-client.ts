import { embeddedClient } from './sql/embedded-client';
import { postgresClient } from './sql/postgres-client';
import { SqlClient } from './sql/sql-client';

export interface StorageConfig {
  /** PostgreSQL connection string; when absent the embedded store is used. */
  databaseUrl?: string;
  /** Where the embedded store keeps its files. */
  dataDir: string;
}

export function openSqlClient(config: StorageConfig): Promise<SqlClient> {
  return config.databaseUrl ? Promise.resolve(postgresClient(config.databaseUrl)) : embeddedClient(config.dataDir);
}
