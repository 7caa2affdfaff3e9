import { DomainEvent, ProcessingActivityDetails, ProcessingActivityEvents, processingActivityStream } from '@ledger/domain';
import type { AppendResult, SqlClient, SqlEventStore } from '@ledger/event-store';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { processingActivitiesProjection } from './processing-activities.projection';
import { findProcessingActivity, listRegister } from './processing-activities.queries';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';

const at = (d: number) => new Date(`2026-03-0${d}T09:00:00.000Z`);
const columns: ProcessingActivityDetails = {
  name: 'Hosting',
  categoriesOfProcessing: ['hosting'],
  purposes: [],
  dataSubjectCategories: [],
  personalDataCategories: [],
  recipientCategories: [],
  legalBases: [],
  transfers: [{ country: 'US', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }],
  erasureTimeLimits: null,
  securityMeasures: 'Encryption at rest',
};
const recorded = (id: string, controllerId: string | null, role: 'PROCESSOR' | 'CONTROLLER' = 'PROCESSOR'): DomainEvent => ({
  type: ProcessingActivityEvents.Recorded,
  schemaVersion: 1,
  occurredAt: at(1),
  data: { processingActivityId: id, role, controllerId, ...columns },
});

describe.each(storagesUnderTest())('the Art. 30 register read model on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage)));
  afterEach(() => close());

  let last: AppendResult | null = null;
  const append = async (tenantId: string, id: string, events: DomainEvent[]) => {
    last = await appendNewStream(store, tenantId, processingActivityStream(id), events);
  };

  it('keeps the amended columns, lists only activities in force, filtered by controller and role, per tenant', async () => {
    await append('t1', 'pa-1', [
      recorded('pa-1', 'acme'),
      { type: ProcessingActivityEvents.Amended, schemaVersion: 1, occurredAt: at(2), data: { processingActivityId: 'pa-1', ...columns, transfers: [] } },
    ]);
    await append('t1', 'pa-2', [recorded('pa-2', 'globex')]);
    await append('t1', 'pa-3', [
      recorded('pa-3', 'acme'),
      { type: ProcessingActivityEvents.Retired, schemaVersion: 1, occurredAt: at(3), data: { processingActivityId: 'pa-3', reason: 'ended' } },
    ]);
    await append('t1', 'pa-4', [recorded('pa-4', null, 'CONTROLLER')]);
    await append('t2', 'pa-9', [recorded('pa-9', 'acme')]);
    await projectUpTo(sql, store, [merkleLogProjection, processingActivitiesProjection], last!);

    expect(await findProcessingActivity(sql, 't1', 'pa-1')).toEqual({
      processingActivityId: 'pa-1',
      role: 'PROCESSOR',
      controllerId: 'acme',
      ...columns,
      transfers: [],
      status: 'IN_FORCE',
      recordedAt: at(1),
      amendedAt: at(2),
      retiredAt: null,
      retirementReason: null,
      lastOccurredAt: at(2),
      stream: 'processing-activity-pa-1',
      revision: 1,
    });
    expect(await findProcessingActivity(sql, 't1', 'pa-3')).toMatchObject({ status: 'RETIRED', retiredAt: at(3), retirementReason: 'ended' });
    const ids = async (filter: object) => (await listRegister(sql, 't1', { first: 10, ...filter })).edges.map((e) => e.node.processingActivityId);
    expect(await ids({})).toEqual(['pa-1', 'pa-2', 'pa-4']);
    expect(await ids({ controllerId: 'acme' })).toEqual(['pa-1']);
    expect(await ids({ role: 'CONTROLLER' })).toEqual(['pa-4']);
    expect(await findProcessingActivity(sql, 't2', 'pa-1')).toBeNull();
  });
});
