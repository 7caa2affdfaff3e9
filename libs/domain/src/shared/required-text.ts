import { DomainError } from './domain-error';

/** A free-text field a record cannot do without: blank is refused, surrounding spaces are dropped. */
export function requireText(value: string | null | undefined, field: string): string {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) throw new DomainError(`${field} must not be empty`, 'BAD_USER_INPUT', field);
  return trimmed;
}
