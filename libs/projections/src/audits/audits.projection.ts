import { AnswerContent, assertNever, AuditEvent, AuditEvents } from '@ledger/domain';
import { deserialise, RecordedEvent, SqlExecutor } from '@ledger/event-store';
import { recordRevision, replayMigration, revisionsIndexMigration, revisionsMigration, revisionsOf } from '../point-in-time/revisions';
import { Projection } from '../projection';

const HANDLED = new Set<string>(Object.values(AuditEvents));
const REGISTER = { table: 'rm_audits', key: 'audit_id' };
/**
 * A revision keeps the audit row, how many answers and findings it had at that point and the
 * answers and findings themselves (the child rows as they stood), so that an audit read at a point
 * shows its questions and findings then, not now.
 */
const STATE_WITH_CHILDREN = `to_jsonb(t) || jsonb_build_object(
  'answered_count', (SELECT count(*) FROM rm_audit_answers x WHERE x.tenant_id = t.tenant_id AND x.audit_id = t.audit_id),
  'finding_count', (SELECT count(*) FROM rm_audit_findings f WHERE f.tenant_id = t.tenant_id AND f.audit_id = t.audit_id),
  'answers', COALESCE((SELECT jsonb_agg(to_jsonb(x) ORDER BY x.question_id) FROM rm_audit_answers x
                       WHERE x.tenant_id = t.tenant_id AND x.audit_id = t.audit_id), '[]'::jsonb),
  'findings', COALESCE((SELECT jsonb_agg(to_jsonb(f) ORDER BY f.raised_at, f.finding_id) FROM rm_audit_findings f
                        WHERE f.tenant_id = t.tenant_id AND f.audit_id = t.audit_id), '[]'::jsonb))`;

interface Provenance {
  auditId: string;
  at: string | Date;
  by: RecordedEvent['metadata']['actor'];
  prefilled: boolean;
}

async function upsertAnswer(tx: SqlExecutor, tenantId: string, auditId: string, questionId: string, content: AnswerContent, from: Provenance, eventId: string) {
  await tx.query(
    `INSERT INTO rm_audit_answers (tenant_id, audit_id, question_id, answer, evidence, cites, given_at, given_by, given_in_audit_id, prefilled, event_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9, $10, $11)
     ON CONFLICT (tenant_id, audit_id, question_id) DO UPDATE SET
       answer = EXCLUDED.answer, evidence = EXCLUDED.evidence, cites = EXCLUDED.cites, given_at = EXCLUDED.given_at,
       given_by = EXCLUDED.given_by, given_in_audit_id = EXCLUDED.given_in_audit_id, prefilled = EXCLUDED.prefilled,
       event_id = EXCLUDED.event_id`,
    [
      tenantId,
      auditId,
      questionId,
      content.answer,
      JSON.stringify(content.evidence),
      JSON.stringify(content.cites),
      from.at,
      JSON.stringify(from.by),
      from.auditId,
      from.prefilled,
      eventId,
    ],
  );
}

/**
 * Audits in three tables: the audit, its answers (one per question, the latest, with where and by
 * whom it was first given: the tenant's latest answers pre-fill the next audit), its findings.
 * The actor comes from the event envelope, which the domain events do not carry.
 */
