import {
  addCalendarMonths,
  breachAuthorityNotificationDeadline,
  dataSubjectRequestDueDate,
  dataSubjectRequestExtensionDeadline,
  isAfterDeadline,
  isBreachAuthorityNotificationLate,
} from './deadlines';

const at = (iso: string) => new Date(iso);

describe('breach notification deadline (Art. 33(1): within 72 hours of becoming aware)', () => {
  const aware = at('2026-03-27T22:15:00.000Z');

  it('falls 72 hours after awareness, across a daylight-saving change and a month end', () =>
    expect(breachAuthorityNotificationDeadline(aware)).toEqual(at('2026-03-30T22:15:00.000Z')));

  it('counts a notification at the 72nd hour as on time, and one a millisecond later as late', () => {
    expect(isBreachAuthorityNotificationLate(aware, at('2026-03-30T22:15:00.000Z'))).toBe(false);
    expect(isBreachAuthorityNotificationLate(aware, at('2026-03-30T22:15:00.001Z'))).toBe(true);
  });
});

describe('calendar months (Regulation 1182/71, Art. 3(2)(c), as Art. 12(3) periods are counted)', () => {
  it.each([
    ['2026-03-15T10:00:00.000Z', 1, '2026-04-15T10:00:00.000Z'],
    ['2026-01-31T10:00:00.000Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2028-01-31T10:00:00.000Z', 1, '2028-02-29T10:00:00.000Z'],
    ['2026-03-31T23:59:59.999Z', 1, '2026-04-30T23:59:59.999Z'],
    ['2026-12-31T08:00:00.000Z', 2, '2027-02-28T08:00:00.000Z'],
    ['2026-11-30T08:00:00.000Z', 3, '2027-02-28T08:00:00.000Z'],
    ['2026-02-28T08:00:00.000Z', 1, '2026-03-28T08:00:00.000Z'],
  ])('%s + %i month(s) = %s (a missing day ends the period on the last day of the month)', (from, months, expected) =>
    expect(addCalendarMonths(at(from), months)).toEqual(at(expected)));

  it('refuses a fractional number of months', () => expect(() => addCalendarMonths(at('2026-01-01T00:00:00Z'), 1.5)).toThrow(RangeError));
});

describe('data-subject request due date (Art. 12(3): one month of receipt, extendable by two further months)', () => {
  it('is one month after receipt', () =>
    expect(dataSubjectRequestDueDate(at('2026-04-10T09:00:00.000Z'))).toEqual(at('2026-05-10T09:00:00.000Z')));

  it('is 28 February for a request received on 31 January, 29 February in a leap year', () => {
    expect(dataSubjectRequestDueDate(at('2026-01-31T09:00:00.000Z'))).toEqual(at('2026-02-28T09:00:00.000Z'));
    expect(dataSubjectRequestDueDate(at('2028-01-31T09:00:00.000Z'))).toEqual(at('2028-02-29T09:00:00.000Z'));
  });

  it('counts an extension from receipt: 31 January extended by two months is due 30 April, not 28 April', () =>
    expect(dataSubjectRequestDueDate(at('2026-01-31T09:00:00.000Z'), 2)).toEqual(at('2026-04-30T09:00:00.000Z')));

  it('refuses an extension beyond two months', () =>
    expect(() => dataSubjectRequestDueDate(at('2026-01-31T09:00:00.000Z'), 3)).toThrow(RangeError));

  it('allows extending only until the end of the first month', () =>
    expect(dataSubjectRequestExtensionDeadline(at('2026-01-31T09:00:00.000Z'))).toEqual(at('2026-02-28T09:00:00.000Z')));

  it('is answered on time on the due date itself', () => {
    const due = dataSubjectRequestDueDate(at('2026-04-10T09:00:00.000Z'));
    expect(isAfterDeadline(due, due)).toBe(false);
    expect(isAfterDeadline(due, new Date(due.getTime() + 1))).toBe(true);
  });
});
