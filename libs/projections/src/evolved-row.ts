import type { DomainEvent } from '@ledger/domain';
import { deserialise, RecordedEvent, Row, SqlExecutor } from '@ledger/event-store';
import { recordRevision } from './point-in-time/revisions';

type Existing<S> = Exclude<S, { status: 'NONE' }>;

export interface EvolvedRow<S extends { status: string }, E extends DomainEvent, R extends Row> {
  /** The concept's event-type constants: other events are ignored. */
  events: Record<string, string>;
  decider: { initialState: S; evolve(state: S, event: E): S };
  /** The read-model table and its key column (besides tenant_id); constants, never input. */
  table: string;
  key: string;
  keyOf(event: E): string;
  fromRow(row: R): S;
  save(tx: SqlExecutor, tenantId: string, state: Existing<S>, recorded: RecordedEvent): Promise<void>;
  /**
   * Keep every revision of the row too (`<table>_revisions`, see revisionsMigration), for
   * point-in-time queries.
   */
  revisions?: boolean;
}

/**
 * `apply` for a register kept as one row per record: the domain's own `evolve` applied to the
 * previous row, so the register cannot drift from the decider. With `revisions`, the saved row is
 * also kept as the record's revision at this event.
 */
export function applyEvolvedRow<S extends { status: string }, E extends DomainEvent, R extends Row>(spec: EvolvedRow<S, E, R>) {
  const handled = new Set(Object.values(spec.events));
  return async (tx: SqlExecutor, recorded: RecordedEvent): Promise<void> => {
    if (!handled.has(recorded.type)) return;
    const event = deserialise<E>(recorded);
    const { tenantId } = recorded.metadata;
    const [row] = await tx.query<R>(`SELECT * FROM ${spec.table} WHERE tenant_id = $1 AND ${spec.key} = $2`, [tenantId, spec.keyOf(event)]);
    const next = spec.decider.evolve(row ? spec.fromRow(row) : spec.decider.initialState, event);
    if (next.status === 'NONE') return;
    await spec.save(tx, tenantId, next as Existing<S>, recorded);
    if (spec.revisions) await recordRevision(tx, spec, tenantId, spec.keyOf(event), recorded);
  };
}
