import { deciderSpecification } from '@ledger/testing';
import { BreachCommand, RecordBreach } from './breach.commands';
import { breachDecider, isAuthorityNotificationRequired, isSubjectNotificationRequired } from './breach.decider';
import { BreachDetectedData, BreachEvent, BreachEvents, BreachRiskLevel } from './breach.events';

const now = new Date('2026-03-20T12:00:00Z');
const detectedAt = new Date('2026-03-10T08:00:00Z');
const hoursLater = (h: number) => new Date(detectedAt.getTime() + h * 3_600_000);
const spec = deciderSpecification(breachDecider, now);
const breachId = 'breach-1';

const facts: BreachDetectedData = {
  breachId,
  nature: 'Backup bucket readable without authentication',
  dataSubjectCategories: ['employees'],
  approximateDataSubjectCount: 1200,
  recordCategories: ['badge access logs'],
  approximateRecordCount: 50_000,
  likelyConsequences: 'Disclosure of office presence patterns',
  measures: 'Bucket made private, access keys rotated',
  controllerIds: ['acme', 'globex'],
  riskLevel: 'RISK',
};

const detected = (overrides: Partial<BreachDetectedData> = {}): BreachEvent => ({
  type: BreachEvents.Detected, schemaVersion: 1, occurredAt: detectedAt, data: { ...facts, ...overrides },
});
const controllerNotified = (controllerId = 'acme', at = hoursLater(2)): BreachEvent => ({
  type: BreachEvents.ControllerNotified, schemaVersion: 1, occurredAt: at, data: { breachId, controllerId },
});
const authorityNotified = (controllerId = 'acme', at = hoursLater(30)): BreachEvent => ({
  type: BreachEvents.AuthorityNotified, schemaVersion: 1, occurredAt: at, data: { breachId, controllerId, authority: 'CNIL', delayReasons: null },
});
const subjectsNotified = (controllerId = 'acme', at = hoursLater(40)): BreachEvent => ({
  type: BreachEvents.SubjectsNotified, schemaVersion: 1, occurredAt: at, data: { breachId, controllerId, means: 'e-mail to each employee' },
});
const closed = (at = hoursLater(100)): BreachEvent => ({ type: BreachEvents.Closed, schemaVersion: 1, occurredAt: at, data: { breachId, summary: null } });

const record = (overrides: Partial<RecordBreach['data']> = {}): BreachCommand => ({
  type: 'RecordBreach', data: { ...facts, occurredAt: detectedAt, ...overrides },
});
const notifyController = (controllerId = 'acme', at = hoursLater(2)): BreachCommand => ({
  type: 'NotifyControllerOfBreach', data: { breachId, controllerId, occurredAt: at },
});
const notifyAuthority = (at: Date, delayReasons: string | null = null, controllerId = 'acme'): BreachCommand => ({
  type: 'NotifyAuthorityOfBreach', data: { breachId, controllerId, authority: 'CNIL', delayReasons, occurredAt: at },
});
const notifySubjects = (controllerId = 'acme', at = hoursLater(40)): BreachCommand => ({
  type: 'NotifySubjectsOfBreach', data: { breachId, controllerId, means: 'e-mail to each employee', occurredAt: at },
});
const close = (at = hoursLater(100), summary: string | null = 'Root cause fixed'): BreachCommand => ({
  type: 'CloseBreach', data: { breachId, summary, occurredAt: at },
});
const bothTold = [detected(), controllerNotified('acme'), controllerNotified('globex', hoursLater(3))];

