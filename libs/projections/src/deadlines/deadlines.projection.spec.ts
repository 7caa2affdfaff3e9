import { BreachEvents, breachStream, DataSubjectRequestEvents, dataSubjectRequestStream, DomainEvent, DpaEvents, dpaStream } from '@ledger/domain';
import { AppendResult, RecordedEvent, SqlClient } from '@ledger/event-store';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest, TestEventStore } from '@ledger/testing';
import { deadlinesProjection } from './deadlines.projection';
import { listDeadlines } from './deadlines.queries';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';

const at = (iso: string) => new Date(iso);
const event = (type: string, occurredAt: string, data: unknown): DomainEvent => ({ type, schemaVersion: 1, occurredAt: at(occurredAt), data });

const signed = event(DpaEvents.Signed, '2026-01-01T00:00:00Z', {
  controllerId: 'acme',
  controllerName: 'Acme',
  clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  subprocessorAuthorisation: 'GENERAL',
  objectionWindowDays: 30,
  breachNotificationHours: 24,
  effectiveDate: '2026-01-01T00:00:00.000Z',
});
const detected = event(BreachEvents.Detected, '2026-03-01T10:00:00Z', {
  breachId: 'b1',
  nature: 'misdirected export',
  dataSubjectCategories: ['employees'],
  approximateDataSubjectCount: 40,
  recordCategories: ['desk bookings'],
  approximateRecordCount: 400,
  likelyConsequences: 'none beyond disclosure of presence',
  measures: 'recipient deleted the file',
  controllerIds: ['acme'],
  riskLevel: 'RISK',
});
const notified = event(BreachEvents.ControllerNotified, '2026-03-01T18:00:00Z', { breachId: 'b1', controllerId: 'acme' });
const received = (requestId: string, controllerId: string, day: string) =>
  event(DataSubjectRequestEvents.Received, day, { requestId, controllerId, requestType: 'ACCESS', requester: { name: 'J', email: null, phone: null } });
const extended = event(DataSubjectRequestEvents.Extended, '2026-02-05T09:00:00Z', { requestId: 'r1', months: 2, reason: 'numerous requests' });

describe.each(storagesUnderTest())('the deadlines register on the $name store', (storage) => {
  let db: TestEventStore;
  let sql: SqlClient;
  const written = new Map<string, RecordedEvent[]>();

  beforeEach(async () => {
    db = await openTestEventStore(storage, { pollIntervalMs: 20 });
    sql = db.sql;
  });
  afterEach(() => db.close());

  /** Appends each stream in order, then runs the projection live until it has applied the last event. */
  async function project(streams: Array<[tenantId: string, stream: string, events: DomainEvent[]]>) {
    let last: AppendResult | null = null;
    for (const [tenantId, stream, events] of streams) {
      last = await appendNewStream(db.store, tenantId, stream, events);
      written.set(`${tenantId}/${stream}`, last.events);
    }
    await projectUpTo(sql, db.store, [merkleLogProjection, deadlinesProjection], last!);
  }
  const ids = (key: string) => written.get(key)!.map((e) => e.eventId);

  it("derives each deadline from the events, with the agreement's hours and the ids it comes from (Arts. 12(3), 33)", async () => {
    await project([
      ['t1', dpaStream('acme'), [signed]],
      ['t1', breachStream('b1'), [detected]],
      ['t1', dataSubjectRequestStream('r1'), [received('r1', 'acme', '2026-01-31T09:00:00Z'), extended]],
      ['t2', dataSubjectRequestStream('r9'), [received('r9', 'other', '2026-01-10T09:00:00Z')]],
    ]);
    const page = await listDeadlines(sql, 't1', { first: 10 }, at('2026-03-03T00:00:00Z'));
    expect(page.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        kind: 'BREACH_CONTROLLER_NOTIFICATION',
        controllerId: 'acme',
        stream: 'breach-b1',
        dueAt: at('2026-03-02T10:00:00Z'),
        overdue: true,
        sourceEventIds: [ids(`t1/${dpaStream('acme')}`)[0], ids('t1/breach-b1')[0]],
      }),
      expect.objectContaining({ kind: 'BREACH_AUTHORITY_NOTIFICATION', dueAt: at('2026-03-04T10:00:00Z'), overdue: false }),
      expect.objectContaining({ kind: 'DATA_SUBJECT_REQUEST_RESPONSE', dueAt: at('2026-04-30T09:00:00Z'), overdue: false, sourceEventIds: ids('t1/dsr-r1') }),
    ]);
    const overdue = await listDeadlines(sql, 't1', { overdueOnly: true, first: 10 }, at('2026-03-03T00:00:00Z'));
    expect(overdue.edges.map((e) => e.node.kind)).toEqual(['BREACH_CONTROLLER_NOTIFICATION']);
    expect((await listDeadlines(sql, 't2', { first: 10 }, at('2026-03-03T00:00:00Z'))).edges.map((e) => e.node.controllerId)).toEqual(['other']);
  });

  it('drops a met obligation from the default list, keeps it with includeMet, and pages in due-date order', async () => {
    await project([
      ['t1', breachStream('b1'), [detected, notified]],
      ['t1', dataSubjectRequestStream('r1'), [received('r1', 'acme', '2026-01-31T09:00:00Z')]],
    ]);
    const now = at('2026-03-10T00:00:00Z');
    const kinds = async (filter: Parameters<typeof listDeadlines>[2]) => (await listDeadlines(sql, 't1', filter, now)).edges.map((e) => e.node.kind);
    expect(await kinds({ first: 10 })).toEqual(['DATA_SUBJECT_REQUEST_RESPONSE', 'BREACH_AUTHORITY_NOTIFICATION']);
    const withMet = await listDeadlines(sql, 't1', { includeMet: true, first: 2 }, now);
    expect(withMet.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: 'DATA_SUBJECT_REQUEST_RESPONSE', dueAt: at('2026-02-28T09:00:00Z') }),
      // 48 hours, the default: no agreement with acme is on record in this tenant.
      expect.objectContaining({ kind: 'BREACH_CONTROLLER_NOTIFICATION', dueAt: at('2026-03-03T10:00:00Z'), metAt: at('2026-03-01T18:00:00Z'), metByEventId: ids('t1/breach-b1')[1], overdue: false }),
    ]);
    expect(withMet.hasNextPage).toBe(true);
    const rest = await listDeadlines(sql, 't1', { includeMet: true, first: 2, after: withMet.edges[1].cursor }, now);
    expect(rest.edges.map((e) => e.node.kind)).toEqual(['BREACH_AUTHORITY_NOTIFICATION']);
    expect(await kinds({ dueBefore: at('2026-03-01T00:00:00Z'), first: 10 })).toEqual(['DATA_SUBJECT_REQUEST_RESPONSE']);
    expect(await kinds({ kind: 'BREACH_AUTHORITY_NOTIFICATION', controllerId: 'acme', first: 10 })).toEqual(['BREACH_AUTHORITY_NOTIFICATION']);
  });

  it("keeps the row equal to the domain's obligation when the processor's notice moves the controller's 72 hours (Art. 33(1)-(2))", async () => {
    await project([['t1', breachStream('b1'), [detected, notified]]]);
    const [authority] = (await listDeadlines(sql, 't1', { kind: 'BREACH_AUTHORITY_NOTIFICATION', first: 10 }, at('2026-03-02T00:00:00Z'))).edges;
    expect(authority.node).toMatchObject({ startedAt: at('2026-03-01T18:00:00Z'), dueAt: at('2026-03-04T18:00:00Z'), sourceEventIds: ids('t1/breach-b1') });
  });
});
