import { deciderSpecification } from '@ledger/testing';
import { QuestionnaireTemplate } from './audit-questionnaire';
import { AnswerAudit, AuditCommand, RequestAudit } from './audit.commands';
import { auditDecider } from './audit.decider';
import { AuditEvent, AuditEvents, PrefilledAnswer } from './audit.events';

const now = new Date('2026-03-10T12:00:00Z');
const day = (d: number) => new Date(`2026-03-0${d}T09:00:00Z`);
const spec = deciderSpecification(auditDecider, now);
const id = 'audit-2';
const hash = 'ab'.repeat(32);
const template: QuestionnaireTemplate = {
  templateId: 'mini-v1',
  title: 'Mini',
  questions: [
    { questionId: 'dpo.designated', topic: 'DPO', article: 'Art. 37', text: 'DPO?' },
    { questionId: 'breaches.notification', topic: 'BREACHES', article: 'Art. 33(2)', text: 'How fast?' },
  ],
};
const fromAudit1 = (questionId: string, answer = 'Yes, Jane Doe'): PrefilledAnswer => ({
  questionId,
  answer,
  evidence: [],
  cites: [],
  firstGiven: { auditId: 'audit-1', at: '2026-01-05T10:00:00.000Z', by: { id: 'alice', role: 'processor', keyId: null } },
});

const request = (data: Partial<RequestAudit['data']> = {}): AuditCommand => ({
  type: 'RequestAudit',
  data: { auditId: id, controllerId: 'acme', templateId: 'mini-v1', template, dueAt: day(8), latestAnswers: [], occurredAt: day(1), ...data },
});
const requested = (prefilled: PrefilledAnswer[] = [], at = day(1)): AuditEvent => ({
  type: AuditEvents.Requested,
  schemaVersion: 1,
  occurredAt: at,
  data: {
    auditId: id,
    controllerId: 'acme',
    templateId: 'mini-v1',
    questionIds: ['dpo.designated', 'breaches.notification'],
    dueAt: day(8).toISOString(),
    prefilled,
  },
});
const answer = (data: Partial<AnswerAudit['data']> = {}): AuditCommand => ({
  type: 'AnswerAudit',
  data: { auditId: id, questionId: 'dpo.designated', answer: 'Yes', evidence: [], cites: [], occurredAt: day(2), ...data },
});
const answered = (questionId: string, at = day(2)): AuditEvent => ({
  type: AuditEvents.Answered,
  schemaVersion: 1,
  occurredAt: at,
  data: { auditId: id, questionId, answer: 'Yes', evidence: [], cites: [] },
});
const submitted = (at = day(3)): AuditEvent => ({ type: AuditEvents.Submitted, schemaVersion: 1, occurredAt: at, data: { auditId: id } });
const closed = (at = day(5)): AuditEvent => ({ type: AuditEvents.Closed, schemaVersion: 1, occurredAt: at, data: { auditId: id, conclusion: null } });
const submit = (at = day(3)): AuditCommand => ({ type: 'SubmitAudit', data: { auditId: id, occurredAt: at } });
const raise = (data: Partial<Extract<AuditCommand, { type: 'RaiseAuditFinding' }>['data']> = {}): AuditCommand => ({
  type: 'RaiseAuditFinding',
  data: { auditId: id, findingId: 'f-1', text: 'Breach notice period not in the DPA', severity: 'MEDIUM', occurredAt: day(4), ...data },
});
const findingRaised = (at = day(4)): AuditEvent => ({
  type: AuditEvents.FindingRaised,
  schemaVersion: 1,
  occurredAt: at,
  data: { auditId: id, findingId: 'f-1', text: 'Breach notice period not in the DPA', severity: 'MEDIUM', questionId: null },
});
const close = (at = day(5), conclusion: string | null = null): AuditCommand => ({ type: 'CloseAudit', data: { auditId: id, conclusion, occurredAt: at } });
const both = [requested(), answered('dpo.designated'), answered('breaches.notification')];

