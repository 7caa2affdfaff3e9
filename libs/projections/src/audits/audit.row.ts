import { AnswerAuthor, AuditStatus, Citation, EvidenceDocument, FindingSeverity } from '@ledger/domain';

export interface AuditRow {
  [column: string]: unknown;
  tenant_id: string;
  audit_id: string;
  controller_id: string;
  template_id: string;
  question_ids: string[];
  due_at: Date;
  status: string;
  requested_at: Date;
  submitted_at: Date | null;
  closed_at: Date | null;
  conclusion: string | null;
  answered_count: number;
  finding_count: number;
  /** Only in a revision: the child rows as they stood then. */
  answers?: AuditAnswerRow[];
  findings?: AuditFindingRow[];
  stream: string;
  revision: number;
}

export interface AuditRecord {
  auditId: string;
  controllerId: string;
  templateId: string;
  questionIds: string[];
  dueAt: Date;
  status: AuditStatus;
  requestedAt: Date;
  submittedAt: Date | null;
  closedAt: Date | null;
  conclusion: string | null;
  answeredCount: number;
  findingCount: number;
  /** Read at a point (asOf / knownAt): its answers and findings as they stood then; null for the current state. */
  atPoint: { answers: AuditAnswerRecord[]; findings: AuditFindingRecord[] } | null;
  stream: string;
  revision: number;
}

export function auditFromRow(row: AuditRow): AuditRecord {
  return {
    auditId: row.audit_id,
    controllerId: row.controller_id,
    templateId: row.template_id,
    questionIds: row.question_ids,
    dueAt: row.due_at,
    status: row.status as AuditStatus,
    requestedAt: row.requested_at,
    submittedAt: row.submitted_at,
    closedAt: row.closed_at,
    conclusion: row.conclusion,
    answeredCount: Number(row.answered_count),
    findingCount: Number(row.finding_count),
    atPoint: row.answers && row.findings ? { answers: row.answers.map(answerFromRow), findings: row.findings.map(findingFromRow) } : null,
    stream: row.stream,
    revision: row.revision,
  };
}

export interface AuditAnswerRow {
  [column: string]: unknown;
  question_id: string;
  answer: string;
  evidence: EvidenceDocument[];
  cites: Citation[];
  given_at: Date;
  given_by: AnswerAuthor;
  given_in_audit_id: string;
  prefilled: boolean;
}

/** An answer as the auditor sees it: `givenAt`/`givenBy`/`givenInAuditId` say where it was first given. */
export interface AuditAnswerRecord {
  questionId: string;
  answer: string;
  evidence: EvidenceDocument[];
  cites: Citation[];
  givenAt: Date;
  givenBy: AnswerAuthor;
  givenInAuditId: string;
  prefilled: boolean;
}

export function answerFromRow(row: AuditAnswerRow): AuditAnswerRecord {
  return {
    questionId: row.question_id,
    answer: row.answer,
    evidence: row.evidence,
    cites: row.cites,
    givenAt: row.given_at,
    givenBy: row.given_by,
    givenInAuditId: row.given_in_audit_id,
    prefilled: row.prefilled,
  };
}

export interface AuditFindingRow {
  [column: string]: unknown;
  finding_id: string;
  text: string;
  severity: string;
  question_id: string | null;
  raised_at: Date;
  raised_by: AnswerAuthor;
}

export interface AuditFindingRecord {
  findingId: string;
  text: string;
  severity: FindingSeverity;
  questionId: string | null;
  raisedAt: Date;
  raisedBy: AnswerAuthor;
}

export function findingFromRow(row: AuditFindingRow): AuditFindingRecord {
  return {
    findingId: row.finding_id,
    text: row.text,
    severity: row.severity as FindingSeverity,
    questionId: row.question_id,
    raisedAt: row.raised_at,
    raisedBy: row.raised_by,
  };
}
