import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { v7 as uuidv7 } from 'uuid';
import { type EventStoreDbDouble, startEventStoreDbDouble } from '../../../../test/support/eventstoredb-double';
import { catchUp } from '../catch-up';
import { AppendContext, NO_STREAM, RecordedEvent } from '../event-store.port';
import { EsdbEventStore } from './esdb-event-store';
import { openEsdbSubject } from './testing/esdb-test-subject';

// What the shared contract cannot see: EventStoreDB's own records in $all, its event-id dedupe,
// stream naming. Run against the gRPC DOUBLE, not a real EventStoreDB.
describe('EventStoreDB adapter, against the gRPC DOUBLE', () => {
  let double: EventStoreDbDouble;
  let subject: Awaited<ReturnType<typeof openEsdbSubject>>;
  let store: EsdbEventStore;

  beforeEach(async () => {
    double = await startEventStoreDbDouble();
    subject = await openEsdbSubject(double.connectionString, double.close);
    store = subject.esdb;
  });
  afterEach(() => subject.close());

  const context = (tenantId = 'tenant-a'): AppendContext => {
    const commandId = uuidv7();
    return { tenantId, actor: { id: 'dpo', role: 'processor', keyId: null }, commandId, correlationId: commandId, causationId: commandId };
  };
  const event = (n: number) => ({ type: 'InstructionReceived', schemaVersion: 1, data: { n }, occurredAt: new Date('2026-01-01T00:00:00Z') });
  const all = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const batch of catchUp(store, null, 2)) events.push(...batch);
    return events;
  };

  it("leaves EventStoreDB's system records and other applications' streams out of every read", async () => {
    const first = await store.append('instruction-1', NO_STREAM, [event(1)], context());
    double.log.writeSystemRecord('$stats-127.0.0.1:2113', '$statsCollected');
    const raw = EventStoreDBClient.connectionString(double.connectionString);
    await raw.appendToStream('orders-1', jsonEvent({ type: 'OrderPlaced', data: { n: 99 } }));
    await raw.dispose();
    const second = await store.append('instruction-1', 0, [event(2)], context());
    double.log.writeSystemRecord('$stats-127.0.0.1:2113', '$statsCollected');

    const ours = [...first.events, ...second.events];
    expect(await all()).toEqual(ours);
    expect(await store.headPosition()).toBe(second.events[0].position);
    expect(await store.countEvents()).toBe(2);

    const controller = new AbortController();
    const received: RecordedEvent[] = [];
    for await (const batch of store.subscribeAll(null, { signal: controller.signal, batchSize: 10 })) {
      received.push(...batch);
      if (received.length >= 2) break;
    }
    expect(received).toEqual(ours);
  });

  it('recognises a retry through its EventStoreDB event ids when the command record was lost', async () => {
    const ctx = context();
    const first = await store.append('instruction-2', NO_STREAM, [event(1), event(2)], ctx);
    // The process died after EventStoreDB acknowledged the append, before the record was written.
    // (Command records are append-only: only a session that bypasses triggers can lose one.)
    await subject.sql.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query('DELETE FROM ledger_esdb_commands');
    });
    const retry = await store.append('instruction-2', NO_STREAM, [event(1), event(2)], ctx);
    expect(retry).toEqual({ stream: 'instruction-2', replayed: true, events: first.events });
    expect(await store.readStream('tenant-a', 'instruction-2')).toEqual(first.events);
    expect(await store.findCommand('tenant-a', ctx.commandId)).toEqual({ ...retry, replayed: true });
  });

  it('refuses to change or delete a command record, even in raw SQL', async () => {
    await store.append('instruction-3', NO_STREAM, [event(1)], context());
    await expect(subject.sql.query(`UPDATE ledger_esdb_commands SET stream = 'elsewhere'`)).rejects.toThrow(/immutable/);
    await expect(subject.sql.query('DELETE FROM ledger_esdb_commands')).rejects.toThrow(/immutable/);
  });

  it('keeps tenants apart even when a tenant id holds the separator', async () => {
    await store.append('b:c', NO_STREAM, [event(1)], context('a'));
    await store.append('c', NO_STREAM, [event(2)], context('a:b'));
    expect((await store.readStream('a', 'b:c')).map((e) => e.data)).toEqual([{ n: 1 }]);
    expect((await store.readStream('a:b', 'c')).map((e) => e.data)).toEqual([{ n: 2 }]);
    expect(await store.readStream('a:b', 'b:c')).toEqual([]);
  });

  it('encodes positions so that they sort as strings in the order comparePositions gives', async () => {
    for (let n = 0; n < 5; n++) await store.append(`instruction-${n}`, NO_STREAM, [event(n), event(n + 10)], context());
    const positions = (await all()).map((e) => e.position);
    expect(positions).toHaveLength(10);
    expect([...positions].sort()).toEqual(positions);
    expect([...positions].reverse().sort((a, b) => store.comparePositions(a, b))).toEqual(positions);
    expect(positions[0]).toMatch(/^esdb:\d{20}:\d{20}$/);
  });
});
