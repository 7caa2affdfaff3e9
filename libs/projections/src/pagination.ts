export interface Page<T> {
  edges: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
}

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super('after is not a cursor returned by this list');
  }
}

const PREFIX = 'ledger:';

/** Cursors are opaque to clients: the key of the last row seen, base64url encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(PREFIX)) throw new InvalidCursorError(cursor);
  return decoded.slice(PREFIX.length);
}
