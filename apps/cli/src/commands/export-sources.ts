import { existsSync, readFileSync } from 'node:fs';
import { closeEventStore, type EventStore, isolateTenants, migrate, openEventStore, openSqlClient } from '@ledger/event-store';
import { parseSignerKey } from '@ledger/integrity';
import { FieldSealer, SqlSubjectKeyStore } from '@ledger/privacy';
import { signedCheckpointMigrations } from '@ledger/projections';
import type { LedgerConfig } from '@ledger/api/config';
import type { ExportSources } from '@ledger/api/exports/export-sources';

/**
 * Opens the store directly, as `rebuild` and `verify --store` do: on the embedded store the
 * service must be stopped first (one process per data directory); on PostgreSQL it may run.
 * A running service serves the same exports over HTTP (/exports/...).
 */
export async function withExportSources<T>(config: LedgerConfig, work: (sources: ExportSources) => Promise<T>): Promise<T> {
  const { origin, signerKey, signerKeyFile } = config.checkpoints;
  const key = signerKey ?? (existsSync(signerKeyFile) ? readFileSync(signerKeyFile, 'utf8') : null);
  if (!key) throw new Error(`no checkpoint signing key: neither LEDGER_SIGNER_KEY nor ${signerKeyFile}; start the service once to create it`);
  const { verifierKey } = parseSignerKey(key.trim());
  const sql = await openSqlClient(config);
  let store: EventStore | undefined;
  try {
    store = await openEventStore(config, sql);
    await migrate(sql, 'signed-checkpoints', signedCheckpointMigrations);
    await isolateTenants(sql);
    const sealer = new FieldSealer(await SqlSubjectKeyStore.open(sql));
    return await work({ sql, store, sealer, origin, verifierKey });
  } finally {
    if (store) await closeEventStore(store);
    await sql.close();
  }
}
