import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const SUBPROCESSOR = `subprocessor { id name service location transferMechanism status proposedAt removedAt removalReason
  controllers { controllerId objectedAt objectionReason approvedAt engagedAt } stream revision }`;
const PAYLOAD = `{ ${SUBPROCESSOR} ledger { stream events { type revision } } }`;
const SIGN = `mutation($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`;
const PROPOSE = `mutation($input: ProposeSubprocessorInput!) { proposeSubprocessor(input: $input) ${PAYLOAD} }`;
const OBJECT = `mutation($input: ObjectToSubprocessorInput!) { objectToSubprocessor(input: $input) ${PAYLOAD} }`;
const APPROVE = `mutation($input: ApproveSubprocessorInput!) { approveSubprocessor(input: $input) ${PAYLOAD} }`;
const ADD = `mutation($input: AddSubprocessorInput!) { addSubprocessor(input: $input) ${PAYLOAD} }`;
const REMOVE = `mutation($input: RemoveSubprocessorInput!) { removeSubprocessor(input: $input) ${PAYLOAD} }`;
const GET = `query($id: ID!) { subprocessor(id: $id) { id status controllers { controllerId objectedAt approvedAt engagedAt } } }`;
const LIST = `query($controllerId: String!, $first: Int!, $after: String) {
  subprocessors(controllerId: $controllerId, first: $first, after: $after) {
    edges { cursor node { controllerId authorisation objectionWindowEndsAt subprocessor { id name } } } pageInfo { hasNextPage endCursor } } }`;
