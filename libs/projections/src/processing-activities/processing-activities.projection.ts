import {
  ProcessingActivityEvent,
  ProcessingActivityEvents,
  processingActivityDecider,
  ProcessingActivityState,
} from '@ledger/domain';
import { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { applyEvolvedRow } from '../evolved-row';
import { revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { Projection } from '../projection';
import {
  PROCESSING_ACTIVITY_COLUMNS,
  processingActivityFromRow,
  ProcessingActivityRow,
  processingActivityValues,
} from './processing-activity.row';


const columns = PROCESSING_ACTIVITY_COLUMNS.map(([, column]) => column);
const placeholders = PROCESSING_ACTIVITY_COLUMNS.map(([, , kind], i) => `$${i + 2}${kind === 'jsonb' ? '::jsonb' : ''}`);
const n = columns.length;
const UPSERT = `INSERT INTO rm_processing_activities (tenant_id, ${columns.join(', ')}, stream, revision, last_position)
  VALUES ($1, ${placeholders.join(', ')}, $${n + 2}, $${n + 3}, $${n + 4})
  ON CONFLICT (tenant_id, processing_activity_id) DO UPDATE SET
  ${[...columns.slice(1), 'stream', 'revision', 'last_position'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

/**
 * The Art. 30 register: one row per processing activity, current state, retired ones kept (an
 * authority may ask what was recorded). The row is the domain's `evolve` applied to the previous row.
 */
export const processingActivitiesProjection: Projection = {
  name: 'processing-activities',
  tables: ['rm_processing_activities', revisionsOf('rm_processing_activities')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_processing_activities (
          tenant_id text NOT NULL,
          processing_activity_id text NOT NULL,
          role text NOT NULL,
          controller_id text,
          name text NOT NULL,
          categories_of_processing jsonb NOT NULL,
          purposes jsonb NOT NULL,
          data_subject_categories jsonb NOT NULL,
          personal_data_categories jsonb NOT NULL,
          recipient_categories jsonb NOT NULL,
          legal_bases jsonb NOT NULL,
          transfers jsonb NOT NULL,
          erasure_time_limits text,
          security_measures text,
          status text NOT NULL,
          recorded_at timestamptz NOT NULL,
          amended_at timestamptz,
          retired_at timestamptz,
          retirement_reason text,
          last_occurred_at timestamptz NOT NULL,
          stream text NOT NULL,
          revision int NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, processing_activity_id)
        )`,
        `CREATE INDEX rm_processing_activities_register ON rm_processing_activities (tenant_id, status, role, controller_id, processing_activity_id)`,
      ],
    },
    revisionsMigration(2, 'processing-activities', [{ table: 'rm_processing_activities', key: 'processing_activity_id' }]),
    {
      // A register at a point filters by controller on the current row (a record keeps its controller).
      version: 3,
      statements: ['CREATE INDEX rm_processing_activities_by_controller ON rm_processing_activities (tenant_id, controller_id, processing_activity_id)'],
    },
    revisionsIndexMigration(4, [{ table: 'rm_processing_activities', key: 'processing_activity_id' }]),
  ],

  apply: applyEvolvedRow<ProcessingActivityState, ProcessingActivityEvent, ProcessingActivityRow>({
    events: ProcessingActivityEvents,
    decider: processingActivityDecider,
    table: 'rm_processing_activities',
    key: 'processing_activity_id',
    revisions: true,
    keyOf: (event) => event.data.processingActivityId,
    fromRow: processingActivityFromRow,
    save: async (tx: SqlExecutor, tenantId: string, activity, recorded: RecordedEvent) => {
      await tx.query(UPSERT, [tenantId, ...processingActivityValues(activity), recorded.stream, recorded.revision, recorded.position]);
    },
  }),
};
