import { ApiHarness, mutationResult, startApiOn, storagesUnderTest } from '@ledger/testing';

const SIGN = `mutation Sign($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`;
const RECORD = `mutation R($input: RecordProcessingActivityInput!) { recordProcessingActivity(input: $input) { processingActivity { id } } }`;
const AMEND = `mutation A($input: AmendProcessingActivityInput!) { amendProcessingActivity(input: $input) { processingActivity { id } } }`;
const RECEIVE = `mutation Receive($input: ReceiveInstructionInput!) { receiveInstruction(input: $input) { instruction { id } } }`;
const REGISTER = `query L($asOf: DateTime, $knownAt: KnownAtInput) {
  register(first: 100, asOf: $asOf, knownAt: $knownAt) { edges { node { id name } } derivedFrom { treeSize rootHash } } }`;
const CHECKPOINT = `query { checkpoint { treeSize rootHash } }`;
/** The eight register-style lists, each read at the same point. */
const ALL_REGISTERS = `query All($asOf: DateTime, $knownAt: KnownAtInput) {
  register(asOf: $asOf, knownAt: $knownAt) { edges { node { id } } derivedFrom { treeSize rootHash } }
  subprocessors(controllerId: "acme-hr", asOf: $asOf, knownAt: $knownAt) { edges { node { controllerId } } derivedFrom { treeSize rootHash } }
  instructions(asOf: $asOf, knownAt: $knownAt) { edges { node { id } } derivedFrom { treeSize rootHash } }
  dataProcessingAgreements(asOf: $asOf, knownAt: $knownAt) { edges { node { controllerId } } derivedFrom { treeSize rootHash } }
  audits(asOf: $asOf, knownAt: $knownAt) { edges { node { id } } derivedFrom { treeSize rootHash } }
  breaches(asOf: $asOf, knownAt: $knownAt) { edges { node { id } } derivedFrom { treeSize rootHash } }
  dataSubjectRequests(asOf: $asOf, knownAt: $knownAt) { edges { node { id } } derivedFrom { treeSize rootHash } }
  deadlines(asOf: $asOf, knownAt: $knownAt) { edges { node { id } } derivedFrom { treeSize rootHash } }
}`;

const day = (d: number) => `2026-03-0${d}T09:00:00.000Z`;
const activity = (name: string, occurredOn: number) => ({ role: 'PROCESSOR', controllerId: 'acme-hr', name, categoriesOfProcessing: ['hosting'], occurredAt: day(occurredOn) });

