import { Server, ServerCredentials } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { InMemoryLog } from './in-memory-log';
import { appendHandler, readHandler } from './streams-service';

export interface EventStoreDbDouble {
  /** `esdb://127.0.0.1:<port>?tls=false`, for the real client. */
  connectionString: string;
  /** The double's log, for tests that need to add system records. */
  log: InMemoryLog;
  close(): Promise<void>;
}

/**
 * A TEST DOUBLE of EventStoreDB's gRPC Streams API (Append and Read) on an ephemeral port, in
 * memory: it exists so the adapter's code runs in CI where no EventStoreDB server is. It is not
 * EventStoreDB and passing against it is not a run against a real server (see README.md here).
 *
 * Every other service (server features, gossip, BatchAppend...) answers UNIMPLEMENTED, which the
 * client handles: without server features it appends with Streams.Append.
 */
export async function startEventStoreDbDouble(): Promise<EventStoreDbDouble> {
  const log = new InMemoryLog();
  // A fresh node already holds records of its own before any client writes.
  log.writeSystemRecord('$settings', '$settings');
  log.writeSystemRecord('$scavenges', '$scavengeIndexInitialized');
  const server = new Server();
  server.addService(StreamsService, { append: appendHandler(log), read: readHandler(log) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    // Open subscriptions would hold a graceful shutdown forever: the double just stops.
    close: async () => server.forceShutdown(),
  };
}
