import { Presets, SingleBar } from 'cli-progress';
import { catchUp, migrate, openSqlClient, SqlEventStore } from '@ledger/event-store';
import { StoreAuditor } from '@ledger/integrity';
import { allCheckpoints, signedCheckpointMigrations } from '@ledger/projections';
import { LedgerConfig } from '@ledger/api/config';
import { VerifyOutcome } from './verify.command';

const BATCH = 1000;

/** Re-derives every event hash, every stream's chain and every signed root from the stored events. */
export async function verifyStore(config: LedgerConfig, options: { progress: boolean }): Promise<VerifyOutcome> {
  const sql = await openSqlClient(config);
  try {
    const store = await SqlEventStore.open(sql);
    await migrate(sql, 'signed-checkpoints', signedCheckpointMigrations);
    const checkpoints = await allCheckpoints(sql);
    const auditor = new StoreAuditor(checkpoints.map((c) => ({ treeSize: c.treeSize, rootHash: Buffer.from(c.rootHash, 'hex') })));
    const bar = new SingleBar({ format: 'verifying the store [{bar}] {percentage}% | {value}/{total} events', noTTYOutput: options.progress }, Presets.shades_classic);
    if (options.progress) bar.start(await store.countEvents(), 0);
    let finding: string | null = null;
    try {
      for await (const batch of catchUp(store, null, BATCH)) {
        for (const event of batch) if ((finding = auditor.add(event))) break;
        if (finding) break;
        if (options.progress) bar.update(auditor.eventCount);
      }
    } finally {
      if (options.progress) bar.stop();
    }
    finding ??= auditor.finish();
    return finding
      ? { ok: false, line: `tampered: ${finding}` }
      : { ok: true, line: `verified: ${auditor.eventCount} events, every stream chain and ${checkpoints.length} signed checkpoints match` };
  } finally {
    await sql.close();
  }
}
