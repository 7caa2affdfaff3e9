import type { DerivedFrom } from './point-in-time/point-in-time';

export interface Page<T> {
  edges: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
  /** For a page read at a point in time: the log prefix it is derived from. */
  derivedFrom?: DerivedFrom;
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

/** Which page of a list: at most `first` rows after the row whose cursor is `after`. */
export interface PageRequest {
  first: number;
  after?: string | null;
}

/** The key of the last row the client saw, or null for the first page. */
export function keyAfter(request: PageRequest): string | null {
  return request.after ? decodeCursor(request.after) : null;
}

/**
 * The page out of rows read with LIMIT first + 1: the extra row is not shown, it only tells that
 * another page follows. `keyOf` gives the ordering key the cursor carries.
 */
export function pageOf<R, T>(rows: readonly R[], request: PageRequest, nodeOf: (row: R) => T, keyOf: (node: T) => string): Page<T> {
  const nodes = rows.slice(0, request.first).map(nodeOf);
  return { edges: nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) })), hasNextPage: rows.length > request.first };
}
