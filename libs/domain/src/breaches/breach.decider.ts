import {
  assertNever,
  assertOccurredAtInOrder,
  breachAuthorityNotificationDeadline,
  Decider,
  DecisionContext,
  DomainError,
  isBreachAuthorityNotificationLate,
  requireText,
} from '../shared';
import { BreachCommand } from './breach.commands';
import { BREACH_SCHEMA_VERSION as v, BreachDetectedData, BreachEvent, BreachEvents, BreachRiskLevel } from './breach.events';

export const BREACH_STATUSES = ['OPEN', 'CLOSED'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

/** Where one affected controller stands: told by the processor, then (its own duties) authority and subjects. */
export interface BreachControllerNotice {
  controllerId: string;
  notifiedAt: Date | null;
  authority: string | null;
  authorityNotifiedAt: Date | null;
  authorityNotificationLate: boolean | null;
  delayReasons: string | null;
  subjectsNotifiedAt: Date | null;
  subjectsNotificationMeans: string | null;
}

export interface Breach extends BreachDetectedData {
  status: BreachStatus;
  detectedAt: Date;
  /**
   * Art. 33(1), counted from the processor's awareness: the earliest moment any controller can be
   * aware, so the earliest possible deadline. Each controller's own deadline runs from when the
   * processor told it (see the deadlines register); lateness is judged against that one.
   */
  authorityNotificationDeadline: Date;
  controllers: BreachControllerNotice[];
  closedAt: Date | null;
  closingSummary: string | null;
  lastOccurredAt: Date;
}

export type BreachState = { status: 'NONE' } | Breach;

/** Art. 33(1): not needed when the breach is unlikely to result in a risk (but still allowed). */
export function isAuthorityNotificationRequired(riskLevel: BreachRiskLevel): boolean {
  return riskLevel !== 'UNLIKELY';
}

/** Art. 34(1): the data subjects are told when the risk to them is high. */
export function isSubjectNotificationRequired(riskLevel: BreachRiskLevel): boolean {
  return riskLevel === 'HIGH_RISK';
}

function requireList(values: string[], field: string): string[] {
  const distinct = [...new Set(values.map((value) => value.trim()).filter(Boolean))];
  if (distinct.length === 0) throw new DomainError(`${field} must name at least one entry`, 'BAD_USER_INPUT', field);
  return distinct;
}

function requireCount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new DomainError(`${field} must be a whole number, 0 or more`, 'BAD_USER_INPUT', field);
  return value;
}

function recorded(state: BreachState, breachId: string, occurredAt: Date, now: Date): Breach {
  if (state.status === 'NONE') throw new DomainError(`no breach ${breachId}`, 'NOT_FOUND', 'breachId');
  assertOccurredAtInOrder(occurredAt, state.lastOccurredAt, now);
  return state;
}

function open(state: BreachState, breachId: string, occurredAt: Date, now: Date): Breach {
  if (state.status === 'CLOSED') throw new DomainError(`breach ${breachId} is closed`);
  return recorded(state, breachId, occurredAt, now);
}

function affected(breach: Breach, controllerId: string): BreachControllerNotice {
  const notice = breach.controllers.find((c) => c.controllerId === controllerId);
  if (!notice) throw new DomainError(`controller ${controllerId} is not affected by breach ${breach.breachId}`, 'BAD_USER_INPUT', 'controllerId');
  return notice;
}

/**
 * Art. 33(1): the controller's 72 hours run from its own awareness, and a controller becomes aware
 * of a processor's breach when the processor tells it (Art. 33(2); EDPB Guidelines 9/2022, point 41).
 */
function controllerAwareAt(breach: Breach, notice: BreachControllerNotice): Date {
  return notice.notifiedAt ?? breach.detectedAt;
}

/** A controller acts on a breach (authority, subjects) only once its processor has told it. */
function informed(breach: Breach, controllerId: string, action: string): BreachControllerNotice {
  const notice = affected(breach, controllerId);
  if (!notice.notifiedAt)
    throw new DomainError(`cannot ${action}: controller ${controllerId} has not been notified of the breach yet`, 'BAD_USER_INPUT', 'controllerId');
  return notice;
}

