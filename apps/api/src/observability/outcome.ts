import { DomainError } from '@ledger/domain';
import { ConcurrencyConflictError } from '@ledger/event-store';
import { isStorageUnavailable } from '../health/storage-unavailable';

/** A command's outcome as the client sees it: the error code it gets back (see the GraphQL error filter). */
export function outcomeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  if (error instanceof ConcurrencyConflictError) return 'CONFLICT';
  if (isStorageUnavailable(error)) return 'UNAVAILABLE';
  return 'INTERNAL_SERVER_ERROR';
}
