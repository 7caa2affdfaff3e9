import { ART28_CLAUSES } from '@ledger/domain';
import { standardAuditAnswers } from './audit-answers';
import type { ProcessorScenario } from './scenario';

/** An HR flex-office tool: employees' presence and desk bookings, synced with calendars and the office suite. */
export const HR_FLEX_OFFICE: ProcessorScenario = {
  tenantId: 'default',
  processorName: 'DeskFlow',
  description: 'HR flex-office tool: employee presence and desk bookings',
  agreements: [
    { controllerId: 'northwind', controllerName: 'Northwind Logistics', clauses: [...ART28_CLAUSES], subprocessorAuthorisation: 'GENERAL', objectionWindowDays: 30, breachNotificationHours: 24, signedDaysAgo: 360 },
    // An older contract template: no clause on audits (h) nor on the end of the contract (g).
    { controllerId: 'contoso', controllerName: 'Contoso Insurance', clauses: ['A', 'B', 'C', 'D', 'E', 'F'], subprocessorAuthorisation: 'SPECIFIC', objectionWindowDays: 30, breachNotificationHours: 48, signedDaysAgo: 350 },
    {
      controllerId: 'fabrikam',
      controllerName: 'Fabrikam Retail',
      clauses: [...ART28_CLAUSES],
      subprocessorAuthorisation: 'GENERAL',
      objectionWindowDays: 15,
      breachNotificationHours: 36,
      signedDaysAgo: 340,
      terminated: { daysAgo: 120, effectiveDaysAgo: 90, dataReturnedDaysAgo: 85, dataDeletedDaysAgo: 80 },
    },
  ],
  activities: [
    { id: 'deskflow-northwind-booking', controllerId: 'northwind', name: 'Desk booking and office presence', categoriesOfProcessing: ['storage', 'desk booking', 'presence statistics per floor'], securityMeasures: 'SSO, role-based access, encryption at rest, daily backups', daysAgo: 355 },
    { id: 'deskflow-northwind-calendar', controllerId: 'northwind', name: 'Calendar synchronisation', categoriesOfProcessing: ['calendar event sync', 'meeting-room booking'], securityMeasures: 'OAuth scopes limited to free/busy and room calendars', daysAgo: 300 },
    { id: 'deskflow-contoso-booking', controllerId: 'contoso', name: 'Desk booking', categoriesOfProcessing: ['storage', 'desk booking'], securityMeasures: 'SSO, role-based access, encryption at rest', daysAgo: 345 },
    { id: 'deskflow-fabrikam-booking', controllerId: 'fabrikam', name: 'Store back-office desk booking', categoriesOfProcessing: ['storage', 'desk booking'], securityMeasures: 'SSO, encryption at rest', daysAgo: 335 },
  ],
  instructions: [
    { id: 'deskflow-northwind-retention', controllerId: 'northwind', subject: 'Retention of bookings', text: 'Delete individual desk bookings 13 months after the booked day; keep only aggregated floor statistics.', channel: 'email', daysAgo: 340, acknowledgedDaysAgo: 339 },
    {
      id: 'deskflow-contoso-export',
      controllerId: 'contoso',
      subject: 'Presence report per employee',
      text: "Send every Monday each employee's office days of the last month to their line manager's personal e-mail address.",
      channel: 'ticket',
      daysAgo: 150,
      flaggedAsInfringing: { daysAgo: 149, reason: 'Sending presence data to personal mailboxes has no security safeguards (Art. 32) and exceeds the purpose of desk booking (Art. 5(1)(b)).' },
    },
    { id: 'deskflow-fabrikam-closure', controllerId: 'fabrikam', subject: 'Close the account', text: 'Stop the service at the end of the notice period and return the booking history as CSV.', channel: 'letter', daysAgo: 121, acknowledgedDaysAgo: 120 },
  ],
  subprocessors: [
    {
      id: 'deskflow-calendarsync',
      name: 'CalendarSync Cloud',
      service: 'calendar integration (free/busy, room calendars)',
      location: 'IE',
      transferMechanism: 'NONE_EEA',
      proposedDaysAgo: 320,
      approvals: [{ controllerId: 'contoso', daysAgo: 315 }],
      additions: [{ controllerId: 'contoso', daysAgo: 314 }, { controllerId: 'fabrikam', daysAgo: 300 }, { controllerId: 'northwind', daysAgo: 285 }],
    },
    {
      id: 'deskflow-officegraph',
      name: 'OfficeSuite Graph',
      service: 'office-suite integration (directory sync, Teams presence)',
      location: 'US',
      transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
      proposedDaysAgo: 200,
      objections: [{ controllerId: 'northwind', daysAgo: 190, reason: 'No transfer of employee presence data to the United States.' }],
      additions: [{ controllerId: 'fabrikam', daysAgo: 180 }],
    },
    { id: 'deskflow-floorplans', name: 'FloorPlan Maps', service: 'interactive floor plans', location: 'FR', transferMechanism: 'NONE_EEA', proposedDaysAgo: 5 },
  ],
  audits: [
    {
      id: 'deskflow-audit-northwind-2025',
      controllerId: 'northwind',
      requestedDaysAgo: 160,
      dueDaysAgo: 120,
      answeredDaysAgo: 150,
      submittedDaysAgo: 145,
      finding: { id: 'restore-test', daysAgo: 135, text: 'No evidence of a restore test in the last twelve months.', severity: 'MEDIUM', questionId: 'security.restore' },
      closed: { daysAgo: 110, conclusion: 'Compliant once the restore test report was provided.' },
    },
    { id: 'deskflow-audit-contoso-2026', controllerId: 'contoso', requestedDaysAgo: 30, dueDaysAgo: 5 },
  ],
  requests: [
    { id: 'deskflow-northwind-access', controllerId: 'northwind', type: 'ACCESS', requester: { name: 'Marta Kowalski', email: 'marta.kowalski@example.org' }, receivedDaysAgo: 45, forwardedDaysAgo: 44 },
    { id: 'deskflow-contoso-erasure', controllerId: 'contoso', type: 'ERASURE', requester: { name: 'Lucas Bernard', email: 'lucas.bernard@example.org' }, receivedDaysAgo: 20, forwardedDaysAgo: 19, extended: { daysAgo: 10, months: 2, reason: 'Bookings are spread over three sites and two archived tenants.' } },
    { id: 'deskflow-northwind-rectification', controllerId: 'northwind', type: 'RECTIFICATION', requester: { name: 'Ana Silva' }, receivedDaysAgo: 100, forwardedDaysAgo: 99, completedDaysAgo: 90 },
  ],
  breaches: [
    {
      id: 'deskflow-misrouted-report',
      detectedDaysAgo: 60,
      nature: 'A weekly floor-occupancy report with employee names was sent to the wrong team inside the client.',
      dataSubjectCategories: ['employees'],
      approximateDataSubjectCount: 35,
      recordCategories: ['desk bookings'],
      approximateRecordCount: 140,
      likelyConsequences: 'Colleagues learnt who was in the office on which days.',
      measures: 'Recipients deleted the e-mail; report recipients are now checked against the directory.',
      riskLevel: 'UNLIKELY',
      controllers: [{ controllerId: 'northwind', notifiedAfterHours: 5 }],
      closedDaysAgo: 55,
      summary: 'Internal disclosure only, documented under Art. 33(5); no notification to the authority needed.',
    },
  ],
  auditAnswers: standardAuditAnswers('DeskFlow', 'France (OVH, Roubaix)'),
};
