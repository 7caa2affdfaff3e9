import { aggregate, findRow, oursVsPeer, Row, Spread } from './aggregate';
import { Machine } from './machine';
import { BenchOptions } from './options';
import { Sample } from './run-plan';
import { BenchCase } from './targets/target';

/** The target from the issue: our command path at least half as fast as raw INSERT on PostgreSQL. */
export const TARGET_RATIO = 0.5;

const BACKEND_TITLE = { postgres: 'PostgreSQL', embedded: 'embedded (PGlite)' } as const;

const fixed = (value: number, digits: number) => value.toFixed(digits);

function range(spread: Spread, digits: number, unit = ''): string {
  return `${fixed(spread.min, digits)}${unit}-${fixed(spread.max, digits)}${unit}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = (i: number) => i >= 2; // numbers
  const line = (cells: string[]) => `| ${cells.map((c, i) => (right(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function resultsTable(rows: Row[], options: BenchOptions): string {
  const rounds = options.rounds > 1;
  const withWal = rows.some((row) => row.walBytesPerEvent !== null);
  const header = ['backend', 'case', 'writers', 'events/s'];
  if (rounds) header.push('events/s min-max');
  header.push('vs raw INSERT');
  if (rounds) header.push('ratio min-max');
  header.push('p50 ms', 'p99 ms', 'node CPU µs/event');
  if (withWal) header.push('WAL bytes/event');
  header.push('row bytes', 'projections caught up', 'events/s until projected');
  const cells = rows.map((row) => {
    const line = [BACKEND_TITLE[row.case.backend], row.case.name, String(row.writers), fixed(row.eventsPerSecond.median, 0)];
    if (rounds) line.push(range(row.eventsPerSecond, 0));
    line.push(row.vsLimit ? `${fixed(row.vsLimit.median, 2)}x` : '');
    if (rounds) line.push(row.vsLimit ? range(row.vsLimit, 2) : '');
    line.push(fixed(row.p50Ms, 2), fixed(row.p99Ms, 2), fixed(row.cpuMicrosPerEvent, 0));
    if (withWal) line.push(row.walBytesPerEvent === null ? '' : fixed(row.walBytesPerEvent, 0));
    line.push(
      fixed(row.rowBytes, 0),
      row.settleMs === null ? '' : `+${fixed(row.settleMs, 0)} ms`,
      row.projectedEventsPerSecond === null ? '' : fixed(row.projectedEventsPerSecond, 0),
    );
    return line;
  });
  return table(header, cells);
}

function ratioLines(rows: Row[], samples: Sample[], options: BenchOptions): string[] {
  const lines: string[] = [];
  for (const backend of options.backends) {
    for (const writers of options.writers) {
      const ours = findRow(rows, backend, 'ours', writers);
      const peer = findRow(rows, backend, 'peer', writers);
      if (!ours?.vsLimit) continue;
      const parts = [`ledger/raw ${fixed(ours.vsLimit.median, 2)}x`];
      if (peer?.vsLimit) parts.push(`Emmett/raw ${fixed(peer.vsLimit.median, 2)}x`);
      const vsPeer = oursVsPeer(samples, backend, writers);
      if (vsPeer) parts.push(`ledger/Emmett ${fixed(vsPeer.median, 2)}x`);
      if (backend === 'postgres') parts.push(`target >= ${TARGET_RATIO}x ${ours.vsLimit.median >= TARGET_RATIO ? 'met' : 'NOT met'}`);
      lines.push(`- ${BACKEND_TITLE[backend]}, ${writers} writer${writers > 1 ? 's' : ''}: ${parts.join(', ')}`);
    }
  }
  return lines;
}

/** Load averages before and after the run: anything well above the writers' own load means other work shared the machine. */
export interface LoadAverages {
  before: number[];
  after: number[];
}

const loads = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');

export function formatReport(
  machine: Machine,
  options: BenchOptions,
  samples: Sample[],
  rowSizes: Map<BenchCase, number>,
  load: LoadAverages,
): string {
  const rows = aggregate(samples, rowSizes);
  const rounds = options.rounds > 1 ? `; medians of ${options.rounds} rounds, ratios taken within each round` : '';
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}, Node ${machine.node}`,
    machine.postgres ? `PostgreSQL ${machine.postgres} (${machine.postgresSettings})` : 'PostgreSQL: not measured',
    `PGlite ${machine.pglite}, Emmett PostgreSQL ${machine.emmett}`,
    `${options.events} events per case and writer count, after ${options.warmup} warm-up events${rounds}.`,
    `Load average (1, 5, 15 min) before: ${loads(load.before)}, after: ${loads(load.after)}.`,
    '',
    resultsTable(rows, options),
    '',
    'Ratios (median of rounds):',
    ...ratioLines(rows, samples, options),
    '',
  ].join('\n');
}
