import {
  ANY,
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { v4 as uuidv4 } from 'uuid';
import { type EventStoreDbDouble, startEventStoreDbDouble } from '.';

// The DOUBLE's semantics, checked through the real client, against EventStoreDB's documentation
// ("Optimistic concurrency and idempotence", reading streams and $all). A double, not EventStoreDB.
describe('EventStoreDB gRPC DOUBLE (test-only, not a real server)', () => {
  let double: EventStoreDbDouble;
  let client: EventStoreDBClient;
  beforeEach(async () => {
    double = await startEventStoreDbDouble();
    client = EventStoreDBClient.connectionString(double.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await double.close();
  });

  const events = (...ids: string[]) => ids.map((id) => jsonEvent({ id, type: 'Happened', data: { id } }));
  const read = async (stream: string) => {
    const ids: string[] = [];
    for await (const resolved of client.readStream(stream)) ids.push(resolved.event!.id);
    return ids;
  };

  it('answers a read of a missing stream with StreamNotFound', async () => {
    await expect(read('nowhere')).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('checks no_stream, stream_exists and exact revisions', async () => {
    const [a, b, c] = [uuidv4(), uuidv4(), uuidv4()];
    await expect(client.appendToStream('s', events(a), { expectedRevision: STREAM_EXISTS })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await client.appendToStream('s', events(a), { expectedRevision: NO_STREAM })).toMatchObject({ success: true, nextExpectedRevision: 0n });
    await expect(client.appendToStream('s', events(b), { expectedRevision: NO_STREAM })).rejects.toMatchObject({ actualVersion: 0n, expectedVersion: 'no_stream' });
    await expect(client.appendToStream('s', events(b), { expectedRevision: 5n })).rejects.toMatchObject({ actualVersion: 0n, expectedVersion: 5n });
    expect(await client.appendToStream('s', events(b), { expectedRevision: 0n })).toMatchObject({ nextExpectedRevision: 1n });
    expect(await client.appendToStream('s', events(c), { expectedRevision: STREAM_EXISTS })).toMatchObject({ nextExpectedRevision: 2n });
    expect(await client.appendToStream('s', events(uuidv4()), { expectedRevision: ANY })).toMatchObject({ nextExpectedRevision: 3n });
    expect(await read('s')).toHaveLength(4);
  });

  it('acknowledges a repeated append by event ids without writing it twice, and refuses a partial repeat', async () => {
    const [a, b, c] = [uuidv4(), uuidv4(), uuidv4()];
    const first = await client.appendToStream('s', events(a, b), { expectedRevision: NO_STREAM });
    expect(await client.appendToStream('s', events(a, b), { expectedRevision: NO_STREAM })).toEqual(first);
    expect(await client.appendToStream('s', events(a, b), { expectedRevision: ANY })).toEqual(first);
    await expect(client.appendToStream('s', events(b, c), { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(client.appendToStream('s', events(a, c), { expectedRevision: ANY })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await read('s')).toEqual([a, b]);
  });

  it('orders $all by increasing (commit, prepare) positions, the system records of a fresh node first', async () => {
    await client.appendToStream('x', events(uuidv4(), uuidv4()));
    await client.appendToStream('y', events(uuidv4()));
    const positions: { commit: bigint; prepare: bigint }[] = [];
    const streams: string[] = [];
    for await (const resolved of client.readAll()) {
      positions.push(resolved.event!.position!);
      streams.push(resolved.event!.streamId);
    }
    expect(streams).toEqual(['$settings', '$scavenges', 'x', 'x', 'y']);
    for (let i = 1; i < positions.length; i++) {
      const [p, q] = [positions[i - 1], positions[i]];
      expect(q.commit > p.commit || (q.commit === p.commit && q.prepare > p.prepare)).toBe(true);
    }
    // The two events of one write share its commit position.
    expect(positions[3].commit).toBe(positions[2].commit);
  });
});
