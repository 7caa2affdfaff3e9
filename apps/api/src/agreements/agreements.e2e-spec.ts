import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const AGREEMENT = `agreement { controllerId controllerName agreementNumber status signedAt effectiveFrom effectiveUntil lastAmendedAt
  clauses missingClauses { clause description } subprocessorAuthorisation objectionWindowDays breachNotificationHours
  dataReturnedAt dataDeletedAt previousAgreements { effectiveFrom effectiveUntil } stream revision }`;
const PAYLOAD = `{ ${AGREEMENT} ledger { stream replayed events { type revision } } }`;
const SIGN = `mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) ${PAYLOAD} }`;
const AMEND = `mutation($input: AmendDataProcessingAgreementInput!) { amendDataProcessingAgreement(input: $input) ${PAYLOAD} }`;
const TERMINATE = `mutation($input: TerminateDataProcessingAgreementInput!) { terminateDataProcessingAgreement(input: $input) ${PAYLOAD} }`;
const RETURNED = `mutation($input: RecordControllerDataReturnedInput!) { recordControllerDataReturned(input: $input) ${PAYLOAD} }`;
const DELETED = `mutation($input: RecordControllerDataDeletedInput!) { recordControllerDataDeleted(input: $input) ${PAYLOAD} }`;
const GET = `query($controllerId: String!) { dataProcessingAgreement(controllerId: $controllerId) { controllerId status agreementNumber revision } }`;
const LIST = `query($status: DataProcessingAgreementStatus, $first: Int!, $after: String) {
  dataProcessingAgreements(status: $status, first: $first, after: $after) {
    edges { cursor node { controllerId status } } pageInfo { hasNextPage endCursor } } }`;
const HISTORY = `query($stream: String!) { history(stream: $stream) { type revision } }`;

const signInput = (overrides: Record<string, unknown> = {}) => ({
  controllerId: 'acme-hr',
  controllerName: 'Acme HR',
  effectiveDate: '2026-01-01T00:00:00.000Z',
  clauses: ['A', 'B', 'C', 'D', 'E', 'H'],
  subprocessorAuthorisation: 'GENERAL',
  occurredAt: '2025-12-15T09:00:00.000Z',
  ...overrides,
});

