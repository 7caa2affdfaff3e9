import type { DomainEvent } from '@ledger/domain';

export const SubjectErasureEvents = { Erased: 'SubjectErased' } as const;
export const SUBJECT_ERASURE_SCHEMA_VERSION = 1;

/** The grounds of Art. 17(1)(a) to (f) on which personal data must be erased. */
export const ERASURE_GROUNDS = [
  'NO_LONGER_NECESSARY',
  'CONSENT_WITHDRAWN',
  'OBJECTION',
  'UNLAWFULLY_PROCESSED',
  'LEGAL_OBLIGATION',
  'CHILD_INFORMATION_SOCIETY_SERVICE',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/** No personal data: the subject is named by its pseudonymous id only. */
export interface SubjectErasedData {
  subjectId: string;
  ground: ErasureGround;
  reason: string;
}

export type SubjectErased = DomainEvent<typeof SubjectErasureEvents.Erased, SubjectErasedData>;
export type SubjectErasureEvent = SubjectErased;

export function subjectStream(subjectId: string): string {
  return `subject-${subjectId}`;
}
