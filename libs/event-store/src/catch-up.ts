import { EventStore, Position, RecordedEvent } from './event-store.port';

const WAIT_MS = 50;

/**
 * Every event committed before the call, in position order, in batches; then it ends. An empty
 * read is not the end: readAll holds back events while an older transaction is still running
 * anywhere on the server, so it waits until the head seen at the start has been read.
 */
export async function* catchUp(store: EventStore, from: Position | null, batchSize: number): AsyncGenerator<RecordedEvent[]> {
  const head = await store.headPosition();
  let cursor = from;
  while (head !== null && (cursor === null || store.comparePositions(cursor, head) < 0)) {
    const batch = await store.readAll(cursor, batchSize);
    if (batch.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
      continue;
    }
    cursor = batch[batch.length - 1].position;
    yield batch;
  }
}