const HISTORY = `query($stream: String!) { history(stream: $stream) { type data } }`;

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe.each(storagesUnderTest())('sub-processors through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await startApiOn(storage);
    // acme: general authorisation, 30 days to object; initech: general, 3 days; globex: specific.
    for (const [controllerId, subprocessorAuthorisation, objectionWindowDays] of [
      ['acme', 'GENERAL', 30],
      ['initech', 'GENERAL', 3],
      ['globex', 'SPECIFIC', 30],
    ] as const) {
      const signed = await api.gql(SIGN, {
        input: {
          controllerId,
          controllerName: controllerId,
          effectiveDate: '2020-01-01T00:00:00.000Z',
          clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
          subprocessorAuthorisation,
          objectionWindowDays,
        },
      });
      expect(signed.errors).toBeUndefined();
    }
  });
  afterEach(() => api.close());

  const ok = (mutation: string, input: Record<string, unknown>) => mutationResult(api, mutation, input);
  const refusal = async (mutation: string, input: Record<string, unknown>) => {
    const response = await api.gql(mutation, { input });
    expect(response.data).toBeNull();
    return { ...response.errors![0].extensions, message: response.errors![0].message };
  };
  const stateFor = async (controllerId: string) =>
    (await api.gql(LIST, { controllerId, first: 10 })).data.subprocessors.edges.map((e: any) => [e.node.authorisation, e.node.objectionWindowEndsAt]);
  const propose = (overrides: Record<string, unknown> = {}) =>
    ok(PROPOSE, { name: 'SendGrid', service: 'transactional e-mail', location: 'us', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES', occurredAt: daysAgo(5), ...overrides });

  it('walks a proposal through each controller’s authorisation: objection, elapsed window, specific approval', async () => {
    const { subprocessor, ledger } = await propose();
    const id = subprocessor.id;
    expect(subprocessor).toMatchObject({ location: 'US', status: 'ACTIVE', controllers: [], stream: `subprocessor-${id}`, revision: 0 });
    expect(ledger.events).toEqual([{ type: 'SubprocessorProposed', revision: 0 }]);
    const acmeWindowEnd = new Date(new Date(subprocessor.proposedAt).getTime() + 30 * DAY_MS).toISOString();
    const initechWindowEnd = new Date(new Date(subprocessor.proposedAt).getTime() + 3 * DAY_MS).toISOString();

    expect(await stateFor('acme')).toEqual([['OBJECTION_WINDOW_OPEN', acmeWindowEnd]]);
    expect(await stateFor('initech')).toEqual([['AUTHORISED', initechWindowEnd]]);
    expect(await stateFor('globex')).toEqual([['AWAITING_APPROVAL', null]]);
    expect(await stateFor('hooli')).toEqual([['NO_AGREEMENT', null]]);

    expect(await refusal(ADD, { subprocessorId: id, controllerId: 'acme' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'occurredAt' }],
      message: expect.stringContaining(`may object until ${acmeWindowEnd}`),
    });
    const objected = await ok(OBJECT, { subprocessorId: id, controllerId: 'acme', reason: 'No transfers to the US' });
    expect(objected.subprocessor.controllers).toEqual([
      { controllerId: 'acme', objectedAt: expect.any(String), objectionReason: 'No transfers to the US', approvedAt: null, engagedAt: null },
    ]);
    expect(await stateFor('acme')).toEqual([['OBJECTED', acmeWindowEnd]]);

    const lateObjection = await refusal(OBJECT, { subprocessorId: id, controllerId: 'initech', reason: 'too late' });
    expect(lateObjection).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'occurredAt' }], message: expect.stringContaining('closed on') });
    await ok(ADD, { subprocessorId: id, controllerId: 'initech' });
    expect(await stateFor('initech')).toEqual([['ENGAGED', initechWindowEnd]]);

    expect(await refusal(OBJECT, { subprocessorId: id, controllerId: 'globex', reason: 'no' })).toMatchObject({ fields: [{ field: 'controllerId' }] });
    expect(await refusal(ADD, { subprocessorId: id, controllerId: 'globex' })).toMatchObject({ message: expect.stringContaining('has not approved') });
    await ok(APPROVE, { subprocessorId: id, controllerId: 'globex' });
    expect(await stateFor('globex')).toEqual([['APPROVED', null]]);
    await ok(ADD, { subprocessorId: id, controllerId: 'globex' });
    expect(await refusal(ADD, { subprocessorId: id, controllerId: 'hooli' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'controllerId' }],
      message: expect.stringContaining('no data-processing agreement'),
    });

    const read = (await api.gql(GET, { id })).data.subprocessor;
    expect(read.controllers.map((c: any) => [c.controllerId, !!c.objectedAt, !!c.approvedAt, !!c.engagedAt])).toEqual([
      ['acme', true, false, false],
      ['globex', false, true, true],
      ['initech', false, false, true],
    ]);

    const removed = await ok(REMOVE, { subprocessorId: id, reason: 'Replaced by an EU provider' });
    expect(removed.subprocessor).toMatchObject({ status: 'REMOVED', removalReason: 'Replaced by an EU provider', revision: 5 });
    expect(await stateFor('globex')).toEqual([['REMOVED', null]]);
    const history = (await api.gql(HISTORY, { stream: removed.subprocessor.stream })).data.history;
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'SubprocessorProposed',
      'SubprocessorObjected',
      'SubprocessorAdded',
      'SubprocessorApproved',
      'SubprocessorAdded',
      'SubprocessorRemoved',
    ]);
    expect(history[2].data).toEqual({ subprocessorId: id, controllerId: 'initech', authorisation: 'GENERAL' });
    expect(history[4].data).toEqual({ subprocessorId: id, controllerId: 'globex', authorisation: 'SPECIFIC' });
  });

  it('pages through sub-processors in the order proposed', async () => {
    const ids: string[] = [];
    for (const name of ['OVH', 'Scaleway', 'Brevo']) ids.push((await propose({ name, location: 'FR', transferMechanism: 'NONE_EEA' })).subprocessor.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.gql(LIST, { controllerId: 'acme', first: 2, after })).data.subprocessors;
      seen.push(...page.edges.map((e: any) => e.node.subprocessor.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids);
  });

  it('answers invalid input with BAD_USER_INPUT naming the field, an unknown sub-processor with NOT_FOUND, and appends nothing', async () => {
    const invalid = await api.gql(PROPOSE, { input: { name: '', service: 'hosting', location: 'France', transferMechanism: 'NONE_EEA' } });
    expect(invalid.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['input.location', 'input.name']);
    const noSafeguard = await refusal(PROPOSE, { name: 'AWS', service: 'hosting', location: 'US', transferMechanism: 'NONE_EEA' });
    expect(noSafeguard).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'transferMechanism' }], message: expect.stringContaining('Art. 44') });
    expect(await refusal(ADD, { subprocessorId: 'no-such-id', controllerId: 'acme' })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await api.gql(LIST, { controllerId: 'acme', first: 10 })).data.subprocessors.edges).toEqual([]);
    const badPage = await api.gql(LIST, { controllerId: 'acme', first: 0 });
    expect(badPage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });
});
