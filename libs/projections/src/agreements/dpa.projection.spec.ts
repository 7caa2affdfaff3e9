import { DomainEvent, DpaEvents, DpaTerms, dpaStream } from '@ledger/domain';
import type { SqlClient, SqlEventStore } from '@ledger/event-store';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { dataProcessingAgreementsProjection } from './dpa.projection';
import { findDataProcessingAgreement, listDataProcessingAgreements } from './dpa.queries';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';

const at = (date: string) => new Date(`${date}T09:00:00.000Z`);
const terms: DpaTerms = {
  controllerName: 'Acme HR',
  clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
  subprocessorAuthorisation: 'GENERAL',
  objectionWindowDays: 30,
  breachNotificationHours: 48,
};
const event = (type: string, controllerId: string, occurredAt: Date, data: object = {}): DomainEvent => ({
  type,
  schemaVersion: 1,
  occurredAt,
  data: { controllerId, ...data },
});
const signed = (controllerId: string, effectiveDate: string, occurredAt: Date) =>
  event(DpaEvents.Signed, controllerId, occurredAt, { ...terms, effectiveDate });

describe.each(storagesUnderTest())('the controller relationships read model on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage)));
  afterEach(() => close());

  const append = (tenantId: string, controllerId: string, events: DomainEvent[]) => appendNewStream(store, tenantId, dpaStream(controllerId), events);

  it('keeps the current agreement with the periods of the earlier ones, lists by status a page at a time, per tenant', async () => {
    await append('t1', 'acme', [
      signed('acme', '2026-01-01T00:00:00.000Z', at('2025-12-15')),
      event(DpaEvents.Amended, 'acme', at('2026-02-01'), { changes: { breachNotificationHours: 24 } }),
      event(DpaEvents.Terminated, 'acme', at('2026-03-01'), { effectiveDate: '2026-04-01T00:00:00.000Z' }),
      event(DpaEvents.ControllerDataReturned, 'acme', at('2026-04-02')),
      event(DpaEvents.ControllerDataDeleted, 'acme', at('2026-04-03')),
      signed('acme', '2026-05-01T00:00:00.000Z', at('2026-04-20')),
      event(DpaEvents.Amended, 'acme', at('2026-05-02'), { changes: { clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] } }),
    ]);
    await append('t1', 'globex', [
      signed('globex', '2026-01-01T00:00:00.000Z', at('2025-12-15')),
      event(DpaEvents.Terminated, 'globex', at('2026-03-01'), { effectiveDate: '2026-04-01T00:00:00.000Z' }),
    ]);
    await append('t1', 'initech', [signed('initech', '2026-01-01T00:00:00.000Z', at('2025-12-15'))]);
    await projectUpTo(sql, store, [merkleLogProjection, dataProcessingAgreementsProjection], await append('t2', 'acme', [signed('acme', '2026-01-01T00:00:00.000Z', at('2025-12-15'))]));

    expect(await findDataProcessingAgreement(sql, 't1', 'acme')).toEqual({
      controllerId: 'acme',
      ...terms,
      clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
      agreementNumber: 2,
      status: 'SIGNED',
      signedAt: at('2026-04-20'),
      effectiveFrom: new Date('2026-05-01T00:00:00Z'),
      effectiveUntil: null,
      lastAmendedAt: at('2026-05-02'),
      dataReturnedAt: null,
      dataDeletedAt: null,
      previousAgreements: [{ effectiveFrom: new Date('2026-01-01T00:00:00Z'), effectiveUntil: new Date('2026-04-01T00:00:00Z') }],
      lastOccurredAt: at('2026-05-02'),
      stream: 'dpa-acme',
      revision: 6,
    });
    expect(await findDataProcessingAgreement(sql, 't2', 'globex')).toBeNull();

    const signedPage = await listDataProcessingAgreements(sql, 't1', { status: 'SIGNED', first: 1 });
    expect(signedPage.edges.map((e) => e.node.controllerId)).toEqual(['acme']);
    expect(signedPage.hasNextPage).toBe(true);
    const next = await listDataProcessingAgreements(sql, 't1', { status: 'SIGNED', first: 1, after: signedPage.edges[0].cursor });
    expect(next.edges.map((e) => e.node.controllerId)).toEqual(['initech']);
    expect(next.hasNextPage).toBe(false);
    const terminated = await listDataProcessingAgreements(sql, 't1', { status: 'TERMINATED', first: 10 });
    expect(terminated.edges.map((e) => [e.node.controllerId, e.node.effectiveUntil])).toEqual([['globex', new Date('2026-04-01T00:00:00Z')]]);
    expect((await listDataProcessingAgreements(sql, 't2', { first: 10 })).edges.map((e) => e.node.controllerId)).toEqual(['acme']);
  });
});
