import { DEFAULT_QUESTIONNAIRE_TEMPLATE_ID, findQuestionnaireTemplate } from '@ledger/domain';
import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const QUESTION_IDS = findQuestionnaireTemplate(DEFAULT_QUESTIONNAIRE_TEMPLATE_ID)!.questions.map((q) => q.questionId);
const AUDIT = `audit { id controllerId templateId status requestedAt dueAt submittedAt closedAt conclusion questionCount answeredCount findingCount stream revision }`;
const PAYLOAD = `{ ${AUDIT} ledger { stream replayed events { eventId type revision } } }`;
const REQUEST = `mutation Q($input: RequestAuditInput!) { requestAudit(input: $input) ${PAYLOAD} }`;
const ANSWER = `mutation A($input: AnswerAuditInput!) { answerAudit(input: $input) ${PAYLOAD} }`;
const SUBMIT = `mutation S($input: SubmitAuditInput!) { submitAudit(input: $input) ${PAYLOAD} }`;
const FINDING = `mutation F($input: RaiseAuditFindingInput!) { raiseAuditFinding(input: $input) ${PAYLOAD} }`;
const CLOSE = `mutation C($input: CloseAuditInput!) { closeAudit(input: $input) ${PAYLOAD} }`;
const DETAIL = `query D($id: ID!) { audit(id: $id) { id status answeredCount
  questions { id topic article text answer { answer prefilled givenAt givenInAuditId givenBy { id role } stale
    evidence { name sha256 } cites { stream revision stale staleSince { eventId type occurredAt recordedAt } } } }
  findings { id text severity questionId raisedAt raisedBy { id } } } }`;
const LIST = `query L($controllerId: String, $status: AuditStatus, $first: Int!, $after: String) {
  audits(controllerId: $controllerId, status: $status, first: $first, after: $after) {
    edges { node { id controllerId status } } pageInfo { hasNextPage endCursor } } }`;
const RECORD_ACTIVITY = `mutation R($input: RecordProcessingActivityInput!) { recordProcessingActivity(input: $input) { processingActivity { id name stream } } }`;
const AMEND_ACTIVITY = `mutation M($input: AmendProcessingActivityInput!) { amendProcessingActivity(input: $input) { ledger { events { eventId } } } }`;
const HISTORY = `query H($stream: String!) { history(stream: $stream) { type } }`;

const hash = 'c0ffee'.padEnd(64, '0');
const at = (d: number) => `2026-03-${String(d).padStart(2, '0')}T09:00:00.000Z`;

