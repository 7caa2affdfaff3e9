import { performance } from 'node:perf_hooks';

export interface Measurement {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Latency of one write, as its writer saw it (queueing included). */
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this Node process per event (user + system): the client side, and PGlite itself when embedded. */
  cpuMicrosPerEvent: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Writes `count` events with `writers` async loops sharing one counter: each loop awaits its
 * write before taking the next number, so at most `writers` writes are in flight.
 */
export async function runWriters(write: () => Promise<void>, count: number, writers: number, onWritten: () => void): Promise<Measurement> {
  const latencies = new Array<number>(count);
  let next = 0;
  const loop = async () => {
    while (next < count) {
      const i = next++;
      const start = performance.now();
      await write();
      latencies[i] = performance.now() - start;
      onWritten();
    }
  };
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(writers, Math.max(count, 1)) }, loop));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    events: count,
    seconds,
    eventsPerSecond: count / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMicrosPerEvent: (cpu.user + cpu.system) / count,
  };
}
