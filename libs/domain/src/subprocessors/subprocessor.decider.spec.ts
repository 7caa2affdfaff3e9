import { deciderSpecification } from '@ledger/testing';
import { ControllerAgreement, NO_AGREEMENT } from '../agreements/agreement-periods';
import { SubprocessorAuthorisation } from '../agreements/dpa.events';
import { fold } from '../shared';
import { authorisationFor } from './subprocessor-authorisation';
import { SubprocessorCommand } from './subprocessor.commands';
import { subprocessorDecider } from './subprocessor.decider';
import { SubprocessorEvent, SubprocessorEvents, SubprocessorTransferMechanism } from './subprocessor.events';
import { Subprocessor } from './subprocessor.state';

const now = new Date('2026-09-01T12:00:00Z');
const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9)); // March 2026, 09:00 UTC
const spec = deciderSpecification(subprocessorDecider, now);
const subprocessorId = 'sp-1';
const controllerId = 'acme';

const agreement = (subprocessorAuthorisation: SubprocessorAuthorisation, objectionWindowDays = 30, effectiveUntil: Date | null = null): ControllerAgreement => ({
  periods: [{ effectiveFrom: new Date('2026-01-01T00:00:00Z'), effectiveUntil }],
  subprocessorTerms: { subprocessorAuthorisation, objectionWindowDays },
});
const general = agreement('GENERAL');
const specific = agreement('SPECIFIC');

const details: { name: string; service: string; location: string; transferMechanism: SubprocessorTransferMechanism } = {
  name: 'Mailjet',
  service: 'transactional e-mail',
  location: 'FR',
  transferMechanism: 'NONE_EEA',
};
const proposed: SubprocessorEvent = { type: SubprocessorEvents.Proposed, schemaVersion: 1, occurredAt: day(1), data: { subprocessorId, ...details } };
const objected = (at = day(10)): SubprocessorEvent => ({
  type: SubprocessorEvents.Objected, schemaVersion: 1, occurredAt: at, data: { subprocessorId, controllerId, reason: 'data leaves our tenant' },
});
const approved = (at = day(5)): SubprocessorEvent => ({ type: SubprocessorEvents.Approved, schemaVersion: 1, occurredAt: at, data: { subprocessorId, controllerId } });
const added = (authorisation: SubprocessorAuthorisation, at: Date): SubprocessorEvent => ({
  type: SubprocessorEvents.Added, schemaVersion: 1, occurredAt: at, data: { subprocessorId, controllerId, authorisation },
});
const removed = (at = day(20)): SubprocessorEvent => ({ type: SubprocessorEvents.Removed, schemaVersion: 1, occurredAt: at, data: { subprocessorId, reason: 'replaced' } });

const propose = (overrides: Partial<typeof details> = {}): SubprocessorCommand => ({
  type: 'ProposeSubprocessor', data: { subprocessorId, ...details, ...overrides, occurredAt: day(1) },
});
const object = (terms: ControllerAgreement, at = day(10), reason = 'data leaves our tenant'): SubprocessorCommand => ({
  type: 'ObjectToSubprocessor', data: { subprocessorId, controllerId, reason, agreement: terms, occurredAt: at },
});
const approve = (terms: ControllerAgreement, at = day(5)): SubprocessorCommand => ({
  type: 'ApproveSubprocessor', data: { subprocessorId, controllerId, agreement: terms, occurredAt: at },
});
const add = (terms: ControllerAgreement, at: Date): SubprocessorCommand => ({
  type: 'AddSubprocessor', data: { subprocessorId, controllerId, agreement: terms, occurredAt: at },
});
const remove = (at = day(20)): SubprocessorCommand => ({ type: 'RemoveSubprocessor', data: { subprocessorId, reason: ' replaced ', occurredAt: at } });

