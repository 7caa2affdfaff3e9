import { ART28_CLAUSES } from '@ledger/domain';
import { standardAuditAnswers } from './audit-answers';
import type { ProcessorScenario } from './scenario';

/** A B2B prospect-enrichment tool: professional e-mail addresses and phone numbers of prospects. */
export const PROSPECT_ENRICHMENT: ProcessorScenario = {
  tenantId: 'demo-prospecting',
  processorName: 'LeadScope',
  description: 'B2B prospect enrichment: prospect e-mails and phone numbers',
  agreements: [
    { controllerId: 'hooli', controllerName: 'Hooli SaaS', clauses: [...ART28_CLAUSES], subprocessorAuthorisation: 'GENERAL', objectionWindowDays: 30, breachNotificationHours: 48, signedDaysAgo: 350 },
    // A one-page agreement: nothing on data-subject requests (e) nor on audits (h).
    { controllerId: 'piedpiper', controllerName: 'Pied Piper', clauses: ['A', 'B', 'C', 'D', 'F', 'G'], subprocessorAuthorisation: 'GENERAL', objectionWindowDays: 30, breachNotificationHours: 48, signedDaysAgo: 320 },
    {
      controllerId: 'vandelay',
      controllerName: 'Vandelay Industries',
      clauses: [...ART28_CLAUSES],
      subprocessorAuthorisation: 'GENERAL',
      objectionWindowDays: 30,
      breachNotificationHours: 24,
      signedDaysAgo: 300,
      terminated: { daysAgo: 40, effectiveDaysAgo: 31, dataReturnedDaysAgo: 20 },
    },
  ],
  activities: [
    { id: 'leadscope-hooli-enrichment', controllerId: 'hooli', name: 'Prospect enrichment', categoriesOfProcessing: ['collection from public professional sources', 'e-mail verification', 'phone number lookup'], securityMeasures: 'API keys per client, encryption at rest, 12-month retention', daysAgo: 345 },
    { id: 'leadscope-piedpiper-enrichment', controllerId: 'piedpiper', name: 'CRM enrichment', categoriesOfProcessing: ['e-mail verification', 'company data matching'], transfers: [{ country: 'US', mechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }], securityMeasures: 'API keys per client, encryption at rest', daysAgo: 315 },
    { id: 'leadscope-vandelay-enrichment', controllerId: 'vandelay', name: 'Trade-show lead cleaning', categoriesOfProcessing: ['deduplication', 'e-mail verification'], securityMeasures: 'Encryption at rest', daysAgo: 295 },
  ],
  instructions: [
    { id: 'leadscope-hooli-optout', controllerId: 'hooli', subject: 'Opt-out list', text: 'Check every enriched contact against our suppression list before delivery.', channel: 'contract', daysAgo: 349, acknowledgedDaysAgo: 349 },
    {
      id: 'leadscope-piedpiper-consumers',
      controllerId: 'piedpiper',
      subject: 'Consumer e-mail campaign',
      text: 'Enrich the personal (gmail, orange.fr) addresses of the webinar list and load them into the cold e-mail sequence.',
      channel: 'call',
      daysAgo: 90,
      flaggedAsInfringing: { daysAgo: 90, reason: 'E-mail prospecting of consumers needs their prior consent (CPCE L.34-5, ePrivacy Art. 13); personal addresses are not B2B.' },
    },
  ],
  subprocessors: [
    {
      id: 'leadscope-phoneverify',
      name: 'PhoneVerify API',
      service: 'phone number validation',
      location: 'US',
      transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
      proposedDaysAgo: 240,
      objections: [{ controllerId: 'piedpiper', daysAgo: 230, reason: 'Prospect phone numbers must not leave the EEA.' }],
      additions: [{ controllerId: 'hooli', daysAgo: 205 }, { controllerId: 'vandelay', daysAgo: 205 }],
    },
    { id: 'leadscope-mailcheck', name: 'MailCheck', service: 'mailbox existence checks', location: 'DE', transferMechanism: 'NONE_EEA', proposedDaysAgo: 330, additions: [{ controllerId: 'hooli', daysAgo: 295 }, { controllerId: 'piedpiper', daysAgo: 285 }] },
  ],
  audits: [
    {
      id: 'leadscope-audit-hooli-2025',
      controllerId: 'hooli',
      requestedDaysAgo: 200,
      dueDaysAgo: 170,
      answeredDaysAgo: 185,
      submittedDaysAgo: 180,
      finding: { id: 'suppression-proof', daysAgo: 175, text: 'Suppression-list checks are not logged per delivery.', severity: 'LOW', questionId: 'instructions.documented' },
      closed: { daysAgo: 160, conclusion: 'Accepted with a logging improvement planned.' },
    },
    { id: 'leadscope-audit-piedpiper-2026', controllerId: 'piedpiper', requestedDaysAgo: 25, dueDaysAgo: 3 },
  ],
  requests: [
    { id: 'leadscope-hooli-erasure', controllerId: 'hooli', type: 'ERASURE', requester: { email: 'k.osei@example.com' }, receivedDaysAgo: 38, forwardedDaysAgo: 37 },
    { id: 'leadscope-piedpiper-access', controllerId: 'piedpiper', type: 'ACCESS', requester: { name: 'Julien Moreau', phone: '+33 6 12 34 56 78' }, receivedDaysAgo: 28, forwardedDaysAgo: 27, extended: { daysAgo: 15, months: 1, reason: 'The number appears in data bought from four brokers; sources are being traced.' } },
    { id: 'leadscope-hooli-objection', controllerId: 'hooli', type: 'OBJECTION', requester: { email: 'd.meyer@example.com' }, receivedDaysAgo: 70, forwardedDaysAgo: 70, completedDaysAgo: 68 },
  ],
  breaches: [
    {
      id: 'leadscope-leaked-key',
      detectedDaysAgo: 12,
      nature: 'A client API key committed to a public repository was used to download enrichment results.',
      dataSubjectCategories: ['prospects (professionals)'],
      approximateDataSubjectCount: 2600,
      recordCategories: ['professional e-mail addresses', 'direct phone numbers', 'job titles'],
      approximateRecordCount: 2600,
      likelyConsequences: 'Unsolicited calls and phishing aimed at the prospects.',
      measures: 'Key revoked, per-key rate limits lowered, secret scanning enabled.',
      riskLevel: 'RISK',
      controllers: [
        { controllerId: 'hooli', notifiedAfterHours: 20, authority: { afterHours: 60, authority: 'CNIL' } },
        { controllerId: 'piedpiper', notifiedAfterHours: 30 },
      ],
    },
  ],
  auditAnswers: standardAuditAnswers('LeadScope', 'France (Paris)'),
};
