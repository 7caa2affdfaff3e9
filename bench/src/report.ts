import { Machine } from './machine';
import { BenchOptions } from './options';
import { Sample } from './run-plan';
import { BenchCase } from './targets/target';

/** The target from the issue: our command path at least half as fast as raw INSERT on PostgreSQL. */
export const TARGET_RATIO = 0.5;

interface Row {
  case: BenchCase;
  writers: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  settleMs: number | null;
  rowBytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One row per case and writer count: the median of the rounds. */
function aggregate(samples: Sample[], rowSizes: Map<BenchCase, number>): Row[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = `${sample.case.backend}|${sample.case.name}|${sample.writers}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return [...groups.values()].map((group) => {
    const settles = group.map((s) => s.settleMs).filter((ms): ms is number => ms !== null);
    return {
      case: group[0].case,
      writers: group[0].writers,
      eventsPerSecond: median(group.map((s) => s.measurement.eventsPerSecond)),
      p50Ms: median(group.map((s) => s.measurement.p50Ms)),
      p99Ms: median(group.map((s) => s.measurement.p99Ms)),
      settleMs: settles.length ? median(settles) : null,
      rowBytes: rowSizes.get(group[0].case) ?? 0,
    };
  });
}

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const BACKEND_TITLE = { postgres: 'PostgreSQL', embedded: 'embedded (PGlite)' } as const;

function find(rows: Row[], backend: string, role: string, writers: number): Row | undefined {
  return rows.find((r) => r.case.backend === backend && r.case.role === role && r.writers === writers);
}

function ratioLines(rows: Row[], options: BenchOptions): string[] {
  const lines: string[] = [];
  for (const backend of options.backends) {
    for (const writers of options.writers) {
      const limit = find(rows, backend, 'limit', writers);
      const ours = find(rows, backend, 'ours', writers);
      const peer = find(rows, backend, 'peer', writers);
      if (!limit || !ours) continue;
      const oursRatio = ours.eventsPerSecond / limit.eventsPerSecond;
      const parts = [`ledger/raw ${fixed(oursRatio, 2)}x`];
      if (peer) {
        parts.push(`Emmett/raw ${fixed(peer.eventsPerSecond / limit.eventsPerSecond, 2)}x`);
        parts.push(`ledger/Emmett ${fixed(ours.eventsPerSecond / peer.eventsPerSecond, 2)}x`);
      }
      if (backend === 'postgres') parts.push(`target >= ${TARGET_RATIO}x: ${oursRatio >= TARGET_RATIO ? 'met' : 'NOT met'}`);
      lines.push(`- ${BACKEND_TITLE[backend]}, ${writers} writer${writers > 1 ? 's' : ''}: ${parts.join(', ')}`);
    }
  }
  return lines;
}

export function formatReport(machine: Machine, options: BenchOptions, samples: Sample[], rowSizes: Map<BenchCase, number>): string {
  const rows = aggregate(samples, rowSizes);
  const header = ['backend', 'case', 'writers', 'events/s', 'vs raw INSERT', 'p50 ms', 'p99 ms', 'row bytes', 'projections caught up'];
  const cells = rows.map((row) => {
    const limit = find(rows, row.case.backend, 'limit', row.writers);
    return [
      BACKEND_TITLE[row.case.backend],
      row.case.name,
      String(row.writers),
      fixed(row.eventsPerSecond, 0),
      limit ? `${fixed(row.eventsPerSecond / limit.eventsPerSecond, 2)}x` : '',
      fixed(row.p50Ms, 2),
      fixed(row.p99Ms, 2),
      fixed(row.rowBytes, 0),
      row.settleMs === null ? '' : `+${fixed(row.settleMs, 0)} ms`,
    ];
  });
  const rounds = options.rounds > 1 ? `, median of ${options.rounds} rounds` : '';
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}, Node ${machine.node}`,
    machine.postgres ? `PostgreSQL ${machine.postgres} (${machine.postgresSettings})` : 'PostgreSQL: not measured',
    `PGlite ${machine.pglite}, Emmett PostgreSQL ${machine.emmett}`,
    `${options.events} events per case and writer count, after ${options.warmup} warm-up events${rounds}.`,
    '',
    table(header, cells, new Set([2, 3, 4, 5, 6, 7, 8])),
    '',
    'Ratios:',
    ...ratioLines(rows, options),
    '',
  ].join('\n');
}
