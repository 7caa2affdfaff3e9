import { deciderSpecification } from '@ledger/testing';
import { fold } from '../shared';
import { inForceAt } from './agreement-periods';
import { DpaCommand } from './dpa.commands';
import { controllerAgreementOf, dpaDecider } from './dpa.decider';
import { DpaEvent, DpaEvents, DpaTerms } from './dpa.events';

const now = new Date('2026-09-01T12:00:00Z');
const at = (date: string) => new Date(`${date}T09:00:00Z`);
const spec = deciderSpecification(dpaDecider, now);
const controllerId = 'acme';
const terms: DpaTerms = {
  controllerName: 'Acme HR',
  clauses: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  subprocessorAuthorisation: 'GENERAL',
  objectionWindowDays: 30,
  breachNotificationHours: 48,
};

const event = <T extends DpaEvent['type']>(type: T, data: Omit<Extract<DpaEvent, { type: T }>['data'], 'controllerId'>, occurredAt: Date) =>
  ({ type, schemaVersion: 1, occurredAt, data: { controllerId, ...data } }) as unknown as Extract<DpaEvent, { type: T }>;
const signed = (effectiveDate = '2026-01-01T00:00:00.000Z', occurredAt = at('2025-12-15'), overrides: Partial<DpaTerms> = {}) =>
  event(DpaEvents.Signed, { ...terms, ...overrides, effectiveDate }, occurredAt);
const terminated = (effectiveDate = '2026-06-30T00:00:00.000Z', occurredAt = at('2026-05-01')) =>
  event(DpaEvents.Terminated, { effectiveDate }, occurredAt);
const returned = (occurredAt = at('2026-07-01')) => event(DpaEvents.ControllerDataReturned, {}, occurredAt);
const deleted = (occurredAt = at('2026-07-02')) => event(DpaEvents.ControllerDataDeleted, {}, occurredAt);

const sign = (data: Partial<Extract<DpaCommand, { type: 'SignDataProcessingAgreement' }>['data']> = {}): DpaCommand => ({
  type: 'SignDataProcessingAgreement',
  data: { controllerId, ...terms, effectiveDate: new Date('2026-01-01T00:00:00Z'), occurredAt: at('2025-12-15'), ...data },
});
const amend = (changes: Partial<DpaTerms>, occurredAt = at('2026-02-01')): DpaCommand => ({
  type: 'AmendDataProcessingAgreement',
  data: { controllerId, ...changes, occurredAt },
});
const terminate = (effectiveDate = '2026-06-30T00:00:00Z', occurredAt = at('2026-05-01')): DpaCommand => ({
  type: 'TerminateDataProcessingAgreement',
  data: { controllerId, effectiveDate: new Date(effectiveDate), occurredAt },
});
const recordReturned = (occurredAt = at('2026-07-01')): DpaCommand => ({ type: 'RecordControllerDataReturned', data: { controllerId, occurredAt } });
const recordDeleted = (occurredAt = at('2026-07-02')): DpaCommand => ({ type: 'RecordControllerDataDeleted', data: { controllerId, occurredAt } });

