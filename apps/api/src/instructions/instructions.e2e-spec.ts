import { EventStore, SqlClient, SqlEventStore } from '@ledger/event-store';
import { findChainBreak } from '@ledger/integrity';
import { EVENT_STORE, SQL_CLIENT } from '../ledger/ledger.tokens';
import { ApiHarness, mutationResult, startApiOn, storagesUnderTest, TEST_PROCESSOR_ACTOR } from '@ledger/testing';

const INSTRUCTION = `instruction { id controllerId subject text channel documentSha256 status receivedAt acknowledgedAt
  flaggedAsInfringingAt infringementReason supersededBy supersededAt withdrawnAt withdrawalReason stream revision }`;
const LEDGER = `ledger { stream replayed events { eventId type stream revision position hash } }`;
const PAYLOAD = `{ ${INSTRUCTION} ${LEDGER} }`;

const RECEIVE = `mutation Receive($input: ReceiveInstructionInput!) { receiveInstruction(input: $input) ${PAYLOAD} }`;
const ACKNOWLEDGE = `mutation Ack($input: AcknowledgeInstructionInput!) { acknowledgeInstruction(input: $input) ${PAYLOAD} }`;
const FLAG = `mutation Flag($input: FlagInstructionAsInfringingInput!) { flagInstructionAsInfringing(input: $input) ${PAYLOAD} }`;
const SUPERSEDE = `mutation Supersede($input: SupersedeInstructionInput!) { supersedeInstruction(input: $input) ${PAYLOAD} }`;
const WITHDRAW = `mutation Withdraw($input: WithdrawInstructionInput!) { withdrawInstruction(input: $input) ${PAYLOAD} }`;
const SIGN = `mutation Sign($input: SignDataProcessingAgreementInput!) { signDataProcessingAgreement(input: $input) { agreement { controllerId } } }`;
const TERMINATE = `mutation Terminate($input: TerminateDataProcessingAgreementInput!) {
  terminateDataProcessingAgreement(input: $input) { agreement { controllerId effectiveUntil } } }`;
const GET = `query Get($id: ID!) { instruction(id: $id) { id status revision stream } }`;
const LIST = `query List($controllerId: String, $status: InstructionStatus, $first: Int!, $after: String) {
  instructions(controllerId: $controllerId, status: $status, first: $first, after: $after) {
    edges { cursor node { id controllerId status } } pageInfo { hasNextPage endCursor } } }`;
const HISTORY = `query History($stream: String!) { history(stream: $stream) {
  eventId stream revision position type schemaVersion data prevHash hash
  metadata { tenantId actor { id role keyId } commandId correlationId causationId occurredAt recordedAt } } }`;

const receiveInput = (overrides: Record<string, unknown> = {}) => ({
  controllerId: 'acme-hr',
  subject: 'Retention of badge logs',
  text: 'Delete badge access logs 90 days after collection.',
  channel: 'EMAIL',
  occurredAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});

/** No instruction without an agreement in force (Art. 28(3)): each controller signs one first. */
async function signAgreement(api: ApiHarness, controllerId: string) {
  const response = await api.gql(SIGN, {
    input: {
      controllerId,
      controllerName: controllerId,
      effectiveDate: '2026-01-01T00:00:00.000Z',
      clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
      subprocessorAuthorisation: 'GENERAL',
      occurredAt: '2025-12-15T00:00:00.000Z',
    },
  });
  expect(response.errors).toBeUndefined();
}

