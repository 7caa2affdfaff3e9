import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const REQUEST = `dataSubjectRequest { id controllerId type requester { name email phone subjectId erased } status receivedAt forwardedAt extensionMonths
  extensionReasons dueAt overdue completedAt refusedAt refusalReason answeredLate stream revision }`;
const PAYLOAD = `{ ${REQUEST} ledger { stream replayed events { type revision position hash } } }`;

const RECEIVE = `mutation R($input: ReceiveDataSubjectRequestInput!) { receiveDataSubjectRequest(input: $input) ${PAYLOAD} }`;
const FORWARD = `mutation F($input: ForwardDataSubjectRequestInput!) { forwardDataSubjectRequest(input: $input) ${PAYLOAD} }`;
const EXTEND = `mutation E($input: ExtendDataSubjectRequestInput!) { extendDataSubjectRequest(input: $input) ${PAYLOAD} }`;
const COMPLETE = `mutation C($input: CompleteDataSubjectRequestInput!) { completeDataSubjectRequest(input: $input) ${PAYLOAD} }`;
const REFUSE = `mutation X($input: RefuseDataSubjectRequestInput!) { refuseDataSubjectRequest(input: $input) ${PAYLOAD} }`;
const GET = `query Get($id: ID!) { dataSubjectRequest(id: $id) { id status dueAt overdue answeredLate revision requester { name email phone } } }`;
const LIST = `query List($controllerId: String, $status: DataSubjectRequestStatus, $overdue: Boolean, $first: Int!, $after: String) {
  dataSubjectRequests(controllerId: $controllerId, status: $status, overdue: $overdue, first: $first, after: $after) {
    edges { cursor node { id status overdue } } pageInfo { hasNextPage endCursor } } }`;
const HISTORY = `query H($stream: String!) { history(stream: $stream) { type data openedData } }`;

