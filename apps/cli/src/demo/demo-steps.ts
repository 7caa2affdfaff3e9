import type { Command } from '@nestjs/cqrs';
import { DEFAULT_QUESTIONNAIRE_TEMPLATE_ID, findQuestionnaireTemplate, type QuestionnaireTemplate } from '@ledger/domain';
import type { AppendResult } from '@ledger/event-store';
import { ExecuteDpaCommand } from '@ledger/api/agreements/dpa.commands';
import { ExecuteAuditCommand } from '@ledger/api/audits/audit.commands';
import { ExecuteBreachCommand } from '@ledger/api/breaches/breach.commands';
import { ExecuteDataSubjectRequestCommand } from '@ledger/api/data-subject-requests/data-subject-request.commands';
import { ExecuteInstructionCommand } from '@ledger/api/instructions/instruction.commands';
import type { CommandMeta } from '@ledger/api/ledger/decider-executor';
import { ExecuteProcessingActivityCommand } from '@ledger/api/processing-activities/processing-activity.commands';
import { ExecuteSubprocessorCommand } from '@ledger/api/subprocessors/subprocessor.commands';
import type { AgreementScenario, AuditScenario, BreachScenario, ProcessorScenario, RequestScenario, SubprocessorScenario } from './scenario';

/** One command of the demo, at a time given in days before the run. */
export interface DemoStep {
  /** Stable within the tenant: the command id is built from it, so a second run replays. */
  key: string;
  daysAgo: number;
  command(occurredAt: Date, meta: CommandMeta, daysAgo: (days: number) => Date): Command<{ write: AppendResult }>;
}

const HOURS_PER_DAY = 24;
const TEMPLATE = findQuestionnaireTemplate(DEFAULT_QUESTIONNAIRE_TEMPLATE_ID) as QuestionnaireTemplate;
const step = (key: string, daysAgo: number, command: DemoStep['command']): DemoStep => ({ key, daysAgo, command });

function agreementSteps(a: AgreementScenario): DemoStep[] {
  const { controllerId } = a;
  const steps = [
    step(`dpa:${controllerId}:sign`, a.signedDaysAgo, (occurredAt, meta) => {
      const { controllerName, clauses, subprocessorAuthorisation, objectionWindowDays, breachNotificationHours } = a;
      const terms = { controllerName, clauses, subprocessorAuthorisation, objectionWindowDays, breachNotificationHours };
      return new ExecuteDpaCommand({ type: 'SignDataProcessingAgreement', data: { controllerId, ...terms, effectiveDate: occurredAt, occurredAt } }, meta);
    }),
  ];
  const end = a.terminated;
  if (!end) return steps;
  steps.push(
    step(`dpa:${controllerId}:terminate`, end.daysAgo, (occurredAt, meta, daysAgo) =>
      new ExecuteDpaCommand({ type: 'TerminateDataProcessingAgreement', data: { controllerId, effectiveDate: daysAgo(end.effectiveDaysAgo), occurredAt } }, meta),
    ),
  );
  if (end.dataReturnedDaysAgo !== undefined)
    steps.push(step(`dpa:${controllerId}:returned`, end.dataReturnedDaysAgo, (occurredAt, meta) => new ExecuteDpaCommand({ type: 'RecordControllerDataReturned', data: { controllerId, occurredAt } }, meta)));
  if (end.dataDeletedDaysAgo !== undefined)
    steps.push(step(`dpa:${controllerId}:deleted`, end.dataDeletedDaysAgo, (occurredAt, meta) => new ExecuteDpaCommand({ type: 'RecordControllerDataDeleted', data: { controllerId, occurredAt } }, meta)));
  return steps;
}

function subprocessorSteps(s: SubprocessorScenario): DemoStep[] {
  const subprocessorId = s.id;
  const { name, service, location, transferMechanism } = s;
  const decision = (controllerId: string, occurredAt: Date) => ({ subprocessorId, controllerId, occurredAt });
  return [
    step(`subprocessor:${s.id}:propose`, s.proposedDaysAgo, (occurredAt, meta) =>
      new ExecuteSubprocessorCommand({ type: 'ProposeSubprocessor', data: { subprocessorId, name, service, location, transferMechanism, occurredAt } }, meta),
    ),
    ...(s.objections ?? []).map((o) =>
      step(`subprocessor:${s.id}:object:${o.controllerId}`, o.daysAgo, (occurredAt, meta) =>
        new ExecuteSubprocessorCommand({ type: 'ObjectToSubprocessor', data: { ...decision(o.controllerId, occurredAt), reason: o.reason } }, meta),
      ),
    ),
    ...(s.approvals ?? []).map((o) =>
      step(`subprocessor:${s.id}:approve:${o.controllerId}`, o.daysAgo, (occurredAt, meta) =>
        new ExecuteSubprocessorCommand({ type: 'ApproveSubprocessor', data: decision(o.controllerId, occurredAt) }, meta),
      ),
    ),
    ...(s.additions ?? []).map((o) =>
      step(`subprocessor:${s.id}:add:${o.controllerId}`, o.daysAgo, (occurredAt, meta) =>
        new ExecuteSubprocessorCommand({ type: 'AddSubprocessor', data: decision(o.controllerId, occurredAt) }, meta),
      ),
    ),
  ];
}