describe.each(storagesUnderTest())('instructions through GraphQL on the $name store', (storage) => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await startApiOn(storage);
    await signAgreement(api, 'acme-hr');
    await signAgreement(api, 'globex');
  });
  afterEach(() => api.close());

  const receive = (overrides: Record<string, unknown> = {}) => mutationResult(api, RECEIVE, receiveInput(overrides));

  async function eventCount(): Promise<number> {
    const list = await api.gql(LIST, { first: 100 });
    let total = 0;
    for (const edge of list.data.instructions.edges) {
      const history = await api.gql(HISTORY, { stream: `instruction-${edge.node.id}` });
      total += history.data.history.length;
    }
    return total;
  }

  it('receives a documented instruction and returns it with the ledger coordinates of its event', async () => {
    const { instruction, ledger } = await receive({ documentSha256: 'AB'.repeat(32) });
    expect(instruction).toMatchObject({
      controllerId: 'acme-hr',
      channel: 'EMAIL',
      status: 'RECEIVED',
      documentSha256: 'ab'.repeat(32),
      receivedAt: '2026-03-01T09:00:00.000Z',
      stream: `instruction-${instruction.id}`,
      revision: 0,
    });
    expect(ledger).toMatchObject({ stream: instruction.stream, replayed: false });
    expect(ledger.events).toEqual([
      expect.objectContaining({ type: 'InstructionReceived', revision: 0, position: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    const read = await api.gql(GET, { id: instruction.id });
    expect(read.data.instruction).toEqual({ id: instruction.id, status: 'RECEIVED', revision: 0, stream: instruction.stream });
  });

  it('walks an instruction through acknowledgement, an infringement flag and withdrawal, with the full history', async () => {
    const { instruction } = await receive();
    const id = instruction.id;
    const ack = await api.gql(ACKNOWLEDGE, { input: { instructionId: id, occurredAt: '2026-03-02T09:00:00.000Z' } });
    expect(ack.data.acknowledgeInstruction.instruction).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: '2026-03-02T09:00:00.000Z' });
    const flag = await api.gql(FLAG, { input: { instructionId: id, reason: 'Transfer to a third country without safeguards', occurredAt: '2026-03-03T09:00:00.000Z' } });
    expect(flag.data.flagInstructionAsInfringing.instruction).toMatchObject({
      status: 'FLAGGED_AS_INFRINGING',
      infringementReason: 'Transfer to a third country without safeguards',
    });
    const withdraw = await api.gql(WITHDRAW, { input: { instructionId: id, reason: 'Replaced by the DPA annex', occurredAt: '2026-03-04T09:00:00.000Z' } }, { 'x-correlation-id': 'audit-2026-03' });
    expect(withdraw.data.withdrawInstruction.instruction).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Replaced by the DPA annex', revision: 3 });

    const history = (await api.gql(HISTORY, { stream: instruction.stream })).data.history;
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'InstructionReceived',
      'InstructionAcknowledged',
      'InstructionFlaggedAsInfringing',
      'InstructionWithdrawn',
    ]);
    expect(history[3].metadata).toMatchObject({
      tenantId: 'default',
      actor: TEST_PROCESSOR_ACTOR,
      correlationId: 'audit-2026-03',
      occurredAt: '2026-03-04T09:00:00.000Z',
    });
    expect(history[3].metadata.causationId).toBe(history[3].metadata.commandId);
    expect(findChainBreak(history)).toBeNull();
    expect((await api.gql(GET, { id })).data.instruction.status).toBe('WITHDRAWN');
  });

  it('refuses an instruction from a controller without an agreement in force at its date, naming controllerId, and appends nothing (Art. 28(3))', async () => {
    const refusedWith = async (overrides: Record<string, unknown>) => {
      const response = await api.gql(RECEIVE, { input: receiveInput(overrides) });
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'controllerId' }] });
      return response.errors?.[0].message;
    };
    expect(await refusedWith({ controllerId: 'initech' })).toMatch(/no data-processing agreement with controller initech/);
    expect(await refusedWith({ occurredAt: '2025-12-31T23:59:59.000Z' })).toMatch(/in force at 2025-12-31T23:59:59.000Z/);
    const terminated = await api.gql(TERMINATE, {
      input: { controllerId: 'globex', effectiveDate: '2026-04-01T00:00:00.000Z', occurredAt: '2026-03-20T00:00:00.000Z' },
    });
    expect(terminated.errors).toBeUndefined();
    await refusedWith({ controllerId: 'globex', occurredAt: '2026-04-01T00:00:00.000Z' });
    expect(await eventCount()).toBe(0);
    const beforeTheEnd = await receive({ controllerId: 'globex', occurredAt: '2026-03-31T23:00:00.000Z' });
    expect(beforeTheEnd.instruction).toMatchObject({ controllerId: 'globex', status: 'RECEIVED' });
  });

  it('supersedes an instruction with a later one from the same controller, and refuses one from another controller', async () => {
    const first = (await receive()).instruction;
    const second = (await receive({ occurredAt: '2026-03-05T09:00:00.000Z' })).instruction;
    const other = (await receive({ controllerId: 'globex' })).instruction;
    const refused = await api.gql(SUPERSEDE, { input: { instructionId: first.id, supersededBy: other.id, occurredAt: '2026-03-05T10:00:00.000Z' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'supersededBy' }] });
    const done = await api.gql(SUPERSEDE, { input: { instructionId: first.id, supersededBy: second.id, occurredAt: '2026-03-05T10:00:00.000Z' } });
    expect(done.data.supersedeInstruction.instruction).toMatchObject({ status: 'SUPERSEDED', supersededBy: second.id });
  });

  it('refuses an occurredAt earlier than the last event of the instruction, naming the field, and appends nothing', async () => {
    const { instruction } = await receive({ occurredAt: '2026-03-05T09:00:00.000Z' });
    const response = await api.gql(ACKNOWLEDGE, { input: { instructionId: instruction.id, occurredAt: '2026-03-04T09:00:00.000Z' } });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].message).toMatch(/earlier than the last event/);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'occurredAt' }] });
    expect((await api.gql(HISTORY, { stream: instruction.stream })).data.history).toHaveLength(1);
  });

  it('answers invalid input with BAD_USER_INPUT naming each field, and appends nothing', async () => {
    await receive();
    const response = await api.gql(RECEIVE, { input: receiveInput({ controllerId: '', text: 'x'.repeat(20_001), documentSha256: 'not-a-hash' }) });
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
      'input.controllerId',
      'input.documentSha256',
      'input.text',
    ]);
    const badEnum = await api.gql(RECEIVE, { input: receiveInput({ channel: 'PIGEON' }) });
    expect(badEnum.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badCursor = await api.gql(LIST, { first: 5, after: 'nonsense' });
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
    const badPage = await api.gql(LIST, { first: 1000 });
    expect(badPage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect(await eventCount()).toBe(1);
  });

  it('answers an unknown instruction with NOT_FOUND', async () => {
    const response = await api.gql(ACKNOWLEDGE, { input: { instructionId: 'no-such-id' } });
    expect(response.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await api.gql(GET, { id: 'no-such-id' })).data.instruction).toBeNull();
  });

  it('returns the first result to a retried command id and records the instruction once', async () => {
    const input = receiveInput({ commandId: 'crm-sync-42' });
    const first = (await api.gql(RECEIVE, { input })).data.receiveInstruction;
    const retry = (await api.gql(RECEIVE, { input })).data.receiveInstruction;
    expect(retry.ledger.replayed).toBe(true);
    expect(retry.ledger.events).toEqual(first.ledger.events);
    expect(retry.instruction).toEqual(first.instruction);
    const ackInput = { instructionId: first.instruction.id, commandId: 'ack-1', occurredAt: '2026-03-02T00:00:00.000Z' };
    const ack = (await api.gql(ACKNOWLEDGE, { input: ackInput })).data.acknowledgeInstruction;
    const ackRetry = await api.gql(ACKNOWLEDGE, { input: ackInput });
    expect(ackRetry.errors).toBeUndefined();
    expect(ackRetry.data.acknowledgeInstruction.ledger.events).toEqual(ack.ledger.events);
    const list = (await api.gql(LIST, { first: 10 })).data.instructions;
    expect(list.edges).toHaveLength(1);
    expect(await eventCount()).toBe(2);
  });

  it('refuses a command id already used for another command instead of answering with that other result', async () => {
    const signed = await api.gql(SIGN, {
      input: { controllerId: 'initech', controllerName: 'Initech', effectiveDate: '2026-01-01T00:00:00.000Z', clauses: ['A'], subprocessorAuthorisation: 'SPECIFIC', commandId: 'shared-id', occurredAt: '2025-12-20T00:00:00.000Z' },
    });
    expect(signed.errors).toBeUndefined();
    const received = await api.gql(RECEIVE, { input: receiveInput({ commandId: 'shared-id' }) });
    expect(received.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'commandId' }] });
    const { instruction } = await receive();
    const acknowledged = await api.gql(ACKNOWLEDGE, { input: { instructionId: instruction.id, commandId: 'shared-id' } });
    expect(acknowledged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'commandId' }] });
    expect((await api.gql(GET, { id: instruction.id })).data.instruction.status).toBe('RECEIVED');
  });

  it('pages through instructions with cursors and filters by controller and status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await receive({ controllerId: i % 2 ? 'globex' : 'acme-hr' })).instruction.id);
    await api.gql(ACKNOWLEDGE, { input: { instructionId: ids[0] } });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.gql(LIST, { first: 2, after })).data.instructions;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids);
    const acme = (await api.gql(LIST, { first: 10, controllerId: 'acme-hr' })).data.instructions.edges.map((e: any) => e.node.id);
    expect(acme).toEqual([ids[0], ids[2], ids[4]]);
    const acknowledged = (await api.gql(LIST, { first: 10, status: 'ACKNOWLEDGED' })).data.instructions.edges;
    expect(acknowledged.map((e: any) => e.node.id)).toEqual([ids[0]]);
  });

  it('keeps instructions and their history across a restart', async () => {
    const { instruction } = await receive();
    await api.gql(ACKNOWLEDGE, { input: { instructionId: instruction.id } });
    const before = (await api.gql(HISTORY, { stream: instruction.stream })).data.history;
    await api.restart();
    expect((await api.gql(GET, { id: instruction.id })).data.instruction.status).toBe('ACKNOWLEDGED');
    expect((await api.gql(HISTORY, { stream: instruction.stream })).data.history).toEqual(before);
  });
});

