import type { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { appendNewStream, lastPositionOf, openTestEventStore, storagesUnderTest, TestEventStore } from '@ledger/testing';
import { EventProjection } from './projection';
import { ProjectionRunner } from './projection-runner';

/** Counts the events it sees in its own table, and fails on events marked poison while `broken`. */
function countingProjection(name: string, state: { broken: boolean }): EventProjection {
  return {
    name,
    tables: [`rm_${name}`],
    migrations: [{ version: 1, statements: [`CREATE TABLE rm_${name} (event_id text PRIMARY KEY)`] }],
    async apply(tx: SqlExecutor, event: RecordedEvent) {
      await tx.query(`INSERT INTO rm_${name} (event_id) VALUES ($1)`, [event.eventId]);
      if (state.broken && (event.data as { poison?: boolean }).poison) throw new Error(`cannot read ${event.eventId}`);
    },
  };
}

const event = (n: number, poison = false) => ({ type: 'ProbeRecorded', schemaVersion: 1, data: { n, poison }, occurredAt: new Date('2026-01-01T00:00:00Z') });

describe.each(storagesUnderTest())('the projection runner on the $name store', (storage) => {
  let db: TestEventStore;
  beforeEach(async () => (db = await openTestEventStore(storage, { pollIntervalMs: 20 })));
  afterEach(() => db.close());

  const count = async (table: string) => Number((await db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0].n);

  it('keeps the other read models going when one fails, and lets the failing one catch up without skipping an event', async () => {
    const fragile = { broken: true };
    const runner = new ProjectionRunner(db.sql, db.store, [countingProjection('steady', { broken: false }), countingProjection('fragile', fragile)]);
    await runner.migrate();
    await runner.start();
    try {
      await appendNewStream(db.store, 't', 'probe-1', [event(1), event(2)]);
      await appendNewStream(db.store, 't', 'probe-2', [event(3, true)]);
      const last = lastPositionOf(await appendNewStream(db.store, 't', 'probe-3', [event(4), event(5)]));
      for (let tries = 0; tries < 200 && (await count('rm_steady')) < 5; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await count('rm_steady')).toBe(5);
      expect(await count('rm_fragile')).toBeLessThan(5);
      expect(runner.status().find((s) => s.name === 'fragile')?.lastError).toMatch(/cannot read/);
      expect(runner.status().find((s) => s.name === 'steady')?.lastError).toBeNull();

      fragile.broken = false;
      expect(await runner.waitFor(last, 10_000)).toBe(true);
      expect(await count('rm_fragile')).toBe(5);
      expect(runner.status().every((s) => s.lastError === null)).toBe(true);
    } finally {
      await runner.stop();
    }
  });
});