/** Questions already answered in an earlier audit come pre-filled; answering one again is allowed and refreshes it. */
function auditSteps(a: AuditScenario, answers: ProcessorScenario['auditAnswers']): DemoStep[] {
  const auditId = a.id;
  const steps = [
    step(`audit:${auditId}:request`, a.requestedDaysAgo, (occurredAt, meta, daysAgo) =>
      new ExecuteAuditCommand(
        { type: 'RequestAudit', data: { auditId, controllerId: a.controllerId, templateId: TEMPLATE.templateId, dueAt: daysAgo(a.dueDaysAgo), occurredAt } },
        meta,
      ),
    ),
  ];
  if (a.answeredDaysAgo !== undefined) {
    const answeredDaysAgo = a.answeredDaysAgo;
    steps.push(
      ...TEMPLATE.questions.map(({ questionId, topic }) =>
        step(`audit:${auditId}:answer:${questionId}`, answeredDaysAgo, (occurredAt, meta) =>
          new ExecuteAuditCommand({ type: 'AnswerAudit', data: { auditId, questionId, answer: answers[topic], evidence: [], cites: [], occurredAt } }, meta),
        ),
      ),
    );
  }
  if (a.submittedDaysAgo !== undefined)
    steps.push(step(`audit:${auditId}:submit`, a.submittedDaysAgo, (occurredAt, meta) => new ExecuteAuditCommand({ type: 'SubmitAudit', data: { auditId, occurredAt } }, meta)));
  const { finding, closed } = a;
  if (finding)
    steps.push(
      step(`audit:${auditId}:finding:${finding.id}`, finding.daysAgo, (occurredAt, meta) => {
        const { text, severity, questionId } = finding;
        return new ExecuteAuditCommand({ type: 'RaiseAuditFinding', data: { auditId, findingId: finding.id, text, severity, questionId, occurredAt } }, meta);
      }),
    );
  if (closed)
    steps.push(step(`audit:${auditId}:close`, closed.daysAgo, (occurredAt, meta) => new ExecuteAuditCommand({ type: 'CloseAudit', data: { auditId, conclusion: closed.conclusion, occurredAt } }, meta)));
  return steps;
}

function requestSteps(r: RequestScenario): DemoStep[] {
  const requestId = r.id;
  const steps = [
    step(`dsr:${requestId}:receive`, r.receivedDaysAgo, (occurredAt, meta) =>
      new ExecuteDataSubjectRequestCommand(
        { type: 'ReceiveDataSubjectRequest', data: { requestId, controllerId: r.controllerId, requestType: r.type, requester: r.requester, occurredAt } },
        meta,
      ),
    ),
  ];
  if (r.forwardedDaysAgo !== undefined)
    steps.push(step(`dsr:${requestId}:forward`, r.forwardedDaysAgo, (occurredAt, meta) => new ExecuteDataSubjectRequestCommand({ type: 'ForwardDataSubjectRequest', data: { requestId, occurredAt } }, meta)));
  const { extended } = r;
  if (extended)
    steps.push(
      step(`dsr:${requestId}:extend`, extended.daysAgo, (occurredAt, meta) =>
        new ExecuteDataSubjectRequestCommand({ type: 'ExtendDataSubjectRequest', data: { requestId, months: extended.months, reason: extended.reason, occurredAt } }, meta),
      ),
    );
  if (r.completedDaysAgo !== undefined)
    steps.push(step(`dsr:${requestId}:complete`, r.completedDaysAgo, (occurredAt, meta) => new ExecuteDataSubjectRequestCommand({ type: 'CompleteDataSubjectRequest', data: { requestId, occurredAt } }, meta)));
  return steps;
}

