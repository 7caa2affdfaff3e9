import { inForceAt } from '../agreements/agreement-periods';
import { DEFAULT_BREACH_NOTIFICATION_HOURS, DpaEvent, DpaEvents } from '../agreements/dpa.events';
import { AuditEvent, AuditEvents } from '../audits/audit.events';
import { isAuthorityNotificationRequired } from '../breaches/breach.decider';
import { BreachEvent, BreachEvents } from '../breaches/breach.events';
import { DataSubjectRequestEvent, DataSubjectRequestEvents } from '../data-subject-requests/data-subject-request.events';
import { assertNever, breachAuthorityNotificationDeadline, dataSubjectRequestDueDate } from '../shared';
import { objectionWindowEnd } from '../subprocessors/subprocessor-authorisation';
import { SubprocessorEvent, SubprocessorEvents } from '../subprocessors/subprocessor.events';
import { DeadlineAgreementTerms } from './agreement-terms';
import { breachControllerNotificationDue, endOfContractDataDue } from './deadline-rules';
import { DeadlineKind, Obligation, obligationId } from './obligation';

export type DeadlineEvent = BreachEvent | DataSubjectRequestEvent | SubprocessorEvent | AuditEvent | DpaEvent;

/** An event as the deadlines see it: its id and stream matter, they are what a row points back to. */
export interface DeadlineFact {
  eventId: string;
  stream: string;
  event: DeadlineEvent;
}

/** The tenant's agreements by controller id, as agreementTermsAfter left them. */
export type AgreementsByController = ReadonlyMap<string, DeadlineAgreementTerms>;

type Opening = Pick<Obligation, 'kind' | 'controllerId' | 'startedAt' | 'dueAt'> & { termsEventId?: string };

function opened(fact: DeadlineFact, { kind, controllerId, startedAt, dueAt, termsEventId }: Opening): Obligation {
  return {
    obligationId: obligationId(fact.eventId, kind, controllerId),
    kind,
    stream: fact.stream,
    controllerId,
    startedAt,
    dueAt,
    extensionMonths: 0,
    metAt: null,
    metByEventId: null,
    sourceEventIds: termsEventId ? [termsEventId, fact.eventId] : [fact.eventId],
  };
}

/** Marks as met, by this fact, the open obligations of `kind` (for `controllerId` when given). */
function met(obligations: Obligation[], fact: DeadlineFact, kind: DeadlineKind, controllerId?: string): Obligation[] {
  return obligations.map((o) =>
    o.metAt === null && o.kind === kind && (controllerId === undefined || o.controllerId === controllerId)
      ? { ...o, metAt: fact.event.occurredAt, metByEventId: fact.eventId }
      : o,
  );
}

function breachObligations(obligations: Obligation[], fact: DeadlineFact, event: BreachEvent, agreements: AgreementsByController): Obligation[] {
  switch (event.type) {
    case BreachEvents.Detected: {
      const startedAt = event.occurredAt;
      return event.data.controllerIds.flatMap((controllerId) => {
        const terms = agreements.get(controllerId);
        const hours = terms?.breachNotificationHours ?? DEFAULT_BREACH_NOTIFICATION_HOURS;
        const toController = opened(fact, {
          kind: 'BREACH_CONTROLLER_NOTIFICATION',
          controllerId,
          startedAt,
          dueAt: breachControllerNotificationDue(startedAt, hours),
          termsEventId: terms?.termsEventId,
        });
        if (!isAuthorityNotificationRequired(event.data.riskLevel)) return [toController];
        const dueAt = breachAuthorityNotificationDeadline(startedAt);
        return [toController, opened(fact, { kind: 'BREACH_AUTHORITY_NOTIFICATION', controllerId, startedAt, dueAt })];
      });
    }
    case BreachEvents.ControllerNotified: {
      // The controller becomes aware when its processor tells it: its 72 hours start again from here (Art. 33(1)-(2)).
      const startedAt = event.occurredAt;
      return met(obligations, fact, 'BREACH_CONTROLLER_NOTIFICATION', event.data.controllerId).map((o) =>
        o.kind === 'BREACH_AUTHORITY_NOTIFICATION' && o.controllerId === event.data.controllerId && o.metAt === null
          ? { ...o, startedAt, dueAt: breachAuthorityNotificationDeadline(startedAt), sourceEventIds: [...o.sourceEventIds, fact.eventId] }
          : o,
      );
    }
    case BreachEvents.AuthorityNotified:
      return met(obligations, fact, 'BREACH_AUTHORITY_NOTIFICATION', event.data.controllerId);
    case BreachEvents.SubjectsNotified:
    case BreachEvents.Closed:
      return obligations;
    default:
      return assertNever(event);
  }
}

