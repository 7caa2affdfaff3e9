import { DomainEvent } from '../shared';

/** Stored event names: owned constants, never class names. */
export const BreachEvents = {
  Detected: 'BreachDetected',
  ControllerNotified: 'BreachControllerNotified',
  AuthorityNotified: 'BreachAuthorityNotified',
  SubjectsNotified: 'BreachSubjectsNotified',
  Closed: 'BreachClosed',
} as const;

export const BREACH_SCHEMA_VERSION = 1;

/**
 * The processor's assessment of the risk to the data subjects: it decides whether the
 * authority must be notified (Art. 33(1), not when UNLIKELY) and the subjects told (Art. 34(1), HIGH_RISK).
 */
export const BREACH_RISK_LEVELS = ['UNLIKELY', 'RISK', 'HIGH_RISK'] as const;
export type BreachRiskLevel = (typeof BREACH_RISK_LEVELS)[number];

/** What Art. 33(3) asks a notification to describe, as known at detection. */
export interface BreachDetectedData {
  breachId: string;
  nature: string;
  dataSubjectCategories: string[];
  approximateDataSubjectCount: number;
  recordCategories: string[];
  approximateRecordCount: number;
  likelyConsequences: string;
  measures: string;
  controllerIds: string[];
  riskLevel: BreachRiskLevel;
}

export interface BreachAuthorityNotifiedData {
  breachId: string;
  controllerId: string;
  /** The supervisory authority notified, e.g. "CNIL". */
  authority: string;
  /** Art. 33(1): required when the notification comes after 72 hours. */
  delayReasons: string | null;
}

export interface BreachSubjectsNotifiedData {
  breachId: string;
  controllerId: string;
  /** How the subjects were told: individual messages, or a public communication (Art. 34(3)(c)). */
  means: string;
}

export type BreachDetected = DomainEvent<typeof BreachEvents.Detected, BreachDetectedData>;
export type BreachControllerNotified = DomainEvent<typeof BreachEvents.ControllerNotified, { breachId: string; controllerId: string }>;
export type BreachAuthorityNotified = DomainEvent<typeof BreachEvents.AuthorityNotified, BreachAuthorityNotifiedData>;
export type BreachSubjectsNotified = DomainEvent<typeof BreachEvents.SubjectsNotified, BreachSubjectsNotifiedData>;
export type BreachClosed = DomainEvent<typeof BreachEvents.Closed, { breachId: string; summary: string | null }>;

export type BreachEvent = BreachDetected | BreachControllerNotified | BreachAuthorityNotified | BreachSubjectsNotified | BreachClosed;

export function breachStream(breachId: string): string {
  return `breach-${breachId}`;
}
