import { catchUp, EventStore, migrate, Position, RecordedEvent, SqlClient, SqlExecutor } from '@ledger/event-store';
import { checkpointMigrations, clearCheckpoint, readCheckpoints, writeCheckpoints } from './checkpoints';
import { Projection } from './projection';

export interface ProjectionStatus {
  name: string;
  position: Position | null;
  lastError: string | null;
}

interface Waiter {
  position: Position;
  resolve(): void;
}

const RETRY_AFTER_ERROR_MS = 1000;
/** Under steady writes, a few milliseconds of patience turn one transaction per event into one per batch. */
const GATHER_MS = 5;
const LOCK = 'ledger-projections';

/** Another runner (a second instance, or a rebuild) moved a checkpoint: resume from the stored ones. */
class CheckpointMoved extends Error {}

/** A projection refused a batch; the batch is retried, never skipped. */
class ProjectionFailed extends Error {
  constructor(
    readonly projection: string,
    cause: unknown,
  ) {
    super(`${projection}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Runs every projection on one catch-up subscription of the store. Each batch is applied to all
 * of them, and their checkpoints moved, in one transaction: after a crash each resumes exactly
 * where its last commit left it, and a batch costs one transaction however many read models
 * there are. The transaction locks the checkpoints and checks they are still the ones the batch
 * started from, so several instances (or a rebuild) on one database never apply an event twice.
 * A projection behind the others (a new one) gets only the events past its own checkpoint.
 * A projection that fails is rolled back to a savepoint and set aside while the others go on;
 * it is retried from its own checkpoint a little later, never skipping an event.
 */
export class ProjectionRunner {
  private readonly names: string[];
  private positions = new Map<string, Position | null>();
  private readonly errors = new Map<string, string | null>();
  private waiters: Waiter[] = [];
  private abort = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  /** Projections that failed in the current round: left behind until the round restarts. */
  private readonly stalled = new Set<string>();
  private retryRound: () => void = () => undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
    private readonly projections: Projection[],
    private readonly batchSize = 500,
  ) {
    this.names = projections.map((p) => p.name);
  }

  /** Creates or upgrades every read model's tables. */
  async migrate(): Promise<void> {
    await migrate(this.sql, 'projection-checkpoints', checkpointMigrations);
    for (const projection of this.projections) await migrate(this.sql, `projection-${projection.name}`, projection.migrations);
  }

  async start(): Promise<void> {
    this.abort = new AbortController();
    this.positions = await readCheckpoints(this.sql, this.names);
    for (const name of this.names) this.errors.set(name, null);
    this.loop = this.run(this.abort.signal);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  status(): ProjectionStatus[] {
    return this.names.map((name) => ({ name, position: this.positions.get(name) ?? null, lastError: this.errors.get(name) ?? null }));
  }

  /** Resolves once every projection has applied `position`, or after `timeoutMs` (returns false then). */
  waitFor(position: Position, timeoutMs = 10_000): Promise<boolean> {
    if (this.hasReached(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Empties every read model and replays the whole log into it; `onProgress` counts events replayed. */
  async rebuild(onProgress: (replayed: number) => void = () => undefined): Promise<void> {
    await this.migrate();
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK]);
      for (const projection of this.projections) {
        for (const table of projection.tables) await tx.query(`DELETE FROM ${table}`);
        await clearCheckpoint(tx, projection.name);
      }
    });
    this.positions = new Map(this.names.map((name) => [name, null]));
    let replayed = 0;
    for (let resumed = true; resumed; ) {
      resumed = false;
      for await (const batch of catchUp(this.store, this.lowestPosition(), this.batchSize)) {
        try {
          await this.applyBatch(batch, false);
        } catch (error) {
          // A running service is replaying the same log alongside: carry on from its checkpoints.
          if (!(error instanceof CheckpointMoved)) throw error;
          this.positions = await readCheckpoints(this.sql, this.names);
          resumed = true;
          break;
        }
        replayed += batch.length;
        onProgress(replayed);
      }
    }
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const round = new AbortController();
      const endRound = () => round.abort();
      signal.addEventListener('abort', endRound, { once: true });
      let retry: NodeJS.Timeout | undefined;
      this.retryRound = () => (retry ??= setTimeout(endRound, RETRY_AFTER_ERROR_MS));
      try {
        const subscription = this.store.subscribeAll(this.lowestPosition(), { batchSize: this.batchSize, gatherMs: GATHER_MS, signal: round.signal });
        for await (const batch of subscription) {
          await this.applyBatch(batch, true);
          this.releaseWaiters();
        }
      } catch (error) {
        if (error instanceof CheckpointMoved) this.positions = await readCheckpoints(this.sql, this.names);
        else {
          for (const name of this.names) this.errors.set(name, error instanceof Error ? error.message : String(error));
          await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
        }
      } finally {
        clearTimeout(retry);
        signal.removeEventListener('abort', endRound);
        this.stalled.clear();
      }
    }
  }

  /**
   * Applies a batch to every projection in one transaction. With `isolate`, a failing projection
   * is rolled back to its savepoint and set aside; without it (rebuild) it fails the whole batch.
   */
  private async applyBatch(batch: RecordedEvent[], isolate: boolean): Promise<void> {
    const last = batch[batch.length - 1].position;
    const advanced: string[] = [];
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK]);
      const stored = await readCheckpoints(tx, this.names);
      for (const name of this.names) if (stored.get(name) !== this.positions.get(name)) throw new CheckpointMoved();
      for (const projection of this.projections) {
        if (this.stalled.has(projection.name)) continue;
        const events = this.eventsAfter(batch, stored.get(projection.name) ?? null);
        if (!isolate) await this.applyTo(tx, projection, events);
        else if (!(await this.applyIsolated(tx, projection, events))) continue;
        advanced.push(projection.name);
      }
      if (advanced.length) await writeCheckpoints(tx, advanced, last);
    });
    for (const name of advanced) {
      this.positions.set(name, last);
      this.errors.set(name, null);
    }
  }

  private async applyIsolated(tx: SqlExecutor, projection: Projection, events: RecordedEvent[]): Promise<boolean> {
    if (events.length === 0) return true;
    await tx.query('SAVEPOINT projection');
    try {
      await this.applyTo(tx, projection, events);
      await tx.query('RELEASE SAVEPOINT projection');
      return true;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT projection');
      this.stalled.add(projection.name);
      this.errors.set(projection.name, error instanceof Error ? error.message : String(error));
      this.retryRound();
      return false;
    }
  }

  private async applyTo(tx: SqlExecutor, projection: Projection, events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      if ('applyBatch' in projection) await projection.applyBatch(tx, events);
      else for (const event of events) await projection.apply(tx, event);
    } catch (error) {
      throw new ProjectionFailed(projection.name, error);
    }
  }

  private eventsAfter(batch: RecordedEvent[], checkpoint: Position | null): RecordedEvent[] {
    return checkpoint === null ? batch : batch.filter((e) => this.store.comparePositions(e.position, checkpoint) > 0);
  }

  /** Where the shared subscription starts: the checkpoint of the projection furthest behind. */
  private lowestPosition(): Position | null {
    let lowest: Position | null | undefined;
    for (const name of this.names) {
      const position = this.positions.get(name) ?? null;
      if (position === null) return null;
      if (lowest === undefined || this.store.comparePositions(position, lowest as Position) < 0) lowest = position;
    }
    return lowest ?? null;
  }

  private hasReached(position: Position): boolean {
    return this.names.every((name) => {
      const reached = this.positions.get(name);
      return reached != null && this.store.comparePositions(reached, position) >= 0;
    });
  }

  private releaseWaiters(): void {
    const ready = this.waiters.filter((w) => this.hasReached(w.position));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }
}
