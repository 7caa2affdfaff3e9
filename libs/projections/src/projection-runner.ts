import { catchUp, EventStore, migrate, Position, RecordedEvent, SqlClient } from '@ledger/event-store';
import { checkpointMigrations, clearCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoints';
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

/** Another runner (a second instance, or a rebuild) moved the checkpoint: resume from the stored one. */
class CheckpointMoved extends Error {}

/**
 * Runs each projection from its checkpoint on the store's catch-up subscription. Each batch of
 * events and the new checkpoint commit in one transaction: after a crash a projection resumes
 * exactly where its last commit left it. A failing batch is retried, never skipped. The batch
 * transaction locks the checkpoint and checks it is still the one the batch started from, so
 * several instances (or a rebuild) on one database never apply an event twice.
 */
export class ProjectionRunner {
  private readonly positions = new Map<string, Position | null>();
  private readonly errors = new Map<string, string | null>();
  private waiters: Waiter[] = [];
  private abort = new AbortController();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
    private readonly projections: Projection[],
    private readonly batchSize = 500,
  ) {}

  /** Creates or upgrades every read model's tables. */
  async migrate(): Promise<void> {
    await migrate(this.sql, 'projection-checkpoints', checkpointMigrations);
    for (const projection of this.projections) await migrate(this.sql, `projection-${projection.name}`, projection.migrations);
  }

  async start(): Promise<void> {
    this.abort = new AbortController();
    for (const projection of this.projections) {
      this.positions.set(projection.name, await readCheckpoint(this.sql, projection.name));
      this.errors.set(projection.name, null);
    }
    this.loops = this.projections.map((projection) => this.run(projection, this.abort.signal));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
    this.loops = [];
  }

  status(): ProjectionStatus[] {
    return this.projections.map(({ name }) => ({
      name,
      position: this.positions.get(name) ?? null,
      lastError: this.errors.get(name) ?? null,
    }));
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

  /** Empties every read model and replays the whole log into it; `onProgress` counts applied events. */
  async rebuild(onProgress: (applied: number) => void = () => undefined): Promise<void> {
    await this.migrate();
    for (const projection of this.projections) {
      await this.sql.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-projection-${projection.name}`]);
        for (const table of projection.tables) await tx.query(`DELETE FROM ${table}`);
        await clearCheckpoint(tx, projection.name);
      });
    }
    let applied = 0;
    for (const projection of this.projections) {
      let position: Position | null = null;
      for (let resumed = true; resumed; ) {
        resumed = false;
        for await (const batch of catchUp(this.store, position, this.batchSize)) {
          try {
            await this.applyBatch(projection, position, batch);
          } catch (error) {
            // A running service is replaying the same log alongside: carry on from its checkpoint.
            if (!(error instanceof CheckpointMoved)) throw error;
            position = await readCheckpoint(this.sql, projection.name);
            resumed = true;
            break;
          }
          position = batch[batch.length - 1].position;
          applied += batch.length;
          onProgress(applied);
        }
      }
    }
  }

  private async run(projection: Projection, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        let from = this.positions.get(projection.name) ?? null;
        for await (const batch of this.store.subscribeAll(from, { batchSize: this.batchSize, signal })) {
          await this.applyBatch(projection, from, batch);
          from = batch[batch.length - 1].position;
          this.positions.set(projection.name, from);
          this.errors.set(projection.name, null);
          this.releaseWaiters();
        }
      } catch (error) {
        if (error instanceof CheckpointMoved) {
          this.positions.set(projection.name, await readCheckpoint(this.sql, projection.name));
          continue;
        }
        this.errors.set(projection.name, error instanceof Error ? error.message : String(error));
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
      }
    }
  }

  private async applyBatch(projection: Projection, from: Position | null, batch: RecordedEvent[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-projection-${projection.name}`]);
      if ((await readCheckpoint(tx, projection.name)) !== from) throw new CheckpointMoved();
      if ('applyBatch' in projection) await projection.applyBatch(tx, batch);
      else for (const event of batch) await projection.apply(tx, event);
      await writeCheckpoint(tx, projection.name, batch[batch.length - 1].position);
    });
  }

  private hasReached(position: Position): boolean {
    return this.projections.every(({ name }) => {
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