describe('personal-data breaches (Arts. 33 and 34)', () => {
  describe('recording (Art. 33(5): every breach is documented, notified or not)', () => {
    it('records the facts Art. 33(3) asks for, detected at the occurredAt', () =>
      spec.given([]).when(record({ controllerIds: [' acme', 'globex', 'acme'] })).then([detected()]));

    it('records a breach unlikely to result in a risk too', () =>
      spec.given([]).when(record({ riskLevel: 'UNLIKELY' })).then([detected({ riskLevel: 'UNLIKELY' })]));

    it('refuses to record the same breach twice', () => spec.given([detected()]).when(record()).thenThrows('already recorded'));

    it('requires the nature of the breach (Art. 33(3)(a))', () =>
      spec.given([]).when(record({ nature: ' ' })).thenThrows('nature must not be empty', 'nature'));

    it('requires the categories of data subjects concerned (Art. 33(3)(a))', () =>
      spec.given([]).when(record({ dataSubjectCategories: [' '] })).thenThrows('at least one', 'dataSubjectCategories'));

    it('requires the categories of records concerned (Art. 33(3)(a))', () =>
      spec.given([]).when(record({ recordCategories: [] })).thenThrows('at least one', 'recordCategories'));

    it('requires an approximate number of data subjects that is a whole number (Art. 33(3)(a))', () =>
      spec.given([]).when(record({ approximateDataSubjectCount: -1 })).thenThrows('whole number', 'approximateDataSubjectCount'));

    it('requires an approximate number of records that is a whole number (Art. 33(3)(a))', () =>
      spec.given([]).when(record({ approximateRecordCount: 2.5 })).thenThrows('whole number', 'approximateRecordCount'));

    it('requires the likely consequences (Art. 33(3)(c))', () =>
      spec.given([]).when(record({ likelyConsequences: '' })).thenThrows('likelyConsequences must not be empty', 'likelyConsequences'));

    it('requires the measures taken or proposed (Art. 33(3)(d))', () =>
      spec.given([]).when(record({ measures: '' })).thenThrows('measures must not be empty', 'measures'));

    it('requires at least one affected controller (Art. 33(2): the processor tells its controllers)', () =>
      spec.given([]).when(record({ controllerIds: [] })).thenThrows('at least one', 'controllerIds'));

    it('refuses a breach detected in the future', () =>
      spec.given([]).when(record({ occurredAt: new Date('2026-03-21T00:00:00Z') })).thenThrows('in the future', 'occurredAt'));
  });

  describe('notifying each controller (Art. 33(2): without undue delay)', () => {
    it('records when the processor told an affected controller', () =>
      spec.given([detected()]).when(notifyController()).then([controllerNotified()]));

    it('refuses to notify a controller the breach does not affect', () =>
      spec.given([detected()]).when(notifyController('initech')).thenThrows('not affected', 'controllerId'));

    it('refuses to notify the same controller twice', () =>
      spec.given([detected(), controllerNotified()]).when(notifyController('acme', hoursLater(3))).thenThrows('already notified', 'controllerId'));

    it('refuses a notification dated before the detection', () =>
      spec.given([detected()]).when(notifyController('acme', hoursLater(-1))).thenThrows('earlier than the last event', 'occurredAt'));

    it('refuses to act on a breach that was never recorded', () =>
      spec.given([]).when(notifyController()).thenThrows(`no breach ${breachId}`, 'breachId'));
  });

  describe('notifying the supervisory authority (Art. 33(1): within 72 hours of becoming aware)', () => {
    it('records a notification within 72 hours without reasons for delay', () =>
      spec.given([detected(), controllerNotified()]).when(notifyAuthority(hoursLater(30))).then([authorityNotified()]));

    it('counts the notification at the 72nd hour as on time', () =>
      spec.given([detected(), controllerNotified()]).when(notifyAuthority(hoursLater(72))).then([authorityNotified('acme', hoursLater(72))]));

    it('refuses a notification more than 72 hours after the controller was told that does not state the reasons for the delay (Art. 33(1))', () =>
      spec.given([detected(), controllerNotified()]).when(notifyAuthority(hoursLater(75), '  ')).thenThrows('reasons for the delay', 'delayReasons'));

    it('accepts a late notification that states the reasons for the delay (Art. 33(1))', () =>
      spec.given([detected(), controllerNotified()]).when(notifyAuthority(hoursLater(75), 'Forensics needed to scope the breach')).then([
        { ...authorityNotified('acme', hoursLater(75)), data: { breachId, controllerId: 'acme', authority: 'CNIL', delayReasons: 'Forensics needed to scope the breach' } } as BreachEvent,
      ]));

    it("counts the controller's 72 hours from when its processor told it, not from the processor's own awareness (Art. 33(1)-(2))", () =>
      spec
        .given([detected(), controllerNotified('acme', hoursLater(50))])
        .when(notifyAuthority(hoursLater(110)))
        .then([authorityNotified('acme', hoursLater(110))]));

    it('allows notifying the authority of a breach unlikely to result in a risk, though Art. 33(1) does not require it', () =>
      spec.given([detected({ riskLevel: 'UNLIKELY' }), controllerNotified()]).when(notifyAuthority(hoursLater(30))).then([authorityNotified()]));

    it('refuses a notification for a controller the processor has not told yet: the controller becomes aware through the processor (Art. 33(2))', () =>
      spec.given([detected()]).when(notifyAuthority(hoursLater(30))).thenThrows('has not been notified', 'controllerId'));

    it('refuses a second notification for the same controller', () =>
      spec.given([detected(), controllerNotified(), authorityNotified()]).when(notifyAuthority(hoursLater(31))).thenThrows('already notified', 'controllerId'));

    it('requires the authority notified', () =>
      spec.given([detected(), controllerNotified()]).when({ ...notifyAuthority(hoursLater(30)), data: { breachId, controllerId: 'acme', authority: ' ', occurredAt: hoursLater(30) } } as BreachCommand).thenThrows('authority must not be empty', 'authority'));
  });

  describe('communicating the breach to the data subjects (Art. 34)', () => {
    it('records the communication of a high-risk breach (Art. 34(1))', () =>
      spec.given([detected({ riskLevel: 'HIGH_RISK' }), controllerNotified()]).when(notifySubjects()).then([subjectsNotified()]));

    it.each<BreachRiskLevel>(['RISK', 'UNLIKELY'])('allows telling the subjects of a %s breach: Art. 34(1) requires it only for a high risk, and nothing forbids it', (riskLevel) =>
      spec.given([detected({ riskLevel }), controllerNotified()]).when(notifySubjects()).then([subjectsNotified()]));

    it('refuses it before the controller was told of the breach', () =>
      spec.given([detected({ riskLevel: 'HIGH_RISK' })]).when(notifySubjects()).thenThrows('has not been notified', 'controllerId'));

    it('refuses to record it twice for one controller', () =>
      spec.given([detected({ riskLevel: 'HIGH_RISK' }), controllerNotified(), subjectsNotified()]).when(notifySubjects('acme', hoursLater(41))).thenThrows('already notified', 'controllerId'));

    it('requires how the subjects were told (Art. 34(3)(c) allows a public communication)', () =>
      spec.given([detected({ riskLevel: 'HIGH_RISK' }), controllerNotified()]).when({ type: 'NotifySubjectsOfBreach', data: { breachId, controllerId: 'acme', means: '', occurredAt: hoursLater(40) } }).thenThrows('means must not be empty', 'means'));
  });

  describe('closing', () => {
    it('closes a breach once every affected controller has been notified, even with no authority notification (Art. 33(5))', () =>
      spec.given(bothTold).when(close()).then([{ type: BreachEvents.Closed, schemaVersion: 1, occurredAt: hoursLater(100), data: { breachId, summary: 'Root cause fixed' } }]));

    it('refuses to close while an affected controller has not been notified (Art. 33(2))', () =>
      spec.given([detected(), controllerNotified('acme')]).when(close()).thenThrows('controllers not notified yet: globex'));

    it("still records a controller's notification of the authority after the processor closed its record (Art. 33(1) is the controller's duty)", () =>
      spec.given([...bothTold, closed()]).when(notifyAuthority(hoursLater(101), 'late')).then([
        {
          type: BreachEvents.AuthorityNotified,
          schemaVersion: 1,
          occurredAt: hoursLater(101),
          data: { breachId, controllerId: 'acme', authority: 'CNIL', delayReasons: 'late' },
        },
      ]));

    it('refuses to notify another controller after closing: closing needed every controller told', () =>
      spec.given([...bothTold, closed()]).when({ type: 'NotifyControllerOfBreach', data: { breachId, controllerId: 'acme', occurredAt: hoursLater(101) } }).thenThrows('is closed'));

    it('refuses to close twice', () => spec.given([...bothTold, closed()]).when(close(hoursLater(101))).thenThrows('is closed'));
  });

  describe('what the risk level requires', () => {
    it.each<[BreachRiskLevel, boolean, boolean]>([
      ['UNLIKELY', false, false],
      ['RISK', true, false],
      ['HIGH_RISK', true, true],
    ])('%s: authority notification required %s (Art. 33(1)), subjects told %s (Art. 34(1))', (riskLevel, authority, subjects) => {
      expect(isAuthorityNotificationRequired(riskLevel)).toBe(authority);
      expect(isSubjectNotificationRequired(riskLevel)).toBe(subjects);
    });
  });

  describe('state', () => {
    const stateAfter = (events: BreachEvent[]) => events.reduce(breachDecider.evolve, breachDecider.initialState);

    it('derives the 72-hour deadline from the detection and marks a late notification (Art. 33(1))', () => {
      const late = { ...authorityNotified('acme', hoursLater(80)), data: { breachId, controllerId: 'acme', authority: 'CNIL', delayReasons: 'Scoping' } } as BreachEvent;
      const state = stateAfter([...bothTold, authorityNotified('globex', hoursLater(71)), late]);
      if (state.status === 'NONE') throw new Error('no breach');
      expect(state.authorityNotificationDeadline).toEqual(hoursLater(72));
      expect(state.controllers).toEqual([
        expect.objectContaining({ controllerId: 'acme', notifiedAt: hoursLater(2), authorityNotifiedAt: hoursLater(80), authorityNotificationLate: true, delayReasons: 'Scoping' }),
        expect.objectContaining({ controllerId: 'globex', notifiedAt: hoursLater(3), authorityNotifiedAt: hoursLater(71), authorityNotificationLate: false }),
      ]);
    });

    it("marks a notification on time when it came within 72 hours of the controller's awareness, though more than 72 after detection (Art. 33(1))", () => {
      const state = stateAfter([detected(), controllerNotified('acme', hoursLater(50)), authorityNotified('acme', hoursLater(110))]);
      if (state.status === 'NONE') throw new Error('no breach');
      expect(state.controllers[0]).toMatchObject({ controllerId: 'acme', authorityNotifiedAt: hoursLater(110), authorityNotificationLate: false });
    });
  });
});
