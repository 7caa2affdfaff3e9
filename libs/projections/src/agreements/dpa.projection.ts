import { DataProcessingAgreement, DpaEvent, DpaEvents, dpaDecider, DpaState } from '@ledger/domain';
import { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { applyEvolvedRow } from '../evolved-row';
import { revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { EventProjection } from '../projection';
import { dpaFromRow, DpaRow } from './dpa.row';


/**
 * The controller relationships: one row per controller, its current agreement and the periods of
 * the earlier ones. The row is the domain's own `evolve` applied to the previous row.
 */
export const dataProcessingAgreementsProjection: EventProjection = {
  name: 'data-processing-agreements',
  tables: ['rm_data_processing_agreements', revisionsOf('rm_data_processing_agreements')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_data_processing_agreements (
          tenant_id text NOT NULL,
          controller_id text NOT NULL,
          controller_name text NOT NULL,
          agreement_number int NOT NULL,
          status text NOT NULL,
          signed_at timestamptz NOT NULL,
          effective_from timestamptz NOT NULL,
          effective_until timestamptz,
          last_amended_at timestamptz,
          clauses jsonb NOT NULL,
          subprocessor_authorisation text NOT NULL,
          objection_window_days int NOT NULL,
          breach_notification_hours int NOT NULL,
          data_returned_at timestamptz,
          data_deleted_at timestamptz,
          previous_agreements jsonb NOT NULL,
          last_occurred_at timestamptz NOT NULL,
          stream text NOT NULL,
          revision int NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, controller_id)
        )`,
        `CREATE INDEX rm_data_processing_agreements_by_status ON rm_data_processing_agreements (tenant_id, status, controller_id)`,
      ],
    },
    revisionsMigration(2, 'data-processing-agreements', [{ table: 'rm_data_processing_agreements', key: 'controller_id' }]),
    revisionsIndexMigration(3, [{ table: 'rm_data_processing_agreements', key: 'controller_id' }]),
  ],

  apply: applyEvolvedRow<DpaState, DpaEvent, DpaRow>({
    events: DpaEvents,
    decider: dpaDecider,
    table: 'rm_data_processing_agreements',
    key: 'controller_id',
    revisions: true,
    keyOf: (event) => event.data.controllerId,
    fromRow: dpaFromRow,
    save: upsert,
  }),
};

async function upsert(tx: SqlExecutor, tenantId: string, a: DataProcessingAgreement, recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO rm_data_processing_agreements (tenant_id, controller_id, controller_name, agreement_number, status, signed_at,
       effective_from, effective_until, last_amended_at, clauses, subprocessor_authorisation, objection_window_days,
       breach_notification_hours, data_returned_at, data_deleted_at, previous_agreements, last_occurred_at, stream, revision, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20)
     ON CONFLICT (tenant_id, controller_id) DO UPDATE SET
       controller_name = EXCLUDED.controller_name, agreement_number = EXCLUDED.agreement_number, status = EXCLUDED.status,
       signed_at = EXCLUDED.signed_at, effective_from = EXCLUDED.effective_from, effective_until = EXCLUDED.effective_until,
       last_amended_at = EXCLUDED.last_amended_at, clauses = EXCLUDED.clauses,
       subprocessor_authorisation = EXCLUDED.subprocessor_authorisation, objection_window_days = EXCLUDED.objection_window_days,
       breach_notification_hours = EXCLUDED.breach_notification_hours, data_returned_at = EXCLUDED.data_returned_at,
       data_deleted_at = EXCLUDED.data_deleted_at, previous_agreements = EXCLUDED.previous_agreements,
       last_occurred_at = EXCLUDED.last_occurred_at, revision = EXCLUDED.revision, last_position = EXCLUDED.last_position`,
    [
      tenantId,
      a.controllerId,
      a.controllerName,
      a.agreementNumber,
      a.status,
      a.signedAt,
      a.effectiveFrom,
      a.effectiveUntil,
      a.lastAmendedAt,
      JSON.stringify(a.clauses),
      a.subprocessorAuthorisation,
      a.objectionWindowDays,
      a.breachNotificationHours,
      a.dataReturnedAt,
      a.dataDeletedAt,
      JSON.stringify(a.previousAgreements),
      a.lastOccurredAt,
      recorded.stream,
      recorded.revision,
      recorded.position,
    ],
  );
}