function decide(command: BreachCommand, state: BreachState, { now }: DecisionContext): BreachEvent[] {
  const { breachId, occurredAt } = command.data;
  switch (command.type) {
    case 'RecordBreach': {
      if (state.status !== 'NONE') throw new DomainError(`breach ${breachId} was already recorded`);
      assertOccurredAtInOrder(occurredAt, null, now);
      const c = command.data;
      const data: BreachDetectedData = {
        breachId,
        nature: requireText(c.nature, 'nature'),
        dataSubjectCategories: requireList(c.dataSubjectCategories, 'dataSubjectCategories'),
        approximateDataSubjectCount: requireCount(c.approximateDataSubjectCount, 'approximateDataSubjectCount'),
        recordCategories: requireList(c.recordCategories, 'recordCategories'),
        approximateRecordCount: requireCount(c.approximateRecordCount, 'approximateRecordCount'),
        likelyConsequences: requireText(c.likelyConsequences, 'likelyConsequences'),
        measures: requireText(c.measures, 'measures'),
        controllerIds: requireList(c.controllerIds, 'controllerIds'),
        riskLevel: c.riskLevel,
      };
      return [{ type: BreachEvents.Detected, schemaVersion: v, occurredAt, data }];
    }
    case 'NotifyControllerOfBreach': {
      const breach = open(state, breachId, occurredAt, now);
      const { controllerId } = command.data;
      if (affected(breach, controllerId).notifiedAt)
        throw new DomainError(`controller ${controllerId} was already notified of breach ${breachId}`, 'BAD_USER_INPUT', 'controllerId');
      return [{ type: BreachEvents.ControllerNotified, schemaVersion: v, occurredAt, data: { breachId, controllerId } }];
    }
    case 'NotifyAuthorityOfBreach': {
      // The controllers' own notifications may come after the processor closed its record of the breach.
      const breach = recorded(state, breachId, occurredAt, now);
      const { controllerId } = command.data;
      const notice = informed(breach, controllerId, 'notify the authority');
      if (notice.authorityNotifiedAt)
        throw new DomainError(`the authority was already notified for controller ${controllerId}`, 'BAD_USER_INPUT', 'controllerId');
      const authority = requireText(command.data.authority, 'authority');
      const delayReasons = command.data.delayReasons?.trim() || null;
      const awareAt = controllerAwareAt(breach, notice);
      if (!delayReasons && isBreachAuthorityNotificationLate(awareAt, occurredAt))
        throw new DomainError(
          `the notification comes after the 72-hour deadline (${breachAuthorityNotificationDeadline(awareAt).toISOString()}): state the reasons for the delay`,
          'BAD_USER_INPUT',
          'delayReasons',
        );
      return [{ type: BreachEvents.AuthorityNotified, schemaVersion: v, occurredAt, data: { breachId, controllerId, authority, delayReasons } }];
    }
    case 'NotifySubjectsOfBreach': {
      // Allowed below HIGH_RISK too: Art. 34(1) makes it mandatory there, and nothing forbids telling subjects otherwise.
      const breach = recorded(state, breachId, occurredAt, now);
      const { controllerId } = command.data;
      if (informed(breach, controllerId, 'notify the data subjects').subjectsNotifiedAt)
        throw new DomainError(`the data subjects were already notified for controller ${controllerId}`, 'BAD_USER_INPUT', 'controllerId');
      const means = requireText(command.data.means, 'means');
      return [{ type: BreachEvents.SubjectsNotified, schemaVersion: v, occurredAt, data: { breachId, controllerId, means } }];
    }
    case 'CloseBreach': {
      // Closing asks only what the processor owes (Art. 33(2)); notifying the authority and the
      // subjects are the controllers' duties, and a breach stays documented either way (Art. 33(5)).
      const breach = open(state, breachId, occurredAt, now);
      const untold = breach.controllers.filter((c) => !c.notifiedAt).map((c) => c.controllerId);
      if (untold.length)
        throw new DomainError(`cannot close breach ${breachId}: controllers not notified yet: ${untold.join(', ')}`);
      const summary = command.data.summary?.trim() || null;
      return [{ type: BreachEvents.Closed, schemaVersion: v, occurredAt, data: { breachId, summary } }];
    }
    default:
      return assertNever(command);
  }
}

function withNotice(breach: Breach, controllerId: string, change: Partial<BreachControllerNotice>, at: Date): Breach {
  const controllers = breach.controllers.map((c) => (c.controllerId === controllerId ? { ...c, ...change } : c));
  return { ...breach, controllers, lastOccurredAt: at };
}

function evolve(state: BreachState, event: BreachEvent): BreachState {
  const at = event.occurredAt;
  if (event.type === BreachEvents.Detected) {
    return {
      ...event.data,
      status: 'OPEN',
      detectedAt: at,
      authorityNotificationDeadline: breachAuthorityNotificationDeadline(at),
      controllers: event.data.controllerIds.map((controllerId) => ({
        controllerId,
        notifiedAt: null,
        authority: null,
        authorityNotifiedAt: null,
        authorityNotificationLate: null,
        delayReasons: null,
        subjectsNotifiedAt: null,
        subjectsNotificationMeans: null,
      })),
      closedAt: null,
      closingSummary: null,
      lastOccurredAt: at,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case BreachEvents.ControllerNotified:
      return withNotice(state, event.data.controllerId, { notifiedAt: at }, at);
    case BreachEvents.AuthorityNotified: {
      const { controllerId, authority, delayReasons } = event.data;
      const notice = state.controllers.find((c) => c.controllerId === controllerId);
      const late = isBreachAuthorityNotificationLate(notice ? controllerAwareAt(state, notice) : state.detectedAt, at);
      return withNotice(state, controllerId, { authority, authorityNotifiedAt: at, authorityNotificationLate: late, delayReasons }, at);
    }
    case BreachEvents.SubjectsNotified:
      return withNotice(state, event.data.controllerId, { subjectsNotifiedAt: at, subjectsNotificationMeans: event.data.means }, at);
    case BreachEvents.Closed:
      return { ...state, status: 'CLOSED', closedAt: at, closingSummary: event.data.summary, lastOccurredAt: at };
    default:
      return assertNever(event);
  }
}

export const breachDecider: Decider<BreachCommand, BreachState, BreachEvent> = {
  initialState: { status: 'NONE' },
  decide,
  evolve,
};
