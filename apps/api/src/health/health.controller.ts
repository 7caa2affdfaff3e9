import { BeforeApplicationShutdown, Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { SqlClient } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import type { LedgerConfig } from '../config';
import { LEDGER_CONFIG, SQL_CLIENT } from '../ledger/ledger.tokens';
import { LagProbe } from '../observability/lag-probe';
import { Open } from '../access/policy';

const DEFAULT_READY_MAX_LAG_SECONDS = 30;

/**
 * /health/live: the process answers (restart it when this fails). /health/ready: send it traffic
 * (the store answers, every read model is within LEDGER_READY_MAX_LAG_SECONDS of the log, and
 * the service is not shutting down). /health: the store and each projection's position.
 */
@Open()
@Controller('health')
export class HealthController implements BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly projections: ProjectionRunner,
    private readonly lag: LagProbe,
  ) {}

  @Get()
  async health() {
    await this.storeReachable('unavailable');
    return { status: 'ok', store: this.sql.kind, projections: this.projections.status() };
  }

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'live' };
  }

  @Get('ready')
  async ready() {
    if (this.shuttingDown) throw new ServiceUnavailableException({ status: 'not ready', reason: 'shutting down' });
    await this.storeReachable('not ready');
    const maxLag = this.config.readyMaxLagSeconds ?? DEFAULT_READY_MAX_LAG_SECONDS;
    const projections = await this.lag.projectionLag().catch(() => {
      throw new ServiceUnavailableException({ status: 'not ready', reason: 'store unreachable', store: this.sql.kind });
    });
    const behind = projections.filter((p) => p.lagSeconds > maxLag);
    if (behind.length)
      throw new ServiceUnavailableException({ status: 'not ready', reason: `read models more than ${maxLag} s behind the log`, projections: behind });
    return { status: 'ready', store: this.sql.kind, maxLagSeconds: maxLag, projections };
  }

  beforeApplicationShutdown() {
    this.shuttingDown = true;
  }

  private async storeReachable(status: string): Promise<void> {
    try {
      await this.sql.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status, reason: 'store unreachable', store: this.sql.kind });
    }
  }
}
