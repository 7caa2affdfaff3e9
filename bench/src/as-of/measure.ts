import type { SqlClient } from '@ledger/event-store';
import { encodeCursor, listRegister, registerAt, registerRows, type RegisterFilter } from '@ledger/projections';
import { SeededStore, TENANT } from './seed';

export interface Timing {
  medianMs: number;
  p99Ms: number;
}

export interface CaseFigures {
  case: string;
  current: Timing;
  asOf: Timing;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { medianMs: at(50), p99Ms: at(99) };
}

/** Queries per case and side not timed: they bring both tables' pages into the caches. */
const WARM_UP = 50;

const activityId = (n: number) => `pa-${String(n).padStart(8, '0')}`;

/**
 * Times the register on the current-state table against the same register at a point (asOf in
 * the middle of the history, knownAt three quarters of the log: an auditor paging at one
 * checkpoint), alternating the two so that load on the machine hits both alike. Each page starts
 * after a random activity. One case moves the point every time, so no root is remembered.
 */
export async function measure(sql: SqlClient, seeded: SeededStore, queries: number): Promise<CaseFigures[]> {
  const point = { asOf: seeded.occurredAt(Math.floor(seeded.events / 2)), knownAt: { treeSize: Math.floor((seeded.events * 3) / 4) } };
  await sameAtTheHead(sql, seeded);

  const pageCase = async (name: string, filter: () => Omit<RegisterFilter, 'first'>, at: () => typeof point = () => point): Promise<CaseFigures> => {
    const current: number[] = [];
    const asOf: number[] = [];
    for (let i = 0; i < queries + WARM_UP; i++) {
      const f = filter();
      let t = performance.now();
      await listRegister(sql, TENANT, { first: 100, ...f });
      const c = performance.now() - t;
      t = performance.now();
      await listRegister(sql, TENANT, { first: 100, ...f, ...at() });
      const a = performance.now() - t;
      if (i >= WARM_UP) (current.push(c), asOf.push(a));
    }
    return { case: name, current: timing(current), asOf: timing(asOf) };
  };
  const randomAfter = () => encodeCursor(activityId(Math.floor(Math.random() * seeded.activities)));
  // A different tree size each time: the root of the prefix is read every time instead of remembered.
  const anotherPoint = () => ({ ...point, knownAt: { treeSize: Math.floor(seeded.events / 2 + Math.random() * (seeded.events / 2)) } });
  const figures = [
    await pageCase('page of 100 after a random cursor', () => ({ after: randomAfter() })),
    await pageCase('page of 100, one controller (1 in 50)', () => ({ after: randomAfter(), controllerId: `controller-${Math.floor(Math.random() * 50)}` })),
    await pageCase('page of 100, a different knownAt.treeSize each time', () => ({ after: randomAfter() }), anotherPoint),
  ];

  const current: number[] = [];
  const asOf: number[] = [];
  for (let i = 0; i < 6; i++) {
    let t = performance.now();
    await registerRows(sql, TENANT, {}, null, null);
    const c = performance.now() - t;
    t = performance.now();
    await registerAt(sql, TENANT, point);
    const a = performance.now() - t;
    if (i >= 1) (current.push(c), asOf.push(a));
  }
  figures.push({ case: `whole register (${seeded.activities.toLocaleString('en')} activities, registerAt)`, current: timing(current), asOf: timing(asOf) });
  return figures;
}

/** At the head of the log, the revisions must give back exactly the current-state table: else the seeding is wrong. */
async function sameAtTheHead(sql: SqlClient, seeded: SeededStore): Promise<void> {
  const current = await listRegister(sql, TENANT, { first: 100 });
  const head = await listRegister(sql, TENANT, { first: 100, knownAt: { treeSize: seeded.events } });
  if (JSON.stringify(current.edges) !== JSON.stringify(head.edges) || current.edges.length === 0)
    throw new Error('the register read at the head of the log differs from the current-state table: the seeded tables are inconsistent');
}
