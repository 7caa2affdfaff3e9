import { type ConsentEvent, ConsentEvents, type ContactFact } from '@ledger/domain';
import { deserialise, type RecordedEvent, type SqlExecutor } from '@ledger/event-store';
import { type SubjectErased, SubjectErasureEvents } from '@ledger/privacy';
import type { Projection } from '../projection';

const KIND: Record<ConsentEvent['type'], ContactFact['kind']> = {
  [ConsentEvents.Given]: 'CONSENT',
  [ConsentEvents.Withdrawn]: 'WITHDRAWAL',
  [ConsentEvents.ObjectionRecorded]: 'OBJECTION',
};

interface FactRow {
  tenant_id: string;
  identifier_hash: string;
  subject_id: string;
  event_id: string;
  kind: ContactFact['kind'];
  channel: string | null;
  purpose: string | null;
  occurred_at: string;
}

/**
 * The suppression list, and the consents beside it: one row per fact, keyed by the keyed HMAC of
 * the normalised e-mail or phone, never the identifier itself. Nothing here is sealed, so it
 * outlives erasure: an erasure only adds an ERASURE row for each identifier of the subject, after
 * which their earlier consents no longer count while their objections and withdrawals still deny
 * contact. `seq` keeps the order the log gave; a rebuild replays it in the same order.
 */
export const contactFactsProjection: Projection = {
  name: 'contact-facts',
  tables: ['rm_contact_facts'],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_contact_facts (
          seq bigserial NOT NULL,
          tenant_id text NOT NULL,
          identifier_hash text NOT NULL,
          subject_id text NOT NULL,
          event_id text NOT NULL,
          kind text NOT NULL,
          channel text,
          purpose text,
          occurred_at timestamptz NOT NULL,
          PRIMARY KEY (tenant_id, identifier_hash, event_id)
        )`,
        `CREATE INDEX rm_contact_facts_by_identifier ON rm_contact_facts (tenant_id, identifier_hash, seq)`,
        `CREATE INDEX rm_contact_facts_by_subject ON rm_contact_facts (tenant_id, subject_id)`,
      ],
    },
  ],

  // A bulk import lands as thousands of facts per batch: one multi-row insert, not one per event.
  async applyBatch(tx: SqlExecutor, events: RecordedEvent[]): Promise<void> {
    let pending: FactRow[] = [];
    for (const recorded of events) {
      if (recorded.type in KIND) pending.push(factRow(recorded));
      else if (recorded.type === SubjectErasureEvents.Erased) {
        pending = await insertFacts(tx, pending);
        await recordErasure(tx, recorded);
      }
    }
    await insertFacts(tx, pending);
  },
};

function factRow(recorded: RecordedEvent): FactRow {
  const event = deserialise<ConsentEvent>(recorded);
  return {
    tenant_id: recorded.metadata.tenantId,
    identifier_hash: event.data.identifierHash,
    subject_id: event.data.subjectId,
    event_id: recorded.eventId,
    kind: KIND[event.type],
    channel: event.data.channel,
    purpose: event.data.purpose,
    occurred_at: event.occurredAt.toISOString(),
  };
}

async function insertFacts(tx: SqlExecutor, rows: FactRow[]): Promise<FactRow[]> {
  if (rows.length === 0) return [];
  await tx.query(
    `INSERT INTO rm_contact_facts (tenant_id, identifier_hash, subject_id, event_id, kind, channel, purpose, occurred_at)
     SELECT r.tenant_id, r.identifier_hash, r.subject_id, r.event_id, r.kind, r.channel, r.purpose, r.occurred_at
     FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id text, identifier_hash text, subject_id text, event_id text, kind text,
                                               channel text, purpose text, occurred_at timestamptz)`,
    [JSON.stringify(rows)],
  );
  return [];
}

async function recordErasure(tx: SqlExecutor, recorded: RecordedEvent): Promise<void> {
  const { data, occurredAt } = deserialise<SubjectErased>(recorded);
  await tx.query(
    `INSERT INTO rm_contact_facts (tenant_id, identifier_hash, subject_id, event_id, kind, occurred_at)
     SELECT DISTINCT tenant_id, identifier_hash, subject_id, $3, 'ERASURE', $4::timestamptz
     FROM rm_contact_facts WHERE tenant_id = $1 AND subject_id = $2`,
    [recorded.metadata.tenantId, data.subjectId, recorded.eventId, occurredAt],
  );
}
