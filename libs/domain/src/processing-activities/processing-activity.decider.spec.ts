import { deciderSpecification, EMPTY_ACTIVITY_DETAILS } from '@ledger/testing';
import { ProcessingActivityCommand, RecordProcessingActivity } from './processing-activity.commands';
import { processingActivityDecider } from './processing-activity.decider';
import { ProcessingActivityDetails, ProcessingActivityEvent, ProcessingActivityEvents } from './processing-activity.events';

const now = new Date('2026-03-10T12:00:00Z');
const day = (d: number) => new Date(`2026-03-0${d}T09:00:00Z`);
const spec = deciderSpecification(processingActivityDecider, now);
const id = 'pa-1';

const empty: ProcessingActivityDetails = EMPTY_ACTIVITY_DETAILS;
const forAcme: ProcessingActivityDetails = {
  ...empty,
  name: 'Desk booking for Acme staff',
  categoriesOfProcessing: ['hosting', 'desk reservation'],
  transfers: [{ country: 'US', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }],
  securityMeasures: 'Encryption at rest, SSO, quarterly restore tests',
};
const ownPayroll: ProcessingActivityDetails = {
  ...empty,
  name: 'Payroll of our employees',
  purposes: ['pay salaries'],
  dataSubjectCategories: ['employees'],
  personalDataCategories: ['identity', 'bank details'],
  recipientCategories: ['payroll provider', 'tax authority'],
  legalBases: ['LEGAL_OBLIGATION', 'CONTRACT'],
  erasureTimeLimits: '5 years after the end of employment',
};

type RecordData = RecordProcessingActivity['data'];
const recordForAcme = (data: Partial<RecordData> = {}): ProcessingActivityCommand => ({
  type: 'RecordProcessingActivity',
  data: { processingActivityId: id, role: 'PROCESSOR', controllerId: 'acme', ...forAcme, occurredAt: day(1), ...data },
});
const recordPayroll = (data: Partial<RecordData> = {}): ProcessingActivityCommand => ({
  type: 'RecordProcessingActivity',
  data: { processingActivityId: id, role: 'CONTROLLER', ...ownPayroll, occurredAt: day(1), ...data },
});
const recorded = (at = day(1)): ProcessingActivityEvent => ({
  type: ProcessingActivityEvents.Recorded,
  schemaVersion: 1,
  occurredAt: at,
  data: { processingActivityId: id, role: 'PROCESSOR', controllerId: 'acme', ...forAcme },
});
const amend = (details: Partial<ProcessingActivityDetails>, at = day(2)): ProcessingActivityCommand => ({
  type: 'AmendProcessingActivity',
  data: { processingActivityId: id, ...forAcme, ...details, occurredAt: at },
});
const retired = (at = day(3)): ProcessingActivityEvent => ({
  type: ProcessingActivityEvents.Retired, schemaVersion: 1, occurredAt: at, data: { processingActivityId: id, reason: null },
});
const retire = (at = day(3), reason: string | null = ' contract ended '): ProcessingActivityCommand => ({
  type: 'RetireProcessingActivity', data: { processingActivityId: id, reason, occurredAt: at },
});

