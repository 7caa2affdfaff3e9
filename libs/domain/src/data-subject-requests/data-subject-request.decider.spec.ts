import { deciderSpecification } from '@ledger/testing';
import { DataSubjectRequestCommand, ReceiveDataSubjectRequest } from './data-subject-request.commands';
import { dataSubjectRequestDecider, DataSubjectRequest, isDataSubjectRequestOverdue } from './data-subject-request.decider';
import { DataSubjectRequestEvent, DataSubjectRequestEvents } from './data-subject-request.events';

const receivedAt = new Date('2026-01-31T09:00:00.000Z');
const at = (iso: string) => new Date(iso);
const now = at('2026-06-01T00:00:00.000Z');
const spec = deciderSpecification(dataSubjectRequestDecider, now);
const requestId = 'dsr-1';
const requester = { name: 'Jeanne Martin', email: 'jeanne@example.org', phone: null };

const received = (overrides: Partial<DataSubjectRequest> = {}): DataSubjectRequestEvent => ({
  type: DataSubjectRequestEvents.Received,
  schemaVersion: 1,
  occurredAt: receivedAt,
  data: { requestId, controllerId: 'acme', requestType: 'ACCESS', requester, ...overrides },
} as DataSubjectRequestEvent);
const forwarded = (when = '2026-02-01T09:00:00.000Z'): DataSubjectRequestEvent => ({
  type: DataSubjectRequestEvents.Forwarded, schemaVersion: 1, occurredAt: at(when), data: { requestId, controllerId: 'acme' },
});
const extended = (months: number, when = '2026-02-10T09:00:00.000Z', reason = 'Numerous requests'): DataSubjectRequestEvent => ({
  type: DataSubjectRequestEvents.Extended, schemaVersion: 1, occurredAt: at(when), data: { requestId, months, reason },
});
const completed = (when: string): DataSubjectRequestEvent => ({
  type: DataSubjectRequestEvents.Completed, schemaVersion: 1, occurredAt: at(when), data: { requestId },
});
const refused = (when: string): DataSubjectRequestEvent => ({
  type: DataSubjectRequestEvents.Refused, schemaVersion: 1, occurredAt: at(when), data: { requestId, reason: 'Manifestly excessive (Art. 12(5))' },
});

const receive = (overrides: Partial<ReceiveDataSubjectRequest['data']> = {}): DataSubjectRequestCommand => ({
  type: 'ReceiveDataSubjectRequest',
  data: { requestId, controllerId: 'acme', requestType: 'ACCESS', requester: { name: ' Jeanne Martin ', email: 'jeanne@example.org' }, occurredAt: receivedAt, ...overrides },
});
const forward = (when = '2026-02-01T09:00:00.000Z'): DataSubjectRequestCommand => ({ type: 'ForwardDataSubjectRequest', data: { requestId, occurredAt: at(when) } });
const extend = (months: number, when = '2026-02-10T09:00:00.000Z', reason = 'Numerous requests'): DataSubjectRequestCommand => ({
  type: 'ExtendDataSubjectRequest', data: { requestId, months, reason, occurredAt: at(when) },
});
const complete = (when = '2026-02-20T09:00:00.000Z'): DataSubjectRequestCommand => ({ type: 'CompleteDataSubjectRequest', data: { requestId, occurredAt: at(when) } });
const refuse = (reason: string, when = '2026-02-20T09:00:00.000Z'): DataSubjectRequestCommand => ({
  type: 'RefuseDataSubjectRequest', data: { requestId, reason, occurredAt: at(when) },
});
const stateAfter = (events: DataSubjectRequestEvent[]) => {
  const state = events.reduce(dataSubjectRequestDecider.evolve, dataSubjectRequestDecider.initialState);
  if (state.status === 'NONE') throw new Error('no request');
  return state;
};

