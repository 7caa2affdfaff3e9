import { deciderSpecification } from '@ledger/testing';
import type { EraseSubject } from './subject-erasure.commands';
import { subjectErasureDecider } from './subject-erasure.decider';
import { type SubjectErasureEvent, SubjectErasureEvents } from './subject-erasure.events';

const now = new Date('2026-06-01T00:00:00.000Z');
const at = (iso: string) => new Date(iso);
const spec = deciderSpecification(subjectErasureDecider, now);
const subjectId = 'subj-0123456789abcdef0123456789abcdef';

const erase = (overrides: Partial<EraseSubject['data']> = {}): EraseSubject => ({
  type: 'EraseSubject',
  data: { subjectId, ground: 'CONSENT_WITHDRAWN', reason: ' Erasure request dsr-1 ', keyHeld: true, occurredAt: at('2026-05-01T09:00:00.000Z'), ...overrides },
});
const erased = (when = '2026-05-01T09:00:00.000Z'): SubjectErasureEvent => ({
  type: SubjectErasureEvents.Erased,
  schemaVersion: 1,
  occurredAt: at(when),
  data: { subjectId, ground: 'CONSENT_WITHDRAWN', reason: 'Erasure request dsr-1' },
});

describe('erasing a data subject by destroying their key (Art. 17)', () => {
  it('records the erasure with its Art. 17(1) ground and reason, naming the subject by pseudonym only', () =>
    spec.given([]).when(erase()).then([erased()]));

  it('refuses a subject about whom the ledger holds no personal data', () =>
    spec.given([]).when(erase({ keyHeld: false })).thenThrows('holds no personal data', 'subjectId'));

  it('refuses to erase a subject twice when nothing was recorded about them since', () =>
    spec.given([erased()]).when(erase({ keyHeld: false, occurredAt: at('2026-05-02T09:00:00.000Z') })).thenThrows('already erased', 'subjectId'));

  it('erases again a subject about whom new personal data was recorded since (a new key exists)', () =>
    spec.given([erased()]).when(erase({ occurredAt: at('2026-05-02T09:00:00.000Z') })).then([erased('2026-05-02T09:00:00.000Z')]));

  it('requires the reason for the record (Art. 5(2) accountability)', () => spec.given([]).when(erase({ reason: '  ' })).thenThrows('reason must not be empty', 'reason'));

  it('refuses an erasure dated in the future or before the previous one', () => {
    spec.given([]).when(erase({ occurredAt: at('2026-07-01T00:00:00.000Z') })).thenThrows('in the future', 'occurredAt');
    spec.given([erased()]).when(erase({ occurredAt: at('2026-04-01T00:00:00.000Z') })).thenThrows('earlier than the last event', 'occurredAt');
  });
});
