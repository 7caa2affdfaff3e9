import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, NO_STREAM } from '@ledger/event-store';
import { eventLeafHash, merkleRoot, verifyCheckpoint, verifyConsistencyBundle, verifyInclusionBundle } from '@ledger/integrity';
import { ApiHarness, runLedgerCli, startApi, storagesUnderTest, tempDir } from '@ledger/testing';
import { EVENT_STORE } from '../ledger/ledger.tokens';

const CHECKPOINT = `query($size: Int) { checkpoint(treeSize: $size) { origin treeSize rootHash note signedAt } }`;
const INCLUSION = `query($eventId: ID!, $size: Int) { inclusionProof(eventId: $eventId, treeSize: $size) {
  eventId leafIndex treeSize hashes tlogProof checkpoint { treeSize note } } }`;
const CONSISTENCY = `query($from: Int!, $to: Int) { consistencyProof(fromSize: $from, toSize: $to) {
  fromSize toSize hashes bundle fromCheckpoint { treeSize } toCheckpoint { treeSize } } }`;
const HISTORY = `query($stream: String!) { history(stream: $stream) {
  eventId stream revision type schemaVersion data prevHash hash leafIndex
  metadata { tenantId actor { id role keyId } commandId correlationId causationId occurredAt recordedAt } } }`;

