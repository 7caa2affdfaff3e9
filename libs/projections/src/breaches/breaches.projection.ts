import { Breach, BreachEvent, BreachEvents, breachDecider, BreachState } from '@ledger/domain';
import { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { applyEvolvedRow } from '../evolved-row';
import { revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { Projection } from '../projection';
import { breachFromRow, BreachRow } from './breach.row';


/**
 * The breach register (Art. 33(5)): one row per breach, current state, with each affected
 * controller's notifications. The row is the domain's `evolve` applied to the previous row, so
 * the 72-hour deadline and the lateness flags are recomputed from the events, never set apart.
 */
export const breachesProjection: Projection = {
  name: 'breaches',
  tables: ['rm_breaches', revisionsOf('rm_breaches')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_breaches (
          tenant_id text NOT NULL,
          breach_id text NOT NULL,
          status text NOT NULL,
          risk_level text NOT NULL,
          nature text NOT NULL,
          data_subject_categories text[] NOT NULL,
          approximate_data_subject_count int NOT NULL,
          record_categories text[] NOT NULL,
          approximate_record_count int NOT NULL,
          likely_consequences text NOT NULL,
          measures text NOT NULL,
          controller_ids text[] NOT NULL,
          controllers jsonb NOT NULL,
          detected_at timestamptz NOT NULL,
          authority_notification_deadline timestamptz NOT NULL,
          closed_at timestamptz,
          closing_summary text,
          last_occurred_at timestamptz NOT NULL,
          stream text NOT NULL,
          revision int NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, breach_id)
        )`,
        `CREATE INDEX rm_breaches_by_status ON rm_breaches (tenant_id, status, breach_id)`,
        `CREATE INDEX rm_breaches_by_controller ON rm_breaches USING gin (controller_ids)`,
      ],
    },
    revisionsMigration(2, 'breaches', [{ table: 'rm_breaches', key: 'breach_id' }]),
    revisionsIndexMigration(3, [{ table: 'rm_breaches', key: 'breach_id' }]),
  ],

  apply: applyEvolvedRow<BreachState, BreachEvent, BreachRow>({
    events: BreachEvents,
    decider: breachDecider,
    table: 'rm_breaches',
    key: 'breach_id',
    revisions: true,
    keyOf: (event) => event.data.breachId,
    fromRow: breachFromRow,
    save: upsert,
  }),
};

async function upsert(tx: SqlExecutor, tenantId: string, b: Breach, recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO rm_breaches (tenant_id, breach_id, status, risk_level, nature, data_subject_categories,
       approximate_data_subject_count, record_categories, approximate_record_count, likely_consequences, measures,
       controller_ids, controllers, detected_at, authority_notification_deadline, closed_at, closing_summary,
       last_occurred_at, stream, revision, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT (tenant_id, breach_id) DO UPDATE SET
       status = EXCLUDED.status, controllers = EXCLUDED.controllers, closed_at = EXCLUDED.closed_at,
       closing_summary = EXCLUDED.closing_summary, last_occurred_at = EXCLUDED.last_occurred_at,
       revision = EXCLUDED.revision, last_position = EXCLUDED.last_position`,
    [
      tenantId,
      b.breachId,
      b.status,
      b.riskLevel,
      b.nature,
      b.dataSubjectCategories,
      b.approximateDataSubjectCount,
      b.recordCategories,
      b.approximateRecordCount,
      b.likelyConsequences,
      b.measures,
      b.controllerIds,
      JSON.stringify(b.controllers),
      b.detectedAt,
      b.authorityNotificationDeadline,
      b.closedAt,
      b.closingSummary,
      b.lastOccurredAt,
      recorded.stream,
      recorded.revision,
      recorded.position,
    ],
  );
}
