import { isAfterDeadline } from '../shared';
import { Obligation } from './obligation';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Art. 28(3)(g) says the data is returned or deleted "after the end of the provision of
 * services" and names no period; the decider refuses it before the termination takes effect.
 * We give the processor 30 days from that moment, the period most agreements settle on. A
 * contract that fixes another one is not modelled yet.
 */
export const END_OF_CONTRACT_DATA_DAYS = 30;

/** Art. 33(2): "without undue delay", as many hours as the controller's agreement fixes. */
export function breachControllerNotificationDue(detectedAt: Date, breachNotificationHours: number): Date {
  return new Date(detectedAt.getTime() + breachNotificationHours * HOUR_MS);
}

/** Art. 28(3)(g): counted from the moment the termination takes effect. */
export function endOfContractDataDue(effectiveUntil: Date): Date {
  return new Date(effectiveUntil.getTime() + END_OF_CONTRACT_DATA_DAYS * DAY_MS);
}

/** Unmet and past its due date at `now`: asked at query time, never stored. */
export function isOverdue(obligation: Pick<Obligation, 'dueAt' | 'metAt'>, now: Date): boolean {
  return obligation.metAt === null && isAfterDeadline(obligation.dueAt, now);
}
