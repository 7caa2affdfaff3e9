import { findChainBreak } from '@ledger/integrity';
import { openTestEventStore, storagesUnderTest, type TestEventStore } from '@ledger/testing';
import { CommandIdTakenError, ConcurrencyConflictError, type NewEvent, NO_STREAM, type StreamAppend } from '../event-store.port';
import { catchUp } from '../catch-up';

const event = (n: number): NewEvent => ({ type: 'ObjectionRecorded', schemaVersion: 1, data: { n }, occurredAt: new Date('2026-05-01T09:00:00.000Z') });
const context = (commandId: string, tenantId = 't1') => ({ tenantId, actor: { id: 'import', role: 'processor', keyId: null }, commandId, correlationId: 'c', causationId: commandId });
const append = (stream: string, expectedRevision: number, n: number, commandId = `${stream}-${n}`): StreamAppend => ({ stream, expectedRevision, events: [event(n)], context: context(commandId) });

describe.each(storagesUnderTest())('bulk appends (many commands, one round trip) on the $name store', (storage) => {
  let db: TestEventStore;
  beforeEach(async () => (db = await openTestEventStore(storage)));
  afterEach(() => db.close());

  it('appends many commands to many streams, several to one stream in order, each chained and findable by its command id', async () => {
    await db.store.append('s1', NO_STREAM, [event(0)], context('first'));
    const results = await db.store.appendMany('t1', [append('s1', 0, 1), append('s2', NO_STREAM, 2), append('s1', 1, 3)]);
    expect(results.map((r) => [r.stream, r.events.map((e) => e.revision), r.replayed])).toEqual([['s1', [1], false], ['s2', [0], false], ['s1', [2], false]]);
    const streams = await db.store.readStreams('t1', ['s1', 's2', 'nothing']);
    expect(streams.get('s1')!.map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 3 }]);
    expect(streams.get('nothing')).toEqual([]);
    for (const events of streams.values()) expect(findChainBreak(events)).toBeNull();
    expect(await db.store.findCommands('t1', ['s1-1', 's2-2', 's1-3', 'unknown'])).toEqual(new Set(['s1-1', 's2-2', 's1-3']));
    expect(await db.store.findCommand('t1', 's1-3')).toMatchObject({ stream: 's1', events: [{ revision: 2 }] });
    const log: number[] = [];
    for await (const batch of catchUp(db.store, null, 10)) log.push(...batch.map((e) => (e.data as { n: number }).n));
    expect(log).toEqual([0, 1, 2, 3]);
  });

  it('appends nothing at all when one command is stale or reuses a command id', async () => {
    await db.store.append('s1', NO_STREAM, [event(0)], context('first'));
    await expect(db.store.appendMany('t1', [append('s2', NO_STREAM, 1), append('s1', NO_STREAM, 2)])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(db.store.appendMany('t1', [append('s2', NO_STREAM, 1), append('s3', NO_STREAM, 2, 'first')])).rejects.toBeInstanceOf(CommandIdTakenError);
    expect(await db.store.countEvents()).toBe(1);
    expect(await db.store.findCommands('t1', ['s2-1'])).toEqual(new Set());
  });
});
