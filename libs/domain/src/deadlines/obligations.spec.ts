import { DpaEvent, DpaEvents } from '../agreements/dpa.events';
import { AuditEvents } from '../audits/audit.events';
import { BreachEvents, BreachRiskLevel } from '../breaches/breach.events';
import { DataSubjectRequestEvents } from '../data-subject-requests/data-subject-request.events';
import { SubprocessorEvents } from '../subprocessors/subprocessor.events';
import { agreementTermsAfter, DeadlineAgreementTerms } from './agreement-terms';
import { isOverdue } from './deadline-rules';
import { Obligation } from './obligation';
import { AgreementsByController, DeadlineEvent, DeadlineFact, evolveObligations } from './obligations';

const at = (iso: string) => new Date(iso);
const v = 1;

/** Given the events of one record, in order, the obligations they leave (each event's id is e0, e1, ...). */
function obligationsAfter(stream: string, events: DeadlineEvent[], agreements: AgreementsByController = new Map()): Obligation[] {
  return events.reduce<Obligation[]>((current, event, i) => evolveObligations(current, { eventId: `e${i}`, stream, event } as DeadlineFact, agreements), []);
}

function agreementsOf(...streams: Array<{ controllerId: string; events: DpaEvent[] }>): AgreementsByController {
  const map = new Map<string, DeadlineAgreementTerms>();
  for (const { controllerId, events } of streams) {
    const terms = events.reduce<DeadlineAgreementTerms | null>((t, e, i) => agreementTermsAfter(t, e, `dpa-${controllerId}-e${i}`), null);
    if (terms) map.set(controllerId, terms);
  }
  return map;
}

const signed = (controllerId: string, terms: { hours?: number; mode?: 'GENERAL' | 'SPECIFIC'; days?: number } = {}): DpaEvent => ({
  type: DpaEvents.Signed,
  schemaVersion: v,
  occurredAt: at('2026-01-01T00:00:00Z'),
  data: {
    controllerId,
    controllerName: controllerId,
    clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
    subprocessorAuthorisation: terms.mode ?? 'GENERAL',
    objectionWindowDays: terms.days ?? 30,
    breachNotificationHours: terms.hours ?? 48,
    effectiveDate: '2026-01-01T00:00:00.000Z',
  },
});

const breachDetected = (riskLevel: BreachRiskLevel, controllerIds: string[]): DeadlineEvent => ({
  type: BreachEvents.Detected,
  schemaVersion: v,
  occurredAt: at('2026-03-27T22:15:00Z'),
  data: {
    breachId: 'b1',
    nature: 'lost laptop',
    dataSubjectCategories: ['learners'],
    approximateDataSubjectCount: 10,
    recordCategories: ['accounts'],
    approximateRecordCount: 10,
    likelyConsequences: 'phishing',
    measures: 'remote wipe',
    controllerIds,
    riskLevel,
  },
});

const pick = (obligations: Obligation[], kind: string, controllerId?: string) =>
  obligations.filter((o) => o.kind === kind && (!controllerId || o.controllerId === controllerId));

