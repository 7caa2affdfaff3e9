import { Presets, SingleBar } from 'cli-progress';
import { closeEventStore, type EventStore, openEventStore, openSqlClient } from '@ledger/event-store';
import { allProjections, ProjectionRunner } from '@ledger/projections';
import { describeStorage, LedgerConfig } from '@ledger/api/config';

/** Empties every read model and replays the whole log into it, showing progress on stderr. */
export async function rebuild(config: LedgerConfig, options: { progress: boolean }): Promise<void> {
  const sql = await openSqlClient(config);
  let store: EventStore | undefined;
  try {
    store = await openEventStore(config, sql);
    const runner = new ProjectionRunner(sql, store, allProjections);
    const total = await store.countEvents();
    const bar = new SingleBar(
      { format: 'rebuilding read models [{bar}] {percentage}% | {value}/{total} events replayed | {eta_formatted} left', noTTYOutput: options.progress },
      Presets.shades_classic,
    );
    if (options.progress) bar.start(total, 0);
    await runner.rebuild((applied) => options.progress && bar.update(applied));
    if (options.progress) bar.stop();
    process.stderr.write(`rebuilt ${allProjections.map((p) => p.name).join(', ')} from ${describeStorage(config)}\n`);
  } finally {
    if (store) await closeEventStore(store);
    await sql.close();
  }
}
