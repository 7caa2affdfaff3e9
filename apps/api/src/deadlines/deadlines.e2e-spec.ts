import { ApiHarness, startApiOn, storagesUnderTest } from '@ledger/testing';

const LEDGER = 'ledger { events { eventId } }';
const SIGN = `mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { ${LEDGER} } }`;
const TERMINATE = `mutation($input: TerminateDataProcessingAgreementInput!) { terminateDataProcessingAgreement(input: $input) { ${LEDGER} } }`;
const RECORD_BREACH = `mutation($input: RecordBreachInput!) { recordBreach(input: $input) { breach { id } ${LEDGER} } }`;
const NOTIFY = `mutation($input: NotifyControllerOfBreachInput!) { notifyControllerOfBreach(input: $input) { ${LEDGER} } }`;
const RECEIVE = `mutation($input: ReceiveDataSubjectRequestInput!) { receiveDataSubjectRequest(input: $input) { dataSubjectRequest { id } ${LEDGER} } }`;
const EXTEND = `mutation($input: ExtendDataSubjectRequestInput!) { extendDataSubjectRequest(input: $input) { ${LEDGER} } }`;
const PROPOSE = `mutation($input: ProposeSubprocessorInput!) { proposeSubprocessor(input: $input) { subprocessor { id } ${LEDGER} } }`;
const REQUEST_AUDIT = `mutation($input: RequestAuditInput!) { requestAudit(input: $input) { audit { id } ${LEDGER} } }`;
const DEADLINES = `query D($overdueOnly: Boolean, $dueBefore: DateTime, $includeMet: Boolean, $kind: DeadlineKind, $controllerId: String, $first: Int, $after: String) {
  deadlines(overdueOnly: $overdueOnly, dueBefore: $dueBefore, includeMet: $includeMet, kind: $kind, controllerId: $controllerId, first: $first, after: $after) {
    edges { cursor node { id kind article stream controllerId startedAt dueAt extensionMonths overdue met metAt metByEventId sourceEventIds } }
    pageInfo { hasNextPage endCursor } } }`;

const DAY = 86_400_000;
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
const terms = { clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], effectiveDate: daysAgo(60), occurredAt: daysAgo(60) };