function breachSteps(b: BreachScenario): DemoStep[] {
  const { id: breachId, detectedDaysAgo, controllers, closedDaysAgo, summary, ...details } = b;
  const hoursAfterDetection = (hours: number) => detectedDaysAgo - hours / HOURS_PER_DAY;
  const controllerIds = controllers.map((c) => c.controllerId);
  const steps = [
    step(`breach:${breachId}:detect`, detectedDaysAgo, (occurredAt, meta) =>
      new ExecuteBreachCommand({ type: 'RecordBreach', data: { breachId, ...details, controllerIds, occurredAt } }, meta),
    ),
  ];
  for (const { controllerId, notifiedAfterHours, authority, subjects } of controllers) {
    if (notifiedAfterHours !== undefined)
      steps.push(
        step(`breach:${breachId}:notify:${controllerId}`, hoursAfterDetection(notifiedAfterHours), (occurredAt, meta) =>
          new ExecuteBreachCommand({ type: 'NotifyControllerOfBreach', data: { breachId, controllerId, occurredAt } }, meta),
        ),
      );
    if (authority)
      steps.push(
        step(`breach:${breachId}:authority:${controllerId}`, hoursAfterDetection(authority.afterHours), (occurredAt, meta) =>
          new ExecuteBreachCommand(
            { type: 'NotifyAuthorityOfBreach', data: { breachId, controllerId, authority: authority.authority, delayReasons: authority.delayReasons ?? null, occurredAt } },
            meta,
          ),
        ),
      );
    if (subjects)
      steps.push(
        step(`breach:${breachId}:subjects:${controllerId}`, hoursAfterDetection(subjects.afterHours), (occurredAt, meta) =>
          new ExecuteBreachCommand({ type: 'NotifySubjectsOfBreach', data: { breachId, controllerId, means: subjects.means, occurredAt } }, meta),
        ),
      );
  }
  if (closedDaysAgo !== undefined)
    steps.push(step(`breach:${breachId}:close`, closedDaysAgo, (occurredAt, meta) => new ExecuteBreachCommand({ type: 'CloseBreach', data: { breachId, summary: summary ?? null, occurredAt } }, meta)));
  return steps;
}

/**
 * Every command of a processor's year, oldest first. Sorting by time (stable, so the order
 * written within one record and one day is kept) makes the cross-record rules hold as they did
 * in reality: an instruction arrives after its agreement, an engagement after the objection window.
 */
export function demoSteps(s: ProcessorScenario): DemoStep[] {
  const steps = [
    ...s.agreements.flatMap(agreementSteps),
    ...s.activities.map((a) =>
      step(`activity:${a.id}:record`, a.daysAgo, (occurredAt, meta) => {
        const { controllerId, name, categoriesOfProcessing, transfers, securityMeasures } = a;
        const data = { processingActivityId: a.id, role: 'PROCESSOR' as const, controllerId, name, categoriesOfProcessing, transfers, securityMeasures, occurredAt };
        return new ExecuteProcessingActivityCommand({ type: 'RecordProcessingActivity', data }, meta);
      }),
    ),
    ...s.instructions.flatMap((i) => {
      const instructionId = i.id;
      const { controllerId, subject, text, channel, flaggedAsInfringing } = i;
      const steps = [
        step(`instruction:${i.id}:receive`, i.daysAgo, (occurredAt, meta) =>
          new ExecuteInstructionCommand({ type: 'ReceiveInstruction', data: { instructionId, controllerId, subject, text, channel, documentSha256: null, occurredAt } }, meta),
        ),
      ];
      if (i.acknowledgedDaysAgo !== undefined)
        steps.push(step(`instruction:${i.id}:acknowledge`, i.acknowledgedDaysAgo, (occurredAt, meta) => new ExecuteInstructionCommand({ type: 'AcknowledgeInstruction', data: { instructionId, occurredAt } }, meta)));
      if (flaggedAsInfringing)
        steps.push(
          step(`instruction:${i.id}:flag`, flaggedAsInfringing.daysAgo, (occurredAt, meta) =>
            new ExecuteInstructionCommand({ type: 'FlagInstructionAsInfringing', data: { instructionId, reason: flaggedAsInfringing.reason, occurredAt } }, meta),
          ),
        );
      return steps;
    }),
    ...s.subprocessors.flatMap(subprocessorSteps),
    ...s.audits.flatMap((a) => auditSteps(a, s.auditAnswers)),
    ...s.requests.flatMap(requestSteps),
    ...s.breaches.flatMap(breachSteps),
  ];
  return steps.sort((a, b) => b.daysAgo - a.daysAgo);
}
