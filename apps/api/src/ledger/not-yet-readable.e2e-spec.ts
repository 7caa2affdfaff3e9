import { ProjectionRunner } from '@ledger/projections';
import { type ApiHarness, signAgreements, startApi, storagesUnderTest } from '@ledger/testing';

const RECEIVE = `mutation($input: ReceiveInstructionInput!) {
  receiveInstruction(input: $input) { instruction { id status } ledger { stream replayed events { eventId } } } }`;
const HISTORY = `query($stream: String!) { history(stream: $stream) { eventId type } }`;

/**
 * A mutation answers from the registers once they show its write. When they fall behind, the
 * write still stands: the client is told so, with what was recorded, and gets the answer by
 * asking again with the same commandId, without a second write.
 */
describe.each(storagesUnderTest())('a write the registers have not caught up with, on the $name store', (storage) => {
  let api: ApiHarness;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    api = await startApi({ ...prepared.config, readYourWritesTimeoutMs: 500 });
    await signAgreements(api, 1);
  });
  afterAll(async () => {
    await api.close();
    await dispose();
  });

  it('is answered UNAVAILABLE, retryable, with what was recorded; asking again with the commandId answers without writing twice', async () => {
    const projections = api.app.get(ProjectionRunner);
    await projections.stop();
    const input = { commandId: 'rywt-1', controllerId: 'controller-0', subject: 'retention', text: 'Keep invoices for ten years.', channel: 'TICKET' };

    const behind = await api.gql(RECEIVE, { input });
    expect(behind.data).toBeNull();
    const error = behind.errors![0] as unknown as { message: string; extensions: { stream: string; eventIds: string[] } };
    expect(error.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true, recorded: true, commandId: 'rywt-1', stream: expect.stringMatching(/^instruction-/), eventIds: [expect.any(String)] });
    expect(error.message).toContain('ask again with commandId "rywt-1"');
    // The event is in the log (history reads the event store, not the registers).
    const stored = (await api.gql(HISTORY, { stream: error.extensions.stream })).data.history;
    expect(stored).toEqual([{ eventId: error.extensions.eventIds[0], type: 'InstructionReceived' }]);

    await projections.start();
    const again = await api.gql(RECEIVE, { input });
    expect(again.errors).toBeUndefined();
    expect(again.data.receiveInstruction).toEqual({
      instruction: { id: expect.any(String), status: 'RECEIVED' },
      ledger: { stream: error.extensions.stream, replayed: true, events: [{ eventId: error.extensions.eventIds[0] }] },
    });
    expect((await api.gql(HISTORY, { stream: error.extensions.stream })).data.history).toHaveLength(1);
  });
});
