import { chainHash, findChainBreak, GENESIS_HASH, HashedEnvelope } from './hash-chain';

function chain(count: number): Array<HashedEnvelope & { hash: string }> {
  const events: Array<HashedEnvelope & { hash: string }> = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision++) {
    const envelope: HashedEnvelope = {
      eventId: `0190c0de-0000-7000-8000-00000000000${revision}`,
      stream: 'instruction-1',
      revision,
      type: 'InstructionReceived',
      schemaVersion: 1,
      data: { text: `step ${revision}`, nested: { b: 1, a: [2, 1] } },
      metadata: { tenantId: 'default', occurredAt: '2026-01-01T00:00:00.000Z' },
      prevHash,
    };
    const hash = chainHash(envelope);
    events.push({ ...envelope, hash });
    prevHash = hash;
  }
  return events;
}

describe('per-stream hash chain', () => {
  it('does not depend on the order of object keys (RFC 8785 canonical bytes)', () => {
    const [event] = chain(1);
    const reordered = { ...event, data: { nested: { a: [2, 1], b: 1 }, text: 'step 0' } };
    expect(chainHash(reordered)).toBe(event.hash);
  });

  it('verifies an untouched chain', () => {
    expect(findChainBreak(chain(3))).toBeNull();
  });

  it('names the first event whose bytes were rewritten', () => {
    const events = chain(3);
    events[1] = { ...events[1], data: { text: 'rewritten' } };
    expect(findChainBreak(events)).toEqual({ revision: 1, reason: 'hash' });
  });

  it('names the first event whose link to its predecessor was cut', () => {
    const events = chain(3);
    events.splice(1, 1);
    expect(findChainBreak(events)).toEqual({ revision: 2, reason: 'prevHash' });
  });
});
