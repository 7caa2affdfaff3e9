import type { SqlClient, SqlEventStore } from '@ledger/event-store';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { leafIndexes } from './merkle-leaves';
import { merkleLogProjection } from './merkle-log.projection';

describe.each(storagesUnderTest())('Merkle leaves of a tenant on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage, { pollIntervalMs: 20 })));
  afterEach(() => close());

  const event = { type: 'InstructionReceived', schemaVersion: 1, data: {}, occurredAt: new Date('2026-03-01T00:00:00Z') };

  it("finds the tenant's sealed events only, and treats an id that is not a UUID as not found instead of failing", async () => {
    const mine = await appendNewStream(store, 't1', 'instruction-a', [event]);
    const theirs = await appendNewStream(store, 't2', 'instruction-b', [event]);
    await projectUpTo(sql, store, [merkleLogProjection], theirs);
    const [own, other] = [mine.events[0].eventId, theirs.events[0].eventId];
    expect(await leafIndexes(sql, 't1', [own, other])).toEqual(new Map([[own, 0]]));
    // Client input (inclusionProof(eventId), /proofs/inclusion/:eventId): a bad id is "not in the log", not a SQL error.
    expect(await leafIndexes(sql, 't1', ['not-a-uuid', own, "'; --"])).toEqual(new Map([[own, 0]]));
    expect(await leafIndexes(sql, 't1', ['not-a-uuid'])).toEqual(new Map());
  });
});
