import type { DomainEvent } from '../shared';
import type { SealedPersonalData } from '../data-subject-requests';
import type { SubjectIdentifier } from './subject-identifier';

/** Stored event names: owned constants, never class names. */
export const ConsentEvents = {
  Given: 'ConsentGiven',
  Withdrawn: 'ConsentWithdrawn',
  ObjectionRecorded: 'ObjectionRecorded',
} as const;

export const CONSENT_SCHEMA_VERSION = 1;

/** The prospecting channels CPCE L.34-5 and the CNIL treat apart. */
export const CONTACT_CHANNELS = ['EMAIL', 'SMS', 'PHONE', 'POST'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Professionals contacted about their professional activity (B2B), or consumers (B2C). */
export const AUDIENCES = ['B2B', 'B2C'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * One fact about one subject's contact preferences. `subjectId` and `identifierHash` are keyed
 * pseudonyms (libs/privacy): they stay readable after erasure, so that an opt-out is still
 * honoured; `subject`, the e-mail or phone itself, is sealed under the subject's key.
 */
export interface ContactFactData {
  subjectId: string;
  identifierHash: string;
  /** Plaintext as `decide` emits it; sealed as stored. */
  subject: SubjectIdentifier | SealedPersonalData;
  channel: ContactChannel;
  /** Null on an objection: every purpose. */
  purpose: string | null;
  /** Where the fact was collected: a form, an unsubscribe link, an imported list. */
  source: string;
}

export type ConsentGiven = DomainEvent<typeof ConsentEvents.Given, ContactFactData & { purpose: string }>;
export type ConsentWithdrawn = DomainEvent<typeof ConsentEvents.Withdrawn, ContactFactData & { purpose: string }>;
export type ObjectionRecorded = DomainEvent<typeof ConsentEvents.ObjectionRecorded, ContactFactData>;
export type ConsentEvent = ConsentGiven | ConsentWithdrawn | ObjectionRecorded;

/** One stream per subject identifier: every consent, withdrawal and objection about it, in order. */
export function consentStream(subjectId: string): string {
  return `consent-${subjectId}`;
}
