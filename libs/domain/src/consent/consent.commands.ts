import type { ContactChannel } from './consent.events';
import type { SubjectIdentifier } from './subject-identifier';

/**
 * What every consent command carries about its subject. The identifier comes normalised
 * (normaliseSubjectIdentifier); its keyed pseudonyms are computed by the application layer,
 * which holds the key, and only carried here.
 */
interface ContactFactCommandData {
  subject: SubjectIdentifier;
  subjectId: string;
  identifierHash: string;
  channel: ContactChannel;
  source: string;
  occurredAt: Date;
}

export interface RecordConsent {
  type: 'RecordConsent';
  data: ContactFactCommandData & { purpose: string };
}

export interface WithdrawConsent {
  type: 'WithdrawConsent';
  data: ContactFactCommandData & { purpose: string };
}

/** An opt-out or unsubscribe; a null purpose objects to every purpose on the channel. */
export interface RecordObjection {
  type: 'RecordObjection';
  data: ContactFactCommandData & { purpose: string | null };
}

export type ConsentCommand = RecordConsent | WithdrawConsent | RecordObjection;
