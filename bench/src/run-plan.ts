import { Cleanup } from './cleanup';
import { BenchOptions } from './options';
import { Progress } from './progress';
import { Measurement, runWriters } from './run-writers';
import { BenchCase } from './targets/target';

export interface Sample {
  case: BenchCase;
  writers: number;
  round: number;
  measurement: Measurement;
  /** How long the projections took to catch up after the last measured write (ours only). */
  settleMs: number | null;
}

export interface CaseRowSize {
  case: BenchCase;
  rowBytes: number;
}

/**
 * Runs every case, round after round: open, then for each writer count a warm-up (not counted)
 * and a measurement, then close. Each open store is registered with `cleanup` so that a failure
 * or Ctrl-C still closes it before the scratch database is dropped.
 */
export async function runPlan(cases: BenchCase[], options: BenchOptions, progress: Progress, cleanup: Cleanup) {
  const samples: Sample[] = [];
  const rowSizes = new Map<BenchCase, number>();
  for (let round = 1; round <= options.rounds; round++) {
    for (const benchCase of cases) {
      const label = `${benchCase.backend} ${benchCase.name}`;
      const target = await benchCase.open();
      const close = cleanup.add(`close ${label}`, () => target.close());
      for (const writers of options.writers) {
        const roundNote = options.rounds > 1 ? ` r${round}` : '';
        if (options.warmup > 0) {
          progress.start(`${label}, ${writers}w warm-up${roundNote}`, options.warmup);
          await runWriters(() => target.write(), options.warmup, writers, () => progress.tick());
          await target.settle?.();
        }
        progress.start(`${label}, ${writers}w${roundNote}`, options.events);
        const measurement = await runWriters(() => target.write(), options.events, writers, () => progress.tick());
        progress.stop();
        const settleMs = target.settle ? await target.settle() : null;
        samples.push({ case: benchCase, writers, round, measurement, settleMs });
      }
      rowSizes.set(benchCase, await target.rowBytes());
      await close();
    }
  }
  return { samples, rowSizes };
}