describe.each(storagesUnderTest())('signed checkpoints and proofs on the $name store', (storage) => {
  let api: ApiHarness;
  let dispose: () => Promise<void>;
  const streams: string[] = [];

  beforeAll(async () => {
    const prepared = await storage.config();
    dispose = prepared.dispose;
    api = await startApi(prepared.config);
  });
  afterAll(async () => {
    await api.close();
    await dispose();
  });

  /** Appends events straight to the store: the log seals and signs whatever it holds. */
  async function append(count: number) {
    const store = api.app.get<EventStore>(EVENT_STORE);
    for (let i = 0; i < count; i++) {
      const stream = `probe-${streams.length}`;
      streams.push(stream);
      await store.append(stream, NO_STREAM, [{ type: 'LedgerProbeRecorded', schemaVersion: 1, data: { n: streams.length }, occurredAt: new Date('2026-03-01T00:00:00Z') }], {
        tenantId: 'default',
        actor: { id: 'system', role: 'processor', keyId: null },
        commandId: `append-${stream}`,
        correlationId: 'checkpoints-e2e',
        causationId: 'checkpoints-e2e',
      });
    }
  }

  async function checkpointOfSize(size: number) {
    for (let tries = 0; tries < 200; tries++) {
      const { data } = await api.gql(CHECKPOINT);
      if (data.checkpoint?.treeSize === size) return data.checkpoint;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no checkpoint of size ${size} was signed`);
  }

  const eventOf = async (stream: string) => (await api.gql(HISTORY, { stream })).data.history[0];

  it('signs a checkpoint of the sealed log, verifiable with the published key, whose root is the RFC 9162 root of the events', async () => {
    await append(7);
    const checkpoint = await checkpointOfSize(7);
    const key = (await api.gql('{ verifierKey }')).data.verifierKey;
    expect(key).toMatch(/^test\.ledger\.example\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/);
    const verified = verifyCheckpoint(checkpoint.note, key);
    expect(verified).toMatchObject({ origin: 'test.ledger.example/log', size: 7 });
    const events = await Promise.all(streams.map(eventOf));
    expect(events.map((e) => e.leafIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(verified.rootHash.toString('hex')).toBe(merkleRoot(events.map((e) => eventLeafHash(e.hash))).toString('hex'));
    expect(checkpoint.rootHash).toBe(verified.rootHash.toString('hex'));
  });

  it('proves an event is in the log with the signed checkpoint of the same size, in one answer', async () => {
    const key = (await api.gql('{ verifierKey }')).data.verifierKey;
    const event = await eventOf(streams[4]);
    const { data } = await api.gql(INCLUSION, { eventId: event.eventId });
    expect(data.inclusionProof).toMatchObject({ eventId: event.eventId, leafIndex: 4, treeSize: 7, checkpoint: { treeSize: 7 } });
    expect(verifyInclusionBundle(data.inclusionProof.tlogProof, event, key).size).toBe(7);
  });

  it('proves the log only grew, and still proves inclusion at an earlier signed size', async () => {
    const key = (await api.gql('{ verifierKey }')).data.verifierKey;
    const first = (await api.gql(CHECKPOINT, { size: 7 })).data.checkpoint;
    await append(4);
    await checkpointOfSize(11);
    expect((await api.gql(CHECKPOINT, { size: 7 })).data.checkpoint).toEqual(first);
    const { data } = await api.gql(CONSISTENCY, { from: 7 });
    expect(data.consistencyProof).toMatchObject({ fromSize: 7, toSize: 11, fromCheckpoint: { treeSize: 7 }, toCheckpoint: { treeSize: 11 } });
    const { from, to } = verifyConsistencyBundle(data.consistencyProof.bundle, key);
    expect([from.size, to.size]).toEqual([7, 11]);
    const event = await eventOf(streams[2]);
    const atSeven = (await api.gql(INCLUSION, { eventId: event.eventId, size: 7 })).data.inclusionProof;
    expect(verifyInclusionBundle(atSeven.tlogProof, event, key).size).toBe(7);
  });

  it('answers proofs it cannot give with coded errors', async () => {
    expect((await api.gql(INCLUSION, { eventId: '00000000-0000-7000-8000-000000000000' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await api.gql(INCLUSION, { eventId: 'not-an-event-id' })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await api.gql(CONSISTENCY, { from: 5 })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'fromSize' }] });
    const late = await eventOf(streams[9]);
    expect((await api.gql(INCLUSION, { eventId: late.eventId, size: 7 })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'treeSize' }],
    });
  });

  it('offers proofs as files, and `ledger verify` checks them offline, keeping the newest checkpoint', async () => {
    const dir = tempDir();
    try {
      const key = (await api.gql('{ verifierKey }')).data.verifierKey;
      const event = await eventOf(streams[3]);
      const download = await api.fetch(`/proofs/inclusion/${event.eventId}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="?[0-9a-f-]+\.11\.tlog-proof/);
      const files = {
        proof: join(dir.path, 'event.tlog-proof'),
        event: join(dir.path, 'event.json'),
        old: join(dir.path, 'checkpoint-7.txt'),
        consistency: join(dir.path, 'consistency.json'),
        state: join(dir.path, 'kept-checkpoint.txt'),
      };
      writeFileSync(files.proof, await download.text());
      writeFileSync(files.event, JSON.stringify(event));
      writeFileSync(files.old, (await api.gql(CHECKPOINT, { size: 7 })).data.checkpoint.note);
      writeFileSync(files.consistency, await (await api.fetch(`/proofs/consistency?fromSize=7`)).text());
      expect((await api.fetch(`/proofs/inclusion/00000000-0000-7000-8000-000000000000`)).status).toBe(404);
      expect((await api.fetch(`/proofs/inclusion/not-an-event-id`)).status).toBe(404);
      const verify = (...args: string[]) => runLedgerCli(['verify', ...args], {});

      expect(verify(files.old, '--key', key, '--state', files.state)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^verified: checkpoint .* size 7/) });
      const grown = verify(files.consistency, '--key', key, '--state', files.state);
      expect(grown).toMatchObject({ status: 0, stdout: expect.stringMatching(/size 11 extends size 7.*kept checkpoint of size 7/) });
      expect(verify(files.proof, '--key', key, '--event', files.event, '--state', files.state)).toMatchObject({ status: 0 });
      const backwards = verify(files.old, '--key', key, '--state', files.state);
      expect(backwards.status).toBe(1);
      expect(backwards.stderr).toMatch(/^went-backwards: the log went backwards: size 7 is smaller than the kept checkpoint's 11/);

      writeFileSync(files.event, JSON.stringify({ ...event, data: { n: 1000 } }));
      expect(verify(files.proof, '--key', key, '--event', files.event)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^event-mismatch/) });
    } finally {
      dir.remove();
    }
  });
});