describe('data-processing agreements (Art. 28(3))', () => {
  describe('signing', () => {
    it('records the contract and its terms, clauses in the order of Art. 28(3) and each once', () =>
      spec.given([]).when(sign({ clauses: ['H', 'A', 'C', 'A'] })).then([signed(undefined, undefined, { clauses: ['A', 'C', 'H'] })]));

    it('refuses a second agreement while one is signed and not terminated: amend it instead', () =>
      spec.given([signed()]).when(sign({ occurredAt: at('2026-02-01') })).thenThrows('already signed', 'controllerId'));

    it('refuses a clause that Art. 28(3) does not have', () =>
      spec.given([]).when(sign({ clauses: ['A', 'Z' as never] })).thenThrows('Z is not a clause of Art. 28(3)', 'clauses'));

    it('refuses an authorisation that is neither general nor specific (Art. 28(2))', () =>
      spec.given([]).when(sign({ subprocessorAuthorisation: 'TACIT' as never })).thenThrows('GENERAL or SPECIFIC', 'subprocessorAuthorisation'));

    it('refuses an objection window shorter than a day: a general authorisation must leave time to object (Art. 28(2))', () =>
      spec.given([]).when(sign({ objectionWindowDays: 0 })).thenThrows('whole number, at least 1', 'objectionWindowDays'));

    it('refuses a breach notification delay that is not a whole number of hours (Art. 33(2))', () =>
      spec.given([]).when(sign({ breachNotificationHours: 1.5 })).thenThrows('whole number, at least 1', 'breachNotificationHours'));

    it('refuses a blank controller name', () =>
      spec.given([]).when(sign({ controllerName: '  ' })).thenThrows('controllerName must not be empty', 'controllerName'));

    it('refuses a signature recorded in the future', () =>
      spec.given([]).when(sign({ occurredAt: new Date('2026-09-02T00:00:00Z') })).thenThrows('in the future', 'occurredAt'));
  });

  describe('signing again once the agreement is terminated', () => {
    it('starts a new agreement on the same relationship, taking effect when the previous one ended', () =>
      spec
        .given([signed(), terminated()])
        .when(sign({ effectiveDate: new Date('2026-06-30T00:00:00Z'), occurredAt: at('2026-06-15'), objectionWindowDays: 15 }))
        .then([signed('2026-06-30T00:00:00.000Z', at('2026-06-15'), { objectionWindowDays: 15 })]));

    it('numbers the new agreement and keeps the periods of the earlier ones, so earlier instructions stay covered', () => {
      const state = fold(dpaDecider, dpaDecider.initialState, [
        signed(),
        terminated(),
        deleted(),
        signed('2026-08-01T00:00:00.000Z', at('2026-08-01')),
      ]);
      expect(state).toMatchObject({ agreementNumber: 2, status: 'SIGNED', dataDeletedAt: null, effectiveUntil: null });
      expect(controllerAgreementOf(state).periods).toEqual([
        { effectiveFrom: new Date('2026-01-01T00:00:00Z'), effectiveUntil: new Date('2026-06-30T00:00:00Z') },
        { effectiveFrom: new Date('2026-08-01T00:00:00Z'), effectiveUntil: null },
      ]);
    });

    it('refuses a new agreement taking effect before the previous one ended: agreements never overlap', () =>
      spec
        .given([signed(), terminated()])
        .when(sign({ effectiveDate: new Date('2026-06-01T00:00:00Z'), occurredAt: at('2026-05-15') }))
        .thenThrows('never overlap', 'effectiveDate'));
  });

  describe('amending', () => {
    it('records only the terms that change', () =>
      spec
        .given([signed()])
        .when(amend({ controllerName: 'Acme HR', subprocessorAuthorisation: 'SPECIFIC', breachNotificationHours: 24 }))
        .then([event(DpaEvents.Amended, { changes: { subprocessorAuthorisation: 'SPECIFIC', breachNotificationHours: 24 } }, at('2026-02-01'))]));

    it('refuses an amendment that changes nothing', () =>
      spec.given([signed()]).when(amend({ clauses: ['H', 'G', 'F', 'E', 'D', 'C', 'B', 'A'] })).thenThrows('changes no term'));

    it('holds amended terms to the same rules as signed ones', () =>
      spec.given([signed()]).when(amend({ objectionWindowDays: -3 })).thenThrows('at least 1', 'objectionWindowDays'));

    it('refuses to amend a terminated agreement', () =>
      spec.given([signed(), terminated()]).when(amend({ objectionWindowDays: 10 }, at('2026-05-02'))).thenThrows('is terminated', 'controllerId'));

    it('answers NOT_FOUND for a controller without an agreement', () =>
      spec.given([]).when(amend({ objectionWindowDays: 10 })).thenThrows('no data-processing agreement with controller acme', 'controllerId'));
  });

  describe('terminating', () => {
    it('records when the termination takes effect', () =>
      spec.given([signed()]).when(terminate()).then([terminated()]));

    it('refuses an end before the agreement took effect', () =>
      spec.given([signed()]).when(terminate('2025-12-31T00:00:00Z')).thenThrows('cannot end before', 'effectiveDate'));

    it('refuses to terminate twice', () =>
      spec.given([signed(), terminated()]).when(terminate('2026-07-30T00:00:00Z', at('2026-05-02'))).thenThrows('is terminated'));
  });

  describe('returning or deleting the data at the end of the service (Art. 28(3)(g))', () => {
    it('records that the data went back to the controller', () =>
      spec.given([signed(), terminated()]).when(recordReturned()).then([returned()]));

    it('records that the data was deleted', () => spec.given([signed(), terminated()]).when(recordDeleted()).then([deleted()]));

    it('records that the copies were deleted after the data went back', () =>
      spec.given([signed(), terminated(), returned()]).when(recordDeleted()).then([deleted()]));

    it('refuses to return data while the agreement is not terminated', () =>
      spec.given([signed()]).when(recordReturned()).thenThrows('not terminated', 'controllerId'));

    it('refuses to delete data before the termination takes effect', () =>
      spec.given([signed(), terminated()]).when(recordDeleted(at('2026-06-29'))).thenThrows('after the end of the service', 'occurredAt'));

    it('refuses to record the return twice', () =>
      spec.given([signed(), terminated(), returned()]).when(recordReturned(at('2026-07-03'))).thenThrows('already returned', 'controllerId'));

    it('refuses to return data that was deleted', () =>
      spec.given([signed(), terminated(), deleted()]).when(recordReturned(at('2026-07-03'))).thenThrows('nothing left to return', 'controllerId'));

    it('refuses to record the deletion twice', () =>
      spec.given([signed(), terminated(), deleted()]).when(recordDeleted(at('2026-07-03'))).thenThrows('already deleted', 'controllerId'));
  });

  describe('when an agreement is in force', () => {
    const periods = controllerAgreementOf(
      fold(dpaDecider, dpaDecider.initialState, [signed(), terminated(), signed('2026-08-01T00:00:00.000Z', at('2026-08-01'))]),
    ).periods;

    it.each([
      ['before the first agreement took effect', '2025-12-31T23:59:59Z', false],
      ['from the first effective date', '2026-01-01T00:00:00Z', true],
      ['at the instant the termination takes effect', '2026-06-30T00:00:00Z', false],
      ['between two agreements', '2026-07-15T00:00:00Z', false],
      ['under the second agreement', '2026-08-02T00:00:00Z', true],
    ])('%s: %s -> %s', (_, date, expected) => expect(inForceAt(periods, new Date(date))).toBe(expected));

    it('passes the latest terms on sub-processors to other records, and nothing for a controller without an agreement', () => {
      expect(controllerAgreementOf(fold(dpaDecider, dpaDecider.initialState, [signed()])).subprocessorTerms).toEqual({
        subprocessorAuthorisation: 'GENERAL',
        objectionWindowDays: 30,
      });
      expect(controllerAgreementOf(dpaDecider.initialState)).toEqual({ periods: [], subprocessorTerms: null });
    });
  });
});
