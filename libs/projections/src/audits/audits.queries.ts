import { PrefilledAnswer } from '@ledger/domain';
import { SqlExecutor } from '@ledger/event-store';
import { keyAfter, Page, pageOf, PageRequest } from '../pagination';
import { readAtPoint, PointInTime, pointOf } from '../point-in-time/point-in-time';
import { registerSource, rowOf, timestampColumns } from '../point-in-time/register-source';
import {
  answerFromRow,
  AuditAnswerRecord,
  AuditAnswerRow,
  AuditFindingRecord,
  AuditFindingRow,
  auditFromRow,
  AuditRecord,
  AuditRow,
  findingFromRow,
} from './audit.row';

export interface AuditFilter extends PageRequest, PointInTime {
  controllerId?: string | null;
  status?: string | null;
}

const SELECT_AUDITS = `SELECT a.*,
  (SELECT count(*) FROM rm_audit_answers x WHERE x.tenant_id = a.tenant_id AND x.audit_id = a.audit_id)::int AS answered_count,
  (SELECT count(*) FROM rm_audit_findings f WHERE f.tenant_id = a.tenant_id AND f.audit_id = a.audit_id)::int AS finding_count
  FROM rm_audits a`;

export async function findAudit(sql: SqlExecutor, tenantId: string, auditId: string): Promise<AuditRecord | null> {
  const [row] = await sql.query<AuditRow>(`${SELECT_AUDITS} WHERE a.tenant_id = $1 AND a.audit_id = $2`, [tenantId, auditId]);
  return row ? auditFromRow(row) : null;
}

/**
 * Audits in the order they were requested (ids are UUIDv7), one page after the cursor; at `asOf` /
 * `knownAt` if asked, with the answers and findings (and their counts) the revision kept, in `atPoint`.
 */
export async function listAudits(sql: SqlExecutor, tenantId: string, filter: AuditFilter): Promise<Page<AuditRecord>> {
  const point = await pointOf(sql, filter);
  return readAtPoint(sql, point, async () => {
    const source = registerSource(sql, { table: 'rm_audits', key: 'audit_id' }, point, 6, { controller_id: 'text', status: 'text' });
    // A revision keeps its counts in its state; the current row counts the child rows.
    const select = point
      ? source.select
      : `s.*, (SELECT count(*) FROM rm_audit_answers x WHERE x.tenant_id = s.tenant_id AND x.audit_id = s.audit_id)::int AS answered_count,
         (SELECT count(*) FROM rm_audit_findings f WHERE f.tenant_id = s.tenant_id AND f.audit_id = s.audit_id)::int AS finding_count`;
    const returned = await sql.query(
      `SELECT ${select} FROM ${source.from}
       WHERE ${source.tenant} = $1
         AND ($2::text IS NULL OR s.controller_id = $2)
         AND ($3::text IS NULL OR s.status = $3)
         AND ($4::text IS NULL OR ${source.key} > $4)
       ORDER BY ${source.key}
       LIMIT $5`,
      [tenantId, filter.controllerId ?? null, filter.status ?? null, keyAfter(filter), filter.first + 1, ...source.params],
    );
    const rows = await source.rows<AuditRow>(returned);
    return pageOf(point ? await withChildRows(sql, rows) : rows, filter, auditFromRow, (node) => node.auditId);
  });
}

/** A revision's answers and findings, typed back like the rows of their own tables. */
async function withChildRows(sql: SqlExecutor, rows: AuditRow[]): Promise<AuditRow[]> {
  const [answers, findings] = await Promise.all([timestampColumns(sql, 'rm_audit_answers'), timestampColumns(sql, 'rm_audit_findings')]);
  return rows.map((row) => ({
    ...row,
    answers: row.answers?.map((a) => rowOf(a, answers) as AuditAnswerRow),
    findings: row.findings?.map((f) => rowOf(f, findings) as AuditFindingRow),
  }));
}

export async function listAuditAnswers(sql: SqlExecutor, tenantId: string, auditId: string): Promise<AuditAnswerRecord[]> {
  const rows = await sql.query<AuditAnswerRow>('SELECT * FROM rm_audit_answers WHERE tenant_id = $1 AND audit_id = $2 ORDER BY question_id', [
    tenantId,
    auditId,
  ]);
  return rows.map(answerFromRow);
}

export async function listAuditFindings(sql: SqlExecutor, tenantId: string, auditId: string): Promise<AuditFindingRecord[]> {
  const rows = await sql.query<AuditFindingRow>(
    'SELECT * FROM rm_audit_findings WHERE tenant_id = $1 AND audit_id = $2 ORDER BY raised_at, finding_id',
    [tenantId, auditId],
  );
  return rows.map(findingFromRow);
}

/**
 * The tenant's latest answer to each question, across all its audits, to pre-fill a new audit.
 * Only answers given in an audit count: a pre-filled copy carries its source's provenance already.
 */
export async function latestAuditAnswers(sql: SqlExecutor, tenantId: string): Promise<PrefilledAnswer[]> {
  const rows = await sql.query<AuditAnswerRow>(
    `SELECT DISTINCT ON (question_id) * FROM rm_audit_answers
     WHERE tenant_id = $1 AND NOT prefilled
     ORDER BY question_id, given_at DESC, event_id DESC`,
    [tenantId],
  );
  return rows.map(answerFromRow).map(({ questionId, answer, evidence, cites, givenAt, givenBy, givenInAuditId }) => ({
    questionId,
    answer,
    evidence,
    cites,
    firstGiven: { auditId: givenInAuditId, at: givenAt.toISOString(), by: givenBy },
  }));
}
