import { BreachEvent, BreachEvents, breachStream } from '@ledger/domain';
import type { AppendResult, SqlClient, SqlEventStore } from '@ledger/event-store';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { breachesProjection } from './breaches.projection';
import { findBreach, listBreaches } from './breaches.queries';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';

const detectedAt = new Date('2026-03-10T08:00:00.000Z');
const hoursLater = (h: number) => new Date(detectedAt.getTime() + h * 3_600_000);

function breachEvents(breachId: string, controllerIds: string[]): BreachEvent[] {
  return [
    {
      type: BreachEvents.Detected,
      schemaVersion: 1,
      occurredAt: detectedAt,
      data: {
        breachId,
        nature: 'Misdirected export',
        dataSubjectCategories: ['employees', 'visitors'],
        approximateDataSubjectCount: 40,
        recordCategories: ['badge logs'],
        approximateRecordCount: 900,
        likelyConsequences: 'Presence patterns disclosed',
        measures: 'Recipient asked to delete the file',
        controllerIds,
        riskLevel: 'HIGH_RISK',
      },
    },
    { type: BreachEvents.ControllerNotified, schemaVersion: 1, occurredAt: hoursLater(1), data: { breachId, controllerId: controllerIds[0] } },
  ];
}

describe.each(storagesUnderTest())('the breach register on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage, { pollIntervalMs: 20 })));
  afterEach(() => close());

  const append = (tenantId: string, breachId: string, events: BreachEvent[]) =>
    appendNewStream(store, tenantId, breachStream(breachId), events, 't');

  const project = (upTo: AppendResult) => projectUpTo(sql, store, [merkleLogProjection, breachesProjection], upTo);

  it('keeps each controller notification with its time and lateness, derived again by a rebuild (Art. 33(1))', async () => {
    const late: BreachEvent = {
      type: BreachEvents.AuthorityNotified,
      schemaVersion: 1,
      occurredAt: hoursLater(75),
      data: { breachId: 'b1', controllerId: 'acme', authority: 'CNIL', delayReasons: 'Forensics' },
    };
    const runner = await project(await append('t1', 'b1', [...breachEvents('b1', ['acme', 'globex']), late]));
    await runner.rebuild();
    const breach = await findBreach(sql, 't1', 'b1');
    expect(breach).toMatchObject({
      status: 'OPEN',
      riskLevel: 'HIGH_RISK',
      dataSubjectCategories: ['employees', 'visitors'],
      detectedAt,
      authorityNotificationDeadline: hoursLater(72),
      stream: 'breach-b1',
      revision: 2,
    });
    expect(breach?.controllers).toEqual([
      expect.objectContaining({ controllerId: 'acme', notifiedAt: hoursLater(1), authorityNotifiedAt: hoursLater(75), authorityNotificationLate: true, delayReasons: 'Forensics' }),
      expect.objectContaining({ controllerId: 'globex', notifiedAt: null, authorityNotifiedAt: null, authorityNotificationLate: null }),
    ]);
  });

  it('lists only the tenant’s breaches, by affected controller and status, a page at a time', async () => {
    await append('t1', 'b1', breachEvents('b1', ['acme']));
    await append('t1', 'b2', breachEvents('b2', ['globex', 'acme']));
    await append('t1', 'b3', breachEvents('b3', ['globex']));
    await project(await append('t2', 'b4', breachEvents('b4', ['acme'])));
    const ids = (page: { edges: Array<{ node: { breachId: string } }> }) => page.edges.map((e) => e.node.breachId);
    expect(ids(await listBreaches(sql, 't1', { controllerId: 'acme', first: 10 }))).toEqual(['b1', 'b2']);
    expect(ids(await listBreaches(sql, 't1', { status: 'CLOSED', first: 10 }))).toEqual([]);
    const first = await listBreaches(sql, 't1', { first: 2 });
    expect(ids(first)).toEqual(['b1', 'b2']);
    expect(first.hasNextPage).toBe(true);
    expect(ids(await listBreaches(sql, 't1', { first: 2, after: first.edges[1].cursor }))).toEqual(['b3']);
    expect(await findBreach(sql, 't1', 'b4')).toBeNull();
  });
});