export const auditsProjection: Projection = {
  name: 'audits',
  tables: ['rm_audits', 'rm_audit_answers', 'rm_audit_findings', revisionsOf('rm_audits')],
  migrations: [
    {
      version: 1,
      statements: [
        `CREATE TABLE rm_audits (
          tenant_id text NOT NULL,
          audit_id text NOT NULL,
          controller_id text NOT NULL,
          template_id text NOT NULL,
          question_ids jsonb NOT NULL,
          due_at timestamptz NOT NULL,
          status text NOT NULL,
          requested_at timestamptz NOT NULL,
          submitted_at timestamptz,
          closed_at timestamptz,
          conclusion text,
          stream text NOT NULL,
          revision int NOT NULL,
          last_position text NOT NULL,
          PRIMARY KEY (tenant_id, audit_id)
        )`,
        `CREATE INDEX rm_audits_by_controller ON rm_audits (tenant_id, controller_id, status, audit_id)`,
        `CREATE TABLE rm_audit_answers (
          tenant_id text NOT NULL,
          audit_id text NOT NULL,
          question_id text NOT NULL,
          answer text NOT NULL,
          evidence jsonb NOT NULL,
          cites jsonb NOT NULL,
          given_at timestamptz NOT NULL,
          given_by jsonb NOT NULL,
          given_in_audit_id text NOT NULL,
          prefilled boolean NOT NULL,
          event_id text NOT NULL,
          PRIMARY KEY (tenant_id, audit_id, question_id)
        )`,
        `CREATE INDEX rm_audit_answers_latest ON rm_audit_answers (tenant_id, question_id, given_at DESC, event_id DESC)`,
        `CREATE TABLE rm_audit_findings (
          tenant_id text NOT NULL,
          audit_id text NOT NULL,
          finding_id text NOT NULL,
          text text NOT NULL,
          severity text NOT NULL,
          question_id text,
          raised_at timestamptz NOT NULL,
          raised_by jsonb NOT NULL,
          PRIMARY KEY (tenant_id, audit_id, finding_id)
        )`,
      ],
    },
    revisionsMigration(2, 'audits', [REGISTER], ['rm_audit_answers', 'rm_audit_findings']),
    // Revisions now keep the answers and findings too: those written before cannot be completed, so replay.
    replayMigration(3, 'audits', ['rm_audits', 'rm_audit_answers', 'rm_audit_findings', revisionsOf('rm_audits')]),
    revisionsIndexMigration(4, [REGISTER]),
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent): Promise<void> {
    if (!HANDLED.has(recorded.type)) return;
    const event = deserialise<AuditEvent>(recorded);
    const { tenantId, actor } = recorded.metadata;
    const { auditId } = event.data;
    const at = event.occurredAt;
    const position = [recorded.revision, recorded.position];
    switch (event.type) {
      case AuditEvents.Requested: {
        const { controllerId, templateId, questionIds, dueAt, prefilled } = event.data;
        await tx.query(
          `INSERT INTO rm_audits (tenant_id, audit_id, controller_id, template_id, question_ids, due_at, status, requested_at, stream, revision, last_position)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'REQUESTED', $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
          [tenantId, auditId, controllerId, templateId, JSON.stringify(questionIds), dueAt, at, recorded.stream, ...position],
        );
        for (const { questionId, firstGiven, ...content } of prefilled)
          await upsertAnswer(tx, tenantId, auditId, questionId, content, { ...firstGiven, prefilled: true }, recorded.eventId);
        break;
      }
      case AuditEvents.Answered: {
        const { questionId, answer, evidence, cites } = event.data;
        await upsertAnswer(tx, tenantId, auditId, questionId, { answer, evidence, cites }, { auditId, at, by: actor, prefilled: false }, recorded.eventId);
        break;
      }
      case AuditEvents.Submitted:
        await tx.query(`UPDATE rm_audits SET status = 'SUBMITTED', submitted_at = $3 WHERE tenant_id = $1 AND audit_id = $2`, [tenantId, auditId, at]);
        break;
      case AuditEvents.FindingRaised: {
        const { findingId, text, severity, questionId } = event.data;
        await tx.query(
          `INSERT INTO rm_audit_findings (tenant_id, audit_id, finding_id, text, severity, question_id, raised_at, raised_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT DO NOTHING`,
          [tenantId, auditId, findingId, text, severity, questionId, at, JSON.stringify(actor)],
        );
        break;
      }
      case AuditEvents.Closed:
        await tx.query(`UPDATE rm_audits SET status = 'CLOSED', closed_at = $3, conclusion = $4 WHERE tenant_id = $1 AND audit_id = $2`, [
          tenantId,
          auditId,
          at,
          event.data.conclusion,
        ]);
        break;
      default:
        assertNever(event);
    }
    await tx.query('UPDATE rm_audits SET revision = $3, last_position = $4 WHERE tenant_id = $1 AND audit_id = $2', [tenantId, auditId, ...position]);
    await recordRevision(tx, REGISTER, tenantId, auditId, recorded, STATE_WITH_CHILDREN);
  },
};
