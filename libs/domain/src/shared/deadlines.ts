/**
 * Statutory deadlines, as pure functions of the facts' business times. They are derived from
 * events every time, never stored as mutable flags. All calendar arithmetic is in UTC.
 */

/** Art. 33(1): the authority is notified, where feasible, within 72 hours of becoming aware. */
export const BREACH_AUTHORITY_NOTIFICATION_HOURS = 72;

/** Art. 12(3): one month from receipt, extendable by two further months. */
export const DATA_SUBJECT_REQUEST_RESPONSE_MONTHS = 1;
export const DATA_SUBJECT_REQUEST_MAX_EXTENSION_MONTHS = 2;

const HOUR_MS = 60 * 60 * 1000;

/**
 * `months` calendar months after `from`, at the same time of day. When the target month is too
 * short for the day (31 January + 1 month), the period ends on that month's last day, as
 * Regulation (EEC, Euratom) No 1182/71, Art. 3(2)(c) counts periods expressed in months.
 * We do not push a deadline falling on a weekend or holiday to the next working day (Art. 3(4)
 * of that regulation): holidays differ per Member State, and the earlier date is the safe one.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const target = new Date(from.getTime());
  const day = from.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** True when `at` is strictly after `deadline`: an act at the deadline itself is on time. */
export function isAfterDeadline(deadline: Date, at: Date): boolean {
  return at.getTime() > deadline.getTime();
}

/** Art. 33(1): the last moment for an on-time notification to the supervisory authority. */
export function breachAuthorityNotificationDeadline(awareAt: Date): Date {
  return new Date(awareAt.getTime() + BREACH_AUTHORITY_NOTIFICATION_HOURS * HOUR_MS);
}

/** Art. 33(1): a notification after 72 hours must come with the reasons for the delay. */
export function isBreachAuthorityNotificationLate(awareAt: Date, notifiedAt: Date): boolean {
  return isAfterDeadline(breachAuthorityNotificationDeadline(awareAt), notifiedAt);
}

/**
 * Art. 12(3): the answer is due one month after receipt, plus the extension months granted. An
 * extension counts from receipt (the whole period is at most three months from receipt), not
 * from the first due date, so that 31 January + 3 months is 30 April, not 28 April.
 */
export function dataSubjectRequestDueDate(receivedAt: Date, extensionMonths = 0): Date {
  if (extensionMonths < 0 || extensionMonths > DATA_SUBJECT_REQUEST_MAX_EXTENSION_MONTHS)
    throw new RangeError(`an extension is 0 to ${DATA_SUBJECT_REQUEST_MAX_EXTENSION_MONTHS} months, got ${extensionMonths}`);
  return addCalendarMonths(receivedAt, DATA_SUBJECT_REQUEST_RESPONSE_MONTHS + extensionMonths);
}

/** Art. 12(3): the requester must be told of an extension, and why, within the first month. */
export function dataSubjectRequestExtensionDeadline(receivedAt: Date): Date {
  return dataSubjectRequestDueDate(receivedAt, 0);
}
