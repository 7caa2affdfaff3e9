import { Backend } from './options';
import { Sample } from './run-plan';
import { BenchCase, Role } from './targets/target';

/** The spread of one figure over the rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** One case at one writer count, over all rounds. */
export interface Row {
  case: BenchCase;
  writers: number;
  eventsPerSecond: Spread;
  /**
   * This case's events/s over the limit's in the same round (the two ran minutes apart at most),
   * then the median over rounds: steadier than a ratio of medians when the disk drifts.
   */
  vsLimit: Spread | null;
  /** Events over (writing time + time for the projections to catch up): the rate with the register kept current. */
  projectedEventsPerSecond: number | null;
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerEvent: number;
  settleMs: number | null;
  walBytesPerEvent: number | null;
  rowBytes: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function present<T>(values: Array<T | null>): T[] {
  return values.filter((value): value is T => value !== null);
}

/** Per round, `sample`'s rate over the rate of `role` at the same backend, writers and round. */
function ratiosTo(role: Role, group: Sample[], samples: Sample[]): number[] {
  return present(
    group.map((sample) => {
      const other = samples.find(
        (s) => s.case.role === role && s.case.backend === sample.case.backend && s.writers === sample.writers && s.round === sample.round,
      );
      return other ? sample.measurement.eventsPerSecond / other.measurement.eventsPerSecond : null;
    }),
  );
}

export function aggregate(samples: Sample[], rowSizes: Map<BenchCase, number>): Row[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = `${sample.case.backend}|${sample.case.name}|${sample.writers}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  const rows = [...groups.values()].map((group): Row => {
    const settles = present(group.map((s) => s.settleMs));
    const wal = present(group.map((s) => s.walBytesPerEvent));
    const vsLimit = ratiosTo('limit', group, samples);
    const projected = present(
      group.map((s) => (s.settleMs === null ? null : s.measurement.events / (s.measurement.seconds + s.settleMs / 1000))),
    );
    return {
      case: group[0].case,
      writers: group[0].writers,
      eventsPerSecond: spread(group.map((s) => s.measurement.eventsPerSecond)),
      vsLimit: vsLimit.length ? spread(vsLimit) : null,
      projectedEventsPerSecond: projected.length ? spread(projected).median : null,
      p50Ms: spread(group.map((s) => s.measurement.p50Ms)).median,
      p99Ms: spread(group.map((s) => s.measurement.p99Ms)).median,
      cpuMicrosPerEvent: spread(group.map((s) => s.measurement.cpuMicrosPerEvent)).median,
      settleMs: settles.length ? spread(settles).median : null,
      walBytesPerEvent: wal.length ? spread(wal).median : null,
      rowBytes: rowSizes.get(group[0].case) ?? 0,
    };
  });
  // PostgreSQL first, then by writer count, then in plan order (limit, peer, ours, diagnostics).
  const backendOrder = (row: Row) => (row.case.backend === 'postgres' ? 0 : 1);
  const planOrder = samples.map((s) => s.case);
  return rows.sort(
    (a, b) => backendOrder(a) - backendOrder(b) || a.writers - b.writers || planOrder.indexOf(a.case) - planOrder.indexOf(b.case),
  );
}

/** Ours over the peer, per round then the median, like `vsLimit`. */
export function oursVsPeer(samples: Sample[], backend: Backend, writers: number): Spread | null {
  const ours = samples.filter((s) => s.case.role === 'ours' && s.case.backend === backend && s.writers === writers);
  const ratios = ratiosTo('peer', ours, samples);
  return ratios.length ? spread(ratios) : null;
}

export function findRow(rows: Row[], backend: Backend, role: Role, writers: number): Row | undefined {
  return rows.find((r) => r.case.backend === backend && r.case.role === role && r.writers === writers);
}
