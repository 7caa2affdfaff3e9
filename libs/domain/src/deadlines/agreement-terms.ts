import { AgreementPeriod } from '../agreements/agreement-periods';
import { DpaEvent, DpaEvents, SubprocessorAuthorisation } from '../agreements/dpa.events';
import { assertNever } from '../shared';

/** What the deadlines need of a controller's agreement, and the event that last set its terms. */
export interface DeadlineAgreementTerms {
  controllerId: string;
  breachNotificationHours: number;
  subprocessorAuthorisation: SubprocessorAuthorisation;
  objectionWindowDays: number;
  /** Every agreement signed on the relationship, the current one last. */
  periods: AgreementPeriod[];
  termsEventId: string;
}

/**
 * The terms after one more agreement event, the way the agreement decider folds them: a new
 * signature replaces the terms and opens a period, an amendment changes the terms it names, a
 * termination closes the current period.
 */
export function agreementTermsAfter(terms: DeadlineAgreementTerms | null, event: DpaEvent, eventId: string): DeadlineAgreementTerms | null {
  switch (event.type) {
    case DpaEvents.Signed: {
      const { controllerId, breachNotificationHours, subprocessorAuthorisation, objectionWindowDays, effectiveDate } = event.data;
      const period = { effectiveFrom: new Date(effectiveDate), effectiveUntil: null };
      return { controllerId, breachNotificationHours, subprocessorAuthorisation, objectionWindowDays, periods: [...(terms?.periods ?? []), period], termsEventId: eventId };
    }
    case DpaEvents.Amended: {
      if (!terms) return terms;
      const { breachNotificationHours, subprocessorAuthorisation, objectionWindowDays } = event.data.changes;
      return {
        ...terms,
        breachNotificationHours: breachNotificationHours ?? terms.breachNotificationHours,
        subprocessorAuthorisation: subprocessorAuthorisation ?? terms.subprocessorAuthorisation,
        objectionWindowDays: objectionWindowDays ?? terms.objectionWindowDays,
        termsEventId: eventId,
      };
    }
    case DpaEvents.Terminated: {
      if (!terms) return terms;
      const periods = terms.periods.map((p, i) => (i === terms.periods.length - 1 ? { ...p, effectiveUntil: new Date(event.data.effectiveDate) } : p));
      return { ...terms, periods };
    }
    case DpaEvents.ControllerDataReturned:
    case DpaEvents.ControllerDataDeleted:
      return terms;
    default:
      return assertNever(event);
  }
}
