import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, Position, SqlClient } from '@ledger/event-store';
import { latestCheckpoint, ProjectionRunner, sealedSize } from '@ledger/projections';
import { type Clock, CLOCK, EVENT_STORE, SQL_CLIENT } from '../ledger/ledger.tokens';
import { type LagSample, LedgerMetrics } from './ledger-metrics';

/** Counting further than this on every scrape would cost more than the figure is worth. */
export const LAG_EVENTS_CAP = 10_000;

/** How far each read model (and the sealer, the merkle-log projection) is behind the log, and the signer behind the sealer. */
@Injectable()
export class LagProbe {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionRunner,
    metrics: LedgerMetrics,
  ) {
    metrics.sampleLagWith(() => this.sample());
  }

  async projectionLag(): Promise<LagSample['projections']> {
    const now = this.clock().getTime();
    const byPosition = new Map<Position | null, Promise<{ lagEvents: number; lagSeconds: number }>>();
    const lagAfter = async (position: Position | null) => {
      const behind = await this.store.readAll(position, LAG_EVENTS_CAP);
      const oldest = behind[0] ? new Date(behind[0].metadata.recordedAt).getTime() : now;
      return { lagEvents: behind.length, lagSeconds: Math.max(0, (now - oldest) / 1000) };
    };
    const statuses = this.projections.status();
    for (const { position } of statuses) if (!byPosition.has(position)) byPosition.set(position, lagAfter(position));
    return Promise.all(statuses.map(async ({ name, position }) => ({ name, ...(await byPosition.get(position)!) })));
  }

  async sample(): Promise<LagSample> {
    const [projections, sealed, latest] = await Promise.all([this.projectionLag(), sealedSize(this.sql), latestCheckpoint(this.sql)]);
    return {
      projections,
      unsignedEvents: sealed - (latest?.treeSize ?? 0),
      checkpointAgeSeconds: latest ? Math.max(0, (this.clock().getTime() - latest.signedAt.getTime()) / 1000) : null,
    };
  }
}
