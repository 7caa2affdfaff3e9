import { type EventStore, NO_STREAM } from '@ledger/event-store';
import { ApiHarness, startApiOn, storagesUnderTest, TEST_PROCESSOR_ACTOR } from '@ledger/testing';
import { EVENT_STORE } from '../ledger/ledger.tokens';

const RECORD = `mutation R($input: RecordProcessingActivityInput!) { recordProcessingActivity(input: $input) {
  processingActivity { id stream } ledger { events { eventId } } } }`;
const AMEND = `mutation A($input: AmendProcessingActivityInput!) { amendProcessingActivity(input: $input) { ledger { events { eventId } } } }`;
const RETIRE = `mutation X($input: RetireProcessingActivityInput!) { retireProcessingActivity(input: $input) { ledger { events { eventId } } } }`;
const EVENT = `eventId type revision leafIndex metadata { actor { id role keyId } commandId correlationId causationId occurredAt recordedAt }`;
const HISTORY = `query H($stream: String, $record: RecordRef, $types: [String!], $occurredFrom: DateTime, $occurredTo: DateTime,
  $recordedFrom: DateTime, $recordedTo: DateTime, $first: Int, $after: String) {
  recordHistory(stream: $stream, record: $record, types: $types, occurredFrom: $occurredFrom, occurredTo: $occurredTo,
    recordedFrom: $recordedFrom, recordedTo: $recordedTo, first: $first, after: $after) {
    edges { cursor node { ${EVENT} causes { causationId kind causedBy { eventId } correlated { eventId stream } } } }
    pageInfo { hasNextPage endCursor } } }`;

const activity = {
  role: 'PROCESSOR',
  controllerId: 'acme-hr',
  name: 'Desk booking',
  categoriesOfProcessing: ['hosting'],
  occurredAt: '2026-03-01T09:00:00.000Z',
};

describe.each(storagesUnderTest())('the history of a record, with its causes, on the $name store', (storage) => {
  let api: ApiHarness;
  let id: string;
  let stream: string;
  const events: string[] = [];
  let unrelated: string;

  beforeAll(async () => {
    api = await startApiOn(storage);
    const send = async (mutation: string, input: object, correlationId?: string) => {
      const response = await api.gql(mutation, { input }, correlationId ? { 'x-correlation-id': correlationId } : {});
      expect(response.errors).toBeUndefined();
      return Object.values(response.data)[0] as any;
    };
    const recorded = await send(RECORD, activity, 'case-7');
    ({ id, stream } = recorded.processingActivity);
    events.push(recorded.ledger.events[0].eventId);
    unrelated = (await send(RECORD, { ...activity, controllerId: 'globex' })).ledger.events[0].eventId;
    const amend = { processingActivityId: id, name: 'Desk booking', categoriesOfProcessing: ['hosting', 'support'], occurredAt: '2026-03-02T09:00:00.000Z' };
    events.push((await send(AMEND, amend, 'case-7')).ledger.events[0].eventId);
    events.push((await send(RETIRE, { processingActivityId: id, reason: 'ended', occurredAt: '2026-03-03T09:00:00.000Z' })).ledger.events[0].eventId);
  });
  afterAll(() => api.close());

  const history = async (variables: Record<string, unknown>) => {
    const response = await api.gql(HISTORY, { first: 20, ...variables });
    expect(response.errors).toBeUndefined();
    return response.data.recordHistory;
  };
  const ids = async (variables: Record<string, unknown>) => (await history(variables)).edges.map((e: any) => e.node.eventId);

  it('gives every event of a record asked by kind and id, with its envelope and actor, a page at a time', async () => {
    const first = await history({ record: { kind: 'PROCESSING_ACTIVITY', id }, first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        eventId: events[0],
        type: 'ProcessingActivityRecorded',
        revision: 0,
        metadata: expect.objectContaining({ actor: TEST_PROCESSOR_ACTOR, correlationId: 'case-7', occurredAt: '2026-03-01T09:00:00.000Z' }),
      }),
      expect.objectContaining({ eventId: events[1], type: 'ProcessingActivityAmended', revision: 1 }),
    ]);
    const rest = await history({ stream, first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e: any) => e.node.eventId)).toEqual([events[2]]);
    expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: rest.edges[0].cursor });
  });

  it("resolves each event's causes: the command that wrote it, and the other events of its correlation", async () => {
    const [, amended] = (await history({ stream })).edges.map((e: any) => e.node);
    expect(amended.causes).toEqual({
      causationId: amended.metadata.commandId,
      kind: 'COMMAND',
      causedBy: [{ eventId: events[1] }],
      correlated: [{ eventId: events[0], stream }],
    });
    expect(amended.causes.correlated.map((e: any) => e.eventId)).not.toContain(unrelated);
  });

  it('resolves a causationId naming an event to that event', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const { events: reaction } = await store.append('probe-reaction', NO_STREAM, [{ type: 'LedgerProbeRecorded', schemaVersion: 1, data: {}, occurredAt: new Date('2026-03-04T00:00:00Z') }], {
      tenantId: 'default',
      actor: { id: 'system', role: 'processor', keyId: null },
      commandId: 'probe-reaction-command',
      correlationId: 'case-7',
      causationId: events[2],
    });
    const [node] = (await history({ stream: 'probe-reaction' })).edges.map((e: any) => e.node);
    expect(node.causes).toMatchObject({ kind: 'EVENT', causedBy: [{ eventId: events[2] }] });
    expect(node.causes.correlated.map((e: any) => e.eventId)).toEqual([events[0], events[1]]);
    expect(reaction[0].eventId).toBe(node.eventId);
  });

  it('filters by event type, by business time and by recording time', async () => {
    expect(await ids({ stream, types: ['ProcessingActivityAmended', 'ProcessingActivityRetired'] })).toEqual([events[1], events[2]]);
    expect(await ids({ stream, occurredFrom: '2026-03-02T00:00:00.000Z', occurredTo: '2026-03-03T00:00:00.000Z' })).toEqual([events[1]]);
    const amended = (await history({ stream })).edges[1].node;
    expect(await ids({ stream, recordedFrom: amended.metadata.recordedAt })).toEqual([events[1], events[2]]);
    expect(await ids({ stream, types: ['ProcessingActivityRetired'], first: 1 })).toEqual([events[2]]);
  });

  it('refuses a record named twice, and a cursor it did not issue, with a coded error', async () => {
    const both = await api.gql(HISTORY, { stream, record: { kind: 'PROCESSING_ACTIVITY', id } });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'stream' }] });
    const cursor = await api.gql(HISTORY, { stream, after: Buffer.from('ledger:abc').toString('base64url') });
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
  });
});
