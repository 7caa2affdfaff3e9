import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { LagProbe } from './lag-probe';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsController } from './metrics.controller';
import { RequestLoggingMiddleware } from './request-logging.middleware';

/** Correlation ids and request logs on every route, Prometheus series at /metrics. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [LedgerMetrics, LagProbe],
  exports: [LedgerMetrics, LagProbe],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(RequestLoggingMiddleware).forRoutes('{*path}');
  }
}
