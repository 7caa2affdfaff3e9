import { writeFileSync } from 'node:fs';
import { Machine } from './machine';
import { BenchOptions } from './options';
import { Sample } from './run-plan';

/** Every round's figures, for whoever wants more than the medians (--json <file>). */
export function writeSamplesJson(path: string, machine: Machine, options: BenchOptions, samples: Sample[]): void {
  const { databaseUrl: _hidden, ...shown } = options; // the URL may hold a password
  const json = {
    machine,
    options: shown,
    samples: samples.map(({ case: c, writers, round, measurement, settleMs, walBytesPerEvent }) => ({
      backend: c.backend,
      case: c.name,
      role: c.role,
      writers,
      round,
      ...measurement,
      settleMs,
      walBytesPerEvent,
    })),
  };
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}