describe('data-subject requests (Art. 12, Arts. 15-22, Art. 28(3)(e))', () => {
  describe('receiving', () => {
    it('records the request, its right and the requester kept apart as personal data', () =>
      spec.given([]).when(receive()).then([received()]));

    it('refuses to receive the same request twice', () => spec.given([received()]).when(receive()).thenThrows('already received'));

    it('requires a way to identify or reach the requester', () =>
      spec.given([]).when(receive({ requester: { name: ' ', email: null } })).thenThrows('name, an e-mail or a phone', 'requester'));

    it('requires the controller the request is for (Art. 28(3)(e): the processor assists the controller)', () =>
      spec.given([]).when(receive({ controllerId: ' ' })).thenThrows('controllerId must not be empty', 'controllerId'));

    it('refuses a receipt dated in the future', () =>
      spec.given([]).when(receive({ occurredAt: at('2026-07-01T00:00:00Z') })).thenThrows('in the future', 'occurredAt'));
  });

  describe('forwarding to the controller (Art. 28(3)(e))', () => {
    it('forwards the request to its controller', () => spec.given([received()]).when(forward()).then([forwarded()]));

    it('refuses to forward twice', () => spec.given([received(), forwarded()]).when(forward('2026-02-02T09:00:00.000Z')).thenThrows('already forwarded'));

    it('refuses to act on a request that was never received', () => spec.given([]).when(forward()).thenThrows(`no data-subject request ${requestId}`, 'requestId'));
  });

  describe('extending (Art. 12(3): by two further months at most, told within the first month)', () => {
    it('extends by two months with the reason', () => spec.given([received()]).when(extend(2)).then([extended(2)]));

    it('allows two extensions of one month each', () =>
      spec.given([received(), extended(1)]).when(extend(1, '2026-02-11T09:00:00.000Z')).then([extended(1, '2026-02-11T09:00:00.000Z')]));

    it('refuses more than two months in total (Art. 12(3))', () =>
      spec.given([received(), extended(1)]).when(extend(2, '2026-02-11T09:00:00.000Z')).thenThrows('at most 2 months in total', 'months'));

    it('refuses an extension of less than one whole month', () => spec.given([received()]).when(extend(0)).thenThrows('1 or more', 'months'));

    it('accepts an extension on the last moment of the first month, 28 February for a request of 31 January (Art. 12(3))', () =>
      spec.given([received()]).when(extend(2, '2026-02-28T09:00:00.000Z')).then([extended(2, '2026-02-28T09:00:00.000Z')]));

    it('refuses an extension after the first month (Art. 12(3))', () =>
      spec.given([received()]).when(extend(2, '2026-02-28T09:00:00.001Z')).thenThrows('within one month of receipt', 'occurredAt'));

    it('requires the reason for the extension (Art. 12(3))', () => spec.given([received()]).when(extend(1, undefined, ' ')).thenThrows('reason must not be empty', 'reason'));
  });

  describe('answering', () => {
    it('completes a forwarded request', () =>
      spec.given([received(), forwarded()]).when(complete()).then([completed('2026-02-20T09:00:00.000Z')]));

    it('refuses a request with the reasons (Art. 12(4))', () =>
      spec.given([received()]).when(refuse('Manifestly excessive (Art. 12(5))')).then([refused('2026-02-20T09:00:00.000Z')]));

    it('requires the reasons for a refusal (Art. 12(4))', () => spec.given([received()]).when(refuse('  ')).thenThrows('reason must not be empty', 'reason'));

    it('refuses to answer a request twice', () =>
      spec.given([received(), completed('2026-02-20T09:00:00.000Z')]).when(refuse('changed our mind', '2026-02-21T09:00:00.000Z')).thenThrows('is completed'));

    it('refuses to extend an answered request', () =>
      spec.given([received(), refused('2026-02-05T09:00:00.000Z')]).when(extend(1)).thenThrows('is refused'));

    it('refuses an answer dated before the last event of the request', () =>
      spec.given([received(), forwarded('2026-02-15T09:00:00.000Z')]).when(complete('2026-02-14T09:00:00.000Z')).thenThrows('earlier than the last event', 'occurredAt'));
  });

  describe('due date, derived from the events (Art. 12(3))', () => {
    it('is one month after receipt: 28 February for a request of 31 January', () =>
      expect(stateAfter([received()]).dueAt).toEqual(at('2026-02-28T09:00:00.000Z')));

    it('moves with each extension, counted from receipt', () => {
      expect(stateAfter([received(), extended(1)]).dueAt).toEqual(at('2026-03-31T09:00:00.000Z'));
      expect(stateAfter([received(), extended(1), extended(1, '2026-02-11T09:00:00.000Z')]).dueAt).toEqual(at('2026-04-30T09:00:00.000Z'));
    });

    it('marks an answer after the due date as late, and one on it as on time', () => {
      expect(stateAfter([received(), completed('2026-02-28T09:00:00.000Z')]).answeredLate).toBe(false);
      expect(stateAfter([received(), completed('2026-03-01T09:00:00.000Z')]).answeredLate).toBe(true);
      expect(stateAfter([received(), extended(2), completed('2026-04-01T09:00:00.000Z')]).answeredLate).toBe(false);
    });

    it('is overdue once the due date has passed without an answer, and never once answered', () => {
      const open = stateAfter([received()]);
      expect(isDataSubjectRequestOverdue(open, at('2026-02-28T09:00:00.000Z'))).toBe(false);
      expect(isDataSubjectRequestOverdue(open, at('2026-02-28T09:00:00.001Z'))).toBe(true);
      expect(isDataSubjectRequestOverdue(stateAfter([received(), completed('2026-03-05T09:00:00.000Z')]), now)).toBe(false);
    });

    it('marks a refusal after one month as late even when the request was extended (Art. 12(4))', () =>
      expect(stateAfter([received(), extended(2), refused('2026-03-15T09:00:00.000Z')]).answeredLate).toBe(true));
  });
});
