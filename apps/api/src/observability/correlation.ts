import { AsyncLocalStorage } from 'node:async_hooks';

/** The correlation id of the request (or command) being served, for every log line written on its behalf. */
const current = new AsyncLocalStorage<{ correlationId: string }>();

export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return current.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return current.getStore()?.correlationId;
}
