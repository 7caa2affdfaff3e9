import { Presets, SingleBar } from 'cli-progress';
import { catchUp, migrate, closeEventStore, type EventStore, openEventStore, openSqlClient } from '@ledger/event-store';
import { StoreAuditor } from '@ledger/integrity';
import { allCheckpoints, signedCheckpointMigrations } from '@ledger/projections';
import { LedgerConfig } from '@ledger/api/config';
import { VerifyOutcome } from './verify.command';

const BATCH = 1000;

/**
 * Re-derives every event hash, every stream's chain and every signed root from the stored events,
 * and names every event that no longer matches (one line each), not only the first.
 */
export async function verifyStore(config: LedgerConfig, options: { progress: boolean }): Promise<VerifyOutcome> {
  const sql = await openSqlClient(config);
  let store: EventStore | undefined;
  try {
    store = await openEventStore(config, sql);
    await migrate(sql, 'signed-checkpoints', signedCheckpointMigrations);
    const checkpoints = await allCheckpoints(sql);
    const auditor = new StoreAuditor(checkpoints.map((c) => ({ treeSize: c.treeSize, rootHash: Buffer.from(c.rootHash, 'hex') })));
    const bar = new SingleBar({ format: 'verifying the store [{bar}] {percentage}% | {value}/{total} events', noTTYOutput: options.progress }, Presets.shades_classic);
    if (options.progress) bar.start(await store.countEvents(), 0);
    const findings: string[] = [];
    try {
      for await (const batch of catchUp(store, null, BATCH)) {
        for (const event of batch) {
          const finding = auditor.add(event);
          if (finding) findings.push(finding);
        }
        if (options.progress) bar.update(auditor.eventCount);
      }
    } finally {
      if (options.progress) bar.stop();
    }
    const missing = auditor.finish();
    if (missing) findings.push(missing);
    return findings.length
      ? { ok: false, line: [...findings.map((f) => `tampered: ${f}`), `${findings.length} findings in ${auditor.eventCount} events`].join('\n') }
      : { ok: true, line: `verified: ${auditor.eventCount} events, every stream chain and ${checkpoints.length} signed checkpoints match` };
  } finally {
    if (store) await closeEventStore(store);
    await sql.close();
  }
}
