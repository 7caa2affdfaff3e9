import { ART28_CLAUSES } from '@ledger/domain';
import { standardAuditAnswers } from './audit-answers';
import type { ProcessorScenario } from './scenario';

/** An online training platform: its clients' employees as learners, with one breach notified end to end. */
export const ONLINE_TRAINING: ProcessorScenario = {
  tenantId: 'demo-training',
  processorName: 'LearnHub',
  description: 'online training platform: learner accounts, course progress, certificates',
  agreements: [
    { controllerId: 'globex', controllerName: 'Globex Pharma', clauses: [...ART28_CLAUSES], subprocessorAuthorisation: 'GENERAL', objectionWindowDays: 30, breachNotificationHours: 24, signedDaysAgo: 365 },
    // Signed on the client's paper, which forgot the assistance clause (f).
    { controllerId: 'initech', controllerName: 'Initech', clauses: ['A', 'B', 'C', 'D', 'E', 'G', 'H'], subprocessorAuthorisation: 'GENERAL', objectionWindowDays: 14, breachNotificationHours: 72, signedDaysAgo: 300 },
    {
      controllerId: 'umbrella',
      controllerName: 'Umbrella Consulting',
      clauses: [...ART28_CLAUSES],
      subprocessorAuthorisation: 'SPECIFIC',
      objectionWindowDays: 30,
      breachNotificationHours: 48,
      signedDaysAgo: 280,
      terminated: { daysAgo: 70, effectiveDaysAgo: 60, dataDeletedDaysAgo: 50 },
    },
  ],
  activities: [
    { id: 'learnhub-globex-lms', controllerId: 'globex', name: 'Compliance training for employees', categoriesOfProcessing: ['learner accounts', 'course progress tracking', 'certificate issuing'], transfers: [{ country: 'US', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }], securityMeasures: 'SSO with the client IdP, encryption at rest, yearly penetration test', daysAgo: 360 },
    { id: 'learnhub-initech-lms', controllerId: 'initech', name: 'Onboarding courses', categoriesOfProcessing: ['learner accounts', 'course progress tracking'], securityMeasures: 'Password + TOTP, encryption at rest', daysAgo: 295 },
    { id: 'learnhub-umbrella-lms', controllerId: 'umbrella', name: 'Consultant certification', categoriesOfProcessing: ['learner accounts', 'exam proctoring results'], securityMeasures: 'SSO, encryption at rest', daysAgo: 275 },
  ],
  instructions: [
    { id: 'learnhub-globex-reminders', controllerId: 'globex', subject: 'Reminder e-mails', text: 'Send two reminders before a mandatory course is due, none after.', channel: 'portal', daysAgo: 330, acknowledgedDaysAgo: 330 },
    {
      id: 'learnhub-initech-ratings',
      controllerId: 'initech',
      subject: 'Quiz scores in performance reviews',
      text: 'Export every learner quiz score, including failed attempts, to the HR performance-review tool without informing the learners.',
      channel: 'email',
      daysAgo: 200,
      flaggedAsInfringing: { daysAgo: 199, reason: 'Learners were told their scores are for training only: a new purpose without information breaks Arts. 5(1)(b) and 13(3).' },
    },
  ],
  subprocessors: [
    {
      id: 'learnhub-videostream',
      name: 'VideoStream CDN',
      service: 'course video hosting and streaming',
      location: 'US',
      transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
      proposedDaysAgo: 250,
      objections: [{ controllerId: 'initech', daysAgo: 240, reason: 'Learner viewing logs must stay in the EEA.' }],
      approvals: [{ controllerId: 'umbrella', daysAgo: 245 }],
      additions: [{ controllerId: 'umbrella', daysAgo: 244 }, { controllerId: 'globex', daysAgo: 215 }],
    },
    { id: 'learnhub-mailrelay', name: 'MailRelay', service: 'transactional e-mail', location: 'DE', transferMechanism: 'NONE_EEA', proposedDaysAgo: 150, additions: [{ controllerId: 'initech', daysAgo: 130 }, { controllerId: 'globex', daysAgo: 110 }] },
  ],
  audits: [
    {
      id: 'learnhub-audit-globex-2025',
      controllerId: 'globex',
      requestedDaysAgo: 180,
      dueDaysAgo: 150,
      answeredDaysAgo: 170,
      submittedDaysAgo: 160,
      finding: { id: 'certificate-links', daysAgo: 155, text: 'Certificate download links never expire.', severity: 'HIGH', questionId: 'security.encryption' },
    },
    { id: 'learnhub-audit-initech-2026', controllerId: 'initech', requestedDaysAgo: 40, dueDaysAgo: 10 },
  ],
  requests: [
    { id: 'learnhub-initech-access', controllerId: 'initech', type: 'ACCESS', requester: { name: 'Tom Becker', email: 'tom.becker@example.org' }, receivedDaysAgo: 50 },
    { id: 'learnhub-globex-portability', controllerId: 'globex', type: 'PORTABILITY', requester: { email: 'r.nakamura@example.org' }, receivedDaysAgo: 25, forwardedDaysAgo: 25, extended: { daysAgo: 20, months: 1, reason: 'Certificates from five years of courses must be regenerated.' } },
    { id: 'learnhub-globex-erasure', controllerId: 'globex', type: 'ERASURE', requester: { name: 'Eva Lindqvist' }, receivedDaysAgo: 130, forwardedDaysAgo: 129, completedDaysAgo: 115 },
  ],
  breaches: [
    {
      id: 'learnhub-certificate-bucket',
      detectedDaysAgo: 120,
      nature: 'A storage bucket holding course certificates was publicly listable for nine days.',
      dataSubjectCategories: ['learners'],
      approximateDataSubjectCount: 4200,
      recordCategories: ['names', 'course titles', 'completion dates'],
      approximateRecordCount: 11800,
      likelyConsequences: 'Targeted phishing using course and employer names.',
      measures: 'Bucket made private, links rotated, access logs reviewed: 3 external downloads.',
      riskLevel: 'HIGH_RISK',
      controllers: [
        { controllerId: 'globex', notifiedAfterHours: 6, authority: { afterHours: 40, authority: 'CNIL' }, subjects: { afterHours: 96, means: 'individual e-mail to each learner' } },
        { controllerId: 'initech', notifiedAfterHours: 8, authority: { afterHours: 90, authority: 'BfDI', delayReasons: 'The client needed the download logs to assess which learners were affected.' } },
      ],
      closedDaysAgo: 100,
      summary: 'Notified to both clients within hours; bucket policies now checked in CI.',
    },
  ],
  auditAnswers: standardAuditAnswers('LearnHub', 'Germany (Frankfurt)'),
};
