import { Migration, RecordedEvent, SqlExecutor } from '@ledger/event-store';

interface ProjectionBase {
  name: string;
  migrations: Migration[];
  /** Emptied by a rebuild, which then replays the whole log into them. */
  tables: string[];
}

/**
 * A read model fed by the event log. `apply` runs inside the transaction that also moves the
 * projection's checkpoint, so a crash never leaves rows and checkpoint out of step.
 */
export interface EventProjection extends ProjectionBase {
  apply(tx: SqlExecutor, event: RecordedEvent): Promise<void>;
}

/** A projection that works on a whole batch at once, when per-event round trips would dominate. */
export interface BatchProjection extends ProjectionBase {
  applyBatch(tx: SqlExecutor, events: RecordedEvent[]): Promise<void>;
}

export type Projection = EventProjection | BatchProjection;
