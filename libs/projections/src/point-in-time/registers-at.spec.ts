import {
  BreachEvents,
  breachStream,
  DataSubjectRequestEvents,
  dataSubjectRequestStream,
  DomainEvent,
  DpaEvents,
  dpaStream,
} from '@ledger/domain';
import type { SqlExecutor } from '@ledger/event-store';
import { storagesUnderTest } from '@ledger/testing';
import { dataProcessingAgreementsProjection } from '../agreements/dpa.projection';
import { listDataProcessingAgreements } from '../agreements/dpa.queries';
import { breachesProjection } from '../breaches/breaches.projection';
import { listBreaches } from '../breaches/breaches.queries';
import { dataSubjectRequestsProjection } from '../data-subject-requests/data-subject-requests.projection';
import { listDataSubjectRequests } from '../data-subject-requests/data-subject-requests.queries';
import { deadlinesProjection } from '../deadlines/deadlines.projection';
import { listDeadlines } from '../deadlines/deadlines.queries';
import type { Projection } from '../projection';
import type { PointInTime } from './point-in-time';
import { answersAt, day, openTimeline, Timeline } from './testdata/timeline';

const event = (type: string, occurredOn: number, data: object): DomainEvent => ({ type, schemaVersion: 1, occurredAt: day(occurredOn), data });

/**
 * One history shape for several registers: record 1 created on day 1 (recorded that day), record 2
 * created on day 2 but recorded on day 4, record 1 changed on day 3 but recorded on day 5.
 */
interface Case {
  register: string;
  projection: Projection;
  stream(id: string): string;
  created(id: string, occurredOn: number): DomainEvent;
  changed(id: string, occurredOn: number): DomainEvent;
  /** The register's rows at a point, each as `<record>:<state>`. */
  list(sql: SqlExecutor, point: PointInTime): Promise<string[]>;
  /** The labels of a created and a changed record. */
  states: [created: string, changed: string];
}

const dpaTerms = { controllerName: 'Controller', clauses: ['A', 'B'], subprocessorAuthorisation: 'GENERAL', objectionWindowDays: 30, breachNotificationHours: 48 };
const dsr = {
  created: (id: string, d: number) =>
    event(DataSubjectRequestEvents.Received, d, { requestId: id, controllerId: 'acme', requestType: 'ERASURE', requester: { name: 'J', email: null, phone: null } }),
  changed: (id: string, d: number) => event(DataSubjectRequestEvents.Completed, d, { requestId: id }),
};

const cases: Case[] = [
  {
    register: 'breaches',
    projection: breachesProjection,
    stream: breachStream,
    created: (id, d) =>
      event(BreachEvents.Detected, d, {
        breachId: id,
        nature: 'Misdirected export',
        dataSubjectCategories: ['employees'],
        approximateDataSubjectCount: 4,
        recordCategories: ['badge logs'],
        approximateRecordCount: 9,
        likelyConsequences: 'Presence disclosed',
        measures: 'Recipient asked to delete',
        controllerIds: ['acme'],
        riskLevel: 'RISK',
      }),
    changed: (id, d) => event(BreachEvents.Closed, d, { breachId: id, summary: null }),
    list: async (sql, point) => (await listBreaches(sql, 't1', { first: 10, ...point })).edges.map(({ node }) => `${node.breachId}:${node.status}`),
    states: ['OPEN', 'CLOSED'],
  },
  {
    register: 'dataProcessingAgreements',
    projection: dataProcessingAgreementsProjection,
    stream: dpaStream,
    created: (id, d) => event(DpaEvents.Signed, d, { controllerId: id, ...dpaTerms, effectiveDate: day(d).toISOString() }),
    changed: (id, d) => event(DpaEvents.Terminated, d, { controllerId: id, effectiveDate: day(d).toISOString() }),
    list: async (sql, point) =>
      (await listDataProcessingAgreements(sql, 't1', { first: 10, ...point })).edges.map(({ node }) => `${node.controllerId}:${node.status}`),
    states: ['SIGNED', 'TERMINATED'],
  },
  {
    register: 'dataSubjectRequests',
    projection: dataSubjectRequestsProjection,
    stream: dataSubjectRequestStream,
    ...dsr,
    list: async (sql, point) =>
      (await listDataSubjectRequests(sql, 't1', { first: 10, ...point }, new Date())).edges.map(({ node }) => `${node.requestId}:${node.status}`),
    states: ['RECEIVED', 'COMPLETED'],
  },
  {
    register: 'deadlines',
    projection: deadlinesProjection,
    stream: dataSubjectRequestStream,
    ...dsr,
    list: async (sql, point) =>
      (await listDeadlines(sql, 't1', { first: 10, includeMet: true, ...point }, new Date())).edges.map(
        ({ node }) => `${node.stream.replace(dataSubjectRequestStream(''), '')}:${node.metAt ? 'MET' : 'DUE'}`,
      ),
    states: ['DUE', 'MET'],
  },
];

