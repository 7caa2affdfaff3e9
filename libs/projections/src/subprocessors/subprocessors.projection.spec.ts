import { DomainEvent, SubprocessorEvents, subprocessorStream } from '@ledger/domain';
import type { SqlClient, SqlEventStore } from '@ledger/event-store';
import { appendNewStream, openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { subprocessorsProjection } from './subprocessors.projection';
import { findSubprocessor, listSubprocessors } from './subprocessors.queries';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9));
const event = (type: string, subprocessorId: string, occurredAt: Date, data: object = {}): DomainEvent => ({
  type,
  schemaVersion: 1,
  occurredAt,
  data: { subprocessorId, ...data },
});
const proposed = (id: string, name: string) =>
  event(SubprocessorEvents.Proposed, id, day(1), { name, service: 'e-mail delivery', location: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });

describe.each(storagesUnderTest())('the sub-processor list read model on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage)));
  afterEach(() => close());

  const append = (tenantId: string, id: string, events: DomainEvent[]) => appendNewStream(store, tenantId, subprocessorStream(id), events);

  it("keeps each controller's objection, approval and engagement, and lists sub-processors a page at a time, per tenant", async () => {
    await append('t1', 'sp-1', [
      proposed('sp-1', 'SendGrid'),
      event(SubprocessorEvents.Objected, 'sp-1', day(5), { controllerId: 'acme', reason: 'US transfer' }),
      event(SubprocessorEvents.Approved, 'sp-1', day(6), { controllerId: 'globex' }),
      event(SubprocessorEvents.Added, 'sp-1', day(7), { controllerId: 'globex', authorisation: 'SPECIFIC' }),
    ]);
    await append('t1', 'sp-2', [proposed('sp-2', 'Postmark'), event(SubprocessorEvents.Removed, 'sp-2', day(3), { reason: 'replaced' })]);
    await append('t1', 'sp-3', [proposed('sp-3', 'Mailgun'), event(SubprocessorEvents.Added, 'sp-3', day(4), { controllerId: 'acme', authorisation: 'GENERAL' })]);
    await projectUpTo(sql, store, [merkleLogProjection, subprocessorsProjection], await append('t2', 'sp-9', [proposed('sp-9', 'Brevo')]));

    expect(await findSubprocessor(sql, 't1', 'sp-1')).toEqual({
      subprocessorId: 'sp-1',
      name: 'SendGrid',
      service: 'e-mail delivery',
      location: 'US',
      transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
      status: 'ACTIVE',
      proposedAt: day(1),
      removedAt: null,
      removalReason: null,
      controllers: {
        acme: { objectedAt: day(5), objectionReason: 'US transfer', approvedAt: null, engagedAt: null },
        globex: { objectedAt: null, objectionReason: null, approvedAt: day(6), engagedAt: day(7) },
      },
      lastOccurredAt: day(7),
      stream: 'subprocessor-sp-1',
      revision: 3,
    });
    expect(await findSubprocessor(sql, 't2', 'sp-1')).toBeNull();

    const first = await listSubprocessors(sql, 't1', { first: 2 });
    expect(first.edges.map((e) => [e.node.subprocessorId, e.node.status, Object.keys(e.node.controllers)])).toEqual([
      ['sp-1', 'ACTIVE', ['acme', 'globex']],
      ['sp-2', 'REMOVED', []],
    ]);
    expect(first.hasNextPage).toBe(true);
    const second = await listSubprocessors(sql, 't1', { first: 2, after: first.edges[1].cursor });
    expect(second.edges.map((e) => [e.node.subprocessorId, e.node.controllers])).toEqual([
      ['sp-3', { acme: { objectedAt: null, objectionReason: null, approvedAt: null, engagedAt: day(4) } }],
    ]);
    expect(second.hasNextPage).toBe(false);
    expect((await listSubprocessors(sql, 't2', { first: 10 })).edges.map((e) => e.node.subprocessorId)).toEqual(['sp-9']);
  });
});