describe('records of processing activities (Art. 30)', () => {
  describe("the processor's record (Art. 30(2))", () => {
    it('records the categories of processing carried out for a controller, with transfers and security measures', () =>
      spec.given([]).when(recordForAcme({ categoriesOfProcessing: [' hosting ', 'desk reservation', 'hosting', ''] })).then([recorded()]));

    it('requires the controller on whose behalf the processor acts (Art. 30(2)(a))', () =>
      spec.given([]).when(recordForAcme({ controllerId: ' ' })).thenThrows('controllerId is required', 'controllerId'));

    it('requires the categories of processing carried out for the controller (Art. 30(2)(b))', () =>
      spec.given([]).when(recordForAcme({ categoriesOfProcessing: ['  '] })).thenThrows('Art. 30(2)(b)', 'categoriesOfProcessing'));

    it("refuses purposes: the controller determines them, they are no column of the processor's record (Art. 30(2))", () =>
      spec.given([]).when(recordForAcme({ purposes: ['marketing'] })).thenThrows('not a column', 'purposes'));

    it('keeps security measures optional: 30(2)(d) asks for them "where possible"', () =>
      spec.given([]).when(recordForAcme({ securityMeasures: '  ' })).then([
        { ...recorded(), data: { ...recorded().data, securityMeasures: null } } as ProcessingActivityEvent,
      ]));
  });

  describe("the controller's record (Art. 30(1))", () => {
    it("records the tenant's own processing with purposes, categories, recipients, legal bases and erasure limits", () =>
      spec.given([]).when(recordPayroll()).then([
        {
          type: ProcessingActivityEvents.Recorded,
          schemaVersion: 1,
          occurredAt: day(1),
          data: { processingActivityId: id, role: 'CONTROLLER', controllerId: null, ...ownPayroll },
        },
      ]));

    it('requires the purposes (Art. 30(1)(b))', () =>
      spec.given([]).when(recordPayroll({ purposes: [] })).thenThrows('Art. 30(1)(b)', 'purposes'));

    it('requires the categories of data subjects (Art. 30(1)(c))', () =>
      spec.given([]).when(recordPayroll({ dataSubjectCategories: null })).thenThrows('Art. 30(1)(c)', 'dataSubjectCategories'));

    it('requires the categories of personal data (Art. 30(1)(c))', () =>
      spec.given([]).when(recordPayroll({ personalDataCategories: [] })).thenThrows('Art. 30(1)(c)', 'personalDataCategories'));

    it('requires the categories of recipients (Art. 30(1)(d))', () =>
      spec.given([]).when(recordPayroll({ recipientCategories: [] })).thenThrows('Art. 30(1)(d)', 'recipientCategories'));

    it('requires a lawful basis (Art. 6(1))', () =>
      spec.given([]).when(recordPayroll({ legalBases: [] })).thenThrows('Art. 6(1)', 'legalBases'));

    it('refuses a lawful basis that Art. 6(1) does not list', () =>
      spec.given([]).when(recordPayroll({ legalBases: ['CURIOSITY' as never] })).thenThrows('not an Art. 6(1) lawful basis', 'legalBases'));

    it('names no client controller: it is the record of the tenant acting as controller (Art. 30(1))', () =>
      spec.given([]).when(recordPayroll({ controllerId: 'acme' })).thenThrows('names no client controller', 'controllerId'));

    it("refuses categories of processing, a column of the processor's record only (Art. 30(2)(b))", () =>
      spec.given([]).when(recordPayroll({ categoriesOfProcessing: ['hosting'] })).thenThrows('not a column', 'categoriesOfProcessing'));
  });

  describe('transfers to third countries (Art. 30(1)(e), 30(2)(c))', () => {
    it('refuses a country that is not an ISO 3166-1 alpha-2 code', () =>
      spec.given([]).when(recordForAcme({ transfers: [{ country: 'USA', mechanism: 'ADEQUACY_DECISION' }] })).thenThrows('alpha-2', 'transfers'));

    it('refuses an EEA country: it is not a third country (Chapter V)', () =>
      spec.given([]).when(recordForAcme({ transfers: [{ country: 'no', mechanism: 'ADEQUACY_DECISION' }] })).thenThrows('in the EEA', 'transfers'));

    it('requires the safeguard of each transfer (Arts. 45-49)', () =>
      spec.given([]).when(recordForAcme({ transfers: [{ country: 'IN', mechanism: 'HANDSHAKE' as never }] })).thenThrows('needs a safeguard', 'transfers'));
  });

  it('requires a name for the activity', () => spec.given([]).when(recordForAcme({ name: ' ' })).thenThrows('name must not be empty', 'name'));

  it('refuses to record the same activity twice', () => spec.given([recorded()]).when(recordForAcme()).thenThrows('already recorded'));

  it('refuses a record dated in the future', () =>
    spec.given([]).when(recordForAcme({ occurredAt: new Date('2026-03-11T00:00:00Z') })).thenThrows('in the future', 'occurredAt'));

  describe('amending', () => {
    it('replaces the columns and keeps the role and controller', () =>
      spec.given([recorded()]).when(amend({ transfers: [] })).then([
        { type: ProcessingActivityEvents.Amended, schemaVersion: 1, occurredAt: day(2), data: { processingActivityId: id, ...forAcme, transfers: [] } },
      ]));

    it("checks the amended record against its own paragraph of Art. 30 (30(2)(b) for the processor's)", () =>
      spec.given([recorded()]).when(amend({ categoriesOfProcessing: [] })).thenThrows('Art. 30(2)(b)', 'categoriesOfProcessing'));

    it('refuses an amendment that changes nothing', () =>
      spec.given([recorded()]).when(amend({})).thenThrows('changes nothing'));

    it('refuses to amend an activity that was never recorded', () =>
      spec.given([]).when(amend({ name: 'x' })).thenThrows(`no processing activity ${id}`, 'processingActivityId'));

    it('refuses to amend a retired activity', () =>
      spec.given([recorded(), retired()]).when(amend({ name: 'x' }, day(4))).thenThrows('is retired'));

    it('refuses an occurredAt earlier than the last event of the record', () =>
      spec.given([recorded(day(5))]).when(amend({ name: 'x' }, day(4))).thenThrows('earlier than the last event', 'occurredAt'));
  });

  describe('retiring', () => {
    it('retires an activity in force, keeping the reason', () =>
      spec.given([recorded()]).when(retire()).then([
        { type: ProcessingActivityEvents.Retired, schemaVersion: 1, occurredAt: day(3), data: { processingActivityId: id, reason: 'contract ended' } },
      ]));

    it('refuses to retire twice', () => spec.given([recorded(), retired()]).when(retire(day(4))).thenThrows('is retired'));

    it('refuses to retire an activity that was never recorded', () =>
      spec.given([]).when(retire()).thenThrows(`no processing activity ${id}`, 'processingActivityId'));
  });
});
