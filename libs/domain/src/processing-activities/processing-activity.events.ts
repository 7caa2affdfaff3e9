import { DomainEvent, TransferMechanism } from '../shared';

/** Stored event names: owned constants, never class names. */
export const ProcessingActivityEvents = {
  Recorded: 'ProcessingActivityRecorded',
  Amended: 'ProcessingActivityAmended',
  Retired: 'ProcessingActivityRetired',
} as const;

export const PROCESSING_ACTIVITY_SCHEMA_VERSION = 1;

/**
 * Whose record this is. PROCESSOR: the Art. 30(2) record kept for a controller (client) on whose
 * behalf the tenant processes. CONTROLLER: the Art. 30(1) record of the tenant's own processing
 * (its staff, its own customers), where the tenant decides purposes and means.
 */
export const PROCESSING_ROLES = ['PROCESSOR', 'CONTROLLER'] as const;
export type ProcessingRole = (typeof PROCESSING_ROLES)[number];

/** The Art. 6(1) lawful bases, points (a) to (f). */
export const LEGAL_BASES = ['CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export interface ThirdCountryTransfer {
  /** ISO 3166-1 alpha-2 code of the country outside the EEA. */
  country: string;
  mechanism: TransferMechanism;
}

/**
 * The columns of the register. A record fills those of its own paragraph of Art. 30 and leaves
 * the others empty, so each column keeps one meaning.
 */
export interface ProcessingActivityDetails {
  name: string;
  /** 30(2)(b): the categories of processing carried out for the controller. */
  categoriesOfProcessing: string[];
  /** 30(1)(b). */
  purposes: string[];
  /** 30(1)(c). */
  dataSubjectCategories: string[];
  /** 30(1)(c). */
  personalDataCategories: string[];
  /** 30(1)(d), third-country recipients included. */
  recipientCategories: string[];
  /** Art. 6(1): why the controller may process at all. */
  legalBases: LegalBasis[];
  /** 30(1)(e) and 30(2)(c). */
  transfers: ThirdCountryTransfer[];
  /** 30(1)(f), "where possible". */
  erasureTimeLimits: string | null;
  /** 30(1)(g) and 30(2)(d), "where possible": Art. 32 measures in general terms. */
  securityMeasures: string | null;
}

export interface ProcessingActivityRecordedData extends ProcessingActivityDetails {
  processingActivityId: string;
  role: ProcessingRole;
  /** The controller on whose behalf the tenant acts (30(2)(a)); null on the tenant's own record. */
  controllerId: string | null;
}

export type ProcessingActivityRecorded = DomainEvent<typeof ProcessingActivityEvents.Recorded, ProcessingActivityRecordedData>;
/** Carries every column again, not a diff: the amended record reads on its own. */
export type ProcessingActivityAmended = DomainEvent<
  typeof ProcessingActivityEvents.Amended,
  ProcessingActivityDetails & { processingActivityId: string }
>;
export type ProcessingActivityRetired = DomainEvent<
  typeof ProcessingActivityEvents.Retired,
  { processingActivityId: string; reason: string | null }
>;

export type ProcessingActivityEvent = ProcessingActivityRecorded | ProcessingActivityAmended | ProcessingActivityRetired;

export function processingActivityStream(processingActivityId: string): string {
  return `processing-activity-${processingActivityId}`;
}
