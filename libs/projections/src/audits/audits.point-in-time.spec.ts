import { AuditEvents, auditStream, DomainEvent } from '@ledger/domain';
import { storagesUnderTest } from '@ledger/testing';
import { answersAt, day, openTimeline, Timeline } from '../point-in-time/testdata/timeline';
import { auditsProjection } from './audits.projection';
import { listAudits } from './audits.queries';

const event = (type: string, auditId: string, occurredOn: number, data: object = {}): DomainEvent => ({
  type,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { auditId, ...data },
});
const requested = (auditId: string, occurredOn: number) =>
  event(AuditEvents.Requested, auditId, occurredOn, { controllerId: 'acme', templateId: 'iso', questionIds: ['q1', 'q2'], dueAt: day(28).toISOString(), prefilled: [] });

describe.each(storagesUnderTest())('the audits register at a point in time on the $name store', (storage) => {
  let timeline: Timeline;
  beforeEach(async () => {
    timeline = await openTimeline(storage);
    const { record } = timeline;
    await record(1, 't1', auditStream('a-1'), [requested('a-1', 1)]); // leaf 0
    await record(2, 't1', auditStream('a-1'), [event(AuditEvents.Answered, 'a-1', 2, { questionId: 'q1', answer: 'Yes', evidence: [], cites: [] })]); // leaf 1
    await record(4, 't1', auditStream('a-2'), [requested('a-2', 2)]); // leaf 2: requested on day 2, recorded on day 4
    await record(5, 't1', auditStream('a-1'), [event(AuditEvents.Submitted, 'a-1', 3)]); // leaf 3: submitted on day 3, recorded on day 5
    await timeline.project(auditsProjection);
  });
  afterEach(() => timeline.close());

  it('answers every (asOf, knownAt) cell with each audit, its status and how many questions were answered then', async () => {
    const grid = { asOf: [day(1), day(2), day(3), null], knownAt: [{ at: day(1) }, { at: day(4) }, null] };
    const table = await answersAt(grid, async (point) =>
      (await listAudits(timeline.sql, 't1', { first: 10, ...point })).edges.map(({ node }) => `${node.auditId}:${node.status}:${node.answeredCount}`).join(' '),
    );
    expect(table).toEqual([
      // known on day 1     known on day 4                        known now
      ['a-1:REQUESTED:0', 'a-1:REQUESTED:0', 'a-1:REQUESTED:0'], // as of day 1
      ['a-1:REQUESTED:0', 'a-1:REQUESTED:1 a-2:REQUESTED:0', 'a-1:REQUESTED:1 a-2:REQUESTED:0'], // as of day 2
      ['a-1:REQUESTED:0', 'a-1:REQUESTED:1 a-2:REQUESTED:0', 'a-1:SUBMITTED:1 a-2:REQUESTED:0'], // as of day 3
      ['a-1:REQUESTED:0', 'a-1:REQUESTED:1 a-2:REQUESTED:0', 'a-1:SUBMITTED:1 a-2:REQUESTED:0'], // now: the current-state table
    ]);
  });
});
