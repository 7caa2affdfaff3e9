import { findChainBreak, GENESIS_HASH } from '@ledger/integrity';
import { v7 as uuidv7 } from 'uuid';
import { catchUp } from '../catch-up';
import { AppendContext, ConcurrencyConflictError, EventStore, NewEvent, NO_STREAM, RecordedEvent } from '../event-store.port';
import { SqlClient } from '../sql/sql-client';

/** A writer whose transaction stays open until the test commits it. */
export interface HeldWriter {
  store: EventStore;
  commit(): Promise<void>;
}

export interface ContractSubject {
  store: EventStore;
  /** The SQL database holding the events (SQL stores only): the immutability tests write to it directly. */
  sql?: SqlClient;
  /** Only stores with several connections can commit out of position order. */
  heldWriter?: () => Promise<HeldWriter>;
  close(): Promise<void>;
}

const context = (overrides: Partial<AppendContext> = {}): AppendContext => {
  const commandId = uuidv7();
  return {
    tenantId: 'tenant-a',
    actor: { id: 'system', role: 'processor', keyId: null },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    ...overrides,
  };
};

const event = (n: number, occurredAt = new Date('2026-01-01T00:00:00Z')): NewEvent => ({
  type: 'InstructionReceived',
  schemaVersion: 1,
  data: { n, text: `instruction ${n}`, nested: { z: 1, a: [3, 2, 1] } },
  occurredAt,
});

const stream = () => `instruction-${uuidv7()}`;

/**
 * Everything committed so far, read in batches of `batchSize`. readAll alone may hold events back
 * while any older transaction is open on the server (other test files run beside this one).
 */
async function everything(store: EventStore, from: RecordedEvent['position'] | null = null, batchSize = 100): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const batch of catchUp(store, from, batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    all.push(...batch);
  }
  return all;
}

async function collect(store: EventStore, count: number, from: RecordedEvent['position'] | null = null, timeoutMs = 10_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const received: RecordedEvent[] = [];
  for await (const batch of store.subscribeAll(from, { signal: controller.signal, batchSize: 2 })) {
    received.push(...batch);
    if (received.length >= count) break;
  }
  clearTimeout(timer);
  return received;
}

function sqlOf(subject: ContractSubject): SqlClient {
  if (!subject.sql) throw new Error('this test needs the SQL database that holds the events');
  return subject.sql;
}

export interface ContractOptions {
  /** The events live in SQL tables (ledger_events): also prove they cannot be changed there. Default true. */
  sqlTables?: boolean;
}

