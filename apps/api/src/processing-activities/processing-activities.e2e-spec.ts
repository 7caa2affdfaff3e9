import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const ACTIVITY = `processingActivity { id role name controllerId categoriesOfProcessing purposes dataSubjectCategories personalDataCategories
  recipientCategories legalBases transfers { country mechanism } erasureTimeLimits securityMeasures status recordedAt amendedAt retiredAt
  retirementReason stream revision }`;
const PAYLOAD = `{ ${ACTIVITY} ledger { stream replayed events { eventId type revision } } }`;
const RECORD = `mutation R($input: RecordProcessingActivityInput!) { recordProcessingActivity(input: $input) ${PAYLOAD} }`;
const AMEND = `mutation A($input: AmendProcessingActivityInput!) { amendProcessingActivity(input: $input) ${PAYLOAD} }`;
const RETIRE = `mutation X($input: RetireProcessingActivityInput!) { retireProcessingActivity(input: $input) ${PAYLOAD} }`;
const GET = `query G($id: ID!) { processingActivity(id: $id) { id status retiredAt retirementReason revision } }`;
const REGISTER = `query L($controllerId: String, $role: ProcessingRole, $first: Int!, $after: String) {
  register(controllerId: $controllerId, role: $role, first: $first, after: $after) {
    edges { cursor node { id role controllerId name } } pageInfo { hasNextPage endCursor } } }`;
const HISTORY = `query H($stream: String!) { history(stream: $stream) { type revision } }`;

const forAcme = (overrides: Record<string, unknown> = {}) => ({
  role: 'PROCESSOR',
  controllerId: 'acme-hr',
  name: 'Desk booking for Acme staff',
  categoriesOfProcessing: ['hosting', 'desk reservation'],
  transfers: [{ country: 'us', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }],
  securityMeasures: 'Encryption at rest, SSO',
  occurredAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});
const ownPayroll = (overrides: Record<string, unknown> = {}) => ({
  role: 'CONTROLLER',
  name: 'Payroll of our staff',
  purposes: ['pay salaries'],
  dataSubjectCategories: ['employees'],
  personalDataCategories: ['identity', 'bank details'],
  recipientCategories: ['payroll provider'],
  legalBases: ['LEGAL_OBLIGATION', 'CONTRACT'],
  erasureTimeLimits: '5 years after leaving',
  occurredAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});

describe.each(storagesUnderTest())('the register of processing activities through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => (api = await startApiOn(storage)));
  afterEach(() => api.close());

  const record = (input: Record<string, unknown>) => mutationResult(api, RECORD, input);
  const registerIds = async (variables: Record<string, unknown> = {}) =>
    (await api.gql(REGISTER, { first: 100, ...variables })).data.register.edges.map((e: { node: { id: string } }) => e.node.id);

  it("keeps the processor's record per controller (Art. 30(2)) and its own controller's record (Art. 30(1)), amended and retired", async () => {
    const { processingActivity: acme, ledger } = await record(forAcme());
    expect(acme).toMatchObject({
      role: 'PROCESSOR',
      controllerId: 'acme-hr',
      categoriesOfProcessing: ['hosting', 'desk reservation'],
      purposes: [],
      transfers: [{ country: 'US', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }],
      status: 'IN_FORCE',
      recordedAt: '2026-03-01T09:00:00.000Z',
      stream: `processing-activity-${acme.id}`,
      revision: 0,
    });
    expect(ledger.events).toEqual([expect.objectContaining({ type: 'ProcessingActivityRecorded', revision: 0 })]);
    const { processingActivity: payroll } = await record(ownPayroll());
    expect(payroll).toMatchObject({ role: 'CONTROLLER', controllerId: null, legalBases: ['LEGAL_OBLIGATION', 'CONTRACT'], erasureTimeLimits: '5 years after leaving' });
    const globex = (await record(forAcme({ controllerId: 'globex' }))).processingActivity;

    const amended = await api.gql(AMEND, {
      input: { processingActivityId: acme.id, name: acme.name, categoriesOfProcessing: ['hosting'], occurredAt: '2026-03-02T09:00:00.000Z' },
    });
    expect(amended.data.amendProcessingActivity.processingActivity).toMatchObject({
      categoriesOfProcessing: ['hosting'],
      transfers: [],
      securityMeasures: null,
      controllerId: 'acme-hr',
      amendedAt: '2026-03-02T09:00:00.000Z',
      revision: 1,
    });
    const retired = await api.gql(RETIRE, { input: { processingActivityId: globex.id, reason: 'Contract ended', occurredAt: '2026-03-03T09:00:00.000Z' } });
    expect(retired.data.retireProcessingActivity.processingActivity).toMatchObject({ status: 'RETIRED', retirementReason: 'Contract ended' });

    expect(await registerIds()).toEqual([acme.id, payroll.id]);
    expect(await registerIds({ controllerId: 'acme-hr' })).toEqual([acme.id]);
    expect(await registerIds({ role: 'CONTROLLER' })).toEqual([payroll.id]);
    expect((await api.gql(GET, { id: globex.id })).data.processingActivity).toEqual({
      id: globex.id,
      status: 'RETIRED',
      retiredAt: '2026-03-03T09:00:00.000Z',
      retirementReason: 'Contract ended',
      revision: 1,
    });
    const history = (await api.gql(HISTORY, { stream: acme.stream })).data.history;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['ProcessingActivityRecorded', 'ProcessingActivityAmended']);
  });

  it('refuses records missing what their paragraph of Art. 30 requires, naming the field, and appends nothing', async () => {
    const noCategories = await api.gql(RECORD, { input: forAcme({ categoriesOfProcessing: [] }) });
    expect(noCategories.errors?.[0].message).toMatch(/Art\. 30\(2\)\(b\)/);
    expect(noCategories.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'categoriesOfProcessing' }] });
    const noPurpose = await api.gql(RECORD, { input: ownPayroll({ purposes: null }) });
    expect(noPurpose.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'purposes' }] });
    const eea = await api.gql(RECORD, { input: forAcme({ transfers: [{ country: 'DE', mechanism: 'ADEQUACY_DECISION' }] }) });
    expect(eea.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'transfers' }] });
    const invalid = await api.gql(RECORD, { input: forAcme({ name: '', transfers: [{ country: 'USA', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }], purposes: ['x'.repeat(501)] }) });
    expect(invalid.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['input.name', 'input.purposes', 'input.transfers.0.country']);
    const badRole = await api.gql(RECORD, { input: forAcme({ role: 'JOINT' }) });
    expect(badRole.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await api.gql(RETIRE, { input: { processingActivityId: 'nope' } });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await registerIds()).toEqual([]);
  });

  it('pages through the register with cursors, and returns the first result to a retried command id', async () => {
    const first = await record(forAcme({ commandId: 'import-1' }));
    const retry = (await api.gql(RECORD, { input: forAcme({ commandId: 'import-1' }) })).data.recordProcessingActivity;
    expect(retry.ledger.replayed).toBe(true);
    expect(retry.processingActivity).toEqual(first.processingActivity);
    const ids = [first.processingActivity.id];
    for (let i = 0; i < 4; i++) ids.push((await record(forAcme({ controllerId: `client-${i}` }))).processingActivity.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.gql(REGISTER, { first: 2, after })).data.register;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids);
    const tooMany = await api.gql(REGISTER, { first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });
});
