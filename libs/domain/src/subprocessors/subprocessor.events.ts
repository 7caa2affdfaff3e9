import { SubprocessorAuthorisation } from '../agreements/dpa.events';
import { DomainEvent, TRANSFER_MECHANISMS, TransferMechanism } from '../shared';

/** Stored event names: owned constants, never class names. */
export const SubprocessorEvents = {
  Proposed: 'SubprocessorProposed',
  Objected: 'SubprocessorObjected',
  Approved: 'SubprocessorApproved',
  Added: 'SubprocessorAdded',
  Removed: 'SubprocessorRemoved',
} as const;

export const SUBPROCESSOR_SCHEMA_VERSION = 1;

/**
 * What makes sending the data to the sub-processor lawful: NONE_EEA when it processes inside the
 * EEA (no Chapter V transfer), otherwise one of the Chapter V safeguards of the register.
 */
export const SUBPROCESSOR_TRANSFER_MECHANISMS = ['NONE_EEA', ...TRANSFER_MECHANISMS] as const;
export type SubprocessorTransferMechanism = 'NONE_EEA' | TransferMechanism;

export interface SubprocessorProposedData {
  subprocessorId: string;
  name: string;
  /** What the sub-processor does for the processor (e-mail delivery, hosting, ...). */
  service: string;
  /** ISO 3166-1 alpha-2 country code where it processes the data. */
  location: string;
  transferMechanism: SubprocessorTransferMechanism;
}

export type SubprocessorProposed = DomainEvent<typeof SubprocessorEvents.Proposed, SubprocessorProposedData>;
export type SubprocessorObjected = DomainEvent<
  typeof SubprocessorEvents.Objected,
  { subprocessorId: string; controllerId: string; reason: string }
>;
export type SubprocessorApproved = DomainEvent<typeof SubprocessorEvents.Approved, { subprocessorId: string; controllerId: string }>;
/** Records the authorisation it was engaged under, so an auditor sees why it was allowed. */
export type SubprocessorAdded = DomainEvent<
  typeof SubprocessorEvents.Added,
  { subprocessorId: string; controllerId: string; authorisation: SubprocessorAuthorisation }
>;
export type SubprocessorRemoved = DomainEvent<typeof SubprocessorEvents.Removed, { subprocessorId: string; reason: string | null }>;

export type SubprocessorEvent =
  | SubprocessorProposed
  | SubprocessorObjected
  | SubprocessorApproved
  | SubprocessorAdded
  | SubprocessorRemoved;

export function subprocessorStream(subprocessorId: string): string {
  return `subprocessor-${subprocessorId}`;
}
