import { DomainError } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { rootAt, sealedSize } from '../merkle-log/merkle-nodes';

/** What the ledger knew: the events recorded at or before `at`, or the first `treeSize` leaves of the Merkle log. Exactly one. */
export interface KnownAt {
  at?: Date | null;
  treeSize?: number | null;
}

/** A point of the two times: `asOf` valid time (occurredAt), `knownAt` ledger time. Both optional. */
export interface PointInTime {
  asOf?: Date | null;
  knownAt?: KnownAt | null;
}

/** The signed-tree prefix an answer is derived from: anyone holding the log can recompute it. */
export interface DerivedFrom {
  treeSize: number;
  /** RFC 9162 root of the first treeSize leaves, hex. */
  rootHash: string;
}

/** A point resolved to a log prefix: the events of the first treeSize leaves that occurred at or before asOf. */
export interface ResolvedPoint {
  asOf: Date | null;
  treeSize: number;
}

/** True when a query asks for a point in time rather than the current state. */
export function asksPointInTime(point: PointInTime): boolean {
  return point.asOf != null || point.knownAt != null;
}

/**
 * The log prefix a point stands for. A timestamp stands for the longest prefix of the log whose
 * events were all recorded at or before it, so an answer never uses what the ledger learned
 * later; a timestamp in the future is refused, its answer could still change. Without knownAt,
 * everything sealed so far. A tree size is taken as given: `derivedFromOf` refuses one the sealer
 * has not reached, so the root and the rows can be read at the same time.
 */
export async function resolvePoint(sql: SqlExecutor, point: PointInTime, now = new Date()): Promise<ResolvedPoint> {
  const asOf = point.asOf ?? null;
  if (asOf && Number.isNaN(asOf.getTime())) throw new DomainError('asOf is not a valid date', 'BAD_USER_INPUT', 'asOf');
  if (!point.knownAt) return { asOf, treeSize: await sealedSize(sql) };
  const { at, treeSize } = point.knownAt;
  if ((at == null) === (treeSize == null)) throw new DomainError('knownAt takes exactly one of at and treeSize', 'BAD_USER_INPUT', 'knownAt');
  if (treeSize != null) {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new DomainError('knownAt.treeSize must be a whole number, 0 or more', 'BAD_USER_INPUT', 'knownAt.treeSize');
    return { asOf, treeSize };
  }
  if (Number.isNaN(at!.getTime())) throw new DomainError('knownAt.at is not a valid date', 'BAD_USER_INPUT', 'knownAt.at');
  if (at!.getTime() > now.getTime()) throw new DomainError(`knownAt.at ${at!.toISOString()} is in the future`, 'BAD_USER_INPUT', 'knownAt.at');
  return { asOf, treeSize: await sizeRecordedBy(sql, at!) };
}

/**
 * The root of the point's prefix, from the stored subtrees. Those of a size the sealer has not
 * reached do not exist yet: such a tree size is refused (BAD_USER_INPUT) rather than answered
 * from a smaller one, since no checkpoint could prove the answer yet.
 */
export async function derivedFromOf(sql: SqlExecutor, point: ResolvedPoint): Promise<DerivedFrom> {
  const { treeSize } = point;
  const known = rootsOf(sql).get(treeSize);
  if (known) return { treeSize, rootHash: known };
  try {
    const rootHash = (await rootAt(sql, treeSize)).toString('hex');
    remember(sql, treeSize, rootHash);
    return { treeSize, rootHash };
  } catch (error) {
    const sealed = await sealedSize(sql);
    if (treeSize <= sealed) throw error;
    throw new DomainError(`knownAt.treeSize ${treeSize} is beyond the sealed log (${sealed} leaves so far)`, 'BAD_USER_INPUT', 'knownAt.treeSize');
  }
}

/**
 * The root of a tree size never changes (the log only grows, and a rebuilt tree reproduces it),
 * so each database connection pool remembers the last few it computed: an auditor paging
 * through a register at one checkpoint reads the root once.
 */
const ROOTS_KEPT = 256;
const roots = new WeakMap<SqlExecutor, Map<number, string>>();

function rootsOf(sql: SqlExecutor): Map<number, string> {
  // A tenant read is a new transaction each time: remember by the client it belongs to.
  const database = sql.client ?? sql;
  let kept = roots.get(database);
  if (!kept) roots.set(database, (kept = new Map()));
  return kept;
}

function remember(sql: SqlExecutor, treeSize: number, rootHash: string): void {
  const kept = rootsOf(sql);
  kept.set(treeSize, rootHash);
  if (kept.size > ROOTS_KEPT) kept.delete(kept.keys().next().value!);
}

/** The longest log prefix recorded entirely at or before `at`: recorded_by only grows along the log, so one index probe. */
export async function sizeRecordedBy(sql: SqlExecutor, at: Date): Promise<number> {
  const [row] = await sql.query<{ size: string }>('SELECT ledger_size_recorded_by($1)::text AS size', [at]);
  return Number(row.size);
}

/** The point a list query asks for, resolved; null when it asks for the current state. */
export async function pointOf(sql: SqlExecutor, query: PointInTime): Promise<ResolvedPoint | null> {
  return asksPointInTime(query) ? resolvePoint(sql, query) : null;
}

/**
 * Reads a page and, at a point, the root of the point's prefix alongside (two connections on
 * PostgreSQL), so the answer says which log prefix it is derived from.
 */
export async function readAtPoint<P extends object>(
  sql: SqlExecutor,
  point: ResolvedPoint | null,
  read: () => Promise<P>,
): Promise<P & { derivedFrom?: DerivedFrom }> {
  if (!point) return read();
  const [page, derivedFrom] = await Promise.all([read(), derivedFromOf(sql, point)]);
  return { ...page, derivedFrom };
}
