import { DomainEvent, ProcessingActivityDetails, ProcessingActivityEvents, processingActivityStream } from '@ledger/domain';
import { EMPTY_ACTIVITY_DETAILS, storagesUnderTest } from '@ledger/testing';
import { answersAt, day, openTimeline, Timeline } from '../point-in-time/testdata/timeline';
import { processingActivitiesProjection } from './processing-activities.projection';
import { listRegister } from './processing-activities.queries';
import { registerAt } from './register-at';

const columns = (name: string): ProcessingActivityDetails => ({ ...EMPTY_ACTIVITY_DETAILS, name, categoriesOfProcessing: ['hosting'] });
const recorded = (id: string, controllerId: string, occurredOn: number): DomainEvent => ({
  type: ProcessingActivityEvents.Recorded,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { processingActivityId: id, role: 'PROCESSOR', controllerId, ...columns(`${id} v1`) },
});
const amended = (id: string, occurredOn: number): DomainEvent => ({
  type: ProcessingActivityEvents.Amended,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { processingActivityId: id, ...columns(`${id} v2`) },
});
const retired = (id: string, occurredOn: number): DomainEvent => ({
  type: ProcessingActivityEvents.Retired,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { processingActivityId: id, reason: 'contract ended' },
});

describe.each(storagesUnderTest())('the Art. 30 register at a point in time on the $name store', (storage) => {
  let timeline: Timeline;
  beforeEach(async () => {
    timeline = await openTimeline(storage);
    const { record } = timeline;
    await record(1, 't1', processingActivityStream('pa-1'), [recorded('pa-1', 'acme', 1)]); // leaf 0
    await record(2, 't1', processingActivityStream('pa-2'), [recorded('pa-2', 'globex', 2)]); // leaf 1
    await record(4, 't1', processingActivityStream('pa-2'), [retired('pa-2', 4)]); // leaf 2
    await record(5, 't1', processingActivityStream('pa-3'), [recorded('pa-3', 'acme', 1)]); // leaf 3: happened on day 1, learned on day 5
    await record(6, 't1', processingActivityStream('pa-1'), [amended('pa-1', 3)]); // leaf 4: amended on day 3, learned on day 6
    await record(6, 't2', processingActivityStream('pa-9'), [recorded('pa-9', 'acme', 1)]); // leaf 5: another tenant
    await timeline.project(processingActivitiesProjection);
  });
  afterEach(() => timeline.close());

  const names = (activities: Array<{ name: string }>) => activities.map((a) => a.name).join(', ');

  it('answers every (asOf, knownAt) cell with the activities in force then, as then known', async () => {
    const grid = { asOf: [day(1), day(2), day(3), day(4), null], knownAt: [{ at: day(2) }, { treeSize: 3 }, { at: day(5) }, null] };
    const table = await answersAt(grid, async (point) => names((await listRegister(timeline.sql, 't1', { first: 10, ...point })).edges.map((e) => e.node)));
    expect(table).toEqual([
      //  known on day 2     first 3 leaves     known on day 5              known now
      ['pa-1 v1', 'pa-1 v1', 'pa-1 v1, pa-3 v1', 'pa-1 v1, pa-3 v1'], // as of day 1
      ['pa-1 v1, pa-2 v1', 'pa-1 v1, pa-2 v1', 'pa-1 v1, pa-2 v1, pa-3 v1', 'pa-1 v1, pa-2 v1, pa-3 v1'], // as of day 2
      ['pa-1 v1, pa-2 v1', 'pa-1 v1, pa-2 v1', 'pa-1 v1, pa-2 v1, pa-3 v1', 'pa-1 v2, pa-2 v1, pa-3 v1'], // as of day 3
      ['pa-1 v1, pa-2 v1', 'pa-1 v1', 'pa-1 v1, pa-3 v1', 'pa-1 v2, pa-3 v1'], // as of day 4
      ['pa-1 v1, pa-2 v1', 'pa-1 v1', 'pa-1 v1, pa-3 v1', 'pa-1 v2, pa-3 v1'], // now (the last cell is the current-state table)
    ]);
  });

  it('states the log prefix each answer is derived from, with the root recomputed from the events', async () => {
    const sizes = await answersAt({ asOf: [day(3)], knownAt: [{ at: day(1) }, { at: day(2) }, { treeSize: 3 }, { at: day(5) }, { at: day(6) }, null] }, async (point) => {
      const { derivedFrom } = await listRegister(timeline.sql, 't1', { first: 10, ...point });
      expect(derivedFrom!.rootHash).toBe(timeline.rootOf(derivedFrom!.treeSize));
      return derivedFrom!.treeSize;
    });
    expect(sizes).toEqual([[1, 2, 3, 4, 6, 6]]);
    expect((await listRegister(timeline.sql, 't1', { first: 10 })).derivedFrom).toBeUndefined();
  });

  it('pages an as-of register by cursor and filters it by controller', async () => {
    const first = await listRegister(timeline.sql, 't1', { first: 1, asOf: day(2) });
    expect(first.edges.map((e) => e.node.processingActivityId)).toEqual(['pa-1']);
    expect(first.hasNextPage).toBe(true);
    const second = await listRegister(timeline.sql, 't1', { first: 5, asOf: day(2), after: first.edges[0].cursor });
    expect(second.edges.map((e) => e.node.processingActivityId)).toEqual(['pa-2', 'pa-3']);
    expect((await listRegister(timeline.sql, 't1', { first: 5, asOf: day(2), controllerId: 'acme' })).edges.map((e) => e.node.processingActivityId)).toEqual([
      'pa-1',
      'pa-3',
    ]);
  });

  it('registerAt returns the whole register at a point with the record as the current table maps it', async () => {
    const { activities, derivedFrom } = await registerAt(timeline.sql, 't1', { asOf: day(3), knownAt: { at: day(6) }, controllerId: 'acme' });
    expect(derivedFrom).toEqual({ treeSize: 6, rootHash: timeline.rootOf(6) });
    expect(activities).toEqual([
      {
        processingActivityId: 'pa-1',
        role: 'PROCESSOR',
        controllerId: 'acme',
        ...columns('pa-1 v2'),
        status: 'IN_FORCE',
        recordedAt: day(1),
        amendedAt: day(3),
        retiredAt: null,
        retirementReason: null,
        lastOccurredAt: day(3),
        stream: 'processing-activity-pa-1',
        revision: 1,
      },
      expect.objectContaining({ processingActivityId: 'pa-3', name: 'pa-3 v1', revision: 0 }),
    ]);
    expect((await registerAt(timeline.sql, 't2', {})).activities.map((a) => a.processingActivityId)).toEqual(['pa-9']);
    expect(await registerAt(timeline.sql, 't1', { knownAt: { treeSize: 0 } })).toEqual({ activities: [], derivedFrom: { treeSize: 0, rootHash: timeline.rootOf(0) } });
  });

  it('refuses a knownAt that is not exactly one of at and treeSize, or a tree not sealed that far, with a coded error', async () => {
    const refusal = (knownAt: object) => listRegister(timeline.sql, 't1', { first: 10, knownAt });
    await expect(refusal({ at: day(2), treeSize: 2 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt' });
    await expect(refusal({})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt' });
    await expect(refusal({ treeSize: 7 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt.treeSize', message: expect.stringContaining('6 leaves') });
    await expect(refusal({ treeSize: -1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt.treeSize' });
    await expect(refusal({ at: new Date(Date.now() + 3_600_000) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt.at' });
  });
});