describe('the service pages', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApiOn(storagesUnderTest()[0])));
  afterAll(() => api.close());

  it('serves GraphiQL at /graphql to a browser, with every script inlined (no CDN)', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']https?:/i);
  });

  it('answers an unknown route with a JSON 404 rather than hanging', async () => {
    const response = await fetch(`${api.url}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });

  it('reports health with the kind of store and each projection', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      store: 'embedded',
      projections: expect.arrayContaining([expect.objectContaining({ name: 'instructions', lastError: null })]),
    });
  });
});

describe.each(storagesUnderTest())('a concurrent change on the $name store', (storage) => {
  it('answers CONFLICT when another writer changed the instruction between read and append, and appends nothing', async () => {
    let interleave: ((stream: string, revision: number) => Promise<void>) | null = null;
    const api = await startApiOn(storage, (builder) =>
      builder
        .overrideProvider(EVENT_STORE)
        .useFactory({
          inject: [SQL_CLIENT],
          factory: async (sql: SqlClient) => {
            const store = await SqlEventStore.open(sql, { pollIntervalMs: 20 });
            // Another writer slips an event in right after this command has read the stream.
            return Object.assign(Object.create(store), {
              async readStream(tenantId: string, stream: string) {
                const events = await store.readStream(tenantId, stream);
                const other = interleave;
                interleave = null;
                if (other && events.length) await other(stream, events[events.length - 1].revision);
                return events;
              },
            });
          },
        }),
    );
    try {
      await signAgreement(api, 'acme-hr');
      const { instruction } = (await api.gql(RECEIVE, { input: receiveInput() })).data.receiveInstruction;
      const store = api.app.get<EventStore>(EVENT_STORE);
      interleave = async (stream, revision) => {
        await store.append(stream, revision, [{ type: 'InstructionAcknowledged', schemaVersion: 1, data: { instructionId: instruction.id }, occurredAt: new Date('2026-03-02T00:00:00Z') }], {
          tenantId: 'default',
          actor: { id: 'other-writer', role: 'processor', keyId: null },
          commandId: 'other-writer-1',
          correlationId: 'other-writer-1',
          causationId: 'other-writer-1',
        });
      };
      const response = await api.gql(FLAG, { input: { instructionId: instruction.id, reason: 'No safeguards', occurredAt: '2026-03-03T00:00:00.000Z' } });
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions.code).toBe('CONFLICT');
      const history = (await api.gql(HISTORY, { stream: instruction.stream })).data.history;
      expect(history.map((e: { type: string }) => e.type)).toEqual(['InstructionReceived', 'InstructionAcknowledged']);
    } finally {
      await api.close();
    }
  });
});