describe('breach deadlines (Art. 33)', () => {
  it("gives each affected controller its own notification deadline, its agreement's hours after detection (Art. 33(2))", () => {
    const agreements = agreementsOf({ controllerId: 'acme', events: [signed('acme', { hours: 24 })] });
    const obligations = obligationsAfter('breach-b1', [breachDetected('RISK', ['acme', 'globex'])], agreements);
    expect(pick(obligations, 'BREACH_CONTROLLER_NOTIFICATION')).toEqual([
      expect.objectContaining({ controllerId: 'acme', dueAt: at('2026-03-28T22:15:00Z'), sourceEventIds: ['dpa-acme-e0', 'e0'], metAt: null }),
      // No agreement: the default the agreements concept uses, 48 hours.
      expect.objectContaining({ controllerId: 'globex', dueAt: at('2026-03-29T22:15:00Z'), sourceEventIds: ['e0'] }),
    ]);
  });

  it('takes the hours from the latest amendment of the agreement (Art. 33(2), Art. 28(3)(f))', () => {
    const amended: DpaEvent = { type: DpaEvents.Amended, schemaVersion: v, occurredAt: at('2026-02-01T00:00:00Z'), data: { controllerId: 'acme', changes: { breachNotificationHours: 12 } } };
    const agreements = agreementsOf({ controllerId: 'acme', events: [signed('acme'), amended] });
    const [toAcme] = obligationsAfter('breach-b1', [breachDetected('RISK', ['acme'])], agreements);
    expect(toAcme).toMatchObject({ dueAt: at('2026-03-28T10:15:00Z'), sourceEventIds: ['dpa-acme-e1', 'e0'] });
  });

  it('sets the authority notification 72 hours after awareness for each controller, none when the breach is unlikely to result in a risk (Art. 33(1))', () => {
    expect(pick(obligationsAfter('breach-b1', [breachDetected('HIGH_RISK', ['acme', 'globex'])]), 'BREACH_AUTHORITY_NOTIFICATION')).toEqual([
      expect.objectContaining({ controllerId: 'acme', dueAt: at('2026-03-30T22:15:00Z') }),
      expect.objectContaining({ controllerId: 'globex', dueAt: at('2026-03-30T22:15:00Z') }),
    ]);
    expect(pick(obligationsAfter('breach-b1', [breachDetected('UNLIKELY', ['acme'])]), 'BREACH_AUTHORITY_NOTIFICATION')).toEqual([]);
  });

  it("moves a controller's authority deadline to 72 hours after its processor told it: that is when the controller becomes aware (Art. 33(1)-(2))", () => {
    const obligations = obligationsAfter('breach-b1', [
      breachDetected('RISK', ['acme', 'globex']),
      { type: BreachEvents.ControllerNotified, schemaVersion: v, occurredAt: at('2026-03-29T10:00:00Z'), data: { breachId: 'b1', controllerId: 'acme' } },
    ]);
    expect(pick(obligations, 'BREACH_AUTHORITY_NOTIFICATION')).toEqual([
      expect.objectContaining({ controllerId: 'acme', startedAt: at('2026-03-29T10:00:00Z'), dueAt: at('2026-04-01T10:00:00Z'), sourceEventIds: ['e0', 'e1'], metAt: null }),
      expect.objectContaining({ controllerId: 'globex', startedAt: at('2026-03-27T22:15:00Z'), dueAt: at('2026-03-30T22:15:00Z'), sourceEventIds: ['e0'] }),
    ]);
  });
  it('meets only the notified controller\'s obligations, with the event that met them (Art. 33(1)-(2))', () => {
    const obligations = obligationsAfter('breach-b1', [
      breachDetected('RISK', ['acme', 'globex']),
      { type: BreachEvents.ControllerNotified, schemaVersion: v, occurredAt: at('2026-03-28T08:00:00Z'), data: { breachId: 'b1', controllerId: 'acme' } },
      { type: BreachEvents.AuthorityNotified, schemaVersion: v, occurredAt: at('2026-03-29T08:00:00Z'), data: { breachId: 'b1', controllerId: 'acme', authority: 'CNIL', delayReasons: null } },
    ]);
    expect(pick(obligations, 'BREACH_CONTROLLER_NOTIFICATION', 'acme')[0]).toMatchObject({ metAt: at('2026-03-28T08:00:00Z'), metByEventId: 'e1' });
    expect(pick(obligations, 'BREACH_AUTHORITY_NOTIFICATION', 'acme')[0]).toMatchObject({ metAt: at('2026-03-29T08:00:00Z'), metByEventId: 'e2' });
    expect(obligations.filter((o) => o.controllerId === 'globex').map((o) => o.metAt)).toEqual([null, null]);
  });
});

