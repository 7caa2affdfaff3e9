import { Cleanup } from './cleanup';
import { BenchOptions } from './options';
import { Progress } from './progress';
import { Measurement, runWriters } from './run-writers';
import { BenchCase } from './targets/target';
import { WalProbe } from './wal-probe';

export interface Sample {
  case: BenchCase;
  writers: number;
  round: number;
  measurement: Measurement;
  /** How long the projections took to catch up after the last measured write (ours only). */
  settleMs: number | null;
  /** WAL bytes per event on PostgreSQL, projections' writes included. */
  walBytesPerEvent: number | null;
}

/** The cases starting at a different one each round, so that none is always first or last. */
function rotate<T>(items: T[], by: number): T[] {
  const k = by % Math.max(items.length, 1);
  return [...items.slice(k), ...items.slice(0, k)];
}

/**
 * Runs the plan round after round and, within a round, writer count after writer count, every
 * case in turn: open, warm up (not counted), measure, let background work settle, close. Cases
 * compared with each other therefore run close together in time, which matters on a machine
 * whose disk flush latency drifts. Each open store is registered with `cleanup` so that a
 * failure or Ctrl-C still closes it before the scratch database is dropped.
 */
export async function runPlan(cases: BenchCase[], options: BenchOptions, progress: Progress, cleanup: Cleanup, wal: WalProbe | null) {
  const samples: Sample[] = [];
  const rowSizes = new Map<BenchCase, number>();
  for (let round = 1; round <= options.rounds; round++) {
    for (const writers of options.writers) {
      for (const benchCase of rotate(cases, round - 1)) {
        const label = `${benchCase.backend} ${benchCase.name}, ${writers}w${options.rounds > 1 ? ` r${round}` : ''}`;
        const target = await benchCase.open();
        const close = cleanup.add(`close ${label}`, () => target.close());
        if (options.warmup > 0) {
          progress.start(`${label} warm-up`, options.warmup);
          await runWriters(() => target.write(), options.warmup, writers, () => progress.tick());
          await target.settle?.();
        }
        const probe = benchCase.backend === 'postgres' ? wal : null;
        const walBefore = await probe?.position();
        progress.start(label, options.events);
        const measurement = await runWriters(() => target.write(), options.events, writers, () => progress.tick());
        progress.stop();
        const settleMs = target.settle ? await target.settle() : null;
        // Read after settling: the projections' own writes are part of what an event costs.
        const walAfter = await probe?.position();
        const walBytesPerEvent = walBefore !== undefined && walAfter !== undefined ? Number(walAfter - walBefore) / options.events : null;
        samples.push({ case: benchCase, writers, round, measurement, settleMs, walBytesPerEvent });
        rowSizes.set(benchCase, await target.rowBytes());
        await close();
      }
    }
  }
  return { samples, rowSizes };
}
