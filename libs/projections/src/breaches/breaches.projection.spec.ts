import { BreachEvent, BreachEvents, breachStream } from '@ledger/domain';
import { NO_STREAM, openSqlClient, Position, SqlClient, SqlEventStore } from '@ledger/event-store';
import { storagesUnderTest } from '@ledger/testing';
import { ProjectionRunner } from '../projection-runner';
import { breachesProjection } from './breaches.projection';
import { findBreach, listBreaches } from './breaches.queries';

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
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const prepared = await storage.config();
    sql = await openSqlClient(prepared.config);
    store = await SqlEventStore.open(sql, { pollIntervalMs: 20 });
    dispose = async () => {
      await sql.close();
      await prepared.dispose();
    };
  });
  afterEach(() => dispose());

  const append = (tenantId: string, breachId: string, events: BreachEvent[]) =>
    store.append(breachStream(breachId), NO_STREAM, events, { tenantId, actor: { id: 't', role: 'processor', keyId: null }, commandId: `${tenantId}-${breachId}`, correlationId: 'c', causationId: 'c' });

  /** Runs the projection live until it has applied `last` (other transactions on the server may hold it back for a while). */
  async function project(last: Position) {
    const runner = new ProjectionRunner(sql, store, [breachesProjection]);
    await runner.migrate();
    await runner.start();
    expect(await runner.waitFor(last, 30_000)).toBe(true);
    await runner.stop();
    return runner;
  }
  const lastPosition = (write: { events: Array<{ position: Position }> }) => write.events[write.events.length - 1].position;

  it('keeps each controller notification with its time and lateness, derived again by a rebuild (Art. 33(1))', async () => {
    const late: BreachEvent = {
      type: BreachEvents.AuthorityNotified,
      schemaVersion: 1,
      occurredAt: hoursLater(75),
      data: { breachId: 'b1', controllerId: 'acme', authority: 'CNIL', delayReasons: 'Forensics' },
    };
    const runner = await project(lastPosition(await append('t1', 'b1', [...breachEvents('b1', ['acme', 'globex']), late])));
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
    await project(lastPosition(await append('t2', 'b4', breachEvents('b4', ['acme']))));
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
