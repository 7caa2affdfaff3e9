import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@ledger/event-store';
import { v7 as uuidv7 } from 'uuid';

/**
 * Events as the sealer sees them: it reads only the id, the tenant, the hash and when the event
 * was recorded, so the rest of the envelope is left out rather than faked.
 */
export function syntheticBatch(size: number): RecordedEvent[] {
  const recordedAt = new Date().toISOString();
  return Array.from({ length: size }, () => ({ eventId: uuidv7(), hash: randomBytes(32).toString('hex'), metadata: { tenantId: 'bench', recordedAt } }) as RecordedEvent);
}
