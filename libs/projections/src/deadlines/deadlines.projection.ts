import {
  agreementTermsAfter,
  AgreementsByController,
  BreachEvents,
  DEADLINE_EVENT_TYPES,
  DeadlineAgreementTerms,
  DeadlineEvent,
  DpaEvent,
  DpaEvents,
  evolveObligations,
  Obligation,
  SubprocessorEvents,
} from '@ledger/domain';
import { deserialise, RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { recordRevision, revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { Projection } from '../projection';
import { DeadlineAgreementRow, DeadlineRow, obligationFromRow, termsFromRow } from './deadline.row';

const DPA_EVENT_TYPES = new Set<string>(Object.values(DpaEvents));
/** The events whose deadlines a controller's agreement sets: they read every agreement of the tenant. */
const REGISTER = { table: 'rm_deadlines', key: 'obligation_id' };
const READS_AGREEMENTS = new Set<string>([BreachEvents.Detected, SubprocessorEvents.Proposed]);

/**
 * The deadlines register: one row per obligation, as the domain's `evolveObligations` derives
 * it from the events of the record it concerns. The agreements' terms (breach hours, objection
 * windows) are kept here too, from the agreement events, rather than read from the agreements
 * register: each projection moves at its own pace, so another's tables may be behind.
 * Whether an obligation is overdue is asked at query time.
 */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  tables: ['rm_deadlines', 'rm_deadline_agreements', revisionsOf('rm_deadlines')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_deadlines (
          tenant_id text NOT NULL,
          obligation_id text NOT NULL,
          kind text NOT NULL,
          stream text NOT NULL,
          controller_id text NOT NULL,
          started_at timestamptz NOT NULL,
          due_at timestamptz NOT NULL,
          extension_months int NOT NULL,
          met_at timestamptz,
          met_by_event_id text,
          source_event_ids text[] NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, obligation_id)
        )`,
        `CREATE INDEX rm_deadlines_by_stream ON rm_deadlines (tenant_id, stream)`,
        `CREATE INDEX rm_deadlines_by_due_date ON rm_deadlines (tenant_id, due_at, obligation_id)`,
        `CREATE TABLE rm_deadline_agreements (
          tenant_id text NOT NULL,
          controller_id text NOT NULL,
          terms jsonb NOT NULL,
          PRIMARY KEY (tenant_id, controller_id)
        )`,
      ],
    },
    revisionsMigration(2, 'deadlines', [REGISTER], ['rm_deadline_agreements']),
    revisionsIndexMigration(3, [REGISTER]),
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent): Promise<void> {
    if (!DEADLINE_EVENT_TYPES.has(recorded.type)) return;
    const event = deserialise<DeadlineEvent>(recorded);
    const { tenantId } = recorded.metadata;
    if (DPA_EVENT_TYPES.has(event.type)) await keepAgreementTerms(tx, tenantId, event as DpaEvent, recorded.eventId);
    const agreements = READS_AGREEMENTS.has(event.type) ? await agreementsOf(tx, tenantId) : new Map();
    const rows = await tx.query<DeadlineRow>('SELECT * FROM rm_deadlines WHERE tenant_id = $1 AND stream = $2 ORDER BY obligation_id', [tenantId, recorded.stream]);
    const fact = { eventId: recorded.eventId, stream: recorded.stream, event };
    for (const obligation of evolveObligations(rows.map(obligationFromRow), fact, agreements)) {
      await upsert(tx, tenantId, obligation, recorded);
      await recordRevision(tx, REGISTER, tenantId, obligation.obligationId, recorded);
    }
  },
};

async function keepAgreementTerms(tx: SqlExecutor, tenantId: string, event: DpaEvent, eventId: string): Promise<void> {
  const { controllerId } = event.data;
  const [row] = await tx.query<DeadlineAgreementRow>('SELECT * FROM rm_deadline_agreements WHERE tenant_id = $1 AND controller_id = $2', [tenantId, controllerId]);
  const terms = agreementTermsAfter(row ? termsFromRow(row) : null, event, eventId);
  if (!terms) return;
  await tx.query(
    `INSERT INTO rm_deadline_agreements (tenant_id, controller_id, terms) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (tenant_id, controller_id) DO UPDATE SET terms = EXCLUDED.terms`,
    [tenantId, controllerId, JSON.stringify(terms)],
  );
}

async function agreementsOf(tx: SqlExecutor, tenantId: string): Promise<AgreementsByController> {
  const rows = await tx.query<DeadlineAgreementRow>('SELECT * FROM rm_deadline_agreements WHERE tenant_id = $1 ORDER BY controller_id', [tenantId]);
  return new Map<string, DeadlineAgreementTerms>(rows.map((row) => [row.controller_id, termsFromRow(row)]));
}

async function upsert(tx: SqlExecutor, tenantId: string, o: Obligation, recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `INSERT INTO rm_deadlines (tenant_id, obligation_id, kind, stream, controller_id, started_at, due_at, extension_months,
       met_at, met_by_event_id, source_event_ids, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (tenant_id, obligation_id) DO UPDATE SET
       started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at, extension_months = EXCLUDED.extension_months, met_at = EXCLUDED.met_at,
       met_by_event_id = EXCLUDED.met_by_event_id, source_event_ids = EXCLUDED.source_event_ids, last_position = EXCLUDED.last_position`,
    [tenantId, o.obligationId, o.kind, o.stream, o.controllerId, o.startedAt, o.dueAt, o.extensionMonths, o.metAt, o.metByEventId, o.sourceEventIds, recorded.position],
  );
}
