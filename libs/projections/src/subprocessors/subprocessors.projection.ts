import { Subprocessor, SubprocessorEvent, SubprocessorEvents, subprocessorDecider, SubprocessorState } from '@ledger/domain';
import { deserialise, RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { recordRevision, revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { EventProjection } from '../projection';
import { SubprocessorControllerRow, subprocessorFromRows, SubprocessorRow } from './subprocessor.row';

const HANDLED = new Set<string>(Object.values(SubprocessorEvents));
const REGISTER = { table: 'rm_subprocessors', key: 'subprocessor_id' };
/** A revision keeps the row and, under `controllers`, every controller's decisions at that point. */
const STATE_WITH_CONTROLLERS = `to_jsonb(t) || jsonb_build_object('controllers', (
  SELECT coalesce(jsonb_agg(to_jsonb(d) ORDER BY d.controller_id), '[]'::jsonb) FROM rm_subprocessor_controllers d
  WHERE d.tenant_id = t.tenant_id AND d.subprocessor_id = t.subprocessor_id))`;

/**
 * The sub-processor list: one row per sub-processor, and one per (sub-processor, controller) that
 * objected, approved or had it engaged. Authorisation states that only depend on time (an
 * objection window still open) are derived when read, never stored.
 */
export const subprocessorsProjection: EventProjection = {
  name: 'subprocessors',
  tables: ['rm_subprocessors', 'rm_subprocessor_controllers', revisionsOf('rm_subprocessors')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_subprocessors (
          tenant_id text NOT NULL,
          subprocessor_id text NOT NULL,
          name text NOT NULL,
          service text NOT NULL,
          location text NOT NULL,
          transfer_mechanism text NOT NULL,
          status text NOT NULL,
          proposed_at timestamptz NOT NULL,
          removed_at timestamptz,
          removal_reason text,
          last_occurred_at timestamptz NOT NULL,
          stream text NOT NULL,
          revision int NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, subprocessor_id)
        )`,
        `CREATE TABLE rm_subprocessor_controllers (
          tenant_id text NOT NULL,
          subprocessor_id text NOT NULL,
          controller_id text NOT NULL,
          objected_at timestamptz,
          objection_reason text,
          approved_at timestamptz,
          engaged_at timestamptz,
          PRIMARY KEY (tenant_id, subprocessor_id, controller_id)
        )`,
        `CREATE INDEX rm_subprocessor_controllers_by_controller ON rm_subprocessor_controllers (tenant_id, controller_id, subprocessor_id)`,
      ],
    },
    revisionsMigration(2, 'subprocessors', [REGISTER], ['rm_subprocessor_controllers']),
    revisionsIndexMigration(3, [REGISTER]),
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent): Promise<void> {
    if (!HANDLED.has(recorded.type)) return;
    const event = deserialise<SubprocessorEvent>(recorded);
    const { tenantId } = recorded.metadata;
    const { subprocessorId } = event.data;
    const [row] = await tx.query<SubprocessorRow>('SELECT * FROM rm_subprocessors WHERE tenant_id = $1 AND subprocessor_id = $2', [
      tenantId,
      subprocessorId,
    ]);
    const controllers = row
      ? await tx.query<SubprocessorControllerRow>('SELECT * FROM rm_subprocessor_controllers WHERE tenant_id = $1 AND subprocessor_id = $2', [
          tenantId,
          subprocessorId,
        ])
      : [];
    const state: SubprocessorState = row ? subprocessorFromRows(row, controllers) : subprocessorDecider.initialState;
    const next = subprocessorDecider.evolve(state, event);
    if (next.status === 'NONE') return;
    await upsertSubprocessor(tx, tenantId, next, recorded);
    if ('controllerId' in event.data) await upsertDecision(tx, tenantId, next, event.data.controllerId);
    await recordRevision(tx, REGISTER, tenantId, subprocessorId, recorded, STATE_WITH_CONTROLLERS);
  },
};

async function upsertSubprocessor(tx: SqlExecutor, tenantId: string, s: Subprocessor, recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO rm_subprocessors (tenant_id, subprocessor_id, name, service, location, transfer_mechanism, status, proposed_at,
       removed_at, removal_reason, last_occurred_at, stream, revision, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (tenant_id, subprocessor_id) DO UPDATE SET
       status = EXCLUDED.status, removed_at = EXCLUDED.removed_at, removal_reason = EXCLUDED.removal_reason,
       last_occurred_at = EXCLUDED.last_occurred_at, revision = EXCLUDED.revision, last_position = EXCLUDED.last_position`,
    [
      tenantId,
      s.subprocessorId,
      s.name,
      s.service,
      s.location,
      s.transferMechanism,
      s.status,
      s.proposedAt,
      s.removedAt,
      s.removalReason,
      s.lastOccurredAt,
      recorded.stream,
      recorded.revision,
      recorded.position,
    ],
  );
}

async function upsertDecision(tx: SqlExecutor, tenantId: string, s: Subprocessor, controllerId: string): Promise<void> {
  const d = s.controllers[controllerId];
  await tx.query(
    `INSERT INTO rm_subprocessor_controllers (tenant_id, subprocessor_id, controller_id, objected_at, objection_reason, approved_at, engaged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, subprocessor_id, controller_id) DO UPDATE SET
       objected_at = EXCLUDED.objected_at, objection_reason = EXCLUDED.objection_reason,
       approved_at = EXCLUDED.approved_at, engaged_at = EXCLUDED.engaged_at`,
    [tenantId, s.subprocessorId, controllerId, d.objectedAt, d.objectionReason, d.approvedAt, d.engagedAt],
  );
}
