/**
 * A command the rules refuse. `code` is what an API client branches on; `field` names the
 * input that caused it, when one did.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND';

export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: DomainErrorCode = 'BAD_USER_INPUT',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
