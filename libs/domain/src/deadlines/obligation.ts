/**
 * The deadlines a processor's ledger keeps track of. Each is derived from events (the fact that
 * starts the clock, the ones that move it, the one that meets it), never stored as a flag.
 */
export const DEADLINE_KINDS = [
  'BREACH_CONTROLLER_NOTIFICATION',
  'BREACH_AUTHORITY_NOTIFICATION',
  'DATA_SUBJECT_REQUEST_RESPONSE',
  'SUBPROCESSOR_OBJECTION_WINDOW',
  'AUDIT_DUE',
  'END_OF_CONTRACT_DATA',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Where each obligation comes from, for readers of the list. */
export const DEADLINE_ARTICLES: Readonly<Record<DeadlineKind, string>> = {
  BREACH_CONTROLLER_NOTIFICATION: 'Art. 33(2)',
  BREACH_AUTHORITY_NOTIFICATION: 'Art. 33(1)',
  DATA_SUBJECT_REQUEST_RESPONSE: 'Art. 12(3)',
  SUBPROCESSOR_OBJECTION_WINDOW: 'Art. 28(2)',
  AUDIT_DUE: 'Art. 28(3)(h)',
  END_OF_CONTRACT_DATA: 'Art. 28(3)(g)',
};

/** One obligation with a due date, concerning one record (stream) and one controller. */
export interface Obligation {
  /** Deterministic: the id of the event that opened it, the kind and the controller. */
  obligationId: string;
  kind: DeadlineKind;
  stream: string;
  controllerId: string;
  /** When the clock started: detection, receipt, proposal, request, end of the contract. */
  startedAt: Date;
  dueAt: Date;
  /** Art. 12(3) extension months granted so far; 0 for every other kind. */
  extensionMonths: number;
  metAt: Date | null;
  metByEventId: string | null;
  /** The events the due date is derived from, oldest first. */
  sourceEventIds: string[];
}

export function obligationId(openingEventId: string, kind: DeadlineKind, controllerId: string): string {
  return `${openingEventId}:${kind}:${controllerId}`;
}
