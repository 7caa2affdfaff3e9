import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { migrate, type SqlClient } from '@ledger/event-store';
import { formatCheckpoint, signNote } from '@ledger/integrity';
import { latestCheckpoint, rootAt, saveCheckpoint, sealedSize, signedCheckpointMigrations } from '@ledger/projections';
import type { LedgerConfig } from '../config';
import { type Clock, CLOCK, LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import { SigningKeys } from './signing-keys';

const TICK_MS = 250;

/**
 * Signs a checkpoint of the sealed tree once `everyEvents` new leaves are sealed, or once
 * `everySeconds` have passed with at least one: never one per event. Instances sharing a
 * database take turns under an advisory lock, and a tree size is only ever signed once.
 */
@Injectable()
export class CheckpointSigner implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly startedAt: Date;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: SigningKeys,
  ) {
    this.startedAt = clock();
  }

  // Before any module's bootstrap: tenant isolation (LedgerModule) then grants tenant reads this table.
  onModuleInit() {
    return migrate(this.sql, 'signed-checkpoints', signedCheckpointMigrations);
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      this.running ??= this.signIfDue()
        .then(() => undefined)
        .catch((error) => this.logger.error(`could not sign a checkpoint: ${error instanceof Error ? error.message : error}`))
        .finally(() => (this.running = undefined));
    }, TICK_MS);
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  /** Signs the current sealed size when a checkpoint is due; returns the size signed, or null. */
  signIfDue(): Promise<number | null> {
    const { everyEvents, everySeconds, origin } = this.config.checkpoints;
    return this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['ledger-signed-checkpoints']);
      const size = await sealedSize(tx);
      const last = await latestCheckpoint(tx);
      const lastSize = last?.treeSize ?? 0;
      if (size <= lastSize) return null;
      const since = (last?.signedAt ?? this.startedAt).getTime();
      if (size - lastSize < everyEvents && this.clock().getTime() - since < everySeconds * 1000) return null;
      const root = await rootAt(tx, size);
      const note = signNote(formatCheckpoint({ origin, size, rootHash: root }), this.keys.signerKey);
      await saveCheckpoint(tx, { treeSize: size, rootHash: root.toString('hex'), note });
      return size;
    });
  }
}
