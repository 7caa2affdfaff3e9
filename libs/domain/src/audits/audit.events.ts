import { DomainEvent } from '../shared';

/** Stored event names: owned constants, never class names. */
export const AuditEvents = {
  Requested: 'AuditRequested',
  Answered: 'AuditAnswered',
  Submitted: 'AuditSubmitted',
  FindingRaised: 'AuditFindingRaised',
  Closed: 'AuditClosed',
} as const;

export const AUDIT_SCHEMA_VERSION = 1;

export const FINDING_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** A document kept outside the ledger, proven by its fingerprint. */
export interface EvidenceDocument {
  name: string;
  sha256: string;
}

/** A ledger fact an answer rests on: the stream and its last revision when the answer was given. */
export interface Citation {
  stream: string;
  revision: number;
}

/** Who gave an answer: the actor of the event that first recorded it. */
export interface AnswerAuthor {
  id: string;
  role: string;
  keyId: string | null;
}

export interface AnswerContent {
  answer: string;
  evidence: EvidenceDocument[];
  cites: Citation[];
}

/** An earlier answer copied into a new audit, with where, when and by whom it was first given. */
export interface PrefilledAnswer extends AnswerContent {
  questionId: string;
  firstGiven: { auditId: string; at: string; by: AnswerAuthor };
}

export interface AuditRequestedData {
  auditId: string;
  controllerId: string;
  templateId: string;
  /** The template's questions when the audit was requested, so the audit never changes under a later template. */
  questionIds: string[];
  /** ISO 8601. */
  dueAt: string;
  prefilled: PrefilledAnswer[];
}

export type AuditRequested = DomainEvent<typeof AuditEvents.Requested, AuditRequestedData>;
export type AuditAnswered = DomainEvent<typeof AuditEvents.Answered, AnswerContent & { auditId: string; questionId: string }>;
export type AuditSubmitted = DomainEvent<typeof AuditEvents.Submitted, { auditId: string }>;
export type AuditFindingRaised = DomainEvent<
  typeof AuditEvents.FindingRaised,
  { auditId: string; findingId: string; text: string; severity: FindingSeverity; questionId: string | null }
>;
export type AuditClosed = DomainEvent<typeof AuditEvents.Closed, { auditId: string; conclusion: string | null }>;

export type AuditEvent = AuditRequested | AuditAnswered | AuditSubmitted | AuditFindingRaised | AuditClosed;

export function auditStream(auditId: string): string {
  return `audit-${auditId}`;
}
