import { createHash } from 'node:crypto';
import { canonicalBytes } from './canonical';

/** The prevHash of the first event of every stream: 32 zero bytes. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: its envelope without `position` (assigned by the store) and `hash` itself. */
export interface HashedEnvelope {
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  prevHash: string;
}

/** hash = SHA-256(prevHash bytes || RFC 8785 canonical bytes of the envelope), hex encoded. */
export function chainHash(envelope: HashedEnvelope): string {
  const { eventId, stream, revision, type, schemaVersion, data, metadata, prevHash } = envelope;
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonicalBytes({ eventId, stream, revision, type, schemaVersion, data, metadata, prevHash }))
    .digest('hex');
}

export type ChainBreak = { revision: number; reason: 'prevHash' | 'hash' };

/** Re-derives a stream's chain and names the first event whose bytes or link no longer match. */
export function findChainBreak(events: ReadonlyArray<HashedEnvelope & { hash: string }>): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) return { revision: event.revision, reason: 'prevHash' };
    if (chainHash(event) !== event.hash) return { revision: event.revision, reason: 'hash' };
    expectedPrev = event.hash;
  }
  return null;
}