function dataSubjectRequestObligations(obligations: Obligation[], fact: DeadlineFact, event: DataSubjectRequestEvent): Obligation[] {
  const kind = 'DATA_SUBJECT_REQUEST_RESPONSE';
  switch (event.type) {
    case DataSubjectRequestEvents.Received: {
      const startedAt = event.occurredAt;
      return [opened(fact, { kind, controllerId: event.data.controllerId, startedAt, dueAt: dataSubjectRequestDueDate(startedAt) })];
    }
    case DataSubjectRequestEvents.Extended:
      return obligations.map((o) => {
        if (o.kind !== kind || o.metAt) return o;
        const extensionMonths = o.extensionMonths + event.data.months;
        const dueAt = dataSubjectRequestDueDate(o.startedAt, extensionMonths);
        return { ...o, extensionMonths, dueAt, sourceEventIds: [...o.sourceEventIds, fact.eventId] };
      });
    case DataSubjectRequestEvents.Completed:
      return met(obligations, fact, kind);
    case DataSubjectRequestEvents.Refused:
      // A refusal is due within one month of receipt even when the answer was extended (Art. 12(4)).
      return met(
        obligations.map((o) => (o.kind === kind && !o.metAt ? { ...o, dueAt: dataSubjectRequestDueDate(o.startedAt) } : o)),
        fact,
        kind,
      );
    case DataSubjectRequestEvents.Forwarded:
      return obligations;
    default:
      return assertNever(event);
  }
}

function subprocessorObligations(obligations: Obligation[], fact: DeadlineFact, event: SubprocessorEvent, agreements: AgreementsByController): Obligation[] {
  const kind = 'SUBPROCESSOR_OBJECTION_WINDOW';
  switch (event.type) {
    case SubprocessorEvents.Proposed: {
      // Only controllers under a general authorisation get a window; the others approve one by one.
      const startedAt = event.occurredAt;
      return [...agreements.values()]
        .filter((terms) => terms.subprocessorAuthorisation === 'GENERAL' && inForceAt(terms.periods, startedAt))
        .map(({ controllerId, objectionWindowDays, termsEventId }) =>
          opened(fact, { kind, controllerId, startedAt, dueAt: objectionWindowEnd(startedAt, objectionWindowDays), termsEventId }),
        );
    }
    case SubprocessorEvents.Objected:
    case SubprocessorEvents.Added:
      return met(obligations, fact, kind, event.data.controllerId);
    case SubprocessorEvents.Removed:
      return met(obligations, fact, kind);
    case SubprocessorEvents.Approved:
      return obligations;
    default:
      return assertNever(event);
  }
}

function auditObligations(obligations: Obligation[], fact: DeadlineFact, event: AuditEvent): Obligation[] {
  switch (event.type) {
    case AuditEvents.Requested: {
      const { controllerId, dueAt } = event.data;
      return [opened(fact, { kind: 'AUDIT_DUE', controllerId, startedAt: event.occurredAt, dueAt: new Date(dueAt) })];
    }
    case AuditEvents.Submitted:
      return met(obligations, fact, 'AUDIT_DUE');
    case AuditEvents.Answered:
    case AuditEvents.FindingRaised:
    case AuditEvents.Closed:
      return obligations;
    default:
      return assertNever(event);
  }
}

function agreementObligations(obligations: Obligation[], fact: DeadlineFact, event: DpaEvent): Obligation[] {
  const kind = 'END_OF_CONTRACT_DATA';
  switch (event.type) {
    case DpaEvents.Terminated: {
      const startedAt = new Date(event.data.effectiveDate);
      return [...obligations, opened(fact, { kind, controllerId: event.data.controllerId, startedAt, dueAt: endOfContractDataDue(startedAt) })];
    }
    // Returned or deleted, at the controller's choice (Art. 28(3)(g)); a new agreement means the
    // service goes on, so there is no end of the provision of services to act on any more.
    case DpaEvents.ControllerDataReturned:
    case DpaEvents.ControllerDataDeleted:
    case DpaEvents.Signed:
      return met(obligations, fact, kind);
    case DpaEvents.Amended:
      return obligations;
    default:
      return assertNever(event);
  }
}

/** A type guard per concept, from its owned event names. */
function eventOf<E extends DeadlineEvent>(names: Record<string, string>) {
  const types = new Set(Object.values(names));
  return (event: DeadlineEvent): event is E => types.has(event.type);
}
const isBreachEvent = eventOf<BreachEvent>(BreachEvents);
const isDataSubjectRequestEvent = eventOf<DataSubjectRequestEvent>(DataSubjectRequestEvents);
const isSubprocessorEvent = eventOf<SubprocessorEvent>(SubprocessorEvents);
const isAuditEvent = eventOf<AuditEvent>(AuditEvents);

/**
 * The obligations of one record (stream) after one more of its events. `obligations` are those
 * the record's earlier events opened; `agreements` are read when an event opens obligations
 * whose due date the controller's agreement sets (breach hours, objection window).
 */
export function evolveObligations(obligations: Obligation[], fact: DeadlineFact, agreements: AgreementsByController): Obligation[] {
  const { event } = fact;
  if (isBreachEvent(event)) return breachObligations(obligations, fact, event, agreements);
  if (isDataSubjectRequestEvent(event)) return dataSubjectRequestObligations(obligations, fact, event);
  if (isSubprocessorEvent(event)) return subprocessorObligations(obligations, fact, event, agreements);
  if (isAuditEvent(event)) return auditObligations(obligations, fact, event);
  return agreementObligations(obligations, fact, event);
}

/** The stored event types that move a deadline. */
export const DEADLINE_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  ...Object.values(BreachEvents),
  ...Object.values(DataSubjectRequestEvents),
  ...Object.values(SubprocessorEvents),
  ...Object.values(AuditEvents),
  ...Object.values(DpaEvents),
]);