describe('sub-processors (Art. 28(2) and 28(4))', () => {
  describe('proposing', () => {
    it('records the sub-processor with its location and transfer mechanism', () =>
      spec.given([]).when(propose({ location: 'fr' })).then([proposed]));

    it('refuses to propose the same sub-processor twice', () => spec.given([proposed]).when(propose()).thenThrows('already proposed'));

    it('refuses a location that is not an ISO 3166-1 country code', () =>
      spec.given([]).when(propose({ location: 'France' })).thenThrows('alpha-2', 'location'));

    it('refuses a sub-processor outside the EEA without a Chapter V safeguard (Art. 44)', () =>
      spec.given([]).when(propose({ location: 'US', transferMechanism: 'NONE_EEA' })).thenThrows('outside the EEA', 'transferMechanism'));

    it('refuses a transfer safeguard for a sub-processor inside the EEA: there is no transfer', () =>
      spec.given([]).when(propose({ transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' })).thenThrows('is in the EEA', 'transferMechanism'));

    it('accepts a sub-processor outside the EEA under standard contractual clauses (Art. 46(2)(c))', () =>
      spec.given([]).when(propose({ location: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' })).then([
        { ...proposed, data: { ...proposed.data, location: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' } } as SubprocessorEvent,
      ]));

    it('refuses a sub-processor without a name', () => spec.given([]).when(propose({ name: ' ' })).thenThrows('name must not be empty', 'name'));
  });

  describe('objecting under a general authorisation (Art. 28(2))', () => {
    it('records an objection within the controller’s window, with the reason', () =>
      spec.given([proposed]).when(object(general, day(30))).then([objected(day(30))]));

    it("counts the window from the proposal with the days of the controller's agreement", () =>
      spec.given([proposed]).when(object(agreement('GENERAL', 10), day(11))).thenThrows('objection window closed on 2026-03-11T09:00:00.000Z', 'occurredAt'));

    it('refuses an objection under a specific authorisation: there is no window, the controller approves or not', () =>
      spec.given([proposed]).when(object(specific)).thenThrows('requires a specific authorisation', 'controllerId'));

    it('refuses an objection from a controller without an agreement in force', () =>
      spec.given([proposed]).when(object(NO_AGREEMENT)).thenThrows('no data-processing agreement is in force', 'controllerId'));

    it('refuses an objection dated after the controller’s agreement ended', () =>
      spec.given([proposed]).when(object(agreement('GENERAL', 30, day(5)))).thenThrows('no data-processing agreement is in force', 'controllerId'));

    it('refuses to object twice', () => spec.given([proposed, objected()]).when(object(general, day(11))).thenThrows('objected to it', 'controllerId'));

    it('requires a reason', () => spec.given([proposed]).when(object(general, day(10), '  ')).thenThrows('reason must not be empty', 'reason'));
  });

  describe('approving under a specific authorisation (Art. 28(2))', () => {
    it('records the controller’s approval', () => spec.given([proposed]).when(approve(specific)).then([approved()]));

    it('refuses an approval under a general authorisation: the controller is informed and may object', () =>
      spec.given([proposed]).when(approve(general)).thenThrows('general authorisation', 'controllerId'));

    it('refuses to approve twice', () => spec.given([proposed, approved()]).when(approve(specific, day(6))).thenThrows('already approved'));

    it('refuses an approval from a controller without an agreement in force', () =>
      spec.given([proposed]).when(approve(NO_AGREEMENT)).thenThrows('no data-processing agreement is in force', 'controllerId'));
  });

  describe('adding (engaging it for a controller, Art. 28(2) and 28(4))', () => {
    it('engages it under a general authorisation once the objection window has elapsed', () =>
      spec.given([proposed]).when(add(general, day(31))).then([added('GENERAL', day(31))]));

    it('refuses it under a general authorisation before the objection window has elapsed', () =>
      spec.given([proposed]).when(add(general, day(30))).thenThrows('may object until 2026-03-31T09:00:00.000Z', 'occurredAt'));

    it('refuses it for a controller who objected, even after the window', () =>
      spec.given([proposed, objected()]).when(add(general, day(31))).thenThrows('objected to it', 'controllerId'));

    it('engages it under a specific authorisation once the controller approved it', () =>
      spec.given([proposed, approved()]).when(add(specific, day(6))).then([added('SPECIFIC', day(6))]));

    it('refuses it under a specific authorisation without the controller’s approval', () =>
      spec.given([proposed]).when(add(specific, day(6))).thenThrows('has not approved it', 'controllerId'));

    it('refuses it for a controller without an agreement in force', () =>
      spec.given([proposed]).when(add(NO_AGREEMENT, day(31))).thenThrows('no data-processing agreement is in force', 'controllerId'));

    it('refuses to engage it twice for the same controller', () =>
      spec.given([proposed, added('GENERAL', day(31))]).when(add(general, day(32))).thenThrows('already engaged', 'controllerId'));
  });

  describe('removing', () => {
    it('removes it, keeping the reason', () =>
      spec.given([proposed]).when(remove()).then([removed()]));

    it('refuses to engage a removed sub-processor', () =>
      spec.given([proposed, removed()]).when(add(general, day(31))).thenThrows('was removed', 'subprocessorId'));

    it('refuses to remove it twice', () => spec.given([proposed, removed()]).when(remove(day(21))).thenThrows('was removed'));

    it('answers NOT_FOUND for a sub-processor never proposed', () =>
      spec.given([]).when(remove()).thenThrows('no sub-processor sp-1', 'subprocessorId'));

    it('refuses an occurredAt earlier than the last event of the sub-processor', () =>
      spec.given([proposed, objected(day(10))]).when(remove(day(9))).thenThrows('earlier than the last event', 'occurredAt'));
  });

  describe('the authorisation state a controller sees', () => {
    const state = (events: SubprocessorEvent[]) => fold(subprocessorDecider, subprocessorDecider.initialState, events) as Subprocessor;
    const windowEnd = new Date('2026-03-31T09:00:00Z');

    it.each([
      ['general, within the window', [proposed], general, day(2), { state: 'OBJECTION_WINDOW_OPEN', objectionWindowEndsAt: windowEnd }],
      ['general, after the window', [proposed], general, day(31), { state: 'AUTHORISED', objectionWindowEndsAt: windowEnd }],
      ['general, objected', [proposed, objected()], general, day(31), { state: 'OBJECTED', objectionWindowEndsAt: windowEnd }],
      ['specific, not approved', [proposed], specific, day(2), { state: 'AWAITING_APPROVAL', objectionWindowEndsAt: null }],
      ['specific, approved', [proposed, approved()], specific, day(6), { state: 'APPROVED', objectionWindowEndsAt: null }],
      ['engaged', [proposed, approved(), added('SPECIFIC', day(6))], specific, day(7), { state: 'ENGAGED', objectionWindowEndsAt: null }],
      ['without an agreement', [proposed], NO_AGREEMENT, day(2), { state: 'NO_AGREEMENT', objectionWindowEndsAt: null }],
      ['removed', [proposed, removed()], general, day(21), { state: 'REMOVED', objectionWindowEndsAt: windowEnd }],
    ] as const)('%s', (_, events, terms, at, expected) =>
      expect(authorisationFor(state([...events]), controllerId, terms, at)).toEqual(expected));
  });
});