describe('data-subject request deadline (Art. 12(3))', () => {
  const received: DeadlineEvent = {
    type: DataSubjectRequestEvents.Received,
    schemaVersion: v,
    occurredAt: at('2026-01-31T09:00:00Z'),
    data: { requestId: 'r1', controllerId: 'acme', requestType: 'ACCESS', requester: { name: 'J', email: null, phone: null } },
  };
  const extended = (months: number, day: string): DeadlineEvent => ({
    type: DataSubjectRequestEvents.Extended,
    schemaVersion: v,
    occurredAt: at(day),
    data: { requestId: 'r1', months, reason: 'complex' },
  });

  it('is due one month after receipt', () =>
    expect(obligationsAfter('dsr-r1', [received])).toEqual([
      expect.objectContaining({ kind: 'DATA_SUBJECT_REQUEST_RESPONSE', controllerId: 'acme', dueAt: at('2026-02-28T09:00:00Z'), sourceEventIds: ['e0'] }),
    ]));

  it('moves with each extension, counted from receipt, and lists the extensions among its sources', () =>
    expect(obligationsAfter('dsr-r1', [received, extended(1, '2026-02-02T09:00:00Z'), extended(1, '2026-02-03T09:00:00Z')])).toEqual([
      expect.objectContaining({ dueAt: at('2026-04-30T09:00:00Z'), extensionMonths: 2, sourceEventIds: ['e0', 'e1', 'e2'] }),
    ]));

  it.each([
    [DataSubjectRequestEvents.Completed, { requestId: 'r1' }],
    [DataSubjectRequestEvents.Refused, { requestId: 'r1', reason: 'manifestly unfounded' }],
  ])('is met by the answer (%s, Art. 12(3)-(4))', (type, data) => {
    const [obligation] = obligationsAfter('dsr-r1', [received, { type, schemaVersion: v, occurredAt: at('2026-02-10T09:00:00Z'), data } as DeadlineEvent]);
    expect(obligation).toMatchObject({ metAt: at('2026-02-10T09:00:00Z'), metByEventId: 'e1' });
  });
});

it('holds a refusal to one month from receipt even after an extension: met late when it comes after it (Art. 12(4))', () => {
  const receivedAt = at('2026-01-31T09:00:00Z');
  const events = [
    { type: DataSubjectRequestEvents.Received, schemaVersion: v, occurredAt: receivedAt, data: { requestId: 'r1', controllerId: 'acme', requestType: 'ACCESS', requester: { name: 'J', email: null, phone: null } } },
    { type: DataSubjectRequestEvents.Extended, schemaVersion: v, occurredAt: at('2026-02-02T09:00:00Z'), data: { requestId: 'r1', months: 2, reason: 'complex' } },
    { type: DataSubjectRequestEvents.Refused, schemaVersion: v, occurredAt: at('2026-03-15T09:00:00Z'), data: { requestId: 'r1', reason: 'manifestly unfounded' } },
  ] as DeadlineEvent[];
  const [obligation] = obligationsAfter('dsr-r1', events);
  expect(obligation).toMatchObject({ dueAt: at('2026-02-28T09:00:00Z'), metAt: at('2026-03-15T09:00:00Z'), metByEventId: 'e2' });
});

describe('sub-processor objection window (Art. 28(2))', () => {
  const proposed: DeadlineEvent = {
    type: SubprocessorEvents.Proposed,
    schemaVersion: v,
    occurredAt: at('2026-03-01T10:00:00Z'),
    data: { subprocessorId: 's1', name: 'Mailer', service: 'e-mail', location: 'FR', transferMechanism: 'NONE_EEA' },
  };
  const terminated: DpaEvent = { type: DpaEvents.Terminated, schemaVersion: v, occurredAt: at('2026-02-01T00:00:00Z'), data: { controllerId: 'gone', effectiveDate: '2026-02-15T00:00:00.000Z' } };
  const agreements = agreementsOf(
    { controllerId: 'acme', events: [signed('acme', { days: 14 })] },
    { controllerId: 'globex', events: [signed('globex', { days: 30 })] },
    { controllerId: 'strict', events: [signed('strict', { mode: 'SPECIFIC' })] },
    { controllerId: 'gone', events: [signed('gone'), terminated] },
  );

  it('opens a window for each controller under a general authorisation in force, as long as its agreement says; none under a specific one', () =>
    expect(obligationsAfter('subprocessor-s1', [proposed], agreements)).toEqual([
      expect.objectContaining({ kind: 'SUBPROCESSOR_OBJECTION_WINDOW', controllerId: 'acme', dueAt: at('2026-03-15T10:00:00Z'), sourceEventIds: ['dpa-acme-e0', 'e0'] }),
      expect.objectContaining({ controllerId: 'globex', dueAt: at('2026-03-31T10:00:00Z') }),
    ]));

  it("closes a controller's window when it objects or the sub-processor is engaged for it, every window when it is removed", () => {
    const objected: DeadlineEvent = { type: SubprocessorEvents.Objected, schemaVersion: v, occurredAt: at('2026-03-05T10:00:00Z'), data: { subprocessorId: 's1', controllerId: 'acme', reason: 'US parent' } };
    const afterObjection = obligationsAfter('subprocessor-s1', [proposed, objected], agreements);
    expect(afterObjection.map((o) => [o.controllerId, o.metByEventId])).toEqual([['acme', 'e1'], ['globex', null]]);
    const removed: DeadlineEvent = { type: SubprocessorEvents.Removed, schemaVersion: v, occurredAt: at('2026-03-06T10:00:00Z'), data: { subprocessorId: 's1', reason: null } };
    expect(obligationsAfter('subprocessor-s1', [proposed, objected, removed], agreements).map((o) => o.metByEventId)).toEqual(['e1', 'e2']);
  });
});

