import { AuditEvents, auditStream, DomainEvent } from '@ledger/domain';
import { storagesUnderTest } from '@ledger/testing';
import { answersAt, day, openTimeline, Timeline } from '../point-in-time/testdata/timeline';
import { auditsProjection } from './audits.projection';
import { PointInTime } from '../point-in-time/point-in-time';
import { listAuditAnswers, listAudits } from './audits.queries';

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
    await record(6, 't1', auditStream('a-1'), [event(AuditEvents.FindingRaised, 'a-1', 6, { findingId: 'f-1', text: 'No DPIA', severity: 'HIGH', questionId: 'q1' })]); // leaf 4
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

  it('shows the answers and findings an audit had at the point, not those it has now', async () => {
    const at = async (point: PointInTime) => {
      const [{ node }] = (await listAudits(timeline.sql, 't1', { first: 1, ...point })).edges;
      return node.atPoint && { answers: node.atPoint.answers.map((a) => `${a.questionId}:${a.answer}`), findings: node.atPoint.findings.map((f) => f.findingId) };
    };
    // Answered on day 2, after the point: no answer then, though it is answered now.
    expect(await at({ asOf: day(1) })).toEqual({ answers: [], findings: [] });
    expect((await listAuditAnswers(timeline.sql, 't1', 'a-1')).map((a) => a.questionId)).toEqual(['q1']);
    // Answered by day 5, but the finding was raised on day 6.
    expect(await at({ asOf: day(5) })).toEqual({ answers: ['q1:Yes'], findings: [] });
    const known = await listAudits(timeline.sql, 't1', { first: 1, asOf: day(2) });
    const [answer] = known.edges[0].node.atPoint!.answers;
    expect(answer).toMatchObject({ questionId: 'q1', answer: 'Yes', evidence: [], cites: [], givenInAuditId: 'a-1', prefilled: false });
    expect(answer.givenAt).toEqual(day(2));
    expect(await at({ asOf: day(6) })).toEqual({ answers: ['q1:Yes'], findings: ['f-1'] });
    const [finding] = (await listAudits(timeline.sql, 't1', { first: 1, knownAt: { treeSize: 5 } })).edges[0].node.atPoint!.findings;
    expect(finding).toMatchObject({ findingId: 'f-1', text: 'No DPIA', severity: 'HIGH', questionId: 'q1' });
    expect(finding.raisedAt).toEqual(day(6));
    // The current state reads the child tables, not a revision.
    expect((await listAudits(timeline.sql, 't1', { first: 1 })).edges[0].node.atPoint).toBeNull();
  });
});
