import { SubprocessorAuthorisation } from './dpa.events';

/** When one agreement on a controller relationship bound the processor: from its effective date until its termination took effect. */
export interface AgreementPeriod {
  effectiveFrom: Date;
  /** Exclusive; null while no termination is recorded. */
  effectiveUntil: Date | null;
}

/** Whether any agreement of the relationship was in force at `at` (Art. 28(3): processing is governed by a contract). */
export function inForceAt(periods: readonly AgreementPeriod[], at: Date): boolean {
  return periods.some(({ effectiveFrom, effectiveUntil }) => effectiveFrom <= at && (effectiveUntil === null || at < effectiveUntil));
}

/**
 * What rules on other records need to know of a controller's agreements: a handler loads the
 * agreement stream and passes this inside the command, so those rules stay pure.
 */
export interface ControllerAgreement {
  /** Every agreement signed on the relationship, oldest first. */
  periods: AgreementPeriod[];
  /** The latest agreement's terms on sub-processors; null when none was ever signed. */
  subprocessorTerms: { subprocessorAuthorisation: SubprocessorAuthorisation; objectionWindowDays: number } | null;
}

export const NO_AGREEMENT: ControllerAgreement = { periods: [], subprocessorTerms: null };
