import { DomainEvent, SubprocessorEvents, subprocessorStream } from '@ledger/domain';
import { storagesUnderTest } from '@ledger/testing';
import { answersAt, day, openTimeline, Timeline } from '../point-in-time/testdata/timeline';
import { subprocessorsProjection } from './subprocessors.projection';
import { listSubprocessors } from './subprocessors.queries';

const proposed = (id: string, occurredOn: number): DomainEvent => ({
  type: SubprocessorEvents.Proposed,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { subprocessorId: id, name: `${id} Ltd`, service: 'e-mail delivery', location: 'FR', transferMechanism: 'NONE_EEA' },
});
const event = (type: string, id: string, occurredOn: number, data: object): DomainEvent => ({
  type,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { subprocessorId: id, ...data },
});

describe.each(storagesUnderTest())('the sub-processor list at a point in time on the $name store', (storage) => {
  let timeline: Timeline;
  beforeEach(async () => {
    timeline = await openTimeline(storage);
    const { record } = timeline;
    await record(1, 't1', subprocessorStream('sp-1'), [proposed('sp-1', 1)]); // leaf 0
    await record(4, 't1', subprocessorStream('sp-1'), [event(SubprocessorEvents.Approved, 'sp-1', 3, { controllerId: 'acme' })]); // leaf 1: approved on day 3, recorded on day 4
    await record(5, 't1', subprocessorStream('sp-2'), [proposed('sp-2', 2)]); // leaf 2: proposed on day 2, recorded on day 5
    await record(5, 't1', subprocessorStream('sp-1'), [event(SubprocessorEvents.Removed, 'sp-1', 5, { reason: null })]); // leaf 3
    await record(5, 't2', subprocessorStream('sp-9'), [proposed('sp-9', 1)]); // leaf 4: another tenant
    await timeline.project(subprocessorsProjection);
  });
  afterEach(() => timeline.close());

  it("answers every (asOf, knownAt) cell with each sub-processor, its status and acme's approval then, as then known", async () => {
    const grid = { asOf: [day(1), day(2), day(3), day(5), null], knownAt: [{ at: day(3) }, { at: day(4) }, { treeSize: 3 }, null] };
    const table = await answersAt(grid, async (point) =>
      (await listSubprocessors(timeline.sql, 't1', { first: 10, ...point })).edges
        .map(({ node }) => `${node.subprocessorId}:${node.status}:${node.controllers.acme?.approvedAt ? 'approved' : '-'}`)
        .join(' '),
    );
    expect(table).toEqual([
      // known on day 3      known on day 4              first 3 leaves                           known now
      ['sp-1:ACTIVE:-', 'sp-1:ACTIVE:-', 'sp-1:ACTIVE:-', 'sp-1:ACTIVE:-'], // as of day 1
      ['sp-1:ACTIVE:-', 'sp-1:ACTIVE:-', 'sp-1:ACTIVE:- sp-2:ACTIVE:-', 'sp-1:ACTIVE:- sp-2:ACTIVE:-'], // as of day 2
      ['sp-1:ACTIVE:-', 'sp-1:ACTIVE:approved', 'sp-1:ACTIVE:approved sp-2:ACTIVE:-', 'sp-1:ACTIVE:approved sp-2:ACTIVE:-'], // as of day 3
      ['sp-1:ACTIVE:-', 'sp-1:ACTIVE:approved', 'sp-1:ACTIVE:approved sp-2:ACTIVE:-', 'sp-1:REMOVED:approved sp-2:ACTIVE:-'], // as of day 5
      ['sp-1:ACTIVE:-', 'sp-1:ACTIVE:approved', 'sp-1:ACTIVE:approved sp-2:ACTIVE:-', 'sp-1:REMOVED:approved sp-2:ACTIVE:-'], // now
    ]);
  });

  it('keeps the decision as it was, typed, and the prefix it comes from', async () => {
    const page = await listSubprocessors(timeline.sql, 't1', { first: 1, asOf: day(3) });
    expect(page.edges[0].node).toMatchObject({
      subprocessorId: 'sp-1',
      proposedAt: day(1),
      controllers: { acme: { approvedAt: day(3), objectedAt: null, objectionReason: null, engagedAt: null } },
      revision: 1,
    });
    expect(page.hasNextPage).toBe(true);
    expect(page.derivedFrom).toEqual({ treeSize: 5, rootHash: timeline.rootOf(5) });
  });
});