describe('audit due date (Art. 28(3)(h))', () => {
  it('is the date the controller asked for, met when the processor submits its answers', () => {
    const requested: DeadlineEvent = {
      type: AuditEvents.Requested,
      schemaVersion: v,
      occurredAt: at('2026-02-01T00:00:00Z'),
      data: { auditId: 'a1', controllerId: 'acme', templateId: 't', questionIds: [], dueAt: '2026-03-01T00:00:00.000Z', prefilled: [] },
    };
    const submitted: DeadlineEvent = { type: AuditEvents.Submitted, schemaVersion: v, occurredAt: at('2026-02-20T00:00:00Z'), data: { auditId: 'a1' } };
    expect(obligationsAfter('audit-a1', [requested])).toEqual([expect.objectContaining({ kind: 'AUDIT_DUE', dueAt: at('2026-03-01T00:00:00Z'), metAt: null })]);
    expect(obligationsAfter('audit-a1', [requested, submitted])[0]).toMatchObject({ metAt: at('2026-02-20T00:00:00Z'), metByEventId: 'e1' });
  });
});

describe('end-of-contract data (Art. 28(3)(g))', () => {
  const terminated: DpaEvent = { type: DpaEvents.Terminated, schemaVersion: v, occurredAt: at('2026-05-01T00:00:00Z'), data: { controllerId: 'acme', effectiveDate: '2026-06-30T00:00:00.000Z' } };

  it('is due 30 days after the termination takes effect', () =>
    expect(obligationsAfter('dpa-acme', [signed('acme'), terminated])).toEqual([
      expect.objectContaining({ kind: 'END_OF_CONTRACT_DATA', controllerId: 'acme', startedAt: at('2026-06-30T00:00:00Z'), dueAt: at('2026-07-30T00:00:00Z'), sourceEventIds: ['e1'] }),
    ]));

  it.each([DpaEvents.ControllerDataReturned, DpaEvents.ControllerDataDeleted])("is met when the data is returned or deleted, at the controller's choice (%s)", (type) => {
    const done = { type, schemaVersion: v, occurredAt: at('2026-07-02T00:00:00Z'), data: { controllerId: 'acme' } } as DpaEvent;
    expect(obligationsAfter('dpa-acme', [signed('acme'), terminated, done])[0]).toMatchObject({ metAt: at('2026-07-02T00:00:00Z'), metByEventId: 'e2' });
  });

  it('is discharged by a new agreement: the service goes on', () =>
    expect(obligationsAfter('dpa-acme', [signed('acme'), terminated, signed('acme')])[0]).toMatchObject({ metByEventId: 'e2' }));
});

describe('overdue, asked at a given moment', () => {
  const due = at('2026-02-28T09:00:00Z');
  it('is unmet and strictly past the due date: an act at the deadline itself is on time', () => {
    expect(isOverdue({ dueAt: due, metAt: null }, due)).toBe(false);
    expect(isOverdue({ dueAt: due, metAt: null }, at('2026-02-28T09:00:00.001Z'))).toBe(true);
    expect(isOverdue({ dueAt: due, metAt: at('2026-03-05T00:00:00Z') }, at('2026-04-01T00:00:00Z'))).toBe(false);
  });
});