describe.each(storagesUnderTest())('data-processing agreements through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => (api = await startApiOn(storage)));
  afterEach(() => api.close());

  const ok = (mutation: string, input: Record<string, unknown>) => mutationResult(api, mutation, input);

  it('signs an agreement with the default settings and lists the Art. 28(3) clauses it lacks', async () => {
    const { agreement, ledger } = await ok(SIGN, signInput());
    expect(agreement).toEqual({
      controllerId: 'acme-hr',
      controllerName: 'Acme HR',
      agreementNumber: 1,
      status: 'SIGNED',
      signedAt: '2025-12-15T09:00:00.000Z',
      effectiveFrom: '2026-01-01T00:00:00.000Z',
      effectiveUntil: null,
      lastAmendedAt: null,
      clauses: ['A', 'B', 'C', 'D', 'E', 'H'],
      missingClauses: [
        { clause: 'F', description: expect.stringContaining('Arts. 32-36') },
        { clause: 'G', description: expect.stringContaining('deletes or returns all personal data') },
      ],
      subprocessorAuthorisation: 'GENERAL',
      objectionWindowDays: 30,
      breachNotificationHours: 48,
      dataReturnedAt: null,
      dataDeletedAt: null,
      previousAgreements: [],
      stream: 'dpa-acme-hr',
      revision: 0,
    });
    expect(ledger).toMatchObject({ stream: 'dpa-acme-hr', replayed: false, events: [{ type: 'DataProcessingAgreementSigned', revision: 0 }] });
    expect((await api.gql(GET, { controllerId: 'acme-hr' })).data.dataProcessingAgreement).toEqual({
      controllerId: 'acme-hr',
      status: 'SIGNED',
      agreementNumber: 1,
      revision: 0,
    });
    expect((await api.gql(GET, { controllerId: 'nobody' })).data.dataProcessingAgreement).toBeNull();
  });

  it('amends, terminates, returns then deletes the data, and signs a new agreement on the same relationship', async () => {
    await ok(SIGN, signInput());
    const amended = await ok(AMEND, { controllerId: 'acme-hr', clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], breachNotificationHours: 24, occurredAt: '2026-02-01T09:00:00.000Z' });
    expect(amended.agreement).toMatchObject({ missingClauses: [], breachNotificationHours: 24, objectionWindowDays: 30, lastAmendedAt: '2026-02-01T09:00:00.000Z' });

    const early = await api.gql(RETURNED, { input: { controllerId: 'acme-hr', occurredAt: '2026-02-02T09:00:00.000Z' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'controllerId' }] });
    expect(early.errors?.[0].message).toMatch(/Art\. 28\(3\)\(g\)/);

    const terminated = await ok(TERMINATE, { controllerId: 'acme-hr', effectiveDate: '2026-04-01T00:00:00.000Z', occurredAt: '2026-03-01T09:00:00.000Z' });
    expect(terminated.agreement).toMatchObject({ status: 'TERMINATED', effectiveUntil: '2026-04-01T00:00:00.000Z' });
    const returned = await ok(RETURNED, { controllerId: 'acme-hr', occurredAt: '2026-04-02T09:00:00.000Z' });
    expect(returned.agreement).toMatchObject({ status: 'DATA_RETURNED', dataReturnedAt: '2026-04-02T09:00:00.000Z', dataDeletedAt: null });
    const deleted = await ok(DELETED, { controllerId: 'acme-hr', occurredAt: '2026-04-03T09:00:00.000Z' });
    expect(deleted.agreement).toMatchObject({ status: 'DATA_DELETED', dataReturnedAt: '2026-04-02T09:00:00.000Z', dataDeletedAt: '2026-04-03T09:00:00.000Z' });
    const twice = await api.gql(DELETED, { input: { controllerId: 'acme-hr', occurredAt: '2026-04-04T09:00:00.000Z' } });
    expect(twice.errors?.[0].message).toMatch(/already deleted/);

    const overlapping = await api.gql(SIGN, { input: signInput({ effectiveDate: '2026-03-15T00:00:00.000Z', occurredAt: '2026-04-10T09:00:00.000Z' }) });
    expect(overlapping.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'effectiveDate' }] });
    const again = await ok(SIGN, signInput({ effectiveDate: '2026-05-01T00:00:00.000Z', occurredAt: '2026-04-10T09:00:00.000Z', subprocessorAuthorisation: 'SPECIFIC' }));
    expect(again.agreement).toMatchObject({
      agreementNumber: 2,
      status: 'SIGNED',
      subprocessorAuthorisation: 'SPECIFIC',
      dataReturnedAt: null,
      dataDeletedAt: null,
      previousAgreements: [{ effectiveFrom: '2026-01-01T00:00:00.000Z', effectiveUntil: '2026-04-01T00:00:00.000Z' }],
      revision: 5,
    });
    const history = (await api.gql(HISTORY, { stream: 'dpa-acme-hr' })).data.history;
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'DataProcessingAgreementSigned',
      'DataProcessingAgreementAmended',
      'DataProcessingAgreementTerminated',
      'ControllerDataReturned',
      'ControllerDataDeleted',
      'DataProcessingAgreementSigned',
    ]);
  });

  it('lists agreements by status a page at a time', async () => {
    for (const controllerId of ['c-1', 'c-2', 'c-3']) await ok(SIGN, signInput({ controllerId }));
    await ok(TERMINATE, { controllerId: 'c-2', effectiveDate: '2026-02-01T00:00:00.000Z', occurredAt: '2026-01-15T09:00:00.000Z' });
    const first = (await api.gql(LIST, { status: 'SIGNED', first: 1 })).data.dataProcessingAgreements;
    expect(first.edges.map((e: any) => e.node.controllerId)).toEqual(['c-1']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.gql(LIST, { status: 'SIGNED', first: 1, after: first.pageInfo.endCursor })).data.dataProcessingAgreements;
    expect(second.edges.map((e: any) => e.node.controllerId)).toEqual(['c-3']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await api.gql(LIST, { status: 'TERMINATED', first: 10 })).data.dataProcessingAgreements.edges).toEqual([
      { cursor: expect.any(String), node: { controllerId: 'c-2', status: 'TERMINATED' } },
    ]);
  });

  it('answers invalid input with BAD_USER_INPUT naming each field, an unknown controller with NOT_FOUND, and appends nothing', async () => {
    const invalid = await api.gql(SIGN, { input: signInput({ controllerId: 'acme hr/1', objectionWindowDays: 0, breachNotificationHours: 1000, clauses: ['A', 'A'] }) });
    expect(invalid.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
      'input.breachNotificationHours',
      'input.clauses',
      'input.controllerId',
      'input.objectionWindowDays',
    ]);
    const badClause = await api.gql(SIGN, { input: signInput({ clauses: ['Z'] }) });
    expect(badClause.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await api.gql(AMEND, { input: { controllerId: 'acme-hr', objectionWindowDays: 10 } });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    await ok(SIGN, signInput());
    const nothing = await api.gql(AMEND, { input: { controllerId: 'acme-hr', objectionWindowDays: 30 } });
    expect(nothing.errors?.[0].message).toMatch(/changes no term/);
    const badPage = await api.gql(LIST, { first: 101 });
    expect(badPage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect((await api.gql(HISTORY, { stream: 'dpa-acme-hr' })).data.history).toHaveLength(1);
  });
});
