import { DomainError } from './domain-error';

/** How far ahead of the server clock a caller's occurredAt may be, to absorb clock skew. */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Within one stream, business time never goes backwards, and nothing is recorded as having
 * happened in the future: this keeps "the state as of T" a prefix of the stream.
 */
export function assertOccurredAtInOrder(occurredAt: Date, lastOccurredAt: Date | null, now: Date): void {
  if (Number.isNaN(occurredAt.getTime())) throw new DomainError('occurredAt is not a valid date', 'BAD_USER_INPUT', 'occurredAt');
  if (occurredAt.getTime() > now.getTime() + ALLOWED_CLOCK_SKEW_MS)
    throw new DomainError(`occurredAt ${occurredAt.toISOString()} is in the future`, 'BAD_USER_INPUT', 'occurredAt');
  if (lastOccurredAt && occurredAt < lastOccurredAt)
    throw new DomainError(
      `occurredAt ${occurredAt.toISOString()} is earlier than the last event of this record (${lastOccurredAt.toISOString()})`,
      'BAD_USER_INPUT',
      'occurredAt',
    );
}