/** Every EventStore adapter passes this suite (DESIGN.md, "Rules every adapter keeps"). */
export function eventStoreContract(name: string, open: () => Promise<ContractSubject>, { sqlTables = true }: ContractOptions = {}) {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(() => subject.close());

    it('appends to a new stream and reads it back with the full envelope', async () => {
      const s = stream();
      const ctx = context();
      const result = await store.append(s, NO_STREAM, [event(1), event(2)], ctx);
      expect(result.replayed).toBe(false);
      const read = await store.readStream('tenant-a', s);
      expect(read).toEqual(result.events);
      expect(read.map((e) => e.revision)).toEqual([0, 1]);
      expect(read[0]).toMatchObject({
        stream: s,
        type: 'InstructionReceived',
        schemaVersion: 1,
        data: event(1).data,
        prevHash: GENESIS_HASH,
        metadata: {
          tenantId: 'tenant-a',
          actor: ctx.actor,
          commandId: ctx.commandId,
          correlationId: ctx.correlationId,
          causationId: ctx.causationId,
          occurredAt: '2026-01-01T00:00:00.000Z',
        },
      });
      expect(read[0].eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Date.parse(read[0].metadata.recordedAt)).not.toBeNaN();
    });

    it('chains each event to the previous one of its stream, across appends', async () => {
      const s = stream();
      const first = await store.append(s, NO_STREAM, [event(1)], context());
      await store.append(s, 0, [event(2), event(3)], context());
      const read = await store.readStream('tenant-a', s);
      expect(read[1].prevHash).toBe(first.events[0].hash);
      expect(findChainBreak(read)).toBeNull();
    });

    it('reads a stream from a revision', async () => {
      const s = stream();
      await store.append(s, NO_STREAM, [event(1), event(2), event(3)], context());
      expect((await store.readStream('tenant-a', s, 1)).map((e) => e.revision)).toEqual([1, 2]);
    });

    it("never shows a stream to another tenant", async () => {
      const s = stream();
      await store.append(s, NO_STREAM, [event(1)], context());
      expect(await store.readStream('tenant-b', s)).toEqual([]);
    });

    it('reads all events in position order', async () => {
      const a = stream();
      const b = stream();
      await store.append(a, NO_STREAM, [event(1)], context());
      await store.append(b, NO_STREAM, [event(2)], context());
      await store.append(a, 0, [event(3)], context());
      const all = await everything(store);
      expect(all.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3]);
      for (let i = 1; i < all.length; i++) expect(store.comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
      const rest = await everything(store, all[0].position);
      expect(rest.map((e) => e.eventId)).toEqual(all.slice(1).map((e) => e.eventId));
    });

    it('reads all in numeric position order, across digit boundaries and in batches', async () => {
      const s = stream();
      await store.append(s, NO_STREAM, Array.from({ length: 12 }, (_, n) => event(n)), context());
      await store.append(stream(), NO_STREAM, [event(12)], context());
      const all = await everything(store);
      expect(all.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(await everything(store, null, 5)).toEqual(all);
    });

    it('refuses a wrong expected revision with a conflict and appends nothing', async () => {
      const s = stream();
      await store.append(s, NO_STREAM, [event(1), event(2)], context());
      await expect(store.append(s, 0, [event(3)], context())).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await expect(store.append(s, 5, [event(3)], context())).rejects.toBeInstanceOf(ConcurrencyConflictError);
      await expect(store.append(s, NO_STREAM, [event(3)], context())).rejects.toBeInstanceOf(ConcurrencyConflictError);
      expect(await store.readStream('tenant-a', s)).toHaveLength(2);
      expect(await everything(store)).toHaveLength(2);
    });

    it('lets exactly one of two concurrent writers at the same revision win', async () => {
      const s = stream();
      await store.append(s, NO_STREAM, [event(1)], context());
      const outcomes = await Promise.allSettled([store.append(s, 0, [event(2)], context()), store.append(s, 0, [event(3)], context())]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ConcurrencyConflictError);
      expect(await store.readStream('tenant-a', s)).toHaveLength(2);
    });

    it('returns the first result to a retried command id and appends nothing new', async () => {
      const s = stream();
      const ctx = context();
      const first = await store.append(s, NO_STREAM, [event(1)], ctx);
      const retry = await store.append(s, NO_STREAM, [event(1)], ctx);
      expect(retry.replayed).toBe(true);
      expect(retry.events).toEqual(first.events);
      const retryElsewhere = await store.append(stream(), NO_STREAM, [event(9)], ctx);
      expect(retryElsewhere.events).toEqual(first.events);
      const next = await store.append(s, 0, [event(2)], context());
      const retryAfterMore = await store.append(s, 0, [event(2)], { ...context(), commandId: ctx.commandId });
      expect(retryAfterMore.events).toEqual(first.events);
      expect(await everything(store)).toEqual([...first.events, ...next.events]);
      expect(await store.findCommand('tenant-a', ctx.commandId)).toEqual(retry);
      expect(await store.findCommand('tenant-b', ctx.commandId)).toBeNull();
    });

    it('delivers history, then live events, to a catch-up subscription', async () => {
      const s = stream();
      await store.append(s, NO_STREAM, [event(1), event(2), event(3)], context());
      const live = collect(store, 5);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store.append(s, 2, [event(4)], context());
      await store.append(s, 3, [event(5)], context());
      expect((await live).map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
    });

    it('resumes a subscription after a position without repeating or losing events', async () => {
      const s = stream();
      const { events } = await store.append(s, NO_STREAM, [event(1), event(2), event(3)], context());
      const resumed = await collect(store, 2, events[0].position);
      expect(resumed.map((e) => e.revision)).toEqual([1, 2]);
    });

    it('delivers the events of concurrent writers to a subscriber once each, in increasing positions', async () => {
      const writers = 8;
      const subscription = collect(store, writers);
      const appended = await Promise.all(Array.from({ length: writers }, (_, n) => store.append(stream(), NO_STREAM, [event(n)], context())));
      const received = await subscription;
      expect(received.map((e) => e.eventId).sort()).toEqual(appended.map((r) => r.events[0].eventId).sort());
      for (let i = 1; i < received.length; i++) expect(store.comparePositions(received[i - 1].position, received[i].position)).toBeLessThan(0);
    });

    if (!sqlTables) return;

    it('refuses to update, delete or truncate an event, even in raw SQL', async () => {
      const s = stream();
      await store.append(s, NO_STREAM, [event(1)], context());
      const sql = sqlOf(subject);
      await expect(sql.query(`UPDATE ledger_events SET type = 'Rewritten'`)).rejects.toThrow(/immutable/);
      await expect(sql.query('DELETE FROM ledger_events')).rejects.toThrow(/immutable/);
      await expect(sql.query('TRUNCATE ledger_events')).rejects.toThrow(/immutable/);
      await expect(sql.query('DELETE FROM ledger_commands')).rejects.toThrow(/immutable/);
      expect(await store.readStream('tenant-a', s)).toHaveLength(1);
    });

    it('never lets a subscriber skip an event whose transaction commits after a later position', async () => {
      if (!subject.heldWriter) {
        // One connection (PGlite): a transaction cannot commit out of order, so the case cannot arise.
        const inTransaction = sqlOf(subject).transaction(async (tx) => {
          await tx.query('SELECT 1');
          await new Promise((resolve) => setTimeout(resolve, 100));
        });
        const during = store.append(stream(), NO_STREAM, [event(1)], context());
        const order: string[] = [];
        await Promise.all([inTransaction.then(() => order.push('transaction')), during.then(() => order.push('append'))]);
        expect(order).toEqual(['transaction', 'append']);
        return;
      }
      const subscription = collect(store, 2);
      const held = await subject.heldWriter();
      const early = await held.store.append(stream(), NO_STREAM, [event(1)], context());
      const late = await store.append(stream(), NO_STREAM, [event(2)], context());
      const sequence = (e: RecordedEvent) => Number(e.position.split('.')[1]);
      expect(sequence(early.events[0])).toBeLessThan(sequence(late.events[0]));

      // A naive reader that trusts the bigserial alone sees the later event and moves past the earlier one.
      const naive = await sqlOf(subject).query<{ position: string }>('SELECT position::text FROM ledger_events ORDER BY position');
      expect(naive.map((r) => Number(r.position))).toEqual([sequence(late.events[0])]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await store.readAll(null, 10)).toEqual([]);

      await held.commit();
      const naiveAfter = await sqlOf(subject).query('SELECT 1 FROM ledger_events WHERE position > $1', [sequence(late.events[0])]);
      expect(naiveAfter).toHaveLength(0);
      expect((await subscription).map((e) => e.eventId)).toEqual([early.events[0].eventId, late.events[0].eventId]);
    });
  });
}