describe.each(storagesUnderTest())('deadlines through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => (api = await startApiOn(storage)));
  afterEach(() => api.close());

  async function ok(query: string, input: Record<string, unknown>) {
    const response = await api.gql(query, { input });
    expect(response.errors).toBeUndefined();
    const payload = Object.values(response.data)[0] as any;
    return { ...payload, eventId: payload.ledger.events[0].eventId as string };
  }
  async function deadlines(variables: Record<string, unknown> = {}) {
    const response = await api.gql(DEADLINES, { first: 50, ...variables });
    expect(response.errors).toBeUndefined();
    return response.data.deadlines;
  }
  const nodes = async (variables: Record<string, unknown> = {}) => (await deadlines(variables)).edges.map((e: any) => e.node);

  /** Two controllers, a breach, two requests, a proposal, an audit and a termination, spread over the last two months. */
  async function history() {
    const acme = await ok(SIGN, { ...terms, controllerId: 'acme', controllerName: 'Acme', subprocessorAuthorisation: 'GENERAL', objectionWindowDays: 14, breachNotificationHours: 24 });
    await ok(SIGN, { ...terms, controllerId: 'globex', controllerName: 'Globex', subprocessorAuthorisation: 'SPECIFIC', objectionWindowDays: 30, breachNotificationHours: 48 });
    const breach = await ok(RECORD_BREACH, {
      nature: 'Export sent to the wrong customer',
      dataSubjectCategories: ['employees'],
      approximateDataSubjectCount: 80,
      recordCategories: ['desk bookings'],
      approximateRecordCount: 900,
      likelyConsequences: 'Presence patterns disclosed',
      measures: 'Recipient confirmed deletion',
      controllerIds: ['acme', 'globex'],
      riskLevel: 'RISK',
      occurredAt: daysAgo(10),
    });
    const notified = await ok(NOTIFY, { breachId: breach.breach.id, controllerId: 'acme', occurredAt: hoursAfter(daysAgo(10), 6) });
    const late = await ok(RECEIVE, { controllerId: 'acme', type: 'ACCESS', requester: { name: 'Jeanne Martin' }, occurredAt: daysAgo(40) });
    const extendedRequest = await ok(RECEIVE, { controllerId: 'globex', type: 'ERASURE', requester: { email: 'p@example.org' }, occurredAt: daysAgo(35) });
    const extension = await ok(EXTEND, { requestId: extendedRequest.dataSubjectRequest.id, months: 1, reason: 'Numerous requests', occurredAt: daysAgo(30) });
    const proposal = await ok(PROPOSE, { name: 'CalendarCo', service: 'calendar sync', location: 'IE', transferMechanism: 'NONE_EEA', occurredAt: daysAgo(3) });
    const audit = await ok(REQUEST_AUDIT, { controllerId: 'acme', templateId: 'processor-audit-v1', dueAt: daysAgo(5), occurredAt: daysAgo(20) });
    const termination = await ok(TERMINATE, { controllerId: 'globex', effectiveDate: daysAgo(2), occurredAt: daysAgo(4) });
    return { acme, breach, notified, late, extendedRequest, extension, proposal, audit, termination };
  }

  it('lists what is overdue now, soonest due first, each with its article and the events it comes from (Arts. 12(3), 28(3)(h), 33)', async () => {
    const h = await history();
    expect(await nodes({ overdueOnly: true })).toEqual([
      expect.objectContaining({ kind: 'DATA_SUBJECT_REQUEST_RESPONSE', article: 'Art. 12(3)', controllerId: 'acme', stream: `dsr-${h.late.dataSubjectRequest.id}`, overdue: true, met: false, sourceEventIds: [h.late.eventId] }),
      expect.objectContaining({ kind: 'BREACH_CONTROLLER_NOTIFICATION', article: 'Art. 33(2)', controllerId: 'globex', dueAt: hoursAfter(daysAgo(10), 48), overdue: true }),
      // globex was never told: its 72 hours are counted from the processor's awareness, the earliest it could have been aware.
      expect.objectContaining({ kind: 'BREACH_AUTHORITY_NOTIFICATION', article: 'Art. 33(1)', controllerId: 'globex', dueAt: hoursAfter(daysAgo(10), 72), sourceEventIds: [h.breach.eventId] }),
      // acme became aware when its processor told it, 6 hours in: 72 hours from then (Art. 33(1)-(2)).
      expect.objectContaining({ kind: 'BREACH_AUTHORITY_NOTIFICATION', controllerId: 'acme', startedAt: hoursAfter(daysAgo(10), 6), dueAt: hoursAfter(daysAgo(10), 78), sourceEventIds: [h.breach.eventId, h.notified.eventId] }),
      expect.objectContaining({ kind: 'AUDIT_DUE', article: 'Art. 28(3)(h)', controllerId: 'acme', dueAt: daysAgo(5), stream: `audit-${h.audit.audit.id}` }),
    ]);
  });

  it('shows open obligations not yet due, with the extension and the agreement among their sources (Arts. 12(3), 28(2), 28(3)(g))', async () => {
    const h = await history();
    const open = await nodes({ overdueOnly: false });
    expect(open.filter((n: any) => !n.overdue)).toEqual([
      expect.objectContaining({ kind: 'SUBPROCESSOR_OBJECTION_WINDOW', controllerId: 'acme', dueAt: new Date(Date.parse(daysAgo(3)) + 14 * DAY).toISOString(), sourceEventIds: [h.acme.eventId, h.proposal.eventId] }),
      expect.objectContaining({ kind: 'DATA_SUBJECT_REQUEST_RESPONSE', controllerId: 'globex', extensionMonths: 1, sourceEventIds: [h.extendedRequest.eventId, h.extension.eventId] }),
      expect.objectContaining({ kind: 'END_OF_CONTRACT_DATA', article: 'Art. 28(3)(g)', controllerId: 'globex', startedAt: daysAgo(2), dueAt: new Date(Date.parse(daysAgo(2)) + 30 * DAY).toISOString() }),
    ]);
    expect(open.some((n: any) => n.met)).toBe(false);
    const met = (await nodes({ includeMet: true })).filter((n: any) => n.met);
    expect(met).toEqual([
      expect.objectContaining({ kind: 'BREACH_CONTROLLER_NOTIFICATION', controllerId: 'acme', dueAt: hoursAfter(daysAgo(10), 24), metAt: hoursAfter(daysAgo(10), 6), metByEventId: h.notified.eventId, overdue: false, sourceEventIds: [h.acme.eventId, h.breach.eventId] }),
    ]);
  });

  it('filters by due date, kind and controller, and pages with a cursor', async () => {
    await history();
    expect((await nodes({ dueBefore: daysAgo(7) })).map((n: any) => n.kind)).toEqual(['DATA_SUBJECT_REQUEST_RESPONSE', 'BREACH_CONTROLLER_NOTIFICATION']);
    expect((await nodes({ kind: 'BREACH_AUTHORITY_NOTIFICATION', controllerId: 'globex' })).map((n: any) => n.controllerId)).toEqual(['globex']);
    const first = await deadlines({ first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await deadlines({ first: 50, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((e: any) => e.node.id)).toEqual((await nodes()).map((n: any) => n.id));
  });

  it('answers a bad page size, kind or cursor with BAD_USER_INPUT', async () => {
    expect((await api.gql(DEADLINES, { first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect((await api.gql(DEADLINES, { kind: 'PAYMENT' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(DEADLINES, { after: 'bm90LWEtY3Vyc29y' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
  });
});
