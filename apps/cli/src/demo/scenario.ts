import type {
  Art28Clause,
  AuditTopic,
  BreachDetectedData,
  DataSubjectRight,
  FindingSeverity,
  InstructionChannel,
  SubprocessorAuthorisation,
  SubprocessorTransferMechanism,
  TransferMechanism,
} from '@ledger/domain';

/**
 * A processor's year in the ledger, as data. Times are days before the run (fractions allowed),
 * so the history always ends today and the overdue items stay overdue whenever it is loaded.
 */
export interface ProcessorScenario {
  tenantId: string;
  processorName: string;
  /** One line for the summary. */
  description: string;
  agreements: AgreementScenario[];
  activities: ActivityScenario[];
  instructions: InstructionScenario[];
  subprocessors: SubprocessorScenario[];
  audits: AuditScenario[];
  requests: RequestScenario[];
  breaches: BreachScenario[];
  /** The processor's standing answer per questionnaire topic. */
  auditAnswers: Record<AuditTopic, string>;
}

export interface AgreementScenario {
  controllerId: string;
  controllerName: string;
  clauses: Art28Clause[];
  subprocessorAuthorisation: SubprocessorAuthorisation;
  objectionWindowDays: number;
  breachNotificationHours: number;
  signedDaysAgo: number;
  terminated?: { daysAgo: number; effectiveDaysAgo: number; dataReturnedDaysAgo?: number; dataDeletedDaysAgo?: number };
}

export interface ActivityScenario {
  id: string;
  controllerId: string;
  name: string;
  categoriesOfProcessing: string[];
  transfers?: Array<{ country: string; mechanism: TransferMechanism }>;
  securityMeasures: string;
  daysAgo: number;
}

export interface InstructionScenario {
  id: string;
  controllerId: string;
  subject: string;
  text: string;
  channel: InstructionChannel;
  daysAgo: number;
  acknowledgedDaysAgo?: number;
  flaggedAsInfringing?: { daysAgo: number; reason: string };
}

export interface SubprocessorScenario {
  id: string;
  name: string;
  service: string;
  location: string;
  transferMechanism: SubprocessorTransferMechanism;
  proposedDaysAgo: number;
  objections?: Array<{ controllerId: string; daysAgo: number; reason: string }>;
  approvals?: Array<{ controllerId: string; daysAgo: number }>;
  additions?: Array<{ controllerId: string; daysAgo: number }>;
}

export interface AuditScenario {
  id: string;
  controllerId: string;
  requestedDaysAgo: number;
  /** Negative: due in the future. */
  dueDaysAgo: number;
  /** When the questions not pre-filled from an earlier audit were answered. */
  answeredDaysAgo?: number;
  submittedDaysAgo?: number;
  finding?: { id: string; daysAgo: number; text: string; severity: FindingSeverity; questionId: string };
  closed?: { daysAgo: number; conclusion: string };
}

export interface RequestScenario {
  id: string;
  controllerId: string;
  type: DataSubjectRight;
  requester: { name?: string; email?: string; phone?: string };
  receivedDaysAgo: number;
  forwardedDaysAgo?: number;
  extended?: { daysAgo: number; months: number; reason: string };
  completedDaysAgo?: number;
}

/** What Art. 33(3) asks to describe, plus when each step happened. */
export interface BreachScenario extends Omit<BreachDetectedData, 'breachId' | 'controllerIds'> {
  id: string;
  detectedDaysAgo: number;
  /** Each affected controller, and how many hours after detection each notice went out. */
  controllers: Array<{
    controllerId: string;
    notifiedAfterHours?: number;
    authority?: { afterHours: number; authority: string; delayReasons?: string };
    subjects?: { afterHours: number; means: string };
  }>;
  closedDaysAgo?: number;
  summary?: string;
}
