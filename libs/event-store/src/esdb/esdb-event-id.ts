import { v5 as uuidv5 } from 'uuid';

/** A fixed namespace for the ledger's EventStoreDB event ids (a random UUID, chosen once). */
const NAMESPACE = '6f0c1d8e-3b5a-4e0f-9a57-2f3c8b1d4e72';

/**
 * The id EventStoreDB dedupes on: the same for every attempt of one command's n-th event, so a
 * retry whose acknowledgement was lost is recognised by the server (at the same expected
 * revision) instead of appended twice. The envelope keeps its own UUIDv7 `eventId`, which the
 * hash chain covers; this id only travels in EventStoreDB's record.
 */
export function esdbEventId(tenantId: string, commandId: string, index: number): string {
  return uuidv5(JSON.stringify([tenantId, commandId, index]), NAMESPACE);
}