describe.each(storagesUnderTest())('registers at a point in time on the $name store', (storage) => {
  let timeline: Timeline;
  afterEach(() => timeline.close());

  it.each(cases)('$register: every (asOf, knownAt) cell shows the records and their state then, as then known', async (c) => {
    timeline = await openTimeline(storage);
    await timeline.record(1, 't1', c.stream('r1'), [c.created('r1', 1)]); // leaf 0
    await timeline.record(4, 't1', c.stream('r2'), [c.created('r2', 2)]); // leaf 1: happened on day 2, learned on day 4
    await timeline.record(5, 't1', c.stream('r1'), [c.changed('r1', 3)]); // leaf 2: happened on day 3, learned on day 5
    await timeline.record(5, 't2', c.stream('r9'), [c.created('r9', 1)]); // leaf 3: another tenant
    await timeline.project(c.projection);

    const grid = { asOf: [day(1), day(2), day(3), null], knownAt: [{ at: day(1) }, { at: day(4) }, { treeSize: 3 }, null] };
    const table = await answersAt(grid, async (point) => (await c.list(timeline.sql, point)).join(' '));
    const [a, b] = c.states;
    expect(table).toEqual([
      // known on day 1   known on day 4          first 3 leaves           known now
      [`r1:${a}`, `r1:${a}`, `r1:${a}`, `r1:${a}`], // as of day 1
      [`r1:${a}`, `r1:${a} r2:${a}`, `r1:${a} r2:${a}`, `r1:${a} r2:${a}`], // as of day 2
      [`r1:${a}`, `r1:${a} r2:${a}`, `r1:${b} r2:${a}`, `r1:${b} r2:${a}`], // as of day 3
      [`r1:${a}`, `r1:${a} r2:${a}`, `r1:${b} r2:${a}`, `r1:${b} r2:${a}`], // now: the current-state table
    ]);
  });

  it('takes knownAt.at as the longest log prefix recorded by then, so a later leaf recorded earlier waits for the ones before it', async () => {
    timeline = await openTimeline(storage);
    const [breaches] = cases;
    await timeline.record(5, 't1', breaches.stream('r1'), [breaches.created('r1', 1)]); // leaf 0, recorded on day 5
    await timeline.record(3, 't1', breaches.stream('r2'), [breaches.created('r2', 1)]); // leaf 1, stamped day 3 (its transaction committed last)
    await timeline.project(breaches.projection);
    const at = async (d: number) => {
      const page = await listBreaches(timeline.sql, 't1', { first: 10, knownAt: { at: day(d) } });
      return `${page.edges.map((e) => e.node.breachId).join(' ')} @${page.derivedFrom!.treeSize}`;
    };
    expect([await at(2), await at(4), await at(5)]).toEqual([' @0', ' @0', 'r1 r2 @2']);
  });

  it('judges overdue requests and deadlines at asOf, not at the service clock', async () => {
    timeline = await openTimeline(storage);
    await timeline.record(1, 't1', dataSubjectRequestStream('r1'), [dsr.created('r1', 1)]);
    await timeline.project(dataSubjectRequestsProjection, deadlinesProjection);
    const now = new Date(Date.UTC(2026, 5, 1)); // three months later: overdue by the clock
    const requests = (asOf: Date | null) => listDataSubjectRequests(timeline.sql, 't1', { first: 10, overdue: true, asOf }, now);
    expect((await requests(null)).edges).toHaveLength(1);
    expect((await requests(day(2))).edges).toHaveLength(0);
    const deadlines = await listDeadlines(timeline.sql, 't1', { first: 10, asOf: day(2) }, now);
    expect(deadlines.edges.map(({ node }) => node.overdue)).toEqual([false]);
    expect((await listDeadlines(timeline.sql, 't1', { first: 10 }, now)).edges.map(({ node }) => node.overdue)).toEqual([true]);
  });
});
