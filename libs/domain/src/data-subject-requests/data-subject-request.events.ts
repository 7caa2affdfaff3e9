import { DomainEvent } from '../shared';

/** Stored event names: owned constants, never class names. */
export const DataSubjectRequestEvents = {
  Received: 'DataSubjectRequestReceived',
  Forwarded: 'DataSubjectRequestForwarded',
  Extended: 'DataSubjectRequestExtended',
  Completed: 'DataSubjectRequestCompleted',
  Refused: 'DataSubjectRequestRefused',
} as const;

export const DATA_SUBJECT_REQUEST_SCHEMA_VERSION = 1;

/** The rights of Chapter III a request exercises: Arts. 15, 16, 17, 18, 20 and 21. */
export const DATA_SUBJECT_RIGHTS = ['ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'PORTABILITY', 'OBJECTION'] as const;
export type DataSubjectRight = (typeof DATA_SUBJECT_RIGHTS)[number];

/**
 * Who made the request. Personal data, kept together in this one object so that the privacy
 * work can encrypt it with the subject's key and erase it by destroying that key.
 */
export interface Requester {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Personal data as the ledger stores it: encrypted under its subject's key by the application
 * layer before the append (libs/privacy, docs/privacy.md). The domain carries it, never opens it.
 */
export interface SealedPersonalData {
  readonly sealed: string;
  readonly subject: string;
}

export interface DataSubjectRequestReceivedData {
  requestId: string;
  controllerId: string;
  requestType: DataSubjectRight;
  /** Plaintext as `decide` emits it; sealed as stored, and so in every folded state read back. */
  requester: Requester | SealedPersonalData;
}

export type DataSubjectRequestReceived = DomainEvent<typeof DataSubjectRequestEvents.Received, DataSubjectRequestReceivedData>;
export type DataSubjectRequestForwarded = DomainEvent<typeof DataSubjectRequestEvents.Forwarded, { requestId: string; controllerId: string }>;
export type DataSubjectRequestExtended = DomainEvent<
  typeof DataSubjectRequestEvents.Extended,
  { requestId: string; months: number; reason: string }
>;
export type DataSubjectRequestCompleted = DomainEvent<typeof DataSubjectRequestEvents.Completed, { requestId: string }>;
export type DataSubjectRequestRefused = DomainEvent<typeof DataSubjectRequestEvents.Refused, { requestId: string; reason: string }>;

export type DataSubjectRequestEvent =
  | DataSubjectRequestReceived
  | DataSubjectRequestForwarded
  | DataSubjectRequestExtended
  | DataSubjectRequestCompleted
  | DataSubjectRequestRefused;

export function dataSubjectRequestStream(requestId: string): string {
  return `dsr-${requestId}`;
}
