import { createDeserialiser } from './deserialise';
import { Position, RecordedEvent } from './event-store.port';

const stored = (schemaVersion: number, data: unknown): RecordedEvent => ({
  eventId: 'e1',
  stream: 'instruction-1',
  revision: 0,
  position: '1.1' as Position,
  type: 'InstructionReceived',
  schemaVersion,
  data,
  metadata: {
    tenantId: 't',
    actor: { id: 'system', role: 'processor', keyId: null },
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2026-03-01T09:00:00.000Z',
    recordedAt: '2026-03-05T09:00:00.000Z',
  },
  prevHash: '0'.repeat(64),
  hash: 'h',
});

describe('deserialising stored events', () => {
  const deserialise = createDeserialiser({
    InstructionReceived: {
      1: (data) => ({ ...(data as object), channel: 'email' }),
      2: (data) => ({ ...(data as object), documentSha256: null }),
    },
  });

  it('upcasts an old schema version through every step to the current one', () => {
    expect(deserialise(stored(1, { text: 'x' }))).toEqual({
      type: 'InstructionReceived',
      schemaVersion: 3,
      data: { text: 'x', channel: 'email', documentSha256: null },
      occurredAt: new Date('2026-03-01T09:00:00.000Z'),
    });
  });

  it('leaves the current version untouched and takes business time from occurredAt, not recordedAt', () => {
    const event = deserialise(stored(3, { text: 'x' }));
    expect(event.data).toEqual({ text: 'x' });
    expect(event.occurredAt.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });
});
