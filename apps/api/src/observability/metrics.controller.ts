import { Controller, Get, Header } from '@nestjs/common';
import { Open } from '../access/policy';
import { LedgerMetrics } from './ledger-metrics';

@Open()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LedgerMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
