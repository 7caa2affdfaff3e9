import { DomainEvent, ProcessingActivityEvents, processingActivityStream } from '@ledger/domain';
import { storagesUnderTest } from '@ledger/testing';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';
import { processingActivitiesProjection } from '../processing-activities/processing-activities.projection';
import { listRegister } from '../processing-activities/processing-activities.queries';
import { ProjectionRunner } from '../projection-runner';
import { answersAt, day, openTimeline, Timeline } from './testdata/timeline';

const columns = { categoriesOfProcessing: ['hosting'], purposes: [], dataSubjectCategories: [], personalDataCategories: [], recipientCategories: [] };
const more = { legalBases: [], transfers: [], erasureTimeLimits: null, securityMeasures: null };
const recorded = (id: string, occurredOn: number): DomainEvent => ({
  type: ProcessingActivityEvents.Recorded,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { processingActivityId: id, role: 'PROCESSOR', controllerId: 'acme', name: `${id} v1`, ...columns, ...more },
});
const amended = (id: string, occurredOn: number): DomainEvent => ({
  type: ProcessingActivityEvents.Amended,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: { processingActivityId: id, name: `${id} v2`, ...columns, ...more },
});

describe.each(storagesUnderTest())('revision tables across upgrades and rebuilds on the $name store', (storage) => {
  let timeline: Timeline;
  beforeEach(async () => {
    timeline = await openTimeline(storage);
    await timeline.record(1, 't1', processingActivityStream('pa-1'), [recorded('pa-1', 1)]);
    await timeline.record(4, 't1', processingActivityStream('pa-2'), [recorded('pa-2', 2)]);
    await timeline.record(5, 't1', processingActivityStream('pa-1'), [amended('pa-1', 3)]);
    await timeline.project(processingActivitiesProjection);
  });
  afterEach(() => timeline.close());

  const grid = { asOf: [day(1), day(2), day(3), null], knownAt: [{ at: day(1) }, { at: day(4) }, null] };
  const answers = () =>
    answersAt(grid, async (point) => {
      const page = await listRegister(timeline.sql, 't1', { first: 10, ...point });
      return `${page.edges.map((e) => e.node.name).join(', ')} @${page.derivedFrom?.treeSize ?? 'current'}`;
    });
  const expected = [
    ['pa-1 v1 @1', 'pa-1 v1 @2', 'pa-1 v1 @3'],
    ['pa-1 v1 @1', 'pa-1 v1, pa-2 v1 @2', 'pa-1 v1, pa-2 v1 @3'],
    ['pa-1 v1 @1', 'pa-1 v1, pa-2 v1 @2', 'pa-1 v2, pa-2 v1 @3'],
    ['pa-1 v1 @1', 'pa-1 v1, pa-2 v1 @2', 'pa-1 v2, pa-2 v1 @current'],
  ];

  it('fills the revisions of a database that had registers but no revisions yet, from the whole log, at the next start', async () => {
    expect(await answers()).toEqual(expected);
    // The database as the previous version left it: no revision table, no recorded_by on the leaves.
    await timeline.sql.query('DROP TABLE rm_processing_activities_revisions');
    await timeline.sql.query(`DELETE FROM ledger_schema_migrations WHERE component = 'projection-processing-activities' AND version = 2`);
    await timeline.sql.query('DROP INDEX ledger_merkle_leaves_recorded_by');
    await timeline.sql.query('ALTER TABLE ledger_merkle_leaves DROP COLUMN recorded_by');
    await timeline.sql.query(`DELETE FROM ledger_schema_migrations WHERE component = 'projection-merkle-log' AND version = 2`);

    await timeline.project(processingActivitiesProjection);
    expect(await answers()).toEqual(expected);
  });

  it('fills them again on a rebuild', async () => {
    await new ProjectionRunner(timeline.sql, timeline.store, [merkleLogProjection, processingActivitiesProjection]).rebuild();
    const [{ count }] = await timeline.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM rm_processing_activities_revisions');
    expect(count).toBe(3);
    expect(await answers()).toEqual(expected);
  });
});