const requester = { name: 'Jeanne Martin', email: 'jeanne.martin@example.org' };
const receiveInput = (overrides: Record<string, unknown> = {}) => ({
  controllerId: 'acme-hr',
  type: 'ACCESS',
  requester,
  occurredAt: '2026-01-31T09:00:00.000Z',
  ...overrides,
});
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe.each(storagesUnderTest())('data-subject requests through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => (api = await startApiOn(storage)));
  afterEach(() => api.close());

  const ok = async (query: string, input: Record<string, unknown>) =>
    (await mutationResult<{ dataSubjectRequest: any; ledger: any }>(api, query, input)).dataSubjectRequest;
  const receive = (overrides: Record<string, unknown> = {}) => ok(RECEIVE, receiveInput(overrides));

  it('receives a request due one month later, 28 February for 31 January, with the requester in one nested object, stored sealed (Art. 12(3))', async () => {
    const request = await receive();
    expect(request).toMatchObject({
      controllerId: 'acme-hr',
      type: 'ACCESS',
      requester: { ...requester, phone: null, subjectId: expect.stringMatching(/^subj-/), erased: false },
      status: 'RECEIVED',
      receivedAt: '2026-01-31T09:00:00.000Z',
      dueAt: '2026-02-28T09:00:00.000Z',
      overdue: true,
      answeredLate: null,
      stream: `dsr-${request.id}`,
      revision: 0,
    });
    const [received] = (await api.gql(HISTORY, { stream: request.stream })).data.history;
    const stored = { requestId: request.id, controllerId: 'acme-hr', requestType: 'ACCESS' };
    expect(received).toEqual({
      type: 'DataSubjectRequestReceived',
      data: { ...stored, requester: expect.objectContaining({ sealed: 'v1', subject: request.requester.subjectId }) },
      openedData: { ...stored, requester: { ...requester, phone: null } },
    });
    expect(JSON.stringify(received.data)).not.toContain(requester.email);
  });

  it('forwards to the controller, extends within the first month and completes on time (Arts. 12(3), 28(3)(e))', async () => {
    const { id } = await receive({ type: 'ERASURE' });
    expect(await ok(FORWARD, { requestId: id, occurredAt: '2026-02-01T09:00:00.000Z' })).toMatchObject({ status: 'FORWARDED', forwardedAt: '2026-02-01T09:00:00.000Z' });
    const extended = await ok(EXTEND, { requestId: id, months: 2, reason: 'Several related requests', occurredAt: '2026-02-20T09:00:00.000Z' });
    expect(extended).toMatchObject({ extensionMonths: 2, extensionReasons: ['Several related requests'], dueAt: '2026-04-30T09:00:00.000Z' });
    const done = await ok(COMPLETE, { requestId: id, occurredAt: '2026-04-15T09:00:00.000Z' });
    expect(done).toMatchObject({ status: 'COMPLETED', completedAt: '2026-04-15T09:00:00.000Z', answeredLate: false, overdue: false, revision: 3 });
    const types = (await api.gql(HISTORY, { stream: done.stream })).data.history.map((e: { type: string }) => e.type);
    expect(types).toEqual(['DataSubjectRequestReceived', 'DataSubjectRequestForwarded', 'DataSubjectRequestExtended', 'DataSubjectRequestCompleted']);
  });

  it('refuses an extension after the first month or beyond two months, and appends nothing (Art. 12(3))', async () => {
    const { id, stream } = await receive();
    const tooLate = await api.gql(EXTEND, { input: { requestId: id, months: 1, reason: 'Complex', occurredAt: '2026-03-01T09:00:00.000Z' } });
    expect(tooLate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'occurredAt' }] });
    await ok(EXTEND, { requestId: id, months: 1, reason: 'Complex', occurredAt: '2026-02-10T09:00:00.000Z' });
    const tooLong = await api.gql(EXTEND, { input: { requestId: id, months: 2, reason: 'Still complex', occurredAt: '2026-02-11T09:00:00.000Z' } });
    expect(tooLong.errors?.[0]).toMatchObject({ message: expect.stringMatching(/at most 2 months in total/), extensions: { code: 'BAD_USER_INPUT' } });
    expect((await api.gql(HISTORY, { stream })).data.history).toHaveLength(2);
  });

  it('records a refusal with its reasons, late after one month even when extended (Art. 12(4))', async () => {
    const { id } = await receive();
    await ok(EXTEND, { requestId: id, months: 2, reason: 'Complex', occurredAt: '2026-02-10T09:00:00.000Z' });
    const refused = await ok(REFUSE, { requestId: id, reason: 'Manifestly unfounded', occurredAt: '2026-03-10T09:00:00.000Z' });
    expect(refused).toMatchObject({ status: 'REFUSED', refusalReason: 'Manifestly unfounded', answeredLate: true, overdue: false });
    const again = await api.gql(COMPLETE, { input: { requestId: id, occurredAt: '2026-03-11T09:00:00.000Z' } });
    expect(again.errors?.[0].message).toMatch(/is refused/);
    expect((await api.gql(COMPLETE, { input: { requestId: 'no-such-request' } })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers invalid input with BAD_USER_INPUT naming each field, nested requester fields included', async () => {
    const response = await api.gql(RECEIVE, {
      input: receiveInput({ controllerId: '', requester: { email: 'not-an-email', phone: 'call me' } }),
    });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['input.controllerId', 'input.requester.email', 'input.requester.phone']);
    const nobody = await api.gql(RECEIVE, { input: receiveInput({ requester: { name: '  ' } }) });
    expect(nobody.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'requester' }] });
    expect((await api.gql(RECEIVE, { input: receiveInput({ type: 'COMPLAINT' }) })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const months = await api.gql(EXTEND, { input: { requestId: 'x', months: 3, reason: 'r' } });
    expect(months.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.months' }] });
    expect((await api.gql(LIST, { first: 10 })).data.dataSubjectRequests.edges).toEqual([]);
  });

  it('lists requests by controller, status and whether they are overdue now, a page at a time', async () => {
    const old = (await receive({ occurredAt: daysAgo(40) })).id;
    const fresh = (await receive({ occurredAt: daysAgo(2) })).id;
    const answered = (await receive({ occurredAt: daysAgo(40), controllerId: 'globex' })).id;
    await ok(COMPLETE, { requestId: answered, occurredAt: daysAgo(35) });
    const ids = async (variables: Record<string, unknown>) =>
      (await api.gql(LIST, { first: 10, ...variables })).data.dataSubjectRequests.edges.map((e: any) => e.node.id);
    expect(await ids({ overdue: true })).toEqual([old]);
    expect(await ids({ overdue: false })).toEqual([fresh, answered]);
    expect(await ids({ controllerId: 'acme-hr' })).toEqual([old, fresh]);
    expect(await ids({ status: 'COMPLETED' })).toEqual([answered]);
    const page = (await api.gql(LIST, { first: 2 })).data.dataSubjectRequests;
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(await ids({ after: page.pageInfo.endCursor })).toEqual([answered]);
    expect((await api.gql(GET, { id: old })).data.dataSubjectRequest).toMatchObject({ status: 'RECEIVED', overdue: true, requester: { ...requester, phone: null } });
  });
});
