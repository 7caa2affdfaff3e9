import { authorisationFor, controllerAgreementOf, dpaDecider, DpaEvents, dpaStream, DomainEvent, SubprocessorEvents, subprocessorStream } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { storagesUnderTest } from '@ledger/testing';
import { dataProcessingAgreementsProjection } from '../agreements/dpa.projection';
import { findDataProcessingAgreement } from '../agreements/dpa.queries';
import { PointInTime, pointOf } from '../point-in-time/point-in-time';
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

const signed = (controllerId: string, occurredOn: number, subprocessorAuthorisation: 'GENERAL' | 'SPECIFIC', objectionWindowDays: number): DomainEvent => ({
  type: DpaEvents.Signed,
  schemaVersion: 1,
  occurredAt: day(occurredOn),
  data: {
    controllerId,
    controllerName: `${controllerId} SA`,
    clauses: ['A', 'B'],
    subprocessorAuthorisation,
    objectionWindowDays,
    breachNotificationHours: 48,
    effectiveDate: day(occurredOn).toISOString(),
  },
});

/**
 * Each sub-processor's authorisation state for one controller at a point, composed as the API's
 * `subprocessors(controllerId)` composes it: the list and the controller's agreement read at the
 * same log prefix, judged at asOf (now without it).
 */
async function authorisationsAt(sql: SqlExecutor, controllerId: string, query: PointInTime): Promise<string> {
  const point = await pointOf(sql, query);
  const [list, dpa] = await Promise.all([
    listSubprocessors(sql, 't1', { first: 10, ...query }, point),
    findDataProcessingAgreement(sql, 't1', controllerId, point),
  ]);
  const agreement = controllerAgreementOf(dpa ?? dpaDecider.initialState);
  return list.edges.map(({ node }) => `${node.subprocessorId}:${authorisationFor(node, controllerId, agreement, point?.asOf ?? new Date()).state}`).join(' ');
}

describe.each(storagesUnderTest())('sub-processor authorisation at a point in time on the $name store', (storage) => {
  let timeline: Timeline;
  beforeEach(async () => {
    timeline = await openTimeline(storage);
    const { record } = timeline;
    await record(1, 't1', dpaStream('acme'), [signed('acme', 1, 'GENERAL', 10)]); // leaf 0: acme may object within 10 days
    await record(1, 't1', dpaStream('globex'), [signed('globex', 1, 'SPECIFIC', 0)]); // leaf 1: globex approves each one
    await record(2, 't1', subprocessorStream('sp-1'), [proposed('sp-1', 2)]); // leaf 2: acme's window runs to day 12
    await record(2, 't1', subprocessorStream('sp-2'), [proposed('sp-2', 2)]); // leaf 3
    await record(4, 't1', subprocessorStream('sp-1'), [event(SubprocessorEvents.Approved, 'sp-1', 4, { controllerId: 'globex' })]); // leaf 4
    await record(6, 't1', subprocessorStream('sp-1'), [event(SubprocessorEvents.Added, 'sp-1', 6, { controllerId: 'globex', authorisation: 'SPECIFIC' })]); // leaf 5
    await record(8, 't1', dpaStream('initech'), [signed('initech', 8, 'GENERAL', 30)]); // leaf 6: initech signs on day 8
    // leaf 7: acme objected to sp-2 on day 6, inside its window, but the processor recorded it only on day 9.
    await record(9, 't1', subprocessorStream('sp-2'), [event(SubprocessorEvents.Objected, 'sp-2', 6, { controllerId: 'acme', reason: 'US transfer' })]);
    await timeline.project(dataProcessingAgreementsProjection, subprocessorsProjection);
  });
  afterEach(() => timeline.close());

  it('under a general authorisation: a window open then and closed now, and an objection recorded late, cell by cell', async () => {
    const grid = { asOf: [day(3), day(7), day(12), null], knownAt: [{ at: day(8) }, { at: day(9) }, null] };
    const table = await answersAt(grid, (point) => authorisationsAt(timeline.sql, 'acme', point));
    const [open, objected, authorised] = ['OBJECTION_WINDOW_OPEN', 'OBJECTED', 'AUTHORISED'];
    expect(table).toEqual([
      // known on day 8 (objection not yet)       known on day 9                           known now
      [`sp-1:${open} sp-2:${open}`, `sp-1:${open} sp-2:${open}`, `sp-1:${open} sp-2:${open}`], // as of day 3: before the objection
      [`sp-1:${open} sp-2:${open}`, `sp-1:${open} sp-2:${objected}`, `sp-1:${open} sp-2:${objected}`], // as of day 7: objected on day 6
      [`sp-1:${authorised} sp-2:${authorised}`, `sp-1:${authorised} sp-2:${objected}`, `sp-1:${authorised} sp-2:${objected}`], // as of day 12: window closed
      [`sp-1:${authorised} sp-2:${authorised}`, `sp-1:${authorised} sp-2:${objected}`, `sp-1:${authorised} sp-2:${objected}`], // now
    ]);
  });

  it('under a specific authorisation: awaiting approval, approved, engaged, as the approval was known', async () => {
    const grid = { asOf: [day(3), day(4), day(6), null], knownAt: [{ at: day(3) }, { treeSize: 5 }, null] };
    const table = await answersAt(grid, (point) => authorisationsAt(timeline.sql, 'globex', point));
    const [awaiting, approved, engaged] = ['AWAITING_APPROVAL', 'APPROVED', 'ENGAGED'];
    expect(table).toEqual([
      // known on day 3                           first 5 leaves (approved, not engaged)      known now
      [`sp-1:${awaiting} sp-2:${awaiting}`, `sp-1:${awaiting} sp-2:${awaiting}`, `sp-1:${awaiting} sp-2:${awaiting}`], // as of day 3
      [`sp-1:${awaiting} sp-2:${awaiting}`, `sp-1:${approved} sp-2:${awaiting}`, `sp-1:${approved} sp-2:${awaiting}`], // as of day 4: approved
      [`sp-1:${awaiting} sp-2:${awaiting}`, `sp-1:${approved} sp-2:${awaiting}`, `sp-1:${engaged} sp-2:${awaiting}`], // as of day 6: engaged
      [`sp-1:${awaiting} sp-2:${awaiting}`, `sp-1:${approved} sp-2:${awaiting}`, `sp-1:${engaged} sp-2:${awaiting}`], // now
    ]);
  });

  it("judges a controller's agreement at the same point: none before it was signed, known or in force", async () => {
    const grid = { asOf: [day(7), day(8), null], knownAt: [{ at: day(6) }, null] };
    const table = await answersAt(grid, (point) => authorisationsAt(timeline.sql, 'initech', point));
    // Its 30-day window counts from the proposal on day 2, so it is still open on day 8 and closed now.
    expect(table).toEqual([
      ['sp-1:NO_AGREEMENT sp-2:NO_AGREEMENT', 'sp-1:NO_AGREEMENT sp-2:NO_AGREEMENT'], // as of day 7: not signed yet
      ['sp-1:NO_AGREEMENT sp-2:NO_AGREEMENT', 'sp-1:OBJECTION_WINDOW_OPEN sp-2:OBJECTION_WINDOW_OPEN'], // as of day 8: signed, known only after day 6
      ['sp-1:NO_AGREEMENT sp-2:NO_AGREEMENT', 'sp-1:AUTHORISED sp-2:AUTHORISED'], // now
    ]);
  });
});
