import { AuditEvent, AuditEvents, auditStream, DomainEvent, PrefilledAnswer } from '@ledger/domain';
import { NO_STREAM, Position, type SqlClient, type SqlEventStore } from '@ledger/event-store';
import { openTestEventStore, projectUpTo, storagesUnderTest } from '@ledger/testing';
import { auditsProjection } from './audits.projection';
import { findAudit, latestAuditAnswers, listAuditAnswers, listAuditFindings, listAudits } from './audits.queries';
import { citationStaleness } from './citation-staleness';
import { merkleLogProjection } from '../merkle-log/merkle-log.projection';

const at = (d: number) => new Date(`2026-03-${String(d).padStart(2, '0')}T09:00:00.000Z`);
const requested = (auditId: string, controllerId: string, prefilled: PrefilledAnswer[] = [], d = 1): AuditEvent => ({
  type: AuditEvents.Requested,
  schemaVersion: 1,
  occurredAt: at(d),
  data: { auditId, controllerId, templateId: 't', questionIds: ['q.a', 'q.b'], dueAt: at(20).toISOString(), prefilled },
});
const answered = (auditId: string, questionId: string, answer: string, d: number): AuditEvent => ({
  type: AuditEvents.Answered,
  schemaVersion: 1,
  occurredAt: at(d),
  data: { auditId, questionId, answer, evidence: [{ name: 'policy.pdf', sha256: 'ab'.repeat(32) }], cites: [] },
});