describe.each(storagesUnderTest())('point-in-time arguments through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  let sizeAfterA: number;
  let a: string;
  let b: string;
  beforeEach(async () => {
    api = await startApiOn(storage);
    await mutationResult(api, SIGN, {
      controllerId: 'acme-hr',
      controllerName: 'Acme HR',
      effectiveDate: '2026-01-01T00:00:00.000Z',
      clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
      subprocessorAuthorisation: 'GENERAL',
      occurredAt: '2025-12-15T00:00:00.000Z',
    });
    a = (await mutationResult(api, RECORD, activity('A v1', 1))).processingActivity.id;
    sizeAfterA = (await api.gql(REGISTER, { knownAt: { at: new Date().toISOString() } })).data.register.derivedFrom.treeSize;
    await mutationResult(api, AMEND, { processingActivityId: a, name: 'A v2', categoriesOfProcessing: ['hosting'], occurredAt: day(3) });
    // Happened on day 2, recorded after the day-3 amendment.
    b = (await mutationResult(api, RECORD, activity('B', 2))).processingActivity.id;
    await mutationResult(api, RECEIVE, { controllerId: 'acme-hr', subject: 'Retention', text: 'Keep logs 90 days', channel: 'EMAIL', occurredAt: day(1) });
  });
  afterEach(() => api.close());

  it('answers the register cell by cell for asOf and knownAt, and the current state without them', async () => {
    const cell = async (asOf: string | null, knownAt: object | null) => {
      const response = await api.gql(REGISTER, { asOf, knownAt });
      expect(response.errors).toBeUndefined();
      return response.data.register.edges.map((e: { node: { id: string; name: string } }) => `${e.node.id === a ? 'A' : e.node.id === b ? 'B' : '?'}=${e.node.name}`).join(' ');
    };
    const knownAts = [{ treeSize: sizeAfterA }, { treeSize: sizeAfterA + 1 }, null];
    const table: string[][] = [];
    for (const asOf of [day(1), day(2), day(3), null]) table.push(await Promise.all(knownAts.map((knownAt) => cell(asOf, knownAt))));
    expect(table).toEqual([
      // only A recorded   + its amendment    everything
      ['A=A v1', 'A=A v1', 'A=A v1'], // as of day 1
      ['A=A v1', 'A=A v1', 'A=A v1 B=B'], // as of day 2: B happened then, but was recorded after the amendment
      ['A=A v1', 'A=A v2', 'A=A v2 B=B'], // as of day 3
      ['A=A v1', 'A=A v2', 'A=A v2 B=B'], // now
    ]);
    expect((await api.gql(REGISTER, {})).data.register.derivedFrom).toBeNull();
  });

  it('derives every register at a point from one log prefix, whose root is the signed checkpoint of that size', async () => {
    let checkpoint: { treeSize: number; rootHash: string } | null = null;
    for (let tries = 0; tries < 100 && checkpoint?.treeSize !== sizeAfterA + 3; tries++) {
      checkpoint = (await api.gql(CHECKPOINT)).data.checkpoint;
      if (checkpoint?.treeSize !== sizeAfterA + 3) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(checkpoint?.treeSize).toBe(sizeAfterA + 3);
    const response = await api.gql(ALL_REGISTERS, { asOf: day(2), knownAt: { treeSize: checkpoint!.treeSize } });
    expect(response.errors).toBeUndefined();
    for (const list of Object.values(response.data as Record<string, { derivedFrom: unknown }>)) expect(list.derivedFrom).toEqual(checkpoint);
    expect(response.data.register.edges).toHaveLength(2);
    expect(response.data.instructions.edges).toHaveLength(1);
    expect(response.data.dataProcessingAgreements.edges).toEqual([{ node: { controllerId: 'acme-hr' } }]);

    const earlier = await api.gql(ALL_REGISTERS, { knownAt: { treeSize: 1 } });
    expect(earlier.errors).toBeUndefined();
    expect(earlier.data.register.edges).toEqual([]);
    expect(earlier.data.dataProcessingAgreements.edges).toEqual([{ node: { controllerId: 'acme-hr' } }]);
    expect(earlier.data.instructions.derivedFrom.treeSize).toBe(1);
  });

  it('refuses a knownAt without exactly one of at and treeSize, a tree not sealed yet, or a time to come, as BAD_USER_INPUT naming the field', async () => {
    const refusal = async (variables: Record<string, unknown>) => {
      const response = await api.gql(REGISTER, variables);
      expect(response.data?.register ?? null).toBeNull();
      return response.errors?.map((e) => ({ code: e.extensions.code, fields: e.extensions.fields?.map((f) => f.field) }));
    };
    expect(await refusal({ knownAt: { at: day(2), treeSize: 1 } })).toEqual([{ code: 'BAD_USER_INPUT', fields: ['knownAt'] }]);
    expect(await refusal({ knownAt: {} })).toEqual([{ code: 'BAD_USER_INPUT', fields: ['knownAt'] }]);
    expect(await refusal({ knownAt: { treeSize: 1_000_000 } })).toEqual([{ code: 'BAD_USER_INPUT', fields: ['knownAt.treeSize'] }]);
    expect(await refusal({ knownAt: { treeSize: -1 } })).toEqual([{ code: 'BAD_USER_INPUT', fields: ['knownAt.treeSize'] }]);
    expect(await refusal({ knownAt: { at: new Date(Date.now() + 3_600_000).toISOString() } })).toEqual([{ code: 'BAD_USER_INPUT', fields: ['knownAt.at'] }]);
    expect((await refusal({ asOf: 'the first of March' }))?.[0].code).toBe('BAD_USER_INPUT');
  });
});
