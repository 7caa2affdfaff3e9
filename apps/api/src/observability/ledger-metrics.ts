import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One sample of the service's lag, taken when /metrics is scraped. */
export interface LagSample {
  projections: Array<{ name: string; lagEvents: number; lagSeconds: number }>;
  /** Sealed events no signed checkpoint covers yet. */
  unsignedEvents: number;
  /** Seconds since the latest signed checkpoint; null before the first one. */
  checkpointAgeSeconds: number | null;
}

/**
 * The service's Prometheus series, in a registry of its own (one per application, so two apps
 * in one process, as in tests, never share counters). Lag gauges are measured at scrape time.
 */
@Injectable()
export class LedgerMetrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands executed, by command type and outcome (ok, replayed, or the error code)',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });
  private readonly commandSeconds = new Histogram({
    name: 'ledger_command_duration_seconds',
    help: 'Time from loading the stream to the append, by command type and outcome',
    labelNames: ['type', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly appendSeconds = new Histogram({
    name: 'ledger_append_duration_seconds',
    help: 'Time to append one command\'s events to the store',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private sample: () => Promise<LagSample> = async () => ({ projections: [], unsignedEvents: 0, checkpointAgeSeconds: null });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const metrics = this;
    let taken: Promise<LagSample | null> | undefined;
    // The lag series come from one sample per scrape; with the store unreachable they are left out, the rest is still served.
    const latest = () =>
      (taken ??= metrics
        .sample()
        .catch(() => null)
        .finally(() => setImmediate(() => (taken = undefined))));
    new Gauge({
      name: 'ledger_store_up',
      help: '1 when the store answered the lag queries of this scrape, 0 when it could not be reached',
      registers: [this.registry],
      async collect() {
        this.set((await latest()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'ledger_projection_lag_events',
      help: 'Events committed to the log that a read model (merkle-log: the sealer) has not applied yet (capped at 10000)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of (await latest())?.projections ?? []) this.set({ projection: p.name }, p.lagEvents);
      },
    });
    new Gauge({
      name: 'ledger_projection_lag_seconds',
      help: 'Age of the oldest event a read model (merkle-log: the sealer) has not applied yet; 0 when caught up',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const p of (await latest())?.projections ?? []) this.set({ projection: p.name }, p.lagSeconds);
      },
    });
    new Gauge({
      name: 'ledger_unsigned_events',
      help: 'Sealed events that no signed checkpoint covers yet (NaN with the store unreachable)',
      registers: [this.registry],
      async collect() {
        this.set((await latest())?.unsignedEvents ?? NaN);
      },
    });
    new Gauge({
      name: 'ledger_checkpoint_age_seconds',
      help: 'Seconds since the latest signed checkpoint (NaN before the first one, or with the store unreachable)',
      registers: [this.registry],
      async collect() {
        this.set((await latest())?.checkpointAgeSeconds ?? NaN);
      },
    });
  }

  /** Where the lag gauges get their figures (the LagProbe, once the store is open). */
  sampleLagWith(sample: () => Promise<LagSample>): void {
    this.sample = sample;
  }

  commandExecuted(type: string, outcome: string, seconds: number): void {
    this.commands.inc({ type, outcome });
    this.commandSeconds.observe({ type, outcome }, seconds);
  }

  appended(seconds: number): void {
    this.appendSeconds.observe(seconds);
  }
}
