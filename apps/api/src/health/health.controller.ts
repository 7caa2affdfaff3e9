import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { SqlClient } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { SQL_CLIENT } from '../ledger/ledger.tokens';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly projections: ProjectionRunner,
  ) {}

  @Get()
  async health() {
    try {
      await this.sql.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', store: this.sql.kind });
    }
    return { status: 'ok', store: this.sql.kind, projections: this.projections.status() };
  }
}
