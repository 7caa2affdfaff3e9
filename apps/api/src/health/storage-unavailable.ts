/**
 * Whether a failure means the store could not be reached (server down, restarting, connection
 * lost) rather than a fault in the request: the client should retry later, and nothing it asked
 * for was acknowledged. SQLSTATE classes 08 (connection exception) and 57P (operator
 * intervention: shutdown, crash recovery), and the driver's own network errors.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const DRIVER_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|server closed the connection/i;

export function isStorageUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
  if (error instanceof AggregateError) return error.errors.some(isStorageUnavailable);
  return DRIVER_MESSAGES.test(error.message);
}
