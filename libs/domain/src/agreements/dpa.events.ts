import { DomainEvent } from '../shared';
import { Art28Clause } from './art28-clauses';

/** Stored event names: owned constants, never class names. */
export const DpaEvents = {
  Signed: 'DataProcessingAgreementSigned',
  Amended: 'DataProcessingAgreementAmended',
  Terminated: 'DataProcessingAgreementTerminated',
  ControllerDataReturned: 'ControllerDataReturned',
  ControllerDataDeleted: 'ControllerDataDeleted',
} as const;

export const DPA_SCHEMA_VERSION = 1;

/** Art. 28(2): the controller authorises sub-processors one by one, or in general with a right to object. */
export const SUBPROCESSOR_AUTHORISATIONS = ['GENERAL', 'SPECIFIC'] as const;
export type SubprocessorAuthorisation = (typeof SUBPROCESSOR_AUTHORISATIONS)[number];

export const DEFAULT_OBJECTION_WINDOW_DAYS = 30;
export const DEFAULT_BREACH_NOTIFICATION_HOURS = 48;

/** The terms of the contract that an amendment may change. */
export interface DpaTerms {
  controllerName: string;
  /** The Art. 28(3) clauses the contract contains, in the regulation's order. */
  clauses: Art28Clause[];
  subprocessorAuthorisation: SubprocessorAuthorisation;
  /** Under a general authorisation: how long the controller may object to a proposed sub-processor. */
  objectionWindowDays: number;
  /** Art. 33(2) says "without undue delay"; the contract fixes how many hours that is. */
  breachNotificationHours: number;
}

/** Dates inside event data are ISO 8601 strings: that is how they are stored and hashed. */
export interface DpaSignedData extends DpaTerms {
  controllerId: string;
  effectiveDate: string;
}

export type DataProcessingAgreementSigned = DomainEvent<typeof DpaEvents.Signed, DpaSignedData>;
/** Only the terms that changed. */
export type DataProcessingAgreementAmended = DomainEvent<
  typeof DpaEvents.Amended,
  { controllerId: string; changes: Partial<DpaTerms> }
>;
export type DataProcessingAgreementTerminated = DomainEvent<
  typeof DpaEvents.Terminated,
  { controllerId: string; effectiveDate: string }
>;
export type ControllerDataReturned = DomainEvent<typeof DpaEvents.ControllerDataReturned, { controllerId: string }>;
export type ControllerDataDeleted = DomainEvent<typeof DpaEvents.ControllerDataDeleted, { controllerId: string }>;

export type DpaEvent =
  | DataProcessingAgreementSigned
  | DataProcessingAgreementAmended
  | DataProcessingAgreementTerminated
  | ControllerDataReturned
  | ControllerDataDeleted;

/** One stream per controller relationship, so any handler finds "the agreement of controller X". */
export function dpaStream(controllerId: string): string {
  return `dpa-${controllerId}`;
}
