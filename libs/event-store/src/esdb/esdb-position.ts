import { Position } from '../event-store.port';

/** A place in EventStoreDB's transaction log ($all): byte offsets, unsigned 64-bit. */
export interface EsdbLogPosition {
  commit: bigint;
  prepare: bigint;
}

const DIGITS = 20; // 2^64 - 1 has 20 decimal digits
const FORMAT = /^esdb:(\d{20}):(\d{20})$/;

/**
 * `esdb:<prepare>:<commit>`, both zero-padded: the string sorts as the positions compare, and the
 * prefix keeps a PostgreSQL checkpoint from ever being read as one of these.
 *
 * The prepare offset comes first because it is the one number every read path agrees on: it is
 * the offset of the event's own record. A read of $all also reports the commit offset of the
 * write, but a read of one stream may report the event's own offset in its place, so the
 * same event could carry two commit offsets. Our appends are single writes (never explicit
 * transactions), whose records are contiguous in the log, so prepare order is $all order.
 */
export function encodeEsdbPosition({ commit, prepare }: EsdbLogPosition): Position {
  return `esdb:${prepare.toString().padStart(DIGITS, '0')}:${commit.toString().padStart(DIGITS, '0')}` as Position;
}

export function decodeEsdbPosition(position: Position): EsdbLogPosition {
  const match = FORMAT.exec(position);
  if (!match) throw new Error(`not an EventStoreDB position: ${position}`);
  return { prepare: BigInt(match[1]), commit: BigInt(match[2]) };
}

export function compareEsdbPositions(a: Position, b: Position): number {
  const x = decodeEsdbPosition(a);
  const y = decodeEsdbPosition(b);
  if (x.prepare !== y.prepare) return x.prepare < y.prepare ? -1 : 1;
  return x.commit === y.commit ? 0 : x.commit < y.commit ? -1 : 1;
}
