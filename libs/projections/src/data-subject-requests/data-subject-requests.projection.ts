import {
  DataSubjectRequest,
  dataSubjectRequestDecider,
  DataSubjectRequestEvent,
  DataSubjectRequestEvents,
  DataSubjectRequestState,
} from '@ledger/domain';
import { RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { applyEvolvedRow } from '../evolved-row';
import { revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { Projection } from '../projection';
import { dataSubjectRequestFromRow, DataSubjectRequestRow } from './data-subject-request.row';


/**
 * The data-subject requests register: one row per request, current state. `due_at` is stored
 * only as the domain's `evolve` derives it from the receipt and the extensions, recomputed on
 * every event and by every rebuild; whether a request is overdue is asked at query time.
 */
export const dataSubjectRequestsProjection: Projection = {
  name: 'data-subject-requests',
  tables: ['rm_data_subject_requests', revisionsOf('rm_data_subject_requests')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_data_subject_requests (
          tenant_id text NOT NULL,
          request_id text NOT NULL,
          controller_id text NOT NULL,
          request_type text NOT NULL,
          requester jsonb NOT NULL,
          status text NOT NULL,
          received_at timestamptz NOT NULL,
          forwarded_at timestamptz,
          extension_months int NOT NULL,
          extension_reasons text[] NOT NULL,
          due_at timestamptz NOT NULL,
          completed_at timestamptz,
          refused_at timestamptz,
          refusal_reason text,
          answered_late boolean,
          last_occurred_at timestamptz NOT NULL,
          stream text NOT NULL,
          revision int NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, request_id)
        )`,
        `CREATE INDEX rm_data_subject_requests_by_controller ON rm_data_subject_requests (tenant_id, controller_id, request_id)`,
        `CREATE INDEX rm_data_subject_requests_by_due_date ON rm_data_subject_requests (tenant_id, status, due_at)`,
      ],
    },
    revisionsMigration(2, 'data-subject-requests', [{ table: 'rm_data_subject_requests', key: 'request_id' }]),
    revisionsIndexMigration(3, [{ table: 'rm_data_subject_requests', key: 'request_id' }]),
  ],

  apply: applyEvolvedRow<DataSubjectRequestState, DataSubjectRequestEvent, DataSubjectRequestRow>({
    events: DataSubjectRequestEvents,
    decider: dataSubjectRequestDecider,
    table: 'rm_data_subject_requests',
    key: 'request_id',
    revisions: true,
    keyOf: (event) => event.data.requestId,
    fromRow: dataSubjectRequestFromRow,
    save: upsert,
  }),
};

async function upsert(tx: SqlExecutor, tenantId: string, r: DataSubjectRequest, recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO rm_data_subject_requests (tenant_id, request_id, controller_id, request_type, requester, status,
       received_at, forwarded_at, extension_months, extension_reasons, due_at, completed_at, refused_at, refusal_reason,
       answered_late, last_occurred_at, stream, revision, last_position)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (tenant_id, request_id) DO UPDATE SET
       status = EXCLUDED.status, forwarded_at = EXCLUDED.forwarded_at, extension_months = EXCLUDED.extension_months,
       extension_reasons = EXCLUDED.extension_reasons, due_at = EXCLUDED.due_at, completed_at = EXCLUDED.completed_at,
       refused_at = EXCLUDED.refused_at, refusal_reason = EXCLUDED.refusal_reason, answered_late = EXCLUDED.answered_late,
       last_occurred_at = EXCLUDED.last_occurred_at, revision = EXCLUDED.revision, last_position = EXCLUDED.last_position`,
    [
      tenantId,
      r.requestId,
      r.controllerId,
      r.requestType,
      JSON.stringify(r.requester),
      r.status,
      r.receivedAt,
      r.forwardedAt,
      r.extensionMonths,
      r.extensionReasons,
      r.dueAt,
      r.completedAt,
      r.refusedAt,
      r.refusalReason,
      r.answeredLate,
      r.lastOccurredAt,
      recorded.stream,
      recorded.revision,
      recorded.position,
    ],
  );
}
