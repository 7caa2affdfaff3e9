import { DataSubjectRequestEvent, DataSubjectRequestEvents, dataSubjectRequestStream } from '@ledger/domain';
import type { AppendResult, SqlClient, SqlEventStore } from '@ledger/event-store';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { dataSubjectRequestsProjection } from './data-subject-requests.projection';
import { findDataSubjectRequest, listDataSubjectRequests } from './data-subject-requests.queries';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';

const at = (iso: string) => new Date(iso);
const requester = { name: 'Jeanne Martin', email: 'jeanne@example.org', phone: null };

const received = (requestId: string, controllerId: string, receivedAt: string): DataSubjectRequestEvent => ({
  type: DataSubjectRequestEvents.Received,
  schemaVersion: 1,
  occurredAt: at(receivedAt),
  data: { requestId, controllerId, requestType: 'ERASURE', requester },
});

describe.each(storagesUnderTest())('the data-subject requests register on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage, { pollIntervalMs: 20 })));
  afterEach(() => close());

  /** Appends each stream, then runs the projection live until it has applied the last event. */
  async function project(rows: Array<[tenantId: string, events: DataSubjectRequestEvent[]]>) {
    let last: AppendResult | null = null;
    for (const [tenantId, events] of rows) last = await appendNewStream(store, tenantId, dataSubjectRequestStream(events[0].data.requestId), events, 't');
    await projectUpTo(sql, store, [merkleLogProjection, dataSubjectRequestsProjection], last!);
  }

  it('stores the due date as evolve derives it from receipt and extensions, and the requester as one object (Art. 12(3))', async () => {
    await project([
      ['t1', [
        received('r1', 'acme', '2026-01-31T09:00:00.000Z'),
        { type: DataSubjectRequestEvents.Extended, schemaVersion: 1, occurredAt: at('2026-02-02T09:00:00.000Z'), data: { requestId: 'r1', months: 2, reason: 'Numerous requests' } },
      ]],
    ]);
    expect(await findDataSubjectRequest(sql, 't1', 'r1')).toMatchObject({
      requestType: 'ERASURE',
      requester,
      status: 'RECEIVED',
      receivedAt: at('2026-01-31T09:00:00.000Z'),
      extensionMonths: 2,
      extensionReasons: ['Numerous requests'],
      dueAt: at('2026-04-30T09:00:00.000Z'),
      answeredLate: null,
      stream: 'dsr-r1',
      revision: 1,
    });
  });

  it('filters the tenant’s requests by controller, status and whether they are overdue at a given moment', async () => {
    await project([
      ['t1', [received('r1', 'acme', '2026-01-10T09:00:00.000Z')]],
      ['t1', [received('r2', 'acme', '2026-01-10T09:00:00.000Z'), { type: DataSubjectRequestEvents.Completed, schemaVersion: 1, occurredAt: at('2026-01-20T09:00:00.000Z'), data: { requestId: 'r2' } }]],
      ['t1', [received('r3', 'globex', '2026-02-05T09:00:00.000Z')]],
      ['t2', [received('r4', 'acme', '2026-01-10T09:00:00.000Z')]],
    ]);
    const ids = async (filter: Parameters<typeof listDataSubjectRequests>[2], now = at('2026-02-11T00:00:00.000Z')) =>
      (await listDataSubjectRequests(sql, 't1', filter, now)).edges.map((e) => e.node.requestId);
    expect(await ids({ overdue: true, first: 10 })).toEqual(['r1']);
    expect(await ids({ overdue: false, first: 10 })).toEqual(['r2', 'r3']);
    expect(await ids({ overdue: true, first: 10 }, at('2026-02-10T09:00:00.000Z'))).toEqual([]);
    expect(await ids({ controllerId: 'acme', first: 10 })).toEqual(['r1', 'r2']);
    expect(await ids({ status: 'COMPLETED', first: 10 })).toEqual(['r2']);
    expect(await ids({ first: 1, after: (await listDataSubjectRequests(sql, 't1', { first: 1 }, new Date())).edges[0].cursor })).toEqual(['r2']);
    expect(await findDataSubjectRequest(sql, 't1', 'r4')).toBeNull();
  });
});
