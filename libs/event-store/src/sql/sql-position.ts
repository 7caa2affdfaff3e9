import { Position } from '../event-store.port';

/** A PostgreSQL position: the inserting transaction's id, then the event's sequence number. */
export interface SqlPosition {
  txId: bigint;
  sequence: bigint;
}

export const START: SqlPosition = { txId: 0n, sequence: 0n };

export function encodePosition(txId: string | bigint, sequence: string | bigint): Position {
  return `${txId}.${sequence}` as Position;
}

export function decodePosition(position: Position): SqlPosition {
  const match = /^(\d+)\.(\d+)$/.exec(position);
  if (!match) throw new Error(`not a position of this store: ${position}`);
  return { txId: BigInt(match[1]), sequence: BigInt(match[2]) };
}

export function compareSqlPositions(a: Position, b: Position): number {
  const x = decodePosition(a);
  const y = decodePosition(b);
  if (x.txId !== y.txId) return x.txId < y.txId ? -1 : 1;
  return x.sequence === y.sequence ? 0 : x.sequence < y.sequence ? -1 : 1;
}
