import { assertNever, assertOccurredAtInOrder, Decider, DecisionContext, DomainError, requireText } from '../shared';
import { answerContent } from './audit-answer.rules';
import { AuditCommand, RequestAudit } from './audit.commands';
import { AUDIT_SCHEMA_VERSION as v, AuditEvent, AuditEvents, FINDING_SEVERITIES, PrefilledAnswer } from './audit.events';

export const AUDIT_STATUSES = ['REQUESTED', 'SUBMITTED', 'CLOSED'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** What the rules need; answers and findings in full live in the read model. */
export interface Audit {
  auditId: string;
  controllerId: string;
  templateId: string;
  questionIds: string[];
  dueAt: string;
  status: AuditStatus;
  answered: string[];
  findingIds: string[];
  lastOccurredAt: Date;
}

export type AuditState = { status: 'NONE' } | Audit;

function existing(state: AuditState, auditId: string): Audit {
  if (state.status === 'NONE') throw new DomainError(`no audit ${auditId}`, 'NOT_FOUND', 'auditId');
  return state;
}

function inStatus(state: AuditState, auditId: string, status: AuditStatus, action: string): Audit {
  const audit = existing(state, auditId);
  if (audit.status !== status) throw new DomainError(`cannot ${action}: audit ${auditId} is ${audit.status.toLowerCase()}`);
  return audit;
}

function ofTemplate(audit: Audit, questionId: string, field: string): string {
  if (!audit.questionIds.includes(questionId))
    throw new DomainError(`question ${questionId} is not in questionnaire ${audit.templateId}`, 'BAD_USER_INPUT', field);
  return questionId;
}

/**
 * Pre-filling happens here, at request time, and the copied answers travel in AuditRequested:
 * the event then proves what the auditor was shown as already answered, by whom and since when,
 * even if the earlier audits' read model is rebuilt or the source answers change later.
 */
function prefill({ template, latestAnswers }: RequestAudit['data']): PrefilledAnswer[] {
  const questionIds = new Set(template!.questions.map((q) => q.questionId));
  const byQuestion = new Map<string, PrefilledAnswer>();
  for (const answer of latestAnswers)
    if (questionIds.has(answer.questionId) && !byQuestion.has(answer.questionId)) byQuestion.set(answer.questionId, answer);
  return template!.questions.flatMap((q) => byQuestion.get(q.questionId) ?? []);
}

function decide(command: AuditCommand, state: AuditState, { now }: DecisionContext): AuditEvent[] {
  const { auditId, occurredAt } = command.data;
  switch (command.type) {
    case 'RequestAudit': {
      if (state.status !== 'NONE') throw new DomainError(`audit ${auditId} was already requested`);
      assertOccurredAtInOrder(occurredAt, null, now);
      const { template, templateId, dueAt } = command.data;
      if (!template) throw new DomainError(`no questionnaire template ${templateId}`, 'NOT_FOUND', 'templateId');
      if (Number.isNaN(dueAt.getTime()) || dueAt < occurredAt)
        throw new DomainError('dueAt must not be before the request date', 'BAD_USER_INPUT', 'dueAt');
      const data = {
        auditId,
        controllerId: requireText(command.data.controllerId, 'controllerId'),
        templateId,
        questionIds: template.questions.map((q) => q.questionId),
        dueAt: dueAt.toISOString(),
        prefilled: prefill(command.data),
      };
      return [{ type: AuditEvents.Requested, schemaVersion: v, occurredAt, data }];
    }
    case 'AnswerAudit': {
      const audit = inStatus(state, auditId, 'REQUESTED', 'answer');
      assertOccurredAtInOrder(occurredAt, audit.lastOccurredAt, now);
      const questionId = ofTemplate(audit, command.data.questionId, 'questionId');
      return [{ type: AuditEvents.Answered, schemaVersion: v, occurredAt, data: { auditId, questionId, ...answerContent(command.data) } }];
    }
    case 'SubmitAudit': {
      // Pre-filled answers count as answered: submitting is the processor standing by every answer
      // shown, and each pre-filled one says when and by whom it was first given.
      const audit = inStatus(state, auditId, 'REQUESTED', 'submit');
      assertOccurredAtInOrder(occurredAt, audit.lastOccurredAt, now);
      const unanswered = audit.questionIds.filter((q) => !audit.answered.includes(q));
      if (unanswered.length)
        throw new DomainError(`${unanswered.length} question(s) unanswered: ${unanswered.join(', ')}`, 'BAD_USER_INPUT', 'auditId');
      return [{ type: AuditEvents.Submitted, schemaVersion: v, occurredAt, data: { auditId } }];
    }
    case 'RaiseAuditFinding': {
      const audit = inStatus(state, auditId, 'SUBMITTED', 'raise a finding');
      assertOccurredAtInOrder(occurredAt, audit.lastOccurredAt, now);
      const { findingId, severity } = command.data;
      if (audit.findingIds.includes(findingId)) throw new DomainError(`finding ${findingId} was already raised`, 'BAD_USER_INPUT', 'findingId');
      if (!FINDING_SEVERITIES.includes(severity)) throw new DomainError(`severity must be one of ${FINDING_SEVERITIES.join(', ')}`, 'BAD_USER_INPUT', 'severity');
      const questionId = command.data.questionId ? ofTemplate(audit, command.data.questionId, 'questionId') : null;
      const text = requireText(command.data.text, 'text');
      return [{ type: AuditEvents.FindingRaised, schemaVersion: v, occurredAt, data: { auditId, findingId, text, severity, questionId } }];
    }
    case 'CloseAudit': {
      const audit = inStatus(state, auditId, 'SUBMITTED', 'close');
      assertOccurredAtInOrder(occurredAt, audit.lastOccurredAt, now);
      const conclusion = command.data.conclusion?.trim() || null;
      return [{ type: AuditEvents.Closed, schemaVersion: v, occurredAt, data: { auditId, conclusion } }];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: AuditState, event: AuditEvent): AuditState {
  const lastOccurredAt = event.occurredAt;
  if (event.type === AuditEvents.Requested) {
    const { auditId, controllerId, templateId, questionIds, dueAt, prefilled } = event.data;
    const answered = prefilled.map((a) => a.questionId);
    return { auditId, controllerId, templateId, questionIds, dueAt, status: 'REQUESTED', answered, findingIds: [], lastOccurredAt };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case AuditEvents.Answered:
      return { ...state, answered: [...new Set([...state.answered, event.data.questionId])], lastOccurredAt };
    case AuditEvents.Submitted:
      return { ...state, status: 'SUBMITTED', lastOccurredAt };
    case AuditEvents.FindingRaised:
      return { ...state, findingIds: [...state.findingIds, event.data.findingId], lastOccurredAt };
    case AuditEvents.Closed:
      return { ...state, status: 'CLOSED', lastOccurredAt };
    default:
      return assertNever(event);
  }
}

export const auditDecider: Decider<AuditCommand, AuditState, AuditEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};