describe.each(storagesUnderTest())('the audits read model on the $name store', (storage) => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let close: () => Promise<void>;
  let commands = 0;
  let last: Position | null = null;
  beforeEach(async () => ({ sql, store, close } = await openTestEventStore(storage)));
  afterEach(() => close());

  async function append(tenantId: string, actorId: string, stream: string, events: DomainEvent[]) {
    const existing = await store.readStream(tenantId, stream);
    const id = `cmd-${++commands}`;
    const write = await store.append(stream, existing.length ? existing.at(-1)!.revision : NO_STREAM, events, {
      tenantId,
      actor: { id: actorId, role: 'processor', keyId: null },
      commandId: id,
      correlationId: id,
      causationId: id,
    });
    last = write.events.at(-1)!.position;
    return write;
  }

  const project = () => projectUpTo(sql, store, [merkleLogProjection, auditsProjection], last!);

  it('keeps each answer with who gave it (from the envelope), when, and in which audit', async () => {
    await append('t1', 'alice', auditStream('a1'), [requested('a1', 'acme'), answered('a1', 'q.a', 'Yes', 2)]);
    await append('t1', 'bob', auditStream('a1'), [answered('a1', 'q.a', 'Yes, Jane Doe', 3)]);
    await project();
    expect(await listAuditAnswers(sql, 't1', 'a1')).toEqual([
      {
        questionId: 'q.a',
        answer: 'Yes, Jane Doe',
        evidence: [{ name: 'policy.pdf', sha256: 'ab'.repeat(32) }],
        cites: [],
        givenAt: at(3),
        givenBy: { id: 'bob', role: 'processor', keyId: null },
        givenInAuditId: 'a1',
        prefilled: false,
      },
    ]);
    expect(await findAudit(sql, 't1', 'a1')).toMatchObject({ status: 'REQUESTED', answeredCount: 1, revision: 2, dueAt: at(20) });
  });

  it("offers the tenant's latest answer to each question for pre-filling, never another tenant's", async () => {
    await append('t1', 'alice', auditStream('a1'), [requested('a1', 'acme'), answered('a1', 'q.a', 'old', 2), answered('a1', 'q.b', 'B', 3)]);
    await append('t1', 'bob', auditStream('a2'), [requested('a2', 'globex', [], 4), answered('a2', 'q.a', 'new', 5)]);
    await append('t2', 'eve', auditStream('a9'), [requested('a9', 'acme', [], 6), answered('a9', 'q.a', 'other tenant', 7)]);
    await project();
    const latest = await latestAuditAnswers(sql, 't1');
    expect(latest.map((a) => [a.questionId, a.answer, a.firstGiven.auditId, a.firstGiven.by.id, a.firstGiven.at])).toEqual([
      ['q.a', 'new', 'a2', 'bob', at(5).toISOString()],
      ['q.b', 'B', 'a1', 'alice', at(3).toISOString()],
    ]);
  });

  it('shows a pre-filled answer with the provenance of its source, and does not count the copy as a newer answer', async () => {
    const copy: PrefilledAnswer = {
      questionId: 'q.a',
      answer: 'Yes',
      evidence: [],
      cites: [],
      firstGiven: { auditId: 'a1', at: at(2).toISOString(), by: { id: 'alice', role: 'processor', keyId: null } },
    };
    await append('t1', 'alice', auditStream('a1'), [requested('a1', 'acme'), answered('a1', 'q.a', 'Yes', 2)]);
    await append('t1', 'carol', auditStream('a2'), [requested('a2', 'globex', [copy], 9)]);
    await project();
    const [answer] = await listAuditAnswers(sql, 't1', 'a2');
    expect(answer).toMatchObject({ prefilled: true, givenInAuditId: 'a1', givenAt: at(2), givenBy: { id: 'alice' } });
    expect((await latestAuditAnswers(sql, 't1'))[0].firstGiven).toMatchObject({ auditId: 'a1', by: { id: 'alice' } });
  });

  it('follows submission, findings with their author, and closing; lists audits by controller and status', async () => {
    await append('t1', 'alice', auditStream('a1'), [requested('a1', 'acme')]);
    await append('t1', 'alice', auditStream('a2'), [
      requested('a2', 'globex'),
      { type: AuditEvents.Submitted, schemaVersion: 1, occurredAt: at(4), data: { auditId: 'a2' } },
      { type: AuditEvents.FindingRaised, schemaVersion: 1, occurredAt: at(5), data: { auditId: 'a2', findingId: 'f1', text: 'No DPO', severity: 'HIGH', questionId: 'q.a' } },
    ]);
    await append('t1', 'dan', auditStream('a2'), [{ type: AuditEvents.Closed, schemaVersion: 1, occurredAt: at(6), data: { auditId: 'a2', conclusion: 'Fix it' } }]);
    await project();
    expect(await findAudit(sql, 't1', 'a2')).toMatchObject({ status: 'CLOSED', submittedAt: at(4), closedAt: at(6), conclusion: 'Fix it', findingCount: 1, revision: 3 });
    expect(await listAuditFindings(sql, 't1', 'a2')).toEqual([
      { findingId: 'f1', text: 'No DPO', severity: 'HIGH', questionId: 'q.a', raisedAt: at(5), raisedBy: { id: 'alice', role: 'processor', keyId: null } },
    ]);
    const ids = async (filter: object) => (await listAudits(sql, 't1', { first: 10, ...filter })).edges.map((e) => e.node.auditId);
    expect(await ids({})).toEqual(['a1', 'a2']);
    expect(await ids({ controllerId: 'acme' })).toEqual(['a1']);
    expect(await ids({ status: 'CLOSED' })).toEqual(['a2']);
    expect(await findAudit(sql, 't2', 'a2')).toBeNull();
  });

  it('marks a citation stale with the first event its stream received after the cited revision', async () => {
    await append('t1', 'alice', 'dpa-acme', [{ type: 'DataProcessingAgreementSigned', schemaVersion: 1, occurredAt: at(1), data: {} }]);
    const staleness = () => citationStaleness(store, 't1')([{ stream: 'dpa-acme', revision: 0 }, { stream: 'dpa-acme', revision: 2 }]);
    expect((await staleness()).map((c) => c.staleSince)).toEqual([null, null]);
    const amended = await append('t1', 'bob', 'dpa-acme', [
      { type: 'DataProcessingAgreementAmended', schemaVersion: 1, occurredAt: at(3), data: {} },
      { type: 'DataProcessingAgreementTerminated', schemaVersion: 1, occurredAt: at(4), data: {} },
    ]);
    const [first, second] = await staleness();
    expect(first.staleSince).toEqual({
      eventId: amended.events[0].eventId,
      type: 'DataProcessingAgreementAmended',
      occurredAt: at(3),
      recordedAt: new Date(amended.events[0].metadata.recordedAt),
    });
    expect(second).toEqual({ stream: 'dpa-acme', revision: 2, staleSince: null });
    expect((await citationStaleness(store, 't2')([{ stream: 'dpa-acme', revision: 0 }]))[0].staleSince).toBeNull();
  });
});
