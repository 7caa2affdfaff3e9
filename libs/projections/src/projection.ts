import { Migration, RecordedEvent, SqlExecutor } from '@ledger/event-store';

/**
 * A read model fed by the event log. `apply` runs inside the transaction that also moves the
 * projection's checkpoint, so a crash never leaves rows and checkpoint out of step.
 */
export interface Projection {
  name: string;
  migrations: Migration[];
  /** Emptied by a rebuild, which then replays the whole log into them. */
  tables: string[];
  apply(tx: SqlExecutor, event: RecordedEvent): Promise<void>;
}