describe('audits (Art. 28(3)(h): the processor allows for and contributes to audits)', () => {
  describe('requesting', () => {
    it("records the controller's request with the template's questions and the due date", () =>
      spec.given([]).when(request()).then([requested()]));

    it('pre-fills each question from the latest earlier answer, keeping where, when and by whom it was first given', () =>
      spec.given([]).when(request({ latestAnswers: [fromAudit1('breaches.notification'), fromAudit1('dpo.designated')] })).then([
        requested([fromAudit1('dpo.designated'), fromAudit1('breaches.notification')]),
      ]));

    it('pre-fills only questions of the requested template, and one answer per question (the first given is the latest)', () =>
      spec.given([]).when(request({ latestAnswers: [fromAudit1('dpo.designated'), fromAudit1('dpo.designated', 'older'), fromAudit1('retired.question')] })).then([
        requested([fromAudit1('dpo.designated')]),
      ]));

    it('refuses an unknown questionnaire template', () =>
      spec.given([]).when(request({ templateId: 'nope', template: null })).thenThrows('no questionnaire template nope', 'templateId'));

    it('refuses a due date before the request date', () =>
      spec.given([]).when(request({ dueAt: new Date('2026-03-01T08:59:59Z') })).thenThrows('dueAt must not be before the request date', 'dueAt'));

    it('requires the controller who asks for the audit', () =>
      spec.given([]).when(request({ controllerId: ' ' })).thenThrows('controllerId must not be empty', 'controllerId'));

    it('refuses to request the same audit twice', () => spec.given([requested()]).when(request()).thenThrows('already requested'));
  });

  describe('answering', () => {
    it('records an answer with its evidence fingerprints and the revision of each cited ledger stream', () =>
      spec.given([requested()]).when(answer({
        answer: ' Yes, see the register ',
        evidence: [{ name: ' dpo-letter.pdf ', sha256: hash.toUpperCase() }],
        cites: [{ stream: 'processing-activity-pa-1', revision: 2 }, { stream: 'dpa-acme', revision: 0 }, { stream: 'dpa-acme', revision: 0 }],
      })).then([
        {
          type: AuditEvents.Answered,
          schemaVersion: 1,
          occurredAt: day(2),
          data: {
            auditId: id,
            questionId: 'dpo.designated',
            answer: 'Yes, see the register',
            evidence: [{ name: 'dpo-letter.pdf', sha256: hash }],
            cites: [{ stream: 'processing-activity-pa-1', revision: 2 }, { stream: 'dpa-acme', revision: 0 }],
          },
        },
      ]));

    it('refuses a question that is not in the audit\'s template', () =>
      spec.given([requested()]).when(answer({ questionId: 'made.up' })).thenThrows('not in questionnaire mini-v1', 'questionId'));

    it('refuses an empty answer', () => spec.given([requested()]).when(answer({ answer: '  ' })).thenThrows('answer must not be empty', 'answer'));

    it('refuses an evidence document whose fingerprint is not a SHA-256', () =>
      spec.given([requested()]).when(answer({ evidence: [{ name: 'policy.pdf', sha256: 'abc' }] })).thenThrows('64 hexadecimal', 'evidence'));

    it('refuses an evidence document without a name', () =>
      spec.given([requested()]).when(answer({ evidence: [{ name: ' ', sha256: hash }] })).thenThrows('needs a name', 'evidence'));

    it('refuses to cite a stream that holds no event', () =>
      spec.given([requested()]).when(answer({ cites: [{ stream: 'dpa-nobody', revision: null }] })).thenThrows('dpa-nobody has no events', 'cites'));

    it('refuses to cite the audit itself', () =>
      spec.given([requested()]).when(answer({ cites: [{ stream: `audit-${id}`, revision: 0 }] })).thenThrows('cannot cite its own audit', 'cites'));

    it('refuses answers once the audit is submitted', () =>
      spec.given([...both, submitted()]).when(answer({ occurredAt: day(4) })).thenThrows('cannot answer: audit audit-2 is submitted'));

    it('refuses answers to an audit that was never requested', () =>
      spec.given([]).when(answer()).thenThrows(`no audit ${id}`, 'auditId'));

    it('refuses an occurredAt earlier than the last event of the audit', () =>
      spec.given([requested([], day(5))]).when(answer({ occurredAt: day(4) })).thenThrows('earlier than the last event', 'occurredAt'));
  });

  describe('submitting', () => {
    it('submits once every question is answered', () => spec.given(both).when(submit()).then([submitted()]));

    it('counts pre-filled answers as answered', () =>
      spec.given([requested([fromAudit1('dpo.designated')]), answered('breaches.notification')]).when(submit()).then([submitted()]));

    it('refuses to submit while a question is unanswered, naming it', () =>
      spec.given([requested(), answered('dpo.designated')]).when(submit()).thenThrows('1 question(s) unanswered: breaches.notification'));

    it('refuses to submit twice', () => spec.given([...both, submitted()]).when(submit(day(4))).thenThrows('is submitted'));
  });

  describe('findings', () => {
    it('raises a finding on a submitted audit', () => spec.given([...both, submitted()]).when(raise()).then([findingRaised()]));

    it('ties a finding to a question of the template when one is named', () =>
      spec.given([...both, submitted()]).when(raise({ questionId: 'made.up' })).thenThrows('not in questionnaire', 'questionId'));

    it('refuses a finding before the audit is submitted', () =>
      spec.given(both).when(raise()).thenThrows('cannot raise a finding: audit audit-2 is requested'));

    it('refuses a finding on a closed audit', () =>
      spec.given([...both, submitted(), closed()]).when(raise({ occurredAt: day(6) })).thenThrows('is closed'));

    it('refuses a finding without text', () => spec.given([...both, submitted()]).when(raise({ text: ' ' })).thenThrows('text must not be empty', 'text'));

    it('refuses a severity outside the scale', () =>
      spec.given([...both, submitted()]).when(raise({ severity: 'ANNOYING' as never })).thenThrows('severity must be one of', 'severity'));

    it('refuses to raise the same finding twice', () =>
      spec.given([...both, submitted(), findingRaised()]).when(raise({ occurredAt: day(5) })).thenThrows('already raised', 'findingId'));
  });

  describe('closing', () => {
    it('closes a submitted audit with its conclusion', () =>
      spec.given([...both, submitted(), findingRaised()]).when(close(day(5), ' Compliant with one finding ')).then([
        { type: AuditEvents.Closed, schemaVersion: 1, occurredAt: day(5), data: { auditId: id, conclusion: 'Compliant with one finding' } },
      ]));

    it('refuses to close an audit before submission', () => spec.given(both).when(close()).thenThrows('cannot close: audit audit-2 is requested'));

    it('refuses to close twice', () => spec.given([...both, submitted(), closed()]).when(close(day(6))).thenThrows('is closed'));
  });
});
