import { QuestionnaireTemplate } from './audit-questionnaire';
import { EvidenceDocument, FindingSeverity, PrefilledAnswer } from './audit.events';

/**
 * `template` and `latestAnswers` are loaded by the handler: the template from the shipped ones
 * (null when the id is unknown), the tenant's latest answer to each question from the read model.
 */
export interface RequestAudit {
  type: 'RequestAudit';
  data: {
    auditId: string;
    controllerId: string;
    templateId: string;
    template: QuestionnaireTemplate | null;
    dueAt: Date;
    latestAnswers: PrefilledAnswer[];
    occurredAt: Date;
  };
}

/** `cites` carry the revision of each cited stream as the handler read it; null when it does not exist. */
export interface AnswerAudit {
  type: 'AnswerAudit';
  data: {
    auditId: string;
    questionId: string;
    answer: string;
    evidence: EvidenceDocument[];
    cites: Array<{ stream: string; revision: number | null }>;
    occurredAt: Date;
  };
}

export interface SubmitAudit {
  type: 'SubmitAudit';
  data: { auditId: string; occurredAt: Date };
}

export interface RaiseAuditFinding {
  type: 'RaiseAuditFinding';
  data: { auditId: string; findingId: string; text: string; severity: FindingSeverity; questionId?: string | null; occurredAt: Date };
}

export interface CloseAudit {
  type: 'CloseAudit';
  data: { auditId: string; conclusion?: string | null; occurredAt: Date };
}

export type AuditCommand = RequestAudit | AnswerAudit | SubmitAudit | RaiseAuditFinding | CloseAudit;
