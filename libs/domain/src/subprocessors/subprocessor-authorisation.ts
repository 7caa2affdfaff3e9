import { ControllerAgreement, inForceAt } from '../agreements/agreement-periods';
import { Subprocessor } from './subprocessor.state';

/** Where a sub-processor stands for one controller, derived from the events and the time, never stored. */
export const SUBPROCESSOR_AUTHORISATION_STATES = [
  'NO_AGREEMENT',
  'OBJECTION_WINDOW_OPEN',
  'OBJECTED',
  'AUTHORISED',
  'AWAITING_APPROVAL',
  'APPROVED',
  'ENGAGED',
  'REMOVED',
] as const;
export type SubprocessorAuthorisationState = (typeof SUBPROCESSOR_AUTHORISATION_STATES)[number];

export interface ControllerAuthorisation {
  state: SubprocessorAuthorisationState;
  /** Under a general authorisation, when the controller's chance to object ends (exclusive). */
  objectionWindowEndsAt: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function objectionWindowEnd(proposedAt: Date, days: number): Date {
  return new Date(proposedAt.getTime() + days * DAY_MS);
}

/**
 * Art. 28(2): under a general authorisation the controller is told of the new sub-processor and
 * may object within the window its agreement sets (counted from the proposal); under a specific
 * one nothing happens until it approves. `agreement` carries the controller's current terms.
 */
export function authorisationFor(
  subprocessor: Subprocessor,
  controllerId: string,
  agreement: ControllerAgreement,
  at: Date,
): ControllerAuthorisation {
  const terms = agreement.subprocessorTerms;
  const general = terms?.subprocessorAuthorisation === 'GENERAL';
  const objectionWindowEndsAt = general ? objectionWindowEnd(subprocessor.proposedAt, terms.objectionWindowDays) : null;
  const decision = subprocessor.controllers[controllerId];
  const state = ((): SubprocessorAuthorisationState => {
    if (subprocessor.status === 'REMOVED') return 'REMOVED';
    if (!terms || !inForceAt(agreement.periods, at)) return 'NO_AGREEMENT';
    if (decision?.engagedAt) return 'ENGAGED';
    if (decision?.objectedAt) return 'OBJECTED';
    if (objectionWindowEndsAt) return at < objectionWindowEndsAt ? 'OBJECTION_WINDOW_OPEN' : 'AUTHORISED';
    return decision?.approvedAt ? 'APPROVED' : 'AWAITING_APPROVAL';
  })();
  return { state, objectionWindowEndsAt };
}