describe.each(storagesUnderTest())('audits through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => (api = await startApiOn(storage)));
  afterEach(() => api.close());

  const ok = (query: string, input: Record<string, unknown>) => mutationResult(api, query, input);
  const request = (controllerId: string, overrides: Record<string, unknown> = {}) =>
    ok(REQUEST, { controllerId, dueAt: at(30), occurredAt: at(1), ...overrides });
  const detail = async (id: string) => (await api.gql(DETAIL, { id })).data.audit;
  const errorOf = async (query: string, input: Record<string, unknown>) => (await api.gql(query, { input })).errors?.[0];

  async function answerAll(auditId: string, occurredAt: string, cites: string[] = []) {
    for (const questionId of QUESTION_IDS)
      await ok(ANSWER, { auditId, questionId, answer: `Our answer to ${questionId}`, cites: questionId === 'register.kept' ? cites : [], occurredAt });
  }

  it('runs an audit from request to closing: answers with evidence, submission, a finding, the conclusion (Art. 28(3)(h))', async () => {
    const { audit, ledger } = await request('acme-hr');
    expect(audit).toMatchObject({ controllerId: 'acme-hr', templateId: DEFAULT_QUESTIONNAIRE_TEMPLATE_ID, status: 'REQUESTED', questionCount: QUESTION_IDS.length, answeredCount: 0, dueAt: at(30), stream: `audit-${audit.id}` });
    expect(ledger.events).toEqual([expect.objectContaining({ type: 'AuditRequested', revision: 0 })]);
    const early = await errorOf(SUBMIT, { auditId: audit.id, occurredAt: at(2) });
    expect(early?.extensions.code).toBe('BAD_USER_INPUT');
    expect(early?.message).toMatch(`${QUESTION_IDS.length} question(s) unanswered`);

    const first = await ok(ANSWER, { auditId: audit.id, questionId: 'dpo.designated', answer: 'Yes: Jane Doe', evidence: [{ name: 'appointment.pdf', sha256: hash.toUpperCase() }], occurredAt: at(2) });
    expect(first.audit.answeredCount).toBe(1);
    await answerAll(audit.id, at(3));
    const submitted = await ok(SUBMIT, { auditId: audit.id, occurredAt: at(4) });
    expect(submitted.audit).toMatchObject({ status: 'SUBMITTED', submittedAt: at(4), answeredCount: QUESTION_IDS.length });
    const late = await errorOf(ANSWER, { auditId: audit.id, questionId: 'dpo.designated', answer: 'No', occurredAt: at(5) });
    expect(late?.message).toMatch('is submitted');

    const finding = await ok(FINDING, { auditId: audit.id, text: 'No notice period for breaches', severity: 'HIGH', questionId: 'breaches.notification', occurredAt: at(5) });
    expect(finding.audit.findingCount).toBe(1);
    const closed = await ok(CLOSE, { auditId: audit.id, conclusion: 'Compliant with one finding', occurredAt: at(6) });
    expect(closed.audit).toMatchObject({ status: 'CLOSED', closedAt: at(6), conclusion: 'Compliant with one finding' });

    const read = await detail(audit.id);
    expect(read.questions.map((q: { id: string }) => q.id)).toEqual(QUESTION_IDS);
    const dpo = read.questions[0];
    expect(dpo).toMatchObject({ id: 'dpo.designated', topic: 'DPO', article: 'Art. 37' });
    expect(dpo.answer).toMatchObject({ answer: 'Our answer to dpo.designated', prefilled: false, givenAt: at(3), givenInAuditId: audit.id, givenBy: { id: 'test-processor', role: 'processor' }, stale: false });
    expect(read.findings).toEqual([
      { id: expect.any(String), text: 'No notice period for breaches', severity: 'HIGH', questionId: 'breaches.notification', raisedAt: at(5), raisedBy: { id: 'test-processor' } },
    ]);
    const history = (await api.gql(HISTORY, { stream: audit.stream })).data.history.map((e: { type: string }) => e.type);
    expect(history.filter((t: string) => t !== 'AuditAnswered')).toEqual(['AuditRequested', 'AuditSubmitted', 'AuditFindingRaised', 'AuditClosed']);
    expect(history).toHaveLength(4 + 1 + QUESTION_IDS.length);
  });

  it('pre-fills a new audit from the latest answers, with where and when each was first given, and flags answers whose cited facts changed since', async () => {
    const activity = (
      await ok(RECORD_ACTIVITY, { role: 'PROCESSOR', controllerId: 'acme-hr', name: 'Desk booking', categoriesOfProcessing: ['hosting'], occurredAt: at(1) })
    ).processingActivity;
    const audit1 = (await request('acme-hr')).audit;
    await answerAll(audit1.id, at(2), [activity.stream]);
    await ok(ANSWER, { auditId: audit1.id, questionId: 'dpo.designated', answer: 'Yes: Jane Doe', occurredAt: at(3) });

    const audit2 = (await request('globex', { occurredAt: at(4) })).audit;
    expect(audit2.answeredCount).toBe(QUESTION_IDS.length);
    const prefilled = await detail(audit2.id);
    const byId = (audit: any, id: string) => audit.questions.find((q: { id: string }) => q.id === id).answer;
    expect(byId(prefilled, 'dpo.designated')).toMatchObject({ answer: 'Yes: Jane Doe', prefilled: true, givenAt: at(3), givenInAuditId: audit1.id, givenBy: { id: 'test-processor' } });
    expect(byId(prefilled, 'register.kept')).toMatchObject({ prefilled: true, stale: false, cites: [{ stream: activity.stream, revision: 0, stale: false, staleSince: null }] });

    const amendment = (await ok(AMEND_ACTIVITY, { processingActivityId: activity.id, name: 'Desk booking', categoriesOfProcessing: ['hosting', 'analytics'], occurredAt: at(5) })).ledger.events[0];
    for (const audit of [await detail(audit1.id), await detail(audit2.id)]) {
      const answer = byId(audit, 'register.kept');
      expect(answer.stale).toBe(true);
      expect(answer.cites[0]).toMatchObject({ stream: activity.stream, revision: 0, stale: true, staleSince: { eventId: amendment.eventId, type: 'ProcessingActivityAmended', occurredAt: at(5) } });
      expect(byId(audit, 'dpo.designated').stale).toBe(false);
    }

    // Re-answering refreshes the pinned revision; audit 2 can be submitted at once, pre-filled answers count.
    const fresh = await ok(ANSWER, { auditId: audit2.id, questionId: 'register.kept', answer: 'Yes, amended on 5 March', cites: [activity.stream], occurredAt: at(6) });
    expect(fresh.audit.answeredCount).toBe(QUESTION_IDS.length);
    expect(byId(await detail(audit2.id), 'register.kept')).toMatchObject({ prefilled: false, stale: false, givenInAuditId: audit2.id, cites: [{ revision: 1, stale: false }] });
    expect((await ok(SUBMIT, { auditId: audit2.id, occurredAt: at(7) })).audit.status).toBe('SUBMITTED');

    // The next audit reuses the newest answer, from audit 2.
    const audit3 = (await request('initech', { occurredAt: at(8) })).audit;
    expect(byId(await detail(audit3.id), 'register.kept')).toMatchObject({ answer: 'Yes, amended on 5 March', givenInAuditId: audit2.id, givenAt: at(6) });
  });

  it('refuses what the rules forbid, naming the field, and appends nothing', async () => {
    const { audit } = await request('acme-hr');
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [REQUEST, { controllerId: 'acme-hr', dueAt: at(1), occurredAt: at(2) }, 'BAD_USER_INPUT', 'dueAt'],
      [REQUEST, { controllerId: 'acme-hr', templateId: 'nope', dueAt: at(30), occurredAt: at(1) }, 'NOT_FOUND', 'templateId'],
      [ANSWER, { auditId: audit.id, questionId: 'made.up', answer: 'x', occurredAt: at(2) }, 'BAD_USER_INPUT', 'questionId'],
      [ANSWER, { auditId: audit.id, questionId: 'dpo.designated', answer: 'x', cites: ['dpa-nobody'], occurredAt: at(2) }, 'NOT_FOUND', 'cites'],
      [ANSWER, { auditId: audit.id, questionId: 'dpo.designated', answer: 'x', cites: [audit.stream], occurredAt: at(2) }, 'BAD_USER_INPUT', 'cites'],
      [ANSWER, { auditId: audit.id, questionId: 'dpo.designated', answer: 'x', evidence: [{ name: 'a.pdf', sha256: 'abc' }] }, 'BAD_USER_INPUT', 'input.evidence.0.sha256'],
      [ANSWER, { auditId: 'no-such-audit', questionId: 'dpo.designated', answer: 'x' }, 'NOT_FOUND', 'auditId'],
      [FINDING, { auditId: audit.id, text: 'Too early', severity: 'LOW', occurredAt: at(2) }, 'BAD_USER_INPUT', ''],
      [CLOSE, { auditId: audit.id, occurredAt: at(2) }, 'BAD_USER_INPUT', ''],
    ];
    for (const [query, input, code, field] of cases) {
      const error = await errorOf(query, input);
      expect(error?.extensions.code).toBe(code);
      if (field) expect(error?.extensions.fields?.map((f) => f.field)).toContain(field);
      else expect(error?.message).toMatch('is requested');
    }
    const badSeverity = await errorOf(FINDING, { auditId: audit.id, text: 'x', severity: 'ANNOYING' });
    expect(badSeverity?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(HISTORY, { stream: audit.stream })).data.history).toHaveLength(1);
    expect((await api.gql(LIST, { first: 10 })).data.audits.edges).toHaveLength(1);
  });

  it('lists audits by controller and status, a page at a time, and returns the first audit to a retried request', async () => {
    const first = await request('acme-hr', { commandId: 'portal-request-1' });
    const retry = await request('acme-hr', { commandId: 'portal-request-1' });
    expect(retry.ledger.replayed).toBe(true);
    expect(retry.audit).toEqual(first.audit);
    const ids = [first.audit.id];
    for (const controllerId of ['globex', 'acme-hr']) ids.push((await request(controllerId)).audit.id);
    await answerAll(ids[1], at(2));
    await ok(SUBMIT, { auditId: ids[1], occurredAt: at(3) });
    const list = async (variables: Record<string, unknown>) => (await api.gql(LIST, { first: 10, ...variables })).data.audits.edges.map((e: any) => e.node.id);
    expect(await list({ controllerId: 'acme-hr' })).toEqual([ids[0], ids[2]]);
    expect(await list({ status: 'SUBMITTED' })).toEqual([ids[1]]);
    const page1 = (await api.gql(LIST, { first: 2 })).data.audits;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await api.gql(LIST, { first: 2, after: page1.pageInfo.endCursor })).data.audits;
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual(ids);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect((await api.gql(DETAIL, { id: 'no-such-audit' })).data.audit).toBeNull();
  });
});
